import type { Sql } from '../store/sql';
import { generateTemporaryPassword, hashPasswordSync } from './password';
import { countUsers, insertUser, setPassword } from './user-repo';

export const BOOTSTRAP_USERNAME = 'admin';

/**
 * The first start creates an administrator with a one-time password that must be changed at first login.
 * The password is never stored in clear: while the administrator has not replaced it, every start issues a
 * fresh one, shown on the first-run screen (the machine's user is at the desk anyway).
 */
export async function ensureBootstrapAdmin(
  db: Sql,
  now: string,
): Promise<{ username: string; temporaryPassword: string } | null> {
  // Decided under the write lock: two servers starting on one PostgreSQL database create one administrator.
  return db.transaction(async () => {
    const pending = await db.get<{ id: number; username: string }>(
      'SELECT id, username FROM users WHERE is_bootstrap = 1 AND must_change_password = 1',
    );
    if (!pending && (await countUsers(db)) > 0) return null;
    const temporaryPassword = generateTemporaryPassword();
    const hash = hashPasswordSync(temporaryPassword);
    if (pending) {
      await setPassword(db, pending.id, hash, true, now);
    } else {
      await insertUser(db, {
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
    return { username: pending?.username ?? BOOTSTRAP_USERNAME, temporaryPassword };
  });
}
