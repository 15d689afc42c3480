import type Database from 'better-sqlite3';

/*
 * Digitised dossiers (issue 13): scans attached to dossier components, the electronic result stored at issue
 * time, and the per-day counters the "Chỉ số 766" scorecard reads.
 *
 * The files themselves are NOT in the database: they live content-addressed in `<data folder>/files/ab/cd/<sha256>`
 * (beside the office server's data folder when the store is PostgreSQL), written once and never changed
 * (electron/backend/files/content-store.ts). The database holds what they are and whose they are:
 * - stored_files:   one row per distinct content (hash, size, recognised type), append-only;
 * - dossier_files:  one row per file of a dossier — a scan of component N, or its electronic result. A replaced
 *                   scan is a new row that supersedes the old one (the old row and its file stay), so the table
 *                   is append-only too;
 * - dossiers.scans_required / scans_attached / e_result_sha256: per-dossier digitisation state, kept by
 *   triggers (like the statistics of migration 0004) so that no path — intake, the bulk command, an import, a
 *   future sync — can forget it;
 * - licences.result_sha256: the hash of the licence PDF produced at issue time, in the register itself;
 * - stats_digital_daily: per (procedure, completion day) counters of resolved dossiers that expect a result,
 *   have an electronic result, have every provided component scanned, and both (= "số hóa").
 *
 * Self-contained on purpose (frozen SQL, nothing imported): migrations may be renumbered at merge.
 */

const DIGITAL_COUNTERS = ['results_expected', 'e_results', 'scans_complete', 'digitised'] as const;

type Row = 'new' | 'old';

/**
 * A resolved dossier expects an electronic result unless the applicant withdrew it (nothing is issued) or the
 * office stopped it: LicenceDesk produces no stop-notice PDF (the form is unverified, domain.md §2.1), so no
 * electronic result can exist for a stop.
 */
const expects = (r: Row) => `(${r}.completed_at IS NOT NULL AND ${r}.status NOT IN ('withdrawn', 'stopped'))`;
const hasResult = (r: Row) => `(${r}.e_result_sha256 IS NOT NULL)`;
const scansComplete = (r: Row) => `(${r}.scans_attached >= COALESCE(${r}.scans_required, 0))`;

function digitalPart(r: Row, sign: 1 | -1): string {
  const values = {
    results_expected: `${sign}`,
    e_results: `${sign} * ${hasResult(r)}`,
    scans_complete: `${sign} * ${scansComplete(r)}`,
    digitised: `${sign} * (${hasResult(r)} AND ${scansComplete(r)})`,
  };
  const columns = Object.keys(values);
  return `INSERT INTO stats_digital_daily (procedure_id, day, ${columns.join(', ')})
    SELECT ${r}.procedure_id, substr(${r}.completed_at, 1, 10), ${Object.values(values).join(', ')}
    WHERE ${expects(r)}
    ON CONFLICT (procedure_id, day) DO UPDATE SET ${columns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
}

const DIGITAL_COLUMNS = [
  'completed_at',
  'status',
  'procedure_id',
  'e_result_sha256',
  'scans_required',
  'scans_attached',
];

/** Provided components of a dossier's JSON list (`isProvided: true`). */
const providedCount = (components: string) =>
  `(SELECT count(*) FROM json_each(${components}) WHERE json_extract(value, '$.isProvided') = 1)`;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE stored_files (
      sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
      size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
      media_type TEXT NOT NULL
        CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/tiff')),
      first_stored_at TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER stored_files_no_update BEFORE UPDATE ON stored_files BEGIN
      SELECT RAISE(ABORT, 'stored_files is append-only');
    END;
    CREATE TRIGGER stored_files_no_delete BEFORE DELETE ON stored_files BEGIN
      SELECT RAISE(ABORT, 'stored_files is append-only');
    END;

    CREATE TABLE dossier_files (
      id INTEGER PRIMARY KEY,
      dossier_id INTEGER NOT NULL REFERENCES dossiers (id),
      role TEXT NOT NULL CHECK (role IN ('component', 'result')),
      -- 1-based position in dossiers.components (the number printed on the receipt); null for a result.
      component_no INTEGER CHECK (component_no IS NULL OR component_no >= 1),
      result_kind TEXT CHECK (result_kind IN ('licence', 'refusal_notice', 'stop_notice')),
      licence_id INTEGER REFERENCES licences (id),
      sha256 TEXT NOT NULL REFERENCES stored_files (sha256),
      -- The name the file had (NFC, no path), for display and download only; never used as a path.
      file_name TEXT NOT NULL,
      version INTEGER NOT NULL CHECK (version >= 1),
      supersedes_id INTEGER UNIQUE REFERENCES dossier_files (id),
      source TEXT NOT NULL CHECK (source IN ('upload', 'drop_folder', 'bulk', 'issue')),
      added_at TEXT NOT NULL,
      added_by TEXT NOT NULL,
      added_by_name TEXT NOT NULL,
      CHECK ((role = 'component') = (component_no IS NOT NULL)),
      CHECK ((role = 'result') = (result_kind IS NOT NULL))
    ) STRICT;
    CREATE INDEX dossier_files_by_dossier ON dossier_files (dossier_id, role, component_no, id);
    CREATE INDEX dossier_files_by_sha256 ON dossier_files (sha256);
    CREATE TRIGGER dossier_files_no_update BEFORE UPDATE ON dossier_files BEGIN
      SELECT RAISE(ABORT, 'dossier_files is append-only');
    END;
    CREATE TRIGGER dossier_files_no_delete BEFORE DELETE ON dossier_files BEGIN
      SELECT RAISE(ABORT, 'dossier_files is append-only');
    END;

    ALTER TABLE licences ADD COLUMN result_sha256 TEXT CHECK (result_sha256 IS NULL OR length(result_sha256) = 64);

    -- Null only between an INSERT that did not give it and the trigger below that fills it in.
    ALTER TABLE dossiers ADD COLUMN scans_required INTEGER CHECK (scans_required IS NULL OR scans_required >= 0);
    ALTER TABLE dossiers ADD COLUMN scans_attached INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE dossiers ADD COLUMN e_result_sha256 TEXT;
    UPDATE dossiers SET scans_required = ${providedCount('dossiers.components')};

    -- Dossiers still waiting for a second (or later) supplement are late on the 766 dashboard whatever their
    -- due date; there are few of them, so the scorecard reads them through this small index.
    CREATE INDEX dossiers_multi_supplement ON dossiers (receipt_date) WHERE supplement_requests > 1;

    CREATE TABLE stats_digital_daily (
      procedure_id TEXT NOT NULL,
      day TEXT NOT NULL,
      ${DIGITAL_COUNTERS.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(',\n      ')},
      PRIMARY KEY (procedure_id, day)
    ) STRICT, WITHOUT ROWID;
  `);

  // Backfill the counters from the dossiers already there (same arithmetic as the triggers).
  db.exec(`
    INSERT INTO stats_digital_daily (procedure_id, day, ${DIGITAL_COUNTERS.join(', ')})
    SELECT d.procedure_id, substr(d.completed_at, 1, 10), count(*),
      sum(d.e_result_sha256 IS NOT NULL), sum(d.scans_attached >= COALESCE(d.scans_required, 0)),
      sum(d.e_result_sha256 IS NOT NULL AND d.scans_attached >= COALESCE(d.scans_required, 0))
    FROM dossiers d WHERE d.completed_at IS NOT NULL AND d.status NOT IN ('withdrawn', 'stopped')
    GROUP BY d.procedure_id, substr(d.completed_at, 1, 10);
  `);

  db.exec(`
    -- How many components the applicant provided: from the component list, which is fixed at intake. The
    -- application's own inserts (intake, demo seeding, import) give the count; this covers any other path
    -- (an extra UPDATE per row would halve the bulk insert rate).
    CREATE TRIGGER dossiers_scans_required AFTER INSERT ON dossiers WHEN new.scans_required IS NULL BEGIN
      UPDATE dossiers SET scans_required = ${providedCount('new.components')} WHERE id = new.id;
    END;

    -- A provided component counts as scanned from its first file on (files are never removed).
    CREATE TRIGGER dossier_files_scanned AFTER INSERT ON dossier_files
    WHEN new.role = 'component' AND NOT EXISTS (
      SELECT 1 FROM dossier_files f
      WHERE f.dossier_id = new.dossier_id AND f.component_no = new.component_no AND f.id <> new.id
    ) BEGIN
      UPDATE dossiers SET scans_attached = scans_attached + 1
      WHERE id = new.dossier_id
        AND json_extract(components, '$[' || (new.component_no - 1) || '].isProvided') = 1;
    END;

    -- The electronic result: the latest result file of the dossier.
    CREATE TRIGGER dossier_files_result AFTER INSERT ON dossier_files WHEN new.role = 'result' BEGIN
      UPDATE dossiers SET e_result_sha256 = new.sha256 WHERE id = new.dossier_id;
    END;

    CREATE TRIGGER stats_digital_insert AFTER INSERT ON dossiers BEGIN
      ${digitalPart('new', 1)}
    END;
    CREATE TRIGGER stats_digital_update AFTER UPDATE OF ${DIGITAL_COLUMNS.join(', ')} ON dossiers
    WHEN ${DIGITAL_COLUMNS.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')} BEGIN
      ${digitalPart('old', -1)}
      ${digitalPart('new', 1)}
    END;
  `);
}
