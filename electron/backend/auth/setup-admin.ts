import type { Sql } from '../store/sql';

/*
 * The first administrator as prepared by `licence-desk setup` (issue 12 §6). While the first-run account still
 * has its one-time password (bootstrap-admin.ts), every start replaces it and shows it on the login screen.
 * Setting the password from the command line ends that: the account stops being the bootstrap account, so no
 * later start replaces what the installer set or printed.
 */

/** The first-run administrator still waiting for a password of their own, if any. */
export async function pendingFirstAdministrator(db: Sql): Promise<{ id: number; username: string } | null> {
  const row = (await db.get(
    'SELECT id, username FROM users WHERE is_bootstrap = 1 AND must_change_password = 1 ORDER BY id LIMIT 1',
  )) as { id: number; username: string } | undefined;
  return row ?? null;
}

/** `mustChange`: a printed one-time password must be replaced at the first login; a chosen one need not. */
export async function setFirstAdministratorPassword(
  db: Sql,
  id: number,
  passwordHash: string,
  mustChange: boolean,
  now: string,
): Promise<void> {
  await db.run(
    `UPDATE users SET password_hash = ?, must_change_password = ?, is_bootstrap = 0, updated_at = ?, version = version + 1
     WHERE id = ?`,
    [passwordHash, mustChange ? 1 : 0, now, id],
  );
}
