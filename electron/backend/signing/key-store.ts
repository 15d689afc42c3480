import fs from 'node:fs';
import path from 'node:path';
import type { Sql } from '../store/sql';
import { generateSigningKey } from './licence-signature';

/**
 * The active licence-signing key. The public half is in the database (published for verifiers); the private
 * half is a file readable only by the office account in `<dataDir>/keys/`, so a copied database or backup
 * cannot sign licences.
 */
export async function activeSigningKey(
  db: Sql,
  dataDir: string,
  nowIso: string,
): Promise<{ keyId: string; privateKeyPem: string }> {
  const dir = path.join(dataDir, 'keys');
  const active = (await db.get('SELECT key_id FROM signing_keys WHERE is_active = 1')) as
    { key_id: string } | undefined;
  if (active) {
    const file = path.join(dir, `licence-signing-${active.key_id}.pem`);
    if (fs.existsSync(file)) return { keyId: active.key_id, privateKeyPem: fs.readFileSync(file, 'utf8') };
    // The private key file is gone (copied database, restored backup): retire the key, make a new one.
    await db.run('UPDATE signing_keys SET is_active = 0 WHERE key_id = ?', [active.key_id]);
  }
  const key = generateSigningKey();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `licence-signing-${key.keyId}.pem`);
  fs.writeFileSync(file, key.privateKeyPem, { mode: 0o600, flag: 'wx' });
  await db.run(
    'INSERT INTO signing_keys (key_id, public_key_pem, created_at, is_active) VALUES (?, ?, ?, 1)',
    [key.keyId, key.publicKeyPem, nowIso],
  );
  return { keyId: key.keyId, privateKeyPem: key.privateKeyPem };
}

/** Every public key the office has used, by key id: what a verifier needs. */
export async function publicKeys(db: Sql): Promise<Record<string, string>> {
  const rows = (await db.all('SELECT key_id, public_key_pem FROM signing_keys')) as Array<{
    key_id: string;
    public_key_pem: string;
  }>;
  return Object.fromEntries(rows.map((r) => [r.key_id, r.public_key_pem]));
}
