import type { Sql } from '../store/sql';
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

export async function findUserByName(db: Sql, username: string): Promise<UserRecord | null> {
  // Names are unique ignoring case (SQLite: COLLATE NOCASE; PostgreSQL: a unique index on lower(username)).
  return (
    (await db.get<UserRecord>('SELECT * FROM users WHERE lower(username) = lower(?)', [username])) ?? null
  );
}

export async function findUser(db: Sql, id: number): Promise<UserRecord | null> {
  return (await db.get<UserRecord>('SELECT * FROM users WHERE id = ?', [id])) ?? null;
}

export function listUsers(db: Sql): Promise<UserRecord[]> {
  return db.all<UserRecord>('SELECT * FROM users ORDER BY is_active DESC, full_name');
}

export async function countUsers(db: Sql): Promise<number> {
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM users'))?.n ?? 0;
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

export async function insertUser(db: Sql, user: NewUser): Promise<number> {
  const row = await db.get<{ id: number }>(
    `INSERT INTO users (username, full_name, title, roles, password_hash, must_change_password, is_bootstrap, created_at, updated_at)
     VALUES (@username, @fullName, @title, @roles, @passwordHash, @must, @bootstrap, @now, @now)
     RETURNING id`,
    {
      username: user.username,
      fullName: user.fullName,
      title: user.title,
      roles: JSON.stringify(user.roles),
      passwordHash: user.passwordHash,
      must: user.mustChangePassword ? 1 : 0,
      bootstrap: user.isBootstrap ? 1 : 0,
      now: user.now,
    },
  );
  return row!.id;
}

export async function setPassword(
  db: Sql,
  id: number,
  passwordHash: string,
  mustChange: boolean,
  now: string,
): Promise<void> {
  await db.run(
    `UPDATE users SET password_hash = @hash, must_change_password = @must,
       is_bootstrap = CASE WHEN @keepBootstrap = 1 THEN is_bootstrap ELSE 0 END,
       updated_at = @now, version = version + 1 WHERE id = @id`,
    { hash: passwordHash, must: mustChange ? 1 : 0, keepBootstrap: mustChange ? 1 : 0, now, id },
  );
}

export async function updateUser(
  db: Sql,
  id: number,
  change: {
    fullName: string;
    title: string | null;
    roles: Role[];
    isActive: boolean;
    version: number;
    now: string;
  },
): Promise<boolean> {
  const result = await db.run(
    `UPDATE users SET full_name = @fullName, title = @title, roles = @roles, is_active = @active,
       updated_at = @now, version = version + 1
     WHERE id = @id AND version = @version`,
    {
      fullName: change.fullName,
      title: change.title,
      roles: JSON.stringify(change.roles),
      active: change.isActive ? 1 : 0,
      now: change.now,
      version: change.version,
      id,
    },
  );
  return result.changes === 1;
}
