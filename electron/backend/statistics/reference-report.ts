import type { Sql } from '../store/sql';
import type { Bieu06Counts, DossierFacts, Period } from '../../../shared/domain/statistics';
import { addCounts, contributionOf, ZERO_COUNTS } from '../../../shared/domain/statistics';
import { dayNumberOf } from './summary-repo';

/*
 * The brute-force reference: one plain loop over every dossier (SELECT * FROM dossiers), applying the
 * per-dossier rules of `contributionOf`. Far too slow for the dashboard (it reads the whole table), which is
 * the point: it shares nothing with the summary tables, their triggers or the range-sum identities, so the
 * tests can hold the fast path to it.
 */

export interface ReferenceGroup {
  counts: Bieu06Counts;
  processingDaysSum: number;
  processingDaysCount: number;
}

export interface ReferencePauses {
  count: number;
  daysWaited: number;
  open: number;
}

export interface ReferenceReport {
  byProcedure: Map<string, ReferenceGroup>;
  /** 0 = not assigned. */
  byAssignee: Map<number, ReferenceGroup>;
  pausesByAssignee: Map<number, ReferencePauses>;
}

interface DossierRow {
  id: number;
  procedure_id: string;
  assignee_id: number | null;
  channel: 'direct' | 'post' | 'online';
  receipt_date: string;
  completed_at: string | null;
  completion_class: 'early' | 'on_time' | 'late' | null;
  due_date: string | null;
  processing_working_days: number | null;
}

export function factsOf(row: DossierRow): DossierFacts {
  return {
    receiptDate: row.receipt_date,
    channel: row.channel,
    completedDate: row.completed_at === null ? null : row.completed_at.slice(0, 10),
    completionClass: row.completion_class,
    dueDate: row.due_date,
    processingWorkingDays: row.processing_working_days,
  };
}

function add(
  map: Map<string | number, ReferenceGroup>,
  key: string | number,
  counts: Bieu06Counts,
  days: number | null,
) {
  const group = map.get(key) ?? { counts: ZERO_COUNTS, processingDaysSum: 0, processingDaysCount: 0 };
  group.counts = addCounts(group.counts, counts);
  if (days !== null) {
    group.processingDaysSum += days;
    group.processingDaysCount += 1;
  }
  map.set(key, group);
}

export async function referenceReport(db: Sql, period: Period, today: string): Promise<ReferenceReport> {
  const byProcedure = new Map<string, ReferenceGroup>();
  const byAssignee = new Map<number, ReferenceGroup>();
  const assigneeOf = new Map<number, number>();
  await db.each<DossierRow>('SELECT * FROM dossiers', [], (row) => {
    const facts = factsOf(row);
    const counts = contributionOf(facts, period);
    const days = counts.c7 === 1 ? facts.processingWorkingDays : null;
    const assignee = row.assignee_id ?? 0;
    assigneeOf.set(row.id, assignee);
    add(byProcedure as Map<string | number, ReferenceGroup>, row.procedure_id, counts, days);
    add(byAssignee as Map<string | number, ReferenceGroup>, assignee, counts, days);
  });
  const pausesByAssignee = new Map<number, ReferencePauses>();
  const pauses = (await db.all('SELECT dossier_id, requested_at, resumed_at FROM dossier_pauses')) as Array<{
    dossier_id: number;
    requested_at: string;
    resumed_at: string | null;
  }>;
  for (const pause of pauses) {
    const day = pause.requested_at.slice(0, 10);
    if (day < period.from || day > period.to) continue;
    const key = assigneeOf.get(pause.dossier_id) ?? 0;
    const entry = pausesByAssignee.get(key) ?? { count: 0, daysWaited: 0, open: 0 };
    entry.count += 1;
    entry.daysWaited += dayNumberOf(pause.resumed_at ?? today) - dayNumberOf(pause.requested_at);
    if (pause.resumed_at === null) entry.open += 1;
    pausesByAssignee.set(key, entry);
  }
  return { byProcedure, byAssignee, pausesByAssignee };
}
