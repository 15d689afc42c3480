import type { IsoDate } from '../calendar/iso-date';
import { toDayNumber } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { DeadlineInputError } from './deadline-errors';
import { localDayNumber, parseInstant } from './instant';

/** Completed dossiers, as in Biểu 06/VPCP/KSTT columns (8)–(10). */
export type CompletionClass = 'early' | 'on_time' | 'late';
/** Pending dossiers: Biểu 06 columns (12)–(13), with "sắp đến hạn" as an early warning inside (12). */
export type PendingClass = 'in_time' | 'due_soon' | 'overdue';
/** Compare by office calendar day (default, domain.md §2.4) or by exact time on the due day. */
export type OnTimeGranularity = 'date' | 'datetime';

export const COMPLETION_CLASS_LABELS: Readonly<Record<CompletionClass, string>> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

export const PENDING_CLASS_LABELS: Readonly<Record<PendingClass, string>> = {
  in_time: 'Trong hạn',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
};

export const DEFAULT_WARN_WORKING_DAYS = 2;

/** What the UI shows instead of a due date while the clock stands (issue 3 §5). */
export function pausedStatusLabel(pausedWorkingDays: number): string {
  return `Tạm dừng – chờ bổ sung (${pausedWorkingDays} ngày)`;
}

/**
 * Completion against the (possibly moved) due time. No normative definition exists (domain.md §2.4); the
 * recommended rule: an earlier office day is "trước hạn", the due day itself "đúng hạn", a later day "quá
 * hạn". With `datetime`, completing on the due day after `dueAt` (after office hours) is late. Days are taken
 * at `dueAt`'s own offset — the office's. A rescheduled dossier must be classified against its original due
 * time (it stays "quá hạn"); that is the caller's choice of `dueAt`.
 */
export function classifyCompletion(
  completedAt: string,
  dueAt: string,
  granularity: OnTimeGranularity = 'date',
): CompletionClass {
  const due = parseInstant(dueAt, 'dueAt');
  const completed = parseInstant(completedAt, 'completedAt');
  const dueDay = localDayNumber(due.epochMs, due.offsetMinutes);
  const completedDay = localDayNumber(completed.epochMs, due.offsetMinutes);
  if (granularity === 'datetime' && completed.epochMs > due.epochMs) return 'late';
  if (completedDay < dueDay) return 'early';
  return completedDay === dueDay ? 'on_time' : 'late';
}

function workingDaysLeftByNumber(today: number, dueDay: number, calendar: WorkingCalendar): number {
  if (today <= dueDay) return calendar.workingDaysBetweenDayNumbers(today, dueDay);
  // Overdue: the working days elapsed since the due day began, the due day included — so the first working
  // day after the due date gives -1, even when the weekend sits in between.
  // (Counted from the due day itself rather than the day before, which may lie in an uncovered year.)
  const elapsed =
    calendar.workingDaysBetweenDayNumbers(dueDay, today - 1) + (calendar.isWorkingDayNumber(dueDay) ? 1 : 0);
  return 0 - elapsed;
}

/**
 * Working days left until the due date: the working days after `today` up to and including `dueDate`
 * (0 on the due day). Negative when overdue: -1 on the first working day after the due date, and so on.
 */
export function workingDaysLeft(today: IsoDate, dueDate: IsoDate, calendar: WorkingCalendar): number {
  return workingDaysLeftByNumber(toDayNumber(today), toDayNumber(dueDate), calendar);
}

/**
 * A pending dossier: "quá hạn" once the due day is over (`date`) or the due time has passed (`datetime`);
 * "sắp đến hạn" when at most `warnWorkingDays` working days are left (default 2, a setting); otherwise
 * "trong hạn".
 */
export function classifyPending(
  now: string,
  dueAt: string,
  calendar: WorkingCalendar,
  warnWorkingDays: number = DEFAULT_WARN_WORKING_DAYS,
  granularity: OnTimeGranularity = 'date',
): PendingClass {
  if (!Number.isInteger(warnWorkingDays) || warnWorkingDays < 0) {
    throw new DeadlineInputError(
      'INVALID_ARGUMENT',
      `warnWorkingDays must be a non-negative integer: ${String(warnWorkingDays)}`,
      `Số ngày cảnh báo phải là số nguyên không âm: ${String(warnWorkingDays)}`,
      'warnWorkingDays',
    );
  }
  const due = parseInstant(dueAt, 'dueAt');
  const current = parseInstant(now, 'now');
  const dueDay = localDayNumber(due.epochMs, due.offsetMinutes);
  const today = localDayNumber(current.epochMs, due.offsetMinutes);
  if (today > dueDay || (granularity === 'datetime' && current.epochMs > due.epochMs)) return 'overdue';
  return workingDaysLeftByNumber(today, dueDay, calendar) <= warnWorkingDays ? 'due_soon' : 'in_time';
}
