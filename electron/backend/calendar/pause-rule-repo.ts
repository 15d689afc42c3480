import type { Db } from '../db/open-database';
import { stmt } from '../db/statement-cache';
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
export function currentPauseRule(db: Db): PauseRuleId {
  const row = stmt(db, 'SELECT rule FROM pause_rule_versions ORDER BY id DESC LIMIT 1').get() as
    { rule: PauseRuleId } | undefined;
  return row?.rule ?? ORIGINAL_PAUSE_RULE;
}

export function pauseRuleHistory(db: Db): PauseRuleVersionRow[] {
  return stmt(db, 'SELECT * FROM pause_rule_versions ORDER BY id').all() as PauseRuleVersionRow[];
}

const OPEN_LIST = openStatuses.map((s) => `'${s}'`).join(', ');

/**
 * Records a new version in force. Every dossier already completed (or no longer open) that still follows the
 * version in force is first stamped with the outgoing version: it keeps the due date, ledger and on-time class
 * it was completed under (issue 12 §1). Open dossiers keep following the version in force. Run inside the
 * transaction that moves the open dossiers' due dates.
 */
export function adoptPauseRule(
  db: Db,
  adoption: {
    rule: PauseRuleId;
    effectiveFrom: string;
    adoptedAt: string;
    adoptedBy: string;
    reason: string;
    legalDocument: string | null;
    movedCount: number;
  },
): { frozenCount: number } {
  const outgoing = currentPauseRule(db);
  const frozen = db
    .prepare(
      `UPDATE dossiers SET pause_rule = ?
       WHERE pause_rule IS NULL AND (completed_at IS NOT NULL OR status NOT IN (${OPEN_LIST}))`,
    )
    .run(outgoing);
  stmt(
    db,
    `INSERT INTO pause_rule_versions (rule, effective_from, adopted_at, adopted_by, reason, legal_document, moved_count)
     VALUES (@rule, @effectiveFrom, @adoptedAt, @adoptedBy, @reason, @legalDocument, @movedCount)`,
  ).run(adoption);
  return { frozenCount: frozen.changes };
}

/** Dossiers whose clock stands: they have no due date to move yet. */
export function countAwaitingSupplement(db: Db): number {
  return (
    stmt(db, "SELECT count(*) AS n FROM dossiers WHERE status = 'awaiting_supplement'").get() as { n: number }
  ).n;
}
