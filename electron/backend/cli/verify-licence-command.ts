import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliEnv } from './cli-context';
import { databaseUrlFrom } from '../store/open-store';
import { dataDirFrom, openBackend, reportStartupError } from './cli-context';
import { readLicencePayloadFromPdf } from '../signing/licence-pdf-payload';
import { keyIdOf, verifyLicencePayload } from '../signing/licence-signature';
import { publicKeys } from '../signing/key-store';

const REASONS = {
  malformed: 'the text is not a LicenceDesk licence code',
  unknown_key: 'it was signed with a key this office has not published',
  bad_signature: 'the signature does not match: the licence data was changed',
  no_payload: 'the PDF carries no LicenceDesk verification code',
} as const;

/**
 * `licence-desk verify-licence <file.pdf | payload>`: checks a licence's QR payload offline, with the office's
 * published public key (--key FILE) or the keys in a data folder.
 */
export async function verifyLicenceCommand(args: string[], env: CliEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      database: { type: 'string' },
      key: { type: 'string', multiple: true, default: [] },
    },
    allowPositionals: true,
    strict: true,
  });
  const subject = positionals[0];
  if (!subject) {
    env.stderr('Give a licence PDF or the text of its QR code.\n');
    return 1;
  }
  let payload: string | null = subject;
  if (subject.toLowerCase().endsWith('.pdf')) {
    if (!fs.existsSync(subject)) {
      env.stderr(`No such file: ${subject}\n`);
      return 1;
    }
    payload = await readLicencePayloadFromPdf(fs.readFileSync(subject));
    if (payload === null) {
      env.stdout(`NOT VALID: ${REASONS.no_payload}\n`);
      return 3;
    }
  }
  let keys: Record<string, string>;
  if (values.key.length > 0) {
    keys = Object.fromEntries(
      values.key.map((file) => {
        const pem = fs.readFileSync(file, 'utf8');
        return [keyIdOf(pem), pem];
      }),
    );
  } else {
    try {
      const backend = await openBackend(
        env,
        dataDirFrom(values.data),
        'cli',
        databaseUrlFrom(values.database),
      );
      keys = await publicKeys(backend.ctx.db);
      await backend.close();
    } catch (error) {
      return reportStartupError(env, error);
    }
  }
  const verdict = verifyLicencePayload(payload, keys);
  if (!verdict.ok) {
    env.stdout(`NOT VALID: ${REASONS[verdict.reason]}\n`);
    return 3;
  }
  const p = verdict.payload;
  env.stdout(
    `VALID: licence ${p.no} issued ${p.issuedOn} by ${p.issuer}${p.signer ? ` (signed by ${p.signerTitle ? `${p.signerTitle} ` : ''}${p.signer})` : ''} to ${p.holder} (procedure ${p.procedure}${p.validUntil ? `, valid until ${p.validUntil}` : ''}; key ${p.keyId})\n`,
  );
  return 0;
}
