import type { Db } from '../db/open-database';
import type { Role } from '../../../shared/domain/workflow/roles';

export interface UserRecord {
  id: number;
  username: string;
  full_name: string;
  title: string | null;
  roles: string;
  password_hash: string;
  must_change_password: 0 | 1;
  is_bootstrap: 0 | 1;
  is_active: 0 | 1;
  version: number;
}

export function rolesOf(user: UserRecord): Role[] {
  return JSON.parse(user.roles) as Role[];
}

export function findUserByName(db: Db, username: string): UserRecord | null {
  return (
    (db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRecord | undefined) ?? null
  );
}

export function findUser(db: Db, id: number): UserRecord | null {
  return (db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRecord | undefined) ?? null;
}

export function listUsers(db: Db): UserRecord[] {
  return db.prepare('SELECT * FROM users ORDER BY is_active DESC, full_name').all() as UserRecord[];
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export interface NewUser {
  username: string;
  fullName: string;
  title: string | null;
  roles: Role[];
  passwordHash: string;
  mustChangePassword: boolean;
  isBootstrap: boolean;
  now: string;
}

export function insertUser(db: Db, user: NewUser): number {
  const result = db
    .prepare(
      `INSERT INTO users (username, full_name, title, roles, password_hash, must_change_password, is_bootstrap, created_at, updated_at)
       VALUES (@username, @fullName, @title, @roles, @passwordHash, @must, @bootstrap, @now, @now)`,
    )
    .run({
      ...user,
      roles: JSON.stringify(user.roles),
      must: user.mustChangePassword ? 1 : 0,
      bootstrap: user.isBootstrap ? 1 : 0,
    });
  return Number(result.lastInsertRowid);
}

export function setPassword(
  db: Db,
  id: number,
  passwordHash: string,
  mustChange: boolean,
  now: string,
): void {
  db.prepare(
    `UPDATE users SET password_hash = ?, must_change_password = ?, is_bootstrap = CASE WHEN ? THEN is_bootstrap ELSE 0 END,
       updated_at = ?, version = version + 1 WHERE id = ?`,
  ).run(passwordHash, mustChange ? 1 : 0, mustChange ? 1 : 0, now, id);
}

export function updateUser(
  db: Db,
  id: number,
  change: {
    fullName: string;
    title: string | null;
    roles: Role[];
    isActive: boolean;
    version: number;
    now: string;
  },
): boolean {
  const result = db
    .prepare(
      `UPDATE users SET full_name = @fullName, title = @title, roles = @roles, is_active = @active,
         updated_at = @now, version = version + 1
       WHERE id = @id AND version = @version`,
    )
    .run({ ...change, id, roles: JSON.stringify(change.roles), active: change.isActive ? 1 : 0 });
  return result.changes === 1;
}
