import type { Sql } from '../store/sql';
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

export async function readWorkflowColumns(db: Sql, dossierId: number): Promise<WorkflowColumns> {
  return (await db.get(
    `SELECT assignee_id, proposal, proposal_opinion, proposer_id, decided_by, decision_reasons, supplement_requests,
         apology_due_at, licence_fields, returned_at, returned_to, return_channel, completed_at, completion_class,
         processing_working_days
       FROM dossiers WHERE id = ?`,
    [dossierId],
  )) as WorkflowColumns;
}

/** Writes the changed columns and bumps the row version, only if nobody else changed it meanwhile. */
export async function updateDossierIfVersion(
  db: Sql,
  dossierId: number,
  version: number,
  changes: Record<string, string | number | null>,
  updatedAt: string,
): Promise<boolean> {
  const keys = Object.keys(changes);
  const assignments = keys.map((k) => `${k} = @${k}`).join(', ');
  const result = await db.run(
    `UPDATE dossiers SET ${assignments}${keys.length ? ', ' : ''}version = version + 1, updated_at = @updatedAt
       WHERE id = @dossierId AND version = @version`,
    { ...changes, updatedAt, dossierId, version },
  );
  return result.changes === 1;
}

/** Makes the stored pause ledger equal `next` (only the last pause can open or close in one transition). */
export async function savePauses(
  db: Sql,
  dossierId: number,
  before: readonly ClockPause[],
  next: readonly ClockPause[],
  by: string,
): Promise<void> {
  if (next.length > before.length) {
    const added = next[next.length - 1] as ClockPause;
    await db.run(
      'INSERT INTO dossier_pauses (dossier_id, requested_at, resumed_at, reason, requested_by) VALUES (?, ?, ?, ?, ?)',
      [dossierId, added.from, added.to, added.reason, by],
    );
    return;
  }
  const lastBefore = before[before.length - 1];
  const lastNext = next[next.length - 1];
  if (lastBefore && lastNext && lastBefore.to === null && lastNext.to !== null) {
    await db.run(
      `UPDATE dossier_pauses SET resumed_at = ?, resumed_by = ?
       WHERE id = (SELECT id FROM dossier_pauses WHERE dossier_id = ? AND resumed_at IS NULL ORDER BY id DESC LIMIT 1)`,
      [lastNext.to, by, dossierId],
    );
  }
}

export async function insertEvent(
  db: Sql,
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
): Promise<void> {
  await db.run(
    `INSERT INTO dossier_events (dossier_id, at, actor_id, actor_name, kind, from_status, to_status, note, data)
     VALUES (@dossierId, @at, @actorId, @actorName, @kind, @fromStatus, @toStatus, @note, @data)`,
    { ...event, data: event.data === undefined ? null : JSON.stringify(event.data) },
  );
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

export async function eventsOf(db: Sql, dossierId: number): Promise<EventRow[]> {
  return (await db.all(
    'SELECT id, at, actor_name, kind, from_status, to_status, note, data FROM dossier_events WHERE dossier_id = ? ORDER BY id',
    [dossierId],
  )) as EventRow[];
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
  /** Hash of the electronic licence stored at issue time (null for licences issued before issue 13). */
  result_sha256: string | null;
  void_reason: string | null;
}

export async function licenceOf(db: Sql, dossierId: number): Promise<LicenceRow | null> {
  return (
    ((await db.get(
      `SELECT l.*, v.reason AS void_reason FROM licences l LEFT JOIN licence_voids v ON v.licence_id = l.id
         WHERE l.dossier_id = ? ORDER BY l.id DESC LIMIT 1`,
      [dossierId],
    )) as LicenceRow | undefined) ?? null
  );
}
