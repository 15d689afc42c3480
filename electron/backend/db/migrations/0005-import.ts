import type Database from 'better-sqlite3';

// Legacy import (issue 5 §5): every import of past dossiers is one batch — which file (name and SHA-256),
// how many rows, who, when — and every imported dossier points at its batch, so imported history can always
// be told apart from dossiers received in LicenceDesk. Batches are append-only, like the audit trail.
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE import_batches (
      id INTEGER PRIMARY KEY,
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      format TEXT NOT NULL CHECK (format IN ('csv', 'xlsx')),
      sheet_name TEXT,
      total_rows INTEGER NOT NULL CHECK (total_rows >= 0),
      valid_rows INTEGER NOT NULL CHECK (valid_rows >= 0),
      invalid_rows INTEGER NOT NULL CHECK (invalid_rows >= 0),
      imported INTEGER NOT NULL CHECK (imported >= 0),
      skipped_duplicates INTEGER NOT NULL CHECK (skipped_duplicates >= 0),
      skip_invalid INTEGER NOT NULL CHECK (skip_invalid IN (0, 1)),
      imported_at TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      app_version TEXT NOT NULL
    ) STRICT;
    CREATE INDEX import_batches_by_sha256 ON import_batches (sha256);
    CREATE TRIGGER import_batches_no_update BEFORE UPDATE ON import_batches BEGIN
      SELECT RAISE(ABORT, 'import_batches is append-only');
    END;
    CREATE TRIGGER import_batches_no_delete BEFORE DELETE ON import_batches BEGIN
      SELECT RAISE(ABORT, 'import_batches is append-only');
    END;

    ALTER TABLE dossiers ADD COLUMN import_batch_id INTEGER REFERENCES import_batches (id);
    CREATE INDEX dossiers_by_import_batch ON dossiers (import_batch_id) WHERE import_batch_id IS NOT NULL;
  `);
}
