import type { Sql } from '../store/sql';
import { openStatuses } from '../../../shared/domain/dossier-status';
import { ORIGINAL_PAUSE_RULE, type PauseRuleId } from '../../../shared/domain/deadline';

/* The pause rule's adoption history (migration 0007): SQL only. */

export interface PauseRuleVersionRow {
  id: number;
  rule: PauseRuleId;
  effective_from: string;
  adopted_at: string;
  adopted_by: string;
  reason: string;
  legal_document: string | null;
  moved_count: number;
}

/** The version in force: the last one adopted. */
export async function currentPauseRule(db: Sql): Promise<PauseRuleId> {
  const row = (await db.get('SELECT rule FROM pause_rule_versions ORDER BY id DESC LIMIT 1')) as
    { rule: PauseRuleId } | undefined;
  return row?.rule ?? ORIGINAL_PAUSE_RULE;
}

export async function pauseRuleHistory(db: Sql): Promise<PauseRuleVersionRow[]> {
  return (await db.all('SELECT * FROM pause_rule_versions ORDER BY id')) as PauseRuleVersionRow[];
}

const OPEN_LIST = openStatuses.map((s) => `'${s}'`).join(', ');

/**
 * Records a new version in force. Every dossier already completed (or no longer open) that still follows the
 * version in force is first stamped with the outgoing version: it keeps the due date, ledger and on-time class
 * it was completed under (issue 12 §1). Open dossiers keep following the version in force. Run inside the
 * transaction that moves the open dossiers' due dates.
 */
export async function adoptPauseRule(
  db: Sql,
  adoption: {
    rule: PauseRuleId;
    effectiveFrom: string;
    adoptedAt: string;
    adoptedBy: string;
    reason: string;
    legalDocument: string | null;
    movedCount: number;
  },
): Promise<{ frozenCount: number }> {
  const outgoing = await currentPauseRule(db);
  const frozen = await db.run(
    `UPDATE dossiers SET pause_rule = ?
       WHERE pause_rule IS NULL AND (completed_at IS NOT NULL OR status NOT IN (${OPEN_LIST}))`,
    [outgoing],
  );
  await db.run(
    `INSERT INTO pause_rule_versions (rule, effective_from, adopted_at, adopted_by, reason, legal_document, moved_count)
     VALUES (@rule, @effectiveFrom, @adoptedAt, @adoptedBy, @reason, @legalDocument, @movedCount)`,
    adoption,
  );
  return { frozenCount: frozen.changes };
}

/** Dossiers whose clock stands: they have no due date to move yet. */
export async function countAwaitingSupplement(db: Sql): Promise<number> {
  return (
    (await db.get("SELECT count(*) AS n FROM dossiers WHERE status = 'awaiting_supplement'")) as { n: number }
  ).n;
}

/**
 * A store without any adoption yet gets its first version at start-up, by the rule of migration 0007: a store
 * that already holds dossiers keeps v1 (its due dates were computed with it), an empty one starts on v2. The
 * SQLite migration records it itself; the PostgreSQL schema leaves it to here, so that an empty database stays
 * empty until its first start (move-store copies the history of the office it receives).
 */
export async function ensurePauseRuleVersion(db: Sql, nowIso: string): Promise<void> {
  await db.transaction(async () => {
    if (await db.get('SELECT 1 AS found FROM pause_rule_versions LIMIT 1')) return;
    const hasDossiers = (await db.get('SELECT 1 AS found FROM dossiers LIMIT 1')) !== undefined;
    await db.run(
      `INSERT INTO pause_rule_versions (rule, effective_from, adopted_at, adopted_by, reason)
       VALUES (?, ?, ?, 'LicenceDesk', ?)`,
      [
        hasDossiers ? 'pause-v1-request-day-free' : 'pause-v2-request-day-counts',
        nowIso.slice(0, 10),
        nowIso,
        hasDossiers
          ? 'Quy tắc đang áp dụng trước khi có phiên bản (không tính ngày yêu cầu bổ sung)'
          : 'Kho dữ liệu mới: áp dụng quy tắc hiện hành ngay từ đầu',
      ],
    );
  });
}
