import type { Db } from '../db/open-database';
import type { ClockPause } from '../../../shared/domain/deadline';

export interface WorkflowColumns {
  assignee_id: number | null;
  proposal: 'approve' | 'refuse' | null;
  proposal_opinion: string | null;
  proposer_id: number | null;
  decided_by: number | null;
  decision_reasons: string | null;
  supplement_requests: number;
  apology_due_at: string | null;
  licence_fields: string | null;
  returned_at: string | null;
  returned_to: string | null;
  return_channel: 'desk' | 'post' | null;
  completed_at: string | null;
  completion_class: 'early' | 'on_time' | 'late' | null;
  processing_working_days: number | null;
}

export function readWorkflowColumns(db: Db, dossierId: number): WorkflowColumns {
  return db
    .prepare(
      `SELECT assignee_id, proposal, proposal_opinion, proposer_id, decided_by, decision_reasons, supplement_requests,
         apology_due_at, licence_fields, returned_at, returned_to, return_channel, completed_at, completion_class,
         processing_working_days
       FROM dossiers WHERE id = ?`,
    )
    .get(dossierId) as WorkflowColumns;
}

/** Writes the changed columns and bumps the row version, only if nobody else changed it meanwhile. */
export function updateDossierIfVersion(
  db: Db,
  dossierId: number,
  version: number,
  changes: Record<string, string | number | null>,
  updatedAt: string,
): boolean {
  const keys = Object.keys(changes);
  const assignments = keys.map((k) => `${k} = @${k}`).join(', ');
  const result = db
    .prepare(
      `UPDATE dossiers SET ${assignments}${keys.length ? ', ' : ''}version = version + 1, updated_at = @updatedAt
       WHERE id = @dossierId AND version = @version`,
    )
    .run({ ...changes, updatedAt, dossierId, version });
  return result.changes === 1;
}

/** Makes the stored pause ledger equal `next` (only the last pause can open or close in one transition). */
export function savePauses(
  db: Db,
  dossierId: number,
  before: readonly ClockPause[],
  next: readonly ClockPause[],
  by: string,
): void {
  if (next.length > before.length) {
    const added = next[next.length - 1] as ClockPause;
    db.prepare(
      'INSERT INTO dossier_pauses (dossier_id, requested_at, resumed_at, reason, requested_by) VALUES (?, ?, ?, ?, ?)',
    ).run(dossierId, added.from, added.to, added.reason, by);
    return;
  }
  const lastBefore = before[before.length - 1];
  const lastNext = next[next.length - 1];
  if (lastBefore && lastNext && lastBefore.to === null && lastNext.to !== null) {
    db.prepare(
      `UPDATE dossier_pauses SET resumed_at = ?, resumed_by = ?
       WHERE id = (SELECT id FROM dossier_pauses WHERE dossier_id = ? AND resumed_at IS NULL ORDER BY id DESC LIMIT 1)`,
    ).run(lastNext.to, by, dossierId);
  }
}

export function insertEvent(
  db: Db,
  event: {
    dossierId: number;
    at: string;
    actorId: string;
    actorName: string;
    kind: string;
    fromStatus: string | null;
    toStatus: string | null;
    note: string | null;
    data: unknown;
  },
): void {
  db.prepare(
    `INSERT INTO dossier_events (dossier_id, at, actor_id, actor_name, kind, from_status, to_status, note, data)
     VALUES (@dossierId, @at, @actorId, @actorName, @kind, @fromStatus, @toStatus, @note, @data)`,
  ).run({ ...event, data: event.data === undefined ? null : JSON.stringify(event.data) });
}

export interface EventRow {
  id: number;
  at: string;
  actor_name: string;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  data: string | null;
}

export function eventsOf(db: Db, dossierId: number): EventRow[] {
  return db
    .prepare(
      'SELECT id, at, actor_name, kind, from_status, to_status, note, data FROM dossier_events WHERE dossier_id = ? ORDER BY id',
    )
    .all(dossierId) as EventRow[];
}

export interface LicenceRow {
  id: number;
  dossier_id: number;
  series: string;
  year: number;
  number: number;
  formatted: string;
  issued_at: string;
  holder: string;
  payload: string;
  content: string;
  void_reason: string | null;
}

export function licenceOf(db: Db, dossierId: number): LicenceRow | null {
  return (
    (db
      .prepare(
        `SELECT l.*, v.reason AS void_reason FROM licences l LEFT JOIN licence_voids v ON v.licence_id = l.id
         WHERE l.dossier_id = ? ORDER BY l.id DESC LIMIT 1`,
      )
      .get(dossierId) as LicenceRow | undefined) ?? null
  );
}
