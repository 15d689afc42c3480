/*
 * Login sessions of the office server on PostgreSQL, as SQLite's db/migrations/0009-office-sessions: only the
 * SHA-256 of a token is kept. Never edit this migration once shipped: add a new one.
 */
export const statements: readonly string[] = [
  `CREATE TABLE login_sessions (
    token_hash TEXT COLLATE "C" PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_ms BIGINT NOT NULL,
    last_seen_ms BIGINT NOT NULL,
    client_address TEXT COLLATE "C"
  );
  CREATE INDEX login_sessions_user ON login_sessions (user_id);`,
];
