import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open-database';
import { generateSigningKey } from './licence-signature';

/**
 * The active licence-signing key. The public half is in the database (published for verifiers); the private
 * half is a file readable only by the office account in `<dataDir>/keys/`, so a copied database or backup
 * cannot sign licences.
 */
export function activeSigningKey(
  db: Db,
  dataDir: string,
  nowIso: string,
): { keyId: string; privateKeyPem: string } {
  const dir = path.join(dataDir, 'keys');
  const active = db.prepare('SELECT key_id FROM signing_keys WHERE is_active = 1').get() as
    { key_id: string } | undefined;
  if (active) {
    const file = path.join(dir, `licence-signing-${active.key_id}.pem`);
    if (fs.existsSync(file)) return { keyId: active.key_id, privateKeyPem: fs.readFileSync(file, 'utf8') };
    // The private key file is gone (copied database, restored backup): retire the key, make a new one.
    db.prepare('UPDATE signing_keys SET is_active = 0 WHERE key_id = ?').run(active.key_id);
  }
  const key = generateSigningKey();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `licence-signing-${key.keyId}.pem`);
  fs.writeFileSync(file, key.privateKeyPem, { mode: 0o600, flag: 'wx' });
  db.prepare(
    'INSERT INTO signing_keys (key_id, public_key_pem, created_at, is_active) VALUES (?, ?, ?, 1)',
  ).run(key.keyId, key.publicKeyPem, nowIso);
  return { keyId: key.keyId, privateKeyPem: key.privateKeyPem };
}

/** Every public key the office has used, by key id: what a verifier needs. */
export function publicKeys(db: Db): Record<string, string> {
  const rows = db.prepare('SELECT key_id, public_key_pem FROM signing_keys').all() as Array<{
    key_id: string;
    public_key_pem: string;
  }>;
  return Object.fromEntries(rows.map((r) => [r.key_id, r.public_key_pem]));
}
