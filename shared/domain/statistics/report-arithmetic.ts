import type { Bieu06Counts, Bieu06Key } from './bieu06';
import { bieu06Keys, ZERO_COUNTS } from './bieu06';
import type { Period } from './periods';

/*
 * The arithmetic of Biểu 06 for a period [S, E] (both included, office-local dates).
 *
 * Definitions (decided for LicenceDesk; domain.md §2.4–2.5 leaves them to the office):
 * - A dossier is received on its receipt_date; it is resolved (đã giải quyết) on its completion date — set when it
 *   is approved, refused, withdrawn or stopped (returning the result later does not move it). Withdrawn and
 *   stopped dossiers are classified like the others (Thanh Hóa counts them as on time; we compare them with the
 *   appointment like everything else). A resolved dossier without an appointment counts as đúng hạn.
 * - (4)/(5): received in [S, E] online / directly or by post.   (6): received before S, not resolved before S.
 * - (7)–(10): resolved in [S, E], by its stored class.           (3) = (4) + (5) + (6).
 * - (11): received by E and not resolved by E.                   (13): of those, due day < E.   (12) = (11) − (13).
 * The due day is max(due_date, receipt_date) (nobody is overdue before being received); a dossier waiting for
 * a supplement has no due date while its clock stands, so it is pending in time. An apologised dossier keeps its
 * legal appointment (due_date), so it stays overdue.
 *
 * `contributionOf` states these rules per dossier (the brute-force reference and the drilldown lists follow
 * it); `countsFromSums` computes the same numbers from the daily summary's range sums.
 */

export type Channel = 'direct' | 'post' | 'online';
export type CompletionClass = 'early' | 'on_time' | 'late';

/** What the statistics read from one dossier. */
export interface DossierFacts {
  readonly receiptDate: string;
  readonly channel: Channel;
  /** Office-local date of resolution, null while the dossier is open. */
  readonly completedDate: string | null;
  readonly completionClass: CompletionClass | null;
  readonly dueDate: string | null;
  readonly processingWorkingDays: number | null;
}

/** The day from which a pending dossier counts as overdue once passed; null when it has no appointment. */
export function dueDayOf(facts: Pick<DossierFacts, 'dueDate' | 'receiptDate'>): string | null {
  if (facts.dueDate === null) return null;
  return facts.dueDate > facts.receiptDate ? facts.dueDate : facts.receiptDate;
}

const bit = (value: boolean): number => (value ? 1 : 0);

/** 0/1 per column: which of the thirteen numbers this dossier is counted in for `period`. */
export function contributionOf(facts: DossierFacts, period: Period): Bieu06Counts {
  const { from, to } = period;
  const inPeriod = facts.receiptDate >= from && facts.receiptDate <= to;
  const resolvedBefore = (day: string, inclusive: boolean): boolean =>
    facts.completedDate !== null && (inclusive ? facts.completedDate <= day : facts.completedDate < day);
  const c4 = bit(inPeriod && facts.channel === 'online');
  const c5 = bit(inPeriod && facts.channel !== 'online');
  const c6 = bit(facts.receiptDate < from && !resolvedBefore(from, false));
  const resolved = facts.completedDate !== null && facts.completedDate >= from && facts.completedDate <= to;
  const cls = facts.completionClass ?? 'on_time';
  const c11 = bit(facts.receiptDate <= to && !resolvedBefore(to, true));
  const dueDay = dueDayOf(facts);
  const c13 = bit(c11 === 1 && dueDay !== null && dueDay < to);
  return {
    c3: c4 + c5 + c6,
    c4,
    c5,
    c6,
    c7: bit(resolved),
    c8: bit(resolved && cls === 'early'),
    c9: bit(resolved && cls === 'on_time'),
    c10: bit(resolved && cls === 'late'),
    c11,
    c12: c11 - c13,
    c13,
  };
}

/**
 * Range sums read from the daily summary for one group (a procedure, an appraiser, everything):
 * received*: receipt day in [S, E]; receivedBefore / resolvedBefore: receipt / completion day < S;
 * early, onTime, late, processingDays*: completion day in [S, E]; dueBeforeEnd / dueMetBeforeEnd: due day < E
 * (all / completed on or before the due day); pastDueByEnd: completion day ≤ E and after the due day.
 */
export interface SummarySums {
  readonly receivedOnline: number;
  readonly receivedOther: number;
  readonly receivedBefore: number;
  readonly resolvedBefore: number;
  readonly early: number;
  readonly onTime: number;
  readonly late: number;
  readonly dueBeforeEnd: number;
  readonly dueMetBeforeEnd: number;
  readonly pastDueByEnd: number;
  readonly processingDaysSum: number;
  readonly processingDaysCount: number;
}

/**
 * Biểu 06 from range sums. (13) rests on: a dossier with due day < E is either completed on or before its due
 * day (then before E), or completed after it — and every dossier completed after its due day by E has its due
 * day < E — or still pending at E. So pending overdue = due < E − met by due − completed past due by E.
 */
export function countsFromSums(s: SummarySums): Bieu06Counts {
  const c4 = s.receivedOnline;
  const c5 = s.receivedOther;
  const c6 = s.receivedBefore - s.resolvedBefore;
  const c3 = c4 + c5 + c6;
  const c7 = s.early + s.onTime + s.late;
  const c11 = c3 - c7;
  const c13 = s.dueBeforeEnd - s.dueMetBeforeEnd - s.pastDueByEnd;
  return { c3, c4, c5, c6, c7, c8: s.early, c9: s.onTime, c10: s.late, c11, c12: c11 - c13, c13 };
}

export function addCounts(a: Bieu06Counts, b: Bieu06Counts): Bieu06Counts {
  const out: Record<Bieu06Key, number> = { ...ZERO_COUNTS };
  for (const key of bieu06Keys) out[key] = a[key] + b[key];
  return out;
}

export function sumCounts(list: readonly Bieu06Counts[]): Bieu06Counts {
  return list.reduce<Bieu06Counts>((acc, c) => addCounts(acc, c), ZERO_COUNTS);
}

export function pickCounts(row: Bieu06Counts): Bieu06Counts {
  const out: Record<Bieu06Key, number> = { ...ZERO_COUNTS };
  for (const key of bieu06Keys) out[key] = row[key];
  return out;
}

/**
 * "Tỷ lệ giải quyết đúng và trước hạn" = (trước hạn + đúng hạn) / đã giải quyết = ((8) + (9)) / (7), between 0
 * and 1. Null when nothing was resolved: 0/0 is no rate at all (shown "—"), not 0 % and never NaN.
 */
export function onTimeRate(counts: Pick<Bieu06Counts, 'c7' | 'c8' | 'c9'>): number | null {
  if (counts.c7 <= 0) return null;
  return (counts.c8 + counts.c9) / counts.c7;
}

/** Mean processing time in working days of the dossiers resolved in the period; null when none has one. */
export function averageProcessingDays(sum: number, count: number): number | null {
  if (count <= 0) return null;
  return sum / count;
}

export const NO_VALUE = '—';

function decimal(value: number, digits: number): string {
  const fixed = value.toFixed(digits);
  // Vietnamese writes a decimal comma; trailing zeros add nothing ("100 %" rather than "100,00 %").
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed.replace('.', ',');
}

/** '98,81%', '100%', or '—' when there is no rate. */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return NO_VALUE;
  return `${decimal(rate * 100, 2)}%`;
}

/** '4,2' (working days), or '—'. */
export function formatDays(days: number | null): string {
  if (days === null || !Number.isFinite(days)) return NO_VALUE;
  return decimal(days, 1);
}

/** The closing line under Biểu 06: the rate and the mean processing time, with "—" where there is none. */
export function summaryLine(rate: number | null, averageDays: number | null): string {
  const days = averageDays === null ? NO_VALUE : `${formatDays(averageDays)} ngày làm việc`;
  return `Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn: ${formatRate(rate)}; thời gian giải quyết trung bình: ${days}.`;
}
