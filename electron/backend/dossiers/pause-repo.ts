import type { Sql } from '../store/sql';
import type { ClockPause } from '../../../shared/domain/deadline';

interface PauseRow {
  dossier_id: number;
  requested_at: string;
  resumed_at: string | null;
  reason: string;
}

const toPause = (row: PauseRow): ClockPause => ({
  from: row.requested_at,
  to: row.resumed_at,
  reason: row.reason,
});

export async function pausesOf(db: Sql, dossierId: number): Promise<ClockPause[]> {
  const rows = (await db.all(
    'SELECT dossier_id, requested_at, resumed_at, reason FROM dossier_pauses WHERE dossier_id = ? ORDER BY id',
    [dossierId],
  )) as PauseRow[];
  return rows.map(toPause);
}

/** All pauses of open dossiers in one pass, for bulk recomputation. */
export async function pausesOfOpenDossiers(db: Sql): Promise<Map<number, ClockPause[]>> {
  const rows = (await db.all(`SELECT p.dossier_id, p.requested_at, p.resumed_at, p.reason
       FROM dossier_pauses p JOIN dossiers d ON d.id = p.dossier_id
       WHERE d.status IN ('received', 'appraising', 'awaiting_supplement', 'pending_signature')
       ORDER BY p.dossier_id, p.id`)) as PauseRow[];
  const byDossier = new Map<number, ClockPause[]>();
  for (const row of rows) {
    const list = byDossier.get(row.dossier_id) ?? [];
    list.push(toPause(row));
    byDossier.set(row.dossier_id, list);
  }
  return byDossier;
}

export async function openPauseOf(db: Sql, dossierId: number): Promise<{ requestedAt: string } | null> {
  const row = (await db.get(
    'SELECT requested_at FROM dossier_pauses WHERE dossier_id = ? AND resumed_at IS NULL ORDER BY id DESC LIMIT 1',
    [dossierId],
  )) as { requested_at: string } | undefined;
  return row ? { requestedAt: row.requested_at } : null;
}
