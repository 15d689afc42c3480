import { createHash, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  LICENCE_PAYLOAD_PREFIX,
  decodeLicencePayload,
  generateSigningKey,
  keyIdOf,
  signLicencePayload,
  verifyLicencePayload,
} from './licence-signature';
import type { LicencePayload } from './licence-signature';

const office = generateSigningKey();
const other = generateSigningKey();
const keys = { [office.keyId]: office.publicKeyPem };

function payload(overrides: Partial<LicencePayload> = {}): LicencePayload {
  return {
    v: 1,
    no: '12/GP-SVHTTDL',
    holder: 'Công ty TNHH In ấn Mỹ Thuật Nguyễn Ngọc Ánh',
    procedure: 'IN-XBP-CAP',
    issuedOn: '2026-03-05',
    issuer: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh',
    keyId: office.keyId,
    ...overrides,
  };
}

/** Re-encodes the JSON part of a signed text after `edit`, keeping the original signature. */
function tamper(text: string, edit: (json: string) => string): string {
  const [prefix, body, signature] = text.split('.') as [string, string, string];
  const json = Buffer.from(body, 'base64url').toString('utf8');
  return `${prefix}.${Buffer.from(edit(json), 'utf8').toString('base64url')}.${signature}`;
}

describe('generateSigningKey', () => {
  it('returns an Ed25519 pair whose id is the first 16 hex of SHA-256 over the raw public key', () => {
    expect(office.keyId).toMatch(/^[0-9a-f]{16}$/);
    const publicKey = createPublicKey(office.publicKeyPem);
    expect(publicKey.asymmetricKeyType).toBe('ed25519');
    const der = publicKey.export({ type: 'spki', format: 'der' });
    // An Ed25519 SPKI is a fixed 12-byte prefix followed by the 32-byte raw key.
    const raw = der.subarray(der.length - 32);
    expect(office.keyId).toBe(createHash('sha256').update(raw).digest('hex').slice(0, 16));
    expect(keyIdOf(office.publicKeyPem)).toBe(office.keyId);
    expect(office.privateKeyPem).toContain('BEGIN PRIVATE KEY');
    expect(other.keyId).not.toBe(office.keyId);
  });
});

describe('signLicencePayload / verifyLicencePayload', () => {
  it('round-trips a payload as compact ASCII text', () => {
    const text = signLicencePayload(payload(), office.privateKeyPem);
    expect(text.startsWith(`${LICENCE_PAYLOAD_PREFIX}.`)).toBe(true);
    expect(text).toMatch(/^LD1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyLicencePayload(text, keys)).toEqual({ ok: true, payload: payload() });
    // A Map works as well as a record.
    expect(verifyLicencePayload(text, new Map(Object.entries(keys))).ok).toBe(true);
  });

  it('signs the canonical JSON: sorted keys, NFC strings', () => {
    const text = signLicencePayload(
      payload({ holder: 'Công ty TNHH In ấn Mỹ Thuật Nguyễn Ngọc Ánh'.normalize('NFD') }),
      office.privateKeyPem,
    );
    const json = Buffer.from(text.split('.')[1] ?? '', 'base64url').toString('utf8');
    expect(json.startsWith('{"holder":"Công ty')).toBe(true);
    expect(json).toBe(json.normalize('NFC'));
    const result = verifyLicencePayload(text, keys);
    expect(result.ok && result.payload.holder).toBe('Công ty TNHH In ấn Mỹ Thuật Nguyễn Ngọc Ánh');
  });

  it('carries an optional validUntil', () => {
    const text = signLicencePayload(payload({ validUntil: '2027-03-04' }), office.privateKeyPem);
    const result = verifyLicencePayload(text, keys);
    expect(result.ok && result.payload.validUntil).toBe('2027-03-04');
    expect(decodeLicencePayload(signLicencePayload(payload(), office.privateKeyPem))).not.toHaveProperty(
      'validUntil',
    );
  });

  it('rejects a payload whose holder was changed by one character', () => {
    const text = signLicencePayload(payload(), office.privateKeyPem);
    const forged = tamper(text, (json) => json.replace('Ánh', 'Anh'));
    expect(forged).not.toBe(text);
    expect(decodeLicencePayload(forged)?.holder).toBe('Công ty TNHH In ấn Mỹ Thuật Nguyễn Ngọc Anh');
    expect(verifyLicencePayload(forged, keys)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('rejects a changed number, date or signature', () => {
    const text = signLicencePayload(payload(), office.privateKeyPem);
    expect(
      verifyLicencePayload(
        tamper(text, (j) => j.replace('12/GP', '13/GP')),
        keys,
      ).ok,
    ).toBe(false);
    expect(
      verifyLicencePayload(
        tamper(text, (j) => j.replace('2026-03-05', '2026-03-06')),
        keys,
      ).ok,
    ).toBe(false);
    const signature = text.split('.')[2] ?? '';
    const flipped = `${text.slice(0, text.length - signature.length)}${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect(verifyLicencePayload(flipped, keys)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('names an unknown key, and fails a key that does not match its id', () => {
    const text = signLicencePayload(payload(), office.privateKeyPem);
    expect(verifyLicencePayload(text, { [other.keyId]: other.publicKeyPem })).toEqual({
      ok: false,
      reason: 'unknown_key',
    });
    expect(verifyLicencePayload(text, { [office.keyId]: other.publicKeyPem })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('calls anything that is not a canonical signed payload malformed', () => {
    const text = signLicencePayload(payload(), office.privateKeyPem);
    const [, body, signature] = text.split('.') as [string, string, string];
    const malformed = [
      '',
      'hello',
      `LD2.${body}.${signature}`,
      `LD1.${body}`,
      `LD1.${body}.${signature}.x`,
      `LD1.${body}.${signature.slice(0, 20)}`,
      `LD1.${body}!.${signature}`,
      // Valid JSON, but not the canonical serialisation that was signed.
      tamper(text, (json) => json.replace('{"holder"', '{ "holder"')),
      tamper(text, (json) => json.replace('"v":1', '"v":2')),
      tamper(text, (json) => json.replace('"v":1', '"v":1,"extra":"x"')),
      tamper(text, (json) => json.replace('2026-03-05', '5/3/2026')),
      tamper(text, () => 'not json'),
    ];
    for (const candidate of malformed) {
      expect(verifyLicencePayload(candidate, keys), candidate).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('ignores whitespace, so a code copied from wrapped lines verifies', () => {
    const text = signLicencePayload(payload(), office.privateKeyPem);
    const wrapped = `  ${text.slice(0, 100)}\n${text.slice(100, 200)}\r\n ${text.slice(200)}\n`;
    expect(verifyLicencePayload(wrapped, keys).ok).toBe(true);
  });

  it('refuses to sign an incomplete payload or one naming another key', () => {
    expect(() => signLicencePayload(payload({ holder: ' ' }), office.privateKeyPem)).toThrow(/holder/);
    expect(() => signLicencePayload(payload({ issuedOn: '05/03/2026' }), office.privateKeyPem)).toThrow(
      /issuedOn/,
    );
    expect(() => signLicencePayload(payload({ keyId: other.keyId }), office.privateKeyPem)).toThrow(
      /not the id of this private key/,
    );
  });
});
