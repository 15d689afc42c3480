import type { Db } from '../db/open-database';
import { generateTemporaryPassword, hashPasswordSync } from './password';
import { countUsers, insertUser, setPassword } from './user-repo';

export const BOOTSTRAP_USERNAME = 'admin';

/**
 * The first start creates an administrator with a one-time password that must be changed at first login.
 * The password is never stored in clear: while the administrator has not replaced it, every start issues a
 * fresh one, shown on the first-run screen (the machine's user is at the desk anyway).
 */
export function ensureBootstrapAdmin(
  db: Db,
  now: string,
): { username: string; temporaryPassword: string } | null {
  const pending = db
    .prepare('SELECT id, username FROM users WHERE is_bootstrap = 1 AND must_change_password = 1')
    .get() as { id: number; username: string } | undefined;
  if (!pending && countUsers(db) > 0) return null;
  const temporaryPassword = generateTemporaryPassword();
  const hash = hashPasswordSync(temporaryPassword);
  db.transaction(() => {
    if (pending) {
      setPassword(db, pending.id, hash, true, now);
    } else {
      insertUser(db, {
        username: BOOTSTRAP_USERNAME,
        fullName: 'Quản trị hệ thống',
        title: null,
        roles: ['admin'],
        passwordHash: hash,
        mustChangePassword: true,
        isBootstrap: true,
        now,
      });
    }
  }).immediate();
  return { username: pending?.username ?? BOOTSTRAP_USERNAME, temporaryPassword };
}
