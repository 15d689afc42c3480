import type { Db } from '../db/open-database';
import type { ClockPause } from '../../../shared/domain/deadline';
import { stmt } from '../db/statement-cache';

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

export function pausesOf(db: Db, dossierId: number): ClockPause[] {
  const rows = stmt(
    db,
    'SELECT dossier_id, requested_at, resumed_at, reason FROM dossier_pauses WHERE dossier_id = ? ORDER BY id',
  ).all(dossierId) as PauseRow[];
  return rows.map(toPause);
}

/** All pauses of open dossiers in one pass, for bulk recomputation. */
export function pausesOfOpenDossiers(db: Db): Map<number, ClockPause[]> {
  const rows = stmt(
    db,
    `SELECT p.dossier_id, p.requested_at, p.resumed_at, p.reason
       FROM dossier_pauses p JOIN dossiers d ON d.id = p.dossier_id
       WHERE d.status IN ('received', 'appraising', 'awaiting_supplement', 'pending_signature')
       ORDER BY p.dossier_id, p.id`,
  ).all() as PauseRow[];
  const byDossier = new Map<number, ClockPause[]>();
  for (const row of rows) {
    const list = byDossier.get(row.dossier_id) ?? [];
    list.push(toPause(row));
    byDossier.set(row.dossier_id, list);
  }
  return byDossier;
}

export function openPauseOf(db: Db, dossierId: number): { requestedAt: string } | null {
  const row = stmt(
    db,
    'SELECT requested_at FROM dossier_pauses WHERE dossier_id = ? AND resumed_at IS NULL ORDER BY id DESC LIMIT 1',
  ).get(dossierId) as { requested_at: string } | undefined;
  return row ? { requestedAt: row.requested_at } : null;
}
