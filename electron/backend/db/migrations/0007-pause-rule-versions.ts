import type Database from 'better-sqlite3';

// Versions of the pause rule (issue 12 §1; shared/domain/deadline/pause-rules.ts). pause_rule_versions is the
// office's adoption history, append-only like the audit trail: the last row is the version in force. A
// dossier's pause_rule is NULL while it follows the version in force; when a new version is adopted, every
// dossier already completed is stamped with the outgoing version, so it keeps the due date, ledger and on-time
// class it was completed under. (Stamping at adoption rather than at receipt or completion leaves the intake and
// workflow paths untouched.)
//
// A store that already holds dossiers starts on v1, the rule its due dates were computed with: moving to v2
// changes due dates, which must go through the audited preview/apply path. A store without dossiers has
// nothing to move and starts on v2.
export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE pause_rule_versions (
      id INTEGER PRIMARY KEY,
      rule TEXT NOT NULL CHECK (rule IN ('pause-v1-request-day-free', 'pause-v2-request-day-counts')),
      -- Office-local date from which the version governs open and new dossiers.
      effective_from TEXT NOT NULL,
      adopted_at TEXT NOT NULL,
      adopted_by TEXT NOT NULL,
      reason TEXT NOT NULL,
      legal_document TEXT,
      moved_count INTEGER NOT NULL DEFAULT 0 CHECK (moved_count >= 0)
    ) STRICT;
    CREATE TRIGGER pause_rule_versions_no_update BEFORE UPDATE ON pause_rule_versions BEGIN
      SELECT RAISE(ABORT, 'pause_rule_versions is append-only');
    END;
    CREATE TRIGGER pause_rule_versions_no_delete BEFORE DELETE ON pause_rule_versions BEGIN
      SELECT RAISE(ABORT, 'pause_rule_versions is append-only');
    END;

    ALTER TABLE dossiers ADD COLUMN pause_rule TEXT
      CHECK (pause_rule IS NULL OR pause_rule IN ('pause-v1-request-day-free', 'pause-v2-request-day-counts'));
  `);
  const hasDossiers = db.prepare('SELECT EXISTS (SELECT 1 FROM dossiers) AS yes').get() as { yes: number };
  // The migration has no office clock: it records the moment in UTC, which is all the history needs.
  db.prepare(
    `INSERT INTO pause_rule_versions (rule, effective_from, adopted_at, adopted_by, reason)
     VALUES (?, date('now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'LicenceDesk', ?)`,
  ).run(
    hasDossiers.yes === 1 ? 'pause-v1-request-day-free' : 'pause-v2-request-day-counts',
    hasDossiers.yes === 1
      ? 'Quy tắc đang áp dụng trước khi có phiên bản (không tính ngày yêu cầu bổ sung)'
      : 'Kho dữ liệu mới: áp dụng quy tắc hiện hành ngay từ đầu',
  );
}
