import type Database from 'better-sqlite3';

// Calendar dates are 'YYYY-MM-DD' text; instants are ISO-8601 text with their offset plus epoch ms for
// ordering (architecture.md §4). Never edit this migration once shipped: add a new one.
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- Gapless counters: incremented inside the transaction that uses the number (reliability.md §3.4).
    CREATE TABLE counters (
      name TEXT PRIMARY KEY,
      last INTEGER NOT NULL CHECK (last >= 0)
    ) STRICT;

    CREATE TABLE procedures (
      id TEXT PRIMARY KEY,
      code TEXT,
      name TEXT NOT NULL,
      sector TEXT NOT NULL CHECK (sector IN ('bao_chi', 'xuat_ban')),
      created_at TEXT NOT NULL
    ) STRICT;

    -- Legal parameters change (NĐ 138/2025, Luật Báo chí 2025): every dossier points at the version in force
    -- when it was received.
    CREATE TABLE procedure_versions (
      id INTEGER PRIMARY KEY,
      procedure_id TEXT NOT NULL REFERENCES procedures (id),
      effective_from TEXT NOT NULL,
      effective_to TEXT,
      deadline INTEGER CHECK (deadline IS NULL OR deadline > 0),
      deadline_unit TEXT CHECK (deadline_unit IN ('wd', 'cd', 'h')),
      pause_mode TEXT NOT NULL CHECK (pause_mode IN ('pause', 'restart')),
      issuer TEXT NOT NULL CHECK (issuer IN ('so', 'ubnd')),
      result_document TEXT,
      result_kind TEXT,
      legal_basis TEXT NOT NULL,
      components TEXT NOT NULL,
      licence_fields TEXT NOT NULL,
      forms TEXT,
      fee TEXT,
      confidence TEXT NOT NULL,
      notes TEXT,
      is_silent_approval INTEGER NOT NULL CHECK (is_silent_approval IN (0, 1)),
      is_event_relative INTEGER NOT NULL CHECK (is_event_relative IN (0, 1)),
      validity_max_months INTEGER,
      source TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (procedure_id, effective_from),
      CHECK (effective_to IS NULL OR effective_to > effective_from)
    ) STRICT;

    CREATE TABLE calendar_years (
      year INTEGER PRIMARY KEY,
      status TEXT NOT NULL CHECK (status IN ('confirmed', 'draft')),
      source TEXT,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE calendar_days (
      date TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('off', 'makeup')),
      name TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('confirmed', 'draft')),
      source TEXT,
      is_uncertain INTEGER NOT NULL DEFAULT 0 CHECK (is_uncertain IN (0, 1)),
      reason TEXT
    ) STRICT;

    CREATE TABLE dossiers (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      request_id TEXT UNIQUE,
      procedure_id TEXT NOT NULL REFERENCES procedures (id),
      procedure_version_id INTEGER NOT NULL REFERENCES procedure_versions (id),
      applicant_kind TEXT NOT NULL CHECK (applicant_kind IN ('organization', 'individual')),
      applicant_name TEXT NOT NULL,
      applicant_folded TEXT NOT NULL,
      applicant_id_number TEXT,
      applicant_address TEXT,
      applicant_phone TEXT,
      applicant_email TEXT,
      channel TEXT NOT NULL CHECK (channel IN ('direct', 'post', 'online')),
      received_at TEXT NOT NULL,
      received_ms INTEGER NOT NULL,
      receipt_date TEXT NOT NULL,
      count_from TEXT,
      deadline_amount INTEGER NOT NULL CHECK (deadline_amount > 0),
      deadline_unit TEXT NOT NULL CHECK (deadline_unit IN ('wd', 'cd', 'h')),
      due_date TEXT,
      due_at TEXT,
      due_ms INTEGER,
      status TEXT NOT NULL CHECK (status IN ('received', 'appraising', 'awaiting_supplement', 'pending_signature',
        'approved', 'refused', 'returned', 'withdrawn', 'stopped')),
      completed_at TEXT,
      completed_ms INTEGER,
      completion_class TEXT CHECK (completion_class IN ('early', 'on_time', 'late')),
      set_count INTEGER NOT NULL CHECK (set_count > 0),
      components TEXT NOT NULL,
      return_method TEXT NOT NULL CHECK (return_method IN ('desk', 'post')),
      notes TEXT,
      receiver_name TEXT NOT NULL,
      register_entry_no INTEGER NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE INDEX dossiers_by_received ON dossiers (received_ms, id);
    CREATE INDEX dossiers_by_status ON dossiers (status, received_ms, id);
    CREATE INDEX dossiers_by_procedure ON dossiers (procedure_id, received_ms, id);
    CREATE INDEX dossiers_by_applicant ON dossiers (applicant_folded);
    CREATE INDEX dossiers_by_applicant_id ON dossiers (applicant_id_number) WHERE applicant_id_number IS NOT NULL;

    -- Search runs on the folded name (đ→d, no tone marks) so that "dang" finds "Đặng" and "hoa" finds both
    -- "Hòa" and "Hoà"; the stored name stays as typed.
    CREATE VIRTUAL TABLE dossiers_fts USING fts5 (
      applicant_folded,
      content = 'dossiers',
      content_rowid = 'id',
      tokenize = 'unicode61'
    );
    CREATE TRIGGER dossiers_fts_insert AFTER INSERT ON dossiers BEGIN
      INSERT INTO dossiers_fts (rowid, applicant_folded) VALUES (new.id, new.applicant_folded);
    END;
    CREATE TRIGGER dossiers_fts_update AFTER UPDATE OF applicant_folded ON dossiers BEGIN
      INSERT INTO dossiers_fts (dossiers_fts, rowid, applicant_folded) VALUES ('delete', old.id, old.applicant_folded);
      INSERT INTO dossiers_fts (rowid, applicant_folded) VALUES (new.id, new.applicant_folded);
    END;
    -- Licence records are never deleted (reliability.md §3.3: no delete path until retention rules are set).
    CREATE TRIGGER dossiers_no_delete BEFORE DELETE ON dossiers BEGIN
      SELECT RAISE(ABORT, 'dossiers are never deleted');
    END;

    -- What happened to a dossier, in order: the timeline and the Phiếu kiểm soát are built from it.
    CREATE TABLE dossier_events (
      id INTEGER PRIMARY KEY,
      dossier_id INTEGER NOT NULL REFERENCES dossiers (id),
      at TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      kind TEXT NOT NULL,
      from_status TEXT,
      to_status TEXT,
      note TEXT,
      data TEXT
    ) STRICT;
    CREATE INDEX dossier_events_by_dossier ON dossier_events (dossier_id, id);

    -- Supplement requests stop the legal clock until the supplement is received (domain.md §2.3).
    CREATE TABLE dossier_pauses (
      id INTEGER PRIMARY KEY,
      dossier_id INTEGER NOT NULL REFERENCES dossiers (id),
      requested_at TEXT NOT NULL,
      resumed_at TEXT,
      reason TEXT NOT NULL,
      requested_by TEXT NOT NULL,
      resumed_by TEXT,
      CHECK (resumed_at IS NULL OR resumed_at >= requested_at)
    ) STRICT;
    CREATE INDEX dossier_pauses_by_dossier ON dossier_pauses (dossier_id, id);

    -- Append-only, hash-chained over every column (reliability.md §3.2).
    CREATE TABLE audit_events (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      actor_name TEXT NOT NULL,
      action TEXT NOT NULL,
      entity_type TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      payload TEXT NOT NULL,
      app_version TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN
      SELECT RAISE(ABORT, 'audit_events is append-only');
    END;
    CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN
      SELECT RAISE(ABORT, 'audit_events is append-only');
    END;
  `);
}
