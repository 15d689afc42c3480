import type { DayNumber } from '../calendar/iso-date';
import { fromDayNumber } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { DeadlineInput, DeadlineOutcome } from './deadline-types';
import { formatInstant, localDayNumber, localMsOfDay } from './instant';
import type { NormalizedDeadlineInput, NormalizedPause } from './normalize-input';
import { normalizeDeadlineInput } from './normalize-input';
import { PAUSE_RULES } from './pause-rules';

export type ReceiptShiftReason = 'non-working-day' | 'after-cutoff' | null;

export interface ReceiptDay {
  /** Office-local day of the instant. */
  readonly actualDay: DayNumber;
  /** The day it counts as received on. */
  readonly effectiveDay: DayNumber;
  readonly reason: ReceiptShiftReason;
}

/** What one pause did; collected only when the ledger is wanted. */
export interface PauseStep {
  readonly pause: NormalizedPause;
  readonly pauseDay: DayNumber;
  /** Requested after the due date of the time: recorded, but it neither stops nor moves the clock. */
  readonly isLate: boolean;
  /**
   * The last day of the segment that counts as used: the request day (pause rule v2) or the day before it
   * (v1). The ledger walks the segment up to this day.
   */
  readonly lastUsedDay: DayNumber;
  /** Days (rule unit) counted in the segment, up to `lastUsedDay`. */
  readonly usedDays: number;
  /** Days (rule unit) left to run after the pause. */
  readonly remainingAfter: number;
  /** Supplement receipt; null while the pause is open. */
  readonly resume: ReceiptDay | null;
  /**
   * Working days the clock stood, through the supplement day (or `now`'s day while open): from the day after
   * the request (v2) or from the request day (v1).
   */
  readonly pausedWorkingDays: number;
}

export interface ClockTrace {
  receipt: ReceiptDay | null;
  readonly steps: PauseStep[];
}

/**
 * The day a dossier (or a supplement) counts as received: a receipt on a non-working day, or after the
 * office cut-off on a working day, counts as received on the next working day (domain.md §2.3, §3.3 step 1).
 */
function effectiveReceiptDay(
  calendar: WorkingCalendar,
  input: NormalizedDeadlineInput,
  epochMs: number,
): DayNumber {
  const { offsetMinutes, cutoffMs } = input.office;
  const day = localDayNumber(epochMs, offsetMinutes);
  if (!calendar.isWorkingDayNumber(day)) return calendar.nextWorkingDayNumber(day);
  if (cutoffMs !== null && localMsOfDay(epochMs, offsetMinutes) > cutoffMs)
    return calendar.nextWorkingDayNumber(day);
  return day;
}

function describeReceipt(
  calendar: WorkingCalendar,
  input: NormalizedDeadlineInput,
  epochMs: number,
): ReceiptDay {
  const actualDay = localDayNumber(epochMs, input.office.offsetMinutes);
  const effectiveDay = effectiveReceiptDay(calendar, input, epochMs);
  const reason: ReceiptShiftReason =
    effectiveDay === actualDay
      ? null
      : calendar.isWorkingDayNumber(actualDay)
        ? 'after-cutoff'
        : 'non-working-day';
  return { actualDay, effectiveDay, reason };
}

/**
 * The end of a period of `amount` days counted from the day after `start` (BLDS 2015 Điều 147 k2).
 * Working days: the amount-th working day. Calendar days: the amount-th day, moved to the next working day
 * when it is a weekend day or holiday (BLDS 2015 Điều 148 k5).
 */
export function periodEnd(
  calendar: WorkingCalendar,
  unit: 'wd' | 'cd',
  start: DayNumber,
  amount: number,
): DayNumber {
  return unit === 'wd'
    ? calendar.addWorkingDaysToDayNumber(start, amount)
    : calendar.workingDayNumberOnOrAfter(start + amount);
}

/** Days counted in (start, end] — working days or calendar days. */
function countedBetween(
  calendar: WorkingCalendar,
  unit: 'wd' | 'cd',
  start: DayNumber,
  end: DayNumber,
): number {
  return unit === 'wd' ? calendar.workingDaysBetweenDayNumbers(start, end) : end - start;
}

/**
 * Working days on which the clock stood: from the first day not used (the day after `lastUsedDay`, or the
 * first day that would have been counted, if later) through `until`. In `pause` mode this is exactly how far
 * the pause moves the due date.
 */
function stoodWorkingDays(
  calendar: WorkingCalendar,
  segmentStart: DayNumber,
  lastUsedDay: DayNumber,
  until: DayNumber,
): number {
  return Math.max(calendar.workingDaysBetweenDayNumbers(Math.max(lastUsedDay, segmentStart), until), 0);
}

/**
 * Runs the clock. This is the fast path (bulk recompute of every open dossier after a calendar change): a
 * handful of O(1) index lookups, no ledger. Pass a `trace` to collect what each pause did for the ledger.
 *
 * Pause rule, day-granular, versioned (pause-rules.ts). Under v2 (current) the days from the day after the
 * last (re)start up to and including the day of the supplement request count as used — the office worked on
 * the dossier that day (issue 12 §1) — and the supplement's receipt day is not counted: counting resumes on
 * the working day after it (BLDS 2015 Điều 147 k2, as for the receipt day itself). So the clock stands from
 * the day after the request through the supplement day, which is the national dashboard's "supplement time −
 * request time" to the day. Under v1 (issue 3 §5) the request day was not counted either. A request on the
 * last day under v2 uses every day: nothing is left after the supplement, and the period ends at the close of
 * the day the supplement is received (not a day later: the dashboard would call that late). A request made
 * after the due date of the time is recorded but ignored: a late request cannot rescue a late dossier.
 */
export function runDeadlineClock(
  input: NormalizedDeadlineInput,
  calendar: WorkingCalendar,
  trace?: ClockTrace,
): DeadlineOutcome {
  const { unit, amount, office } = input;
  if (unit === 'h') {
    // Luật Báo chí 2016 Điều 41: notify at least N hours before the event — clock hours, counted back from
    // the event (BLDS 2015 Điều 147 k1: periods in hours run from the stated moment).
    const eventMs = input.eventMs ?? input.receivedMs;
    const latestMs = eventMs - amount * 3_600_000;
    return {
      state: 'event',
      eventAt: formatInstant(eventMs, office.offsetMinutes),
      latestFilingAt: formatInstant(latestMs, office.offsetMinutes),
      isTimely: input.receivedMs <= latestMs,
    };
  }

  const receiptDay = effectiveReceiptDay(calendar, input, input.receivedMs);
  if (trace) trace.receipt = describeReceipt(calendar, input, input.receivedMs);
  const countFrom = unit === 'wd' ? calendar.nextWorkingDayNumber(receiptDay) : receiptDay + 1;

  const countsRequestDay = PAUSE_RULES[input.pauseRule].countsRequestDay;
  let segmentStart = receiptDay;
  let remaining = amount;
  for (const pause of input.pauses) {
    const pauseDay = localDayNumber(pause.fromMs, office.offsetMinutes);
    const currentDue = periodEnd(calendar, unit, segmentStart, remaining);
    if (pauseDay > currentDue) {
      trace?.steps.push({
        pause,
        pauseDay,
        isLate: true,
        lastUsedDay: pauseDay,
        usedDays: 0,
        remainingAfter: remaining,
        resume: null,
        pausedWorkingDays: 0,
      });
      continue;
    }
    // v1 always left at least one day (for working days this follows from pauseDay <= currentDue; for
    // calendar days the end may have been moved past a holiday, Điều 148 k5, hence the clamp). v2 may use
    // every day when the request falls on the last one. (Never query before the segment start: that day
    // may lie in an uncovered year.)
    const lastUsedDay = countsRequestDay ? pauseDay : pauseDay - 1;
    const used =
      lastUsedDay <= segmentStart
        ? 0
        : Math.min(
            countedBetween(calendar, unit, segmentStart, lastUsedDay),
            countsRequestDay ? remaining : remaining - 1,
          );
    const remainingAfter = input.pauseMode === 'pause' ? remaining - used : amount;

    if (pause.toMs === null) {
      const today = localDayNumber(input.nowMs ?? pause.fromMs, office.offsetMinutes);
      const pausedWorkingDays = stoodWorkingDays(calendar, segmentStart, lastUsedDay, today);
      trace?.steps.push({
        pause,
        pauseDay,
        isLate: false,
        lastUsedDay,
        usedDays: used,
        remainingAfter,
        resume: null,
        pausedWorkingDays,
      });
      return {
        state: 'paused',
        receiptDay: fromDayNumber(receiptDay),
        countFrom: fromDayNumber(countFrom),
        since: fromDayNumber(pauseDay),
        pausedAt: formatInstant(pause.fromMs, office.offsetMinutes),
        pausedWorkingDays,
        usedDays: input.pauseMode === 'pause' ? amount - remaining + used : used,
        remainingDays: remainingAfter,
      };
    }

    const resumeDay = effectiveReceiptDay(calendar, input, pause.toMs);
    if (trace) {
      trace.steps.push({
        pause,
        pauseDay,
        isLate: false,
        lastUsedDay,
        usedDays: used,
        remainingAfter,
        resume: describeReceipt(calendar, input, pause.toMs),
        pausedWorkingDays: stoodWorkingDays(calendar, segmentStart, lastUsedDay, resumeDay),
      });
    }
    segmentStart = resumeDay;
    remaining = remainingAfter;
  }

  const dueDay = periodEnd(calendar, unit, segmentStart, remaining);
  const dueDate = fromDayNumber(dueDay);
  return {
    state: 'due',
    receiptDay: fromDayNumber(receiptDay),
    countFrom: fromDayNumber(countFrom),
    dueDate,
    dueAt: `${dueDate}T${office.closeText}:00${office.offsetText}`,
  };
}

/** Fast path from a normalised input, e.g. to recompute stored dossiers against an edited calendar. */
export function computeDeadlineOutcome(
  input: NormalizedDeadlineInput,
  calendar: WorkingCalendar,
): DeadlineOutcome {
  return runDeadlineClock(input, calendar);
}

/** Fast path from raw input: validates and computes, without building a ledger. */
export function computeDeadlineFast(input: DeadlineInput): DeadlineOutcome {
  return runDeadlineClock(normalizeDeadlineInput(input), input.calendar);
}
