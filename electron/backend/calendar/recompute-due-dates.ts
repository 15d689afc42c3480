import type { Sql } from '../store/sql';
import type { BackendContext, CallSession } from '../context';
import type { Settings } from '../../../shared/api/schemas/settings';
import type { WorkingCalendar } from '../../../shared/domain/calendar';
import {
  computeDeadlineOutcome,
  normalizeDeadlineInput,
  type NormalizedDeadlineInput,
  type PauseRuleId,
} from '../../../shared/domain/deadline';
import { appendAudit } from '../audit/audit-chain';
import { pausesOfOpenDossiers } from '../dossiers/pause-repo';
import { officeHoursOf } from './deadline-service';
import { currentPauseRule } from './pause-rule-repo';

export interface MovedDossier {
  id: number;
  code: string;
  applicantName: string;
  oldDueDate: string;
  newDueDate: string;
  newDueAt: string;
  newCountFrom: string;
}

interface OpenRow {
  id: number;
  code: string;
  applicant_name: string;
  received_at: string;
  deadline_amount: number;
  deadline_unit: 'wd' | 'cd' | 'h';
  due_date: string;
  pause_mode: 'pause' | 'restart';
}

/**
 * Every open dossier whose due date would differ under `next` (a changed calendar) and `pauseRule` (a newly
 * adopted version of the pause rule; default: the version in force). Inputs are parsed once and the fast path
 * is used (no ledgers), so a change over a million open dossiers stays within seconds. Dossiers whose clock is
 * paused have no due date to move; event-relative ones do not depend on working days.
 */
export async function findMovedDossiers(
  db: Sql,
  settings: Settings,
  next: WorkingCalendar,
  now: string,
  pauseRule?: PauseRuleId,
): Promise<MovedDossier[]> {
  const rule = pauseRule ?? (await currentPauseRule(db));
  const pauses = await pausesOfOpenDossiers(db);
  const office = officeHoursOf(settings);
  const moved: MovedDossier[] = [];
  await db.each<OpenRow>(
    `SELECT d.id, d.code, d.applicant_name, d.received_at, d.deadline_amount, d.deadline_unit, d.due_date, v.pause_mode
     FROM dossiers d JOIN procedure_versions v ON v.id = d.procedure_version_id
     WHERE d.status IN ('received', 'appraising', 'awaiting_supplement', 'pending_signature')
       AND d.due_date IS NOT NULL AND d.deadline_unit <> 'h'`,
    [],
    (row) => {
      const input: NormalizedDeadlineInput = normalizeDeadlineInput({
        receivedAt: row.received_at,
        rule: { amount: row.deadline_amount, unit: row.deadline_unit, pauseMode: row.pause_mode },
        pauses: pauses.get(row.id) ?? [],
        pauseRule: rule,
        office,
        now,
      });
      const outcome = computeDeadlineOutcome(input, next);
      if (outcome.state === 'due' && outcome.dueDate !== row.due_date) {
        moved.push({
          id: row.id,
          code: row.code,
          applicantName: row.applicant_name,
          oldDueDate: row.due_date,
          newDueDate: outcome.dueDate,
          newDueAt: outcome.dueAt,
          newCountFrom: outcome.countFrom,
        });
      }
    },
  );
  return moved;
}

export async function countOpenDossiers(db: Sql): Promise<number> {
  return (
    (await db.get(`SELECT count(*) AS n FROM dossiers
         WHERE status IN ('received', 'appraising', 'awaiting_supplement', 'pending_signature')`)) as {
      n: number;
    }
  ).n;
}

export async function applyMovedDueDates(
  db: Sql,
  moved: readonly MovedDossier[],
  updatedAt: string,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  for (const [index, m] of moved.entries()) {
    onProgress?.(index, moved.length);
    await db.run(
      `UPDATE dossiers SET due_date = @newDueDate, due_at = @newDueAt, due_ms = @dueMs, count_from = @newCountFrom,
         version = version + 1, updated_at = @updatedAt
       WHERE id = @id`,
      {
        newDueDate: m.newDueDate,
        newDueAt: m.newDueAt,
        dueMs: Date.parse(m.newDueAt),
        newCountFrom: m.newCountFrom,
        updatedAt,
        id: m.id,
      },
    );
  }
}

/** How many moved dossiers a preview lists; the full count is always given. */
export const PREVIEW_LIMIT = 500;

/** What an administrator sees before applying a change that moves due dates (calendar, pause rule). */
export async function previewOfMoved(db: Sql, moved: readonly MovedDossier[]) {
  return {
    openCount: await countOpenDossiers(db),
    movedCount: moved.length,
    moved: moved.slice(0, PREVIEW_LIMIT).map(({ id, code, applicantName, oldDueDate, newDueDate }) => ({
      id,
      code,
      applicantName,
      oldDueDate,
      newDueDate,
    })),
  };
}

/**
 * Writes the moved due dates with one audit entry per moved dossier ('dossiers.dueDateMoved', naming why in
 * `details`). Run inside the transaction that records the change itself, after planning in it.
 */
export async function applyMovedWithAudit(
  ctx: BackendContext,
  session: CallSession,
  moved: readonly MovedDossier[],
  now: string,
  details: Record<string, unknown>,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  await applyMovedDueDates(ctx.db, moved, now, onProgress);
  for (const m of moved) {
    await appendAudit(ctx.db, {
      at: now,
      actorId: session.actor.id,
      actorName: session.actor.name,
      action: 'dossiers.dueDateMoved',
      entityType: 'dossier',
      entityId: String(m.id),
      payload: { code: m.code, oldDueDate: m.oldDueDate, newDueDate: m.newDueDate, ...details },
      appVersion: ctx.appVersion,
    });
  }
}
