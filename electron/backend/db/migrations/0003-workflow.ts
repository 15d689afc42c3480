import type Database from 'better-sqlite3';

// The path after the desk (workflow issue): assignment, supplement requests, proposal and decision, the
// apology with its one new appointment, the return of the result, and the licence register.
export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE dossiers ADD COLUMN assignee_id INTEGER REFERENCES users (id);
    ALTER TABLE dossiers ADD COLUMN proposal TEXT CHECK (proposal IN ('approve', 'refuse'));
    ALTER TABLE dossiers ADD COLUMN proposal_opinion TEXT;
    ALTER TABLE dossiers ADD COLUMN proposer_id INTEGER REFERENCES users (id);
    ALTER TABLE dossiers ADD COLUMN decided_by INTEGER REFERENCES users (id);
    ALTER TABLE dossiers ADD COLUMN decision_reasons TEXT;
    ALTER TABLE dossiers ADD COLUMN supplement_requests INTEGER NOT NULL DEFAULT 0;
    -- The one new appointment of an apology letter; the dossier is still classified against due_at.
    ALTER TABLE dossiers ADD COLUMN apology_due_at TEXT;
    ALTER TABLE dossiers ADD COLUMN licence_fields TEXT;
    ALTER TABLE dossiers ADD COLUMN returned_at TEXT;
    ALTER TABLE dossiers ADD COLUMN returned_to TEXT;
    ALTER TABLE dossiers ADD COLUMN return_channel TEXT CHECK (return_channel IN ('desk', 'post'));
    ALTER TABLE dossiers ADD COLUMN processing_working_days INTEGER;
    -- Office-local date of completion: completed_at is stored with the office offset.
    ALTER TABLE dossiers ADD COLUMN completed_date TEXT GENERATED ALWAYS AS (substr(completed_at, 1, 10)) VIRTUAL;

    CREATE INDEX dossiers_by_assignee ON dossiers (assignee_id, status) WHERE assignee_id IS NOT NULL;
    CREATE INDEX dossiers_open_by_due ON dossiers (due_date)
      WHERE status IN ('received', 'appraising', 'awaiting_supplement', 'pending_signature');

    -- Numbering series of the licence register (sổ cấp giấy phép): format and go-live start per series.
    CREATE TABLE licence_series (
      series TEXT PRIMARY KEY,
      format TEXT NOT NULL,
      symbol TEXT NOT NULL,
      start_number INTEGER NOT NULL DEFAULT 1 CHECK (start_number >= 1),
      start_year INTEGER
    ) STRICT;

    -- Append-only: a number, once taken, stays; a void is recorded in licence_voids.
    CREATE TABLE licences (
      id INTEGER PRIMARY KEY,
      dossier_id INTEGER NOT NULL REFERENCES dossiers (id),
      series TEXT NOT NULL,
      year INTEGER NOT NULL,
      number INTEGER NOT NULL CHECK (number > 0),
      formatted TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      issued_by INTEGER REFERENCES users (id),
      holder TEXT NOT NULL,
      payload TEXT NOT NULL,
      content TEXT NOT NULL,
      UNIQUE (series, year, number)
    ) STRICT;
    CREATE INDEX licences_by_dossier ON licences (dossier_id);
    CREATE TRIGGER licences_no_update BEFORE UPDATE ON licences BEGIN
      SELECT RAISE(ABORT, 'licences are append-only');
    END;
    CREATE TRIGGER licences_no_delete BEFORE DELETE ON licences BEGIN
      SELECT RAISE(ABORT, 'licences are append-only');
    END;

    CREATE TABLE licence_voids (
      licence_id INTEGER PRIMARY KEY REFERENCES licences (id),
      voided_at TEXT NOT NULL,
      voided_by INTEGER REFERENCES users (id),
      reason TEXT NOT NULL CHECK (length(trim(reason)) > 0)
    ) STRICT;
    CREATE TRIGGER licence_voids_no_change BEFORE UPDATE ON licence_voids BEGIN
      SELECT RAISE(ABORT, 'licence voids are append-only');
    END;
    CREATE TRIGGER licence_voids_no_delete BEFORE DELETE ON licence_voids BEGIN
      SELECT RAISE(ABORT, 'licence voids are append-only');
    END;

    -- Every print of a document: the first print of a licence is the original, later ones are "BẢN SAO".
    CREATE TABLE document_prints (
      id INTEGER PRIMARY KEY,
      dossier_id INTEGER NOT NULL REFERENCES dossiers (id),
      licence_id INTEGER REFERENCES licences (id),
      kind TEXT NOT NULL,
      printed_at TEXT NOT NULL,
      printed_by TEXT NOT NULL,
      is_copy INTEGER NOT NULL CHECK (is_copy IN (0, 1)),
      sha256 TEXT NOT NULL
    ) STRICT;
    CREATE INDEX document_prints_by_dossier ON document_prints (dossier_id, id);

    -- The office's licence-signing public keys (Ed25519), published so anyone can verify a QR code. The
    -- private key lives in a file of the data folder, never in this database or its backups.
    CREATE TABLE signing_keys (
      key_id TEXT PRIMARY KEY,
      public_key_pem TEXT NOT NULL,
      created_at TEXT NOT NULL,
      is_active INTEGER NOT NULL CHECK (is_active IN (0, 1))
    ) STRICT;
  `);
}
