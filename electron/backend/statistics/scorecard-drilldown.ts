import type { Sql } from '../store/sql';
import type { IndicatorKey } from '../../../shared/domain/scorecard/scorecard-766';

/**
 * The dossiers that miss one scorecard indicator for [from, to], newest first, paged on (received_ms, id).
 * Each condition is the complement of the indicator's definition in scorecard-766.ts (portable SQL: CASE, not
 * a scalar max()).
 */
const MISSES: Record<IndicatorKey, string> = {
  online: `d.receipt_date >= @from AND d.receipt_date <= @to AND d.channel <> 'online'`,
  eResult: `d.completed_at IS NOT NULL AND d.completed_date >= @from AND d.completed_date <= @to
    AND d.status NOT IN ('withdrawn', 'stopped') AND d.e_result_sha256 IS NULL`,
  digitised: `d.completed_at IS NOT NULL AND d.completed_date >= @from AND d.completed_date <= @to
    AND d.status NOT IN ('withdrawn', 'stopped')
    AND (d.e_result_sha256 IS NULL OR d.scans_attached < COALESCE(d.scans_required, 0))`,
  onTime: `((d.completed_at IS NOT NULL AND d.completed_date >= @from AND d.completed_date <= @to
      AND (d.completion_class = 'late' OR d.supplement_requests > 1))
    OR (d.receipt_date <= @to AND (d.completed_at IS NULL OR d.completed_date > @to)
      AND (d.supplement_requests > 1 OR (d.due_date IS NOT NULL
        AND (CASE WHEN d.due_date > d.receipt_date THEN d.due_date ELSE d.receipt_date END) < @to))))`,
};

export async function scorecardMisses(
  db: Sql,
  filter: { indicator: IndicatorKey; from: string; to: string },
  page: { cursor?: { receivedMs: number; id: number } | undefined; limit: number },
): Promise<{ ids: number[]; total: number; last: { receivedMs: number; id: number } | null }> {
  const where = MISSES[filter.indicator];
  const params = { from: filter.from, to: filter.to };
  const total =
    (await db.get<{ n: number }>(`SELECT count(*) AS n FROM dossiers d WHERE ${where}`, params))?.n ?? 0;
  const after = page.cursor
    ? 'AND (d.received_ms < @cursorMs OR (d.received_ms = @cursorMs AND d.id < @cursorId))'
    : '';
  const rows = await db.all<{ id: number; receivedMs: number }>(
    `SELECT d.id, d.received_ms AS "receivedMs" FROM dossiers d WHERE ${where} ${after}
      ORDER BY d.received_ms DESC, d.id DESC LIMIT @limit`,
    {
      ...params,
      limit: page.limit,
      ...(page.cursor ? { cursorMs: page.cursor.receivedMs, cursorId: page.cursor.id } : {}),
    },
  );
  const lastRow = rows.length === page.limit ? rows[rows.length - 1] : undefined;
  return {
    ids: rows.map((r) => r.id),
    total,
    last: lastRow ? { receivedMs: lastRow.receivedMs, id: lastRow.id } : null,
  };
}
