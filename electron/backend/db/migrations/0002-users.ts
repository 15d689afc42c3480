import type Database from 'better-sqlite3';

// Local accounts (workflow issue): roles are checked in the backend on every call, and every audit entry
// names the user. Accounts are deactivated, never deleted, so old audit entries keep resolving.
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      full_name TEXT NOT NULL,
      title TEXT,
      roles TEXT NOT NULL,
      password_hash TEXT NOT NULL,
      must_change_password INTEGER NOT NULL CHECK (must_change_password IN (0, 1)),
      is_bootstrap INTEGER NOT NULL DEFAULT 0 CHECK (is_bootstrap IN (0, 1)),
      is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1
    ) STRICT;
    CREATE TRIGGER users_no_delete BEFORE DELETE ON users BEGIN
      SELECT RAISE(ABORT, 'users are deactivated, never deleted');
    END;
  `);
}
