import type Database from 'better-sqlite3';

// Login sessions move from memory into the store, so that restarting the office server does not sign ten
// people out mid-form. Only the SHA-256 of a token is kept: a copy of the database or a backup gives no one
// a live session. Portable SQL (plain TEXT/INTEGER, no SQLite-only features) so the PostgreSQL store takes
// the same statements.
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE login_sessions (
      token_hash TEXT PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users (id),
      created_ms INTEGER NOT NULL,
      last_seen_ms INTEGER NOT NULL,
      client_address TEXT
    ) STRICT;
    CREATE INDEX login_sessions_user ON login_sessions (user_id);
  `);
}
