import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonical-json';

/*
 * The signed payload printed as a QR code on every licence, so that anyone holding the office's published
 * public key can check offline that a paper licence was issued as printed (issue 4 §5).
 *
 * Format: 'LD1.' + base64url(canonical JSON of the payload) + '.' + base64url(Ed25519 signature of those
 * JSON bytes). The JSON is canonical (sorted keys, NFC strings — shared/domain/canonical-json.ts), so a
 * verifier re-serialising what it decoded gets the exact bytes that were signed; anything else is rejected as
 * malformed rather than trusted. Only ASCII leaves this module, which keeps the QR code in byte mode with no
 * charset ambiguity and lets the same text sit in the PDF's Info dictionary as a plain string.
 */

export const LICENCE_PAYLOAD_PREFIX = 'LD1';

export interface LicencePayload {
  readonly v: 1;
  /** Số và ký hiệu as printed, e.g. '12/GP-SVHTTDL'. */
  readonly no: string;
  /** The licensee as printed. */
  readonly holder: string;
  /** Procedure id, e.g. 'XB-TLKKD'. */
  readonly procedure: string;
  /** Date of issue, 'YYYY-MM-DD'. */
  readonly issuedOn: string;
  /** Last day of validity, 'YYYY-MM-DD', for licences with a term (e.g. a bản tin licence). */
  readonly validUntil?: string;
  /**
   * The issuing body as written in a sentence, e.g. 'Ủy ban nhân dân tỉnh Bắc Ninh' or 'Sở Văn hóa, Thể thao
   * và Du lịch tỉnh Bắc Ninh'.
   */
  readonly issuer: string;
  /** Who signed, as printed under the signature (issue 12 §3); absent in payloads issued before. */
  readonly signer?: string;
  /** The signer's position, e.g. 'Phó Chủ tịch'. */
  readonly signerTitle?: string;
  /** Id of the signing key (see `keyIdOf`). */
  readonly keyId: string;
}

export interface SigningKey {
  /** First 16 hex digits of SHA-256 over the raw 32-byte public key. */
  readonly keyId: string;
  /** PKCS#8 PEM. Secret: store it outside the database the licences are in. */
  readonly privateKeyPem: string;
  /** SPKI PEM: the key an office publishes for verifiers. */
  readonly publicKeyPem: string;
}

export type VerifyFailure = 'malformed' | 'unknown_key' | 'bad_signature';

export type VerifyResult =
  | { readonly ok: true; readonly payload: LicencePayload }
  | { readonly ok: false; readonly reason: VerifyFailure };

/** Public keys (SPKI PEM) by key id: a record, or a map. */
export type PublicKeyDirectory = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

const ED25519_SIGNATURE_BYTES = 64;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const KEY_ID = /^[0-9a-f]{16}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PAYLOAD_KEYS = new Set([
  'v',
  'no',
  'holder',
  'procedure',
  'issuedOn',
  'validUntil',
  'issuer',
  'signer',
  'signerTitle',
  'keyId',
]);

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    keyId: keyIdOf(publicKey),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Key id of an Ed25519 public key (PEM or KeyObject): SHA-256 of the raw key, first 16 hex digits. */
export function keyIdOf(publicKey: string | KeyObject): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  assertEd25519(key);
  return createHash('sha256').update(rawPublicKey(key)).digest('hex').slice(0, 16);
}

/**
 * Signs a licence payload with an Ed25519 private key (PKCS#8 PEM) and returns the compact text printed in
 * the QR code. Throws if the payload is incomplete or names a key id other than the private key's own.
 */
export function signLicencePayload(payload: LicencePayload, privateKeyPem: string): string {
  const problems = payloadProblems(payload);
  if (problems.length > 0) throw new RangeError(`Invalid licence payload: ${problems.join('; ')}`);
  const privateKey = createPrivateKey(privateKeyPem);
  assertEd25519(privateKey);
  const ownId = keyIdOf(createPublicKey(privateKey));
  if (payload.keyId !== ownId) {
    // A payload naming another key would verify against nothing, or against the wrong office.
    throw new RangeError(`payload.keyId ${payload.keyId} is not the id of this private key (${ownId})`);
  }
  const json = Buffer.from(canonicalJson(payload), 'utf8');
  const signature = sign(null, json, privateKey);
  return `${LICENCE_PAYLOAD_PREFIX}.${json.toString('base64url')}.${signature.toString('base64url')}`;
}

/**
 * Reads the payload out of a signed text WITHOUT checking the signature: for consistency checks before
 * printing and for showing what a rejected code claims. Never trust the result; use `verifyLicencePayload`.
 * Returns null if the text is not a well-formed payload.
 */
export function decodeLicencePayload(text: string): LicencePayload | null {
  return split(text)?.payload ?? null;
}

/**
 * Verifies a signed licence text against the office's published keys. Whitespace anywhere in the text is
 * ignored, so a code copied from a wrapped line (pdftotext, an e-mail) still verifies.
 */
export function verifyLicencePayload(text: string, publicKeysByKeyId: PublicKeyDirectory): VerifyResult {
  const parts = split(text);
  if (parts === null) return { ok: false, reason: 'malformed' };
  const pem = lookup(publicKeysByKeyId, parts.payload.keyId);
  if (pem === undefined) return { ok: false, reason: 'unknown_key' };
  const publicKey = createPublicKey(pem);
  assertEd25519(publicKey);
  const valid = verify(null, parts.signed, publicKey, parts.signature);
  return valid ? { ok: true, payload: parts.payload } : { ok: false, reason: 'bad_signature' };
}

interface SignedParts {
  readonly payload: LicencePayload;
  readonly signed: Buffer;
  readonly signature: Buffer;
}

function split(text: string): SignedParts | null {
  const compact = text.replace(/\s+/g, '');
  const pieces = compact.split('.');
  if (pieces.length !== 3) return null;
  const [prefix, body, sig] = pieces as [string, string, string];
  if (prefix !== LICENCE_PAYLOAD_PREFIX || !BASE64URL.test(body) || !BASE64URL.test(sig)) return null;
  const signed = Buffer.from(body, 'base64url');
  const signature = Buffer.from(sig, 'base64url');
  // Node's decoder skips junk silently; re-encoding catches trailing bits and other non-canonical forms.
  if (signed.toString('base64url') !== body || signature.toString('base64url') !== sig) return null;
  if (signature.length !== ED25519_SIGNATURE_BYTES) return null;
  const json = signed.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (payloadProblems(parsed).length > 0) return null;
  // Only the canonical serialisation is accepted: the bytes that were signed must be the ones shown.
  if (canonicalJson(parsed) !== json) return null;
  return { payload: parsed as LicencePayload, signed, signature };
}

function payloadProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['not an object'];
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(record)) {
    if (!PAYLOAD_KEYS.has(key) && record[key] !== undefined) problems.push(`unexpected key ${key}`);
  }
  if (record.v !== 1) problems.push('v must be 1');
  for (const key of ['no', 'holder', 'procedure', 'issuer'] as const) {
    const field = record[key];
    if (typeof field !== 'string' || field.trim() === '') problems.push(`${key} must be a non-empty string`);
  }
  if (typeof record.issuedOn !== 'string' || !ISO_DATE.test(record.issuedOn)) {
    problems.push('issuedOn must be YYYY-MM-DD');
  }
  if (
    record.validUntil !== undefined &&
    (typeof record.validUntil !== 'string' || !ISO_DATE.test(record.validUntil))
  ) {
    problems.push('validUntil must be YYYY-MM-DD');
  }
  for (const key of ['signer', 'signerTitle'] as const) {
    const field = record[key];
    if (field !== undefined && (typeof field !== 'string' || field.trim() === '')) {
      problems.push(`${key} must be a non-empty string when present`);
    }
  }
  if (typeof record.keyId !== 'string' || !KEY_ID.test(record.keyId)) {
    problems.push('keyId must be 16 lower-case hex digits');
  }
  return problems;
}

function lookup(directory: PublicKeyDirectory, keyId: string): string | undefined {
  if (directory instanceof Map) return directory.get(keyId);
  const record = directory as Readonly<Record<string, string>>;
  return Object.hasOwn(record, keyId) ? record[keyId] : undefined;
}

function rawPublicKey(key: KeyObject): Buffer {
  // The JWK 'x' member of an OKP key is exactly the raw 32-byte public key (RFC 8037).
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new TypeError('Ed25519 public key without an x coordinate');
  return Buffer.from(jwk.x, 'base64url');
}

function assertEd25519(key: KeyObject): void {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`Expected an Ed25519 key, got ${key.asymmetricKeyType ?? key.type}`);
  }
}
