import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt from node:crypto (no native addon to rebuild for Electron). N=2^15, r=8, p=1 follows OWASP's
// password-storage guidance for scrypt; parameters are stored with the hash so they can be raised later.
const PARAMS = { logN: 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

function encode(salt: Buffer, key: Buffer): string {
  return `scrypt$${PARAMS.logN}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return encode(salt, await derive(password, salt, PARAMS.logN, PARAMS.r, PARAMS.p));
}

/** For start-up only (the backend is created synchronously); requests use the async form. */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  const N = 2 ** PARAMS.logN;
  const key = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, {
    N,
    r: PARAMS.r,
    p: PARAMS.p,
    maxmem: 256 * N * PARAMS.r,
  });
  return encode(salt, key);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !logN || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(logN), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A one-time password an administrator reads off the screen: no look-alike characters (0/O, 1/l/I). */
export function generateTemporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(12);
  let out = '';
  for (let i = 0; i < 12; i += 1) {
    out += alphabet[(bytes[i] as number) % alphabet.length];
    if (i === 3 || i === 7) out += '-';
  }
  return out;
}
