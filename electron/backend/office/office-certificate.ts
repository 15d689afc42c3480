import fs from 'node:fs';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import net from 'node:net';
import { generate } from 'selfsigned';

export interface OfficeCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the DER certificate, 'AA:BB:…' as browsers and `openssl x509 -fingerprint` print it. */
  fingerprint: string;
  /** Where it came from, for the console. */
  source: 'generated' | 'kept' | 'given';
  certFile: string;
}

/** The folder inside the data folder that holds the generated certificate and its key. */
export const TLS_DIR = 'tls';
const CERT_FILE = 'office-cert.pem';
const KEY_FILE = 'office-key.pem';
const NAMES_FILE = 'office-cert-names.json';

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/**
 * The given certificate (`--tls-cert/--tls-key`, e.g. from the province's CA), or the self-signed one kept in
 * the data folder, generated on first start for the office's names and addresses. It is generated again only
 * when the names change — which changes its fingerprint, so every pinned desktop client refuses it until
 * someone confirms the new one.
 */
export async function loadOfficeCertificate(options: {
  dataDir: string;
  names: readonly string[];
  certFile?: string;
  keyFile?: string;
}): Promise<OfficeCertificate> {
  if (options.certFile || options.keyFile) {
    if (!options.certFile || !options.keyFile) throw new Error('--tls-cert and --tls-key go together');
    const cert = fs.readFileSync(options.certFile, 'utf8');
    const key = fs.readFileSync(options.keyFile, 'utf8');
    return {
      cert,
      key,
      fingerprint: fingerprintOf(cert),
      source: 'given',
      certFile: path.resolve(options.certFile),
    };
  }
  const dir = path.join(options.dataDir, TLS_DIR);
  const certFile = path.join(dir, CERT_FILE);
  const keyFile = path.join(dir, KEY_FILE);
  const namesFile = path.join(dir, NAMES_FILE);
  const wanted = [...new Set(options.names)].sort();
  if (fs.existsSync(certFile) && fs.existsSync(keyFile) && sameNames(namesFile, wanted)) {
    const cert = fs.readFileSync(certFile, 'utf8');
    return {
      cert,
      key: fs.readFileSync(keyFile, 'utf8'),
      fingerprint: fingerprintOf(cert),
      source: 'kept',
      certFile,
    };
  }
  const generated = await generateSelfSigned(wanted);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeAtomically(keyFile, generated.key, 0o600);
  writeAtomically(certFile, generated.cert, 0o644);
  writeAtomically(namesFile, `${JSON.stringify(wanted)}\n`, 0o644);
  return { ...generated, fingerprint: fingerprintOf(generated.cert), source: 'generated', certFile };
}

/** A 10-year RSA-2048 certificate whose subjectAltName lists every name and address desks may use. */
export async function generateSelfSigned(names: readonly string[]): Promise<{ cert: string; key: string }> {
  const altNames = names.map((name) =>
    net.isIP(name) ? { type: 7 as const, ip: name } : { type: 2 as const, value: name },
  );
  const commonName = names.find((name) => !net.isIP(name)) ?? names[0] ?? 'licence-desk';
  const notBefore = new Date(Date.now() - 24 * 3_600_000);
  const notAfter = new Date(notBefore.getTime() + 3650 * 86_400_000);
  const pems = await generate(
    [
      { name: 'commonName', value: commonName },
      { name: 'organizationName', value: 'LicenceDesk' },
    ],
    {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate: notBefore,
      notAfterDate: notAfter,
      extensions: [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames },
      ],
    },
  );
  return { cert: pems.cert, key: pems.private };
}

function sameNames(file: string, wanted: string[]): boolean {
  try {
    return JSON.stringify(JSON.parse(fs.readFileSync(file, 'utf8'))) === JSON.stringify(wanted);
  } catch {
    return false;
  }
}

/** Written beside and renamed over: a crash mid-write never leaves half a key. */
function writeAtomically(file: string, content: string, mode: number): void {
  const temp = `${file}.partial-${process.pid}`;
  const fd = fs.openSync(temp, 'w', mode);
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(temp, mode);
  fs.renameSync(temp, file);
}
