import type { CalendarException } from '../calendar/calendar-types';
import type { DayNumber } from '../calendar/iso-date';
import { formatViDate, fromDayNumber, parseIsoDate } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { ClockTrace, ReceiptDay } from './deadline-clock';
import { periodEnd } from './deadline-clock';
import type { DeadlineOutcome, LedgerEntry } from './deadline-types';
import { formatInstant, localDayNumber } from './instant';
import type { NormalizedDeadlineInput } from './normalize-input';
import { PAUSE_RULES } from './pause-rules';

const LEGAL_START = 'BLDS 2015 Điều 147 k2';
const LEGAL_LAST_DAY_OFF = 'BLDS 2015 Điều 148 k5';

function exceptionNote(exception: CalendarException | undefined): string | undefined {
  if (!exception) return undefined;
  const parts = [
    exception.source,
    exception.status === 'draft' ? 'Dự kiến – chưa được xác nhận' : undefined,
    exception.uncertain ? 'Căn cứ chưa chắc chắn – cần xác nhận' : undefined,
  ].filter((part): part is string => part !== undefined && part !== '');
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** "lúc 10:00 ngày 13/02/2026" for an ISO instant already at the office offset. */
function when(iso: string): string {
  const day = iso.slice(0, 10);
  return `lúc ${iso.slice(11, 16)} ngày ${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/**
 * Builds the explanation of a deadline (issue 3 §7): the receipt and its shifts, the day counting starts,
 * every counted day, every skipped day with its reason, every make-up day counted, each pause with its reason
 * and length, and the due date. It walks the days one by one, so it is kept apart from the fast path and
 * follows the decisions the clock recorded in `trace` rather than re-deciding them.
 */
export function buildDeadlineLedger(
  input: NormalizedDeadlineInput,
  calendar: WorkingCalendar,
  trace: ClockTrace,
  outcome: DeadlineOutcome,
): LedgerEntry[] {
  // Entries are produced in the order the clock reasons; a stable sort by date then makes the list
  // chronological where a request predates the day a receipt counts on (e.g. a request on the Sunday of a
  // Sunday receipt). Entries of one day keep their reasoning order; `at` keeps the exact instants.
  return collectEntries(input, calendar, trace, outcome).sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
}

function collectEntries(
  input: NormalizedDeadlineInput,
  calendar: WorkingCalendar,
  trace: ClockTrace,
  outcome: DeadlineOutcome,
): LedgerEntry[] {
  const { office, amount, unit } = input;
  const ledger: LedgerEntry[] = [];
  const at = (epochMs: number): string => formatInstant(epochMs, office.offsetMinutes);
  const push = (entry: LedgerEntry, note?: string): void => {
    ledger.push(note === undefined ? entry : { ...entry, note });
  };

  const receivedAt = at(input.receivedMs);
  push({
    date: fromDayNumber(localDayNumber(input.receivedMs, office.offsetMinutes)),
    kind: 'receipt',
    label: `Tiếp nhận hồ sơ ${when(receivedAt)}`,
    at: receivedAt,
  });

  if (outcome.state === 'event') {
    const latest: LedgerEntry = {
      date: parseIsoDate(outcome.latestFilingAt.slice(0, 10)),
      kind: 'due',
      label: `Thời điểm nộp muộn nhất: ${when(outcome.latestFilingAt)} (${amount} giờ trước sự kiện ${when(outcome.eventAt)})`,
      at: outcome.latestFilingAt,
      note: outcome.isTimely ? 'Nộp trước thời điểm muộn nhất' : 'Nộp sau thời điểm muộn nhất',
    };
    // A late notice was filed after its latest-filing time (possibly the same day): put that first.
    if (outcome.isTimely) ledger.push(latest);
    else ledger.unshift(latest);
    return ledger;
  }
  if (unit === 'h' || !trace.receipt) return ledger;

  const words = unit === 'wd' ? 'ngày làm việc' : 'ngày';
  const dayLabel = (day: DayNumber): string => calendar.dayInfo(fromDayNumber(day)).label;

  const pushShift = (receipt: ReceiptDay, what: string, epochMs: number): void => {
    if (receipt.reason === null) return;
    const target = `tính là nhận ngày làm việc tiếp theo: ${dayLabel(receipt.effectiveDay)} ${formatViDate(fromDayNumber(receipt.effectiveDay))}`;
    const why =
      receipt.reason === 'after-cutoff'
        ? `${what} sau giờ tiếp nhận ${office.cutoffText ?? ''}`
        : `${what} vào ngày nghỉ (${dayLabel(receipt.actualDay)})`;
    push({
      date: fromDayNumber(receipt.effectiveDay),
      kind: 'shift',
      label: `${why} – ${target}`,
      at: at(epochMs),
    });
  };
  pushShift(trace.receipt, 'Nhận', input.receivedMs);

  let counted = 0;
  let hasStarted = false;
  const countDay = (day: DayNumber): void => {
    const date = fromDayNumber(day);
    const info = calendar.dayInfo(date);
    if (unit === 'cd' || info.isWorking) {
      counted++;
      if (!hasStarted) {
        hasStarted = true;
        push({
          date,
          kind: 'count-start',
          label: `Bắt đầu tính thời hạn ${amount} ${words} từ ngày tiếp theo ngày nhận hồ sơ (${LEGAL_START})`,
        });
      }
      if (unit === 'cd') {
        const suffix = info.isWorking && info.kind !== 'makeup' ? '' : ` (${info.label})`;
        push({ date, kind: 'counted', label: `Ngày thứ ${counted}${suffix}`, dayNumber: counted });
      } else if (info.kind === 'makeup') {
        push(
          {
            date,
            kind: 'makeup-counted',
            label: `${info.label} – ngày làm việc thứ ${counted}`,
            dayNumber: counted,
          },
          info.exception?.name,
        );
      } else {
        push({ date, kind: 'counted', label: `Ngày làm việc thứ ${counted}`, dayNumber: counted });
      }
    } else {
      push({ date, kind: 'skipped', label: info.label }, exceptionNote(info.exception));
    }
  };
  /** Walks (start, end], counting at most `limit` days; days not counted are listed as skipped. */
  const walk = (start: DayNumber, end: DayNumber, limit: number): void => {
    const target = counted + limit;
    for (let day = start + 1; day <= end; day++) {
      if (counted >= target && (unit === 'cd' || calendar.isWorkingDayNumber(day))) break;
      countDay(day);
    }
  };

  // Pause rule v2 (issue 12 §1) counts the request day as used and says so; v1 entries keep their wording,
  // so a dossier completed under v1 reads as it did when it was classified.
  const countsRequestDay = PAUSE_RULES[input.pauseRule].countsRequestDay;
  let segmentStart = trace.receipt.effectiveDay;
  let remaining = amount;
  for (const step of trace.steps) {
    const reason = step.pause.reason ? `: ${step.pause.reason}` : '';
    if (step.isLate) continue;
    walk(segmentStart, step.lastUsedDay, step.usedDays);
    // The request day is counted only when it would have been counted anyway: a working day (for `wd`)
    // after the day counting started from (never the receipt day itself, BLDS 2015 Điều 147 k2).
    const isRequestDayCounted =
      countsRequestDay &&
      step.pauseDay > segmentStart &&
      (unit === 'cd' || calendar.isWorkingDayNumber(step.pauseDay));
    const counting = isRequestDayCounted ? ' (kể cả ngày yêu cầu bổ sung)' : '';
    const stood = (until: string): string =>
      !countsRequestDay
        ? `Tạm dừng – chờ bổ sung${reason} (${step.pausedWorkingDays} ngày làm việc${until})`
        : `Yêu cầu bổ sung${reason} – ${isRequestDayCounted ? 'ngày yêu cầu được tính vào thời hạn; ' : ''}tạm dừng từ ngày hôm sau (${step.pausedWorkingDays} ngày làm việc${until})`;
    if (step.resume === null) {
      const today = localDayNumber(input.nowMs ?? step.pause.fromMs, office.offsetMinutes);
      const used = outcome.state === 'paused' ? outcome.usedDays : step.usedDays;
      push(
        {
          date: fromDayNumber(step.pauseDay),
          kind: 'pause',
          label: stood(`, tính đến ngày ${formatViDate(fromDayNumber(today))}`),
          at: at(step.pause.fromMs),
        },
        `Đã tính ${used} ${words}${counting}; còn ${step.remainingAfter} ${words} sau khi nhận đủ hồ sơ bổ sung`,
      );
      return ledger;
    }
    push(
      {
        date: fromDayNumber(step.pauseDay),
        kind: 'pause',
        label: stood(''),
        at: at(step.pause.fromMs),
      },
      countsRequestDay
        ? `Đã tính ${input.pauseMode === 'pause' ? amount - step.remainingAfter : step.usedDays} ${words}${counting}`
        : undefined,
    );
    const toMs = step.pause.toMs ?? step.pause.fromMs;
    pushShift(step.resume, 'Nhận hồ sơ bổ sung', toMs);
    push({
      date: fromDayNumber(step.resume.effectiveDay),
      kind: 'resume',
      label:
        input.pauseMode === 'restart'
          ? `Nhận hồ sơ bổ sung – tính lại từ đầu ${amount} ${words} từ ngày hôm sau`
          : step.remainingAfter === 0
            ? `Nhận hồ sơ bổ sung – thời hạn đã dùng hết trước khi tạm dừng; hạn trả là cuối ngày nhận hồ sơ bổ sung`
            : `Nhận hồ sơ bổ sung – tiếp tục tính từ ${countsRequestDay ? 'ngày làm việc tiếp theo' : 'ngày hôm sau'}, còn ${step.remainingAfter} ${words}`,
      at: at(toMs),
    });
    if (input.pauseMode === 'restart') counted = 0;
    segmentStart = step.resume.effectiveDay;
    remaining = step.remainingAfter;
  }

  if (outcome.state !== 'due') return ledger;
  const dueDay = periodEnd(calendar, unit, segmentStart, remaining);
  if (unit === 'wd') {
    walk(segmentStart, dueDay, remaining);
  } else {
    const lastDay = segmentStart + remaining;
    walk(segmentStart, lastDay, remaining);
    if (lastDay !== dueDay) {
      push({
        date: fromDayNumber(lastDay),
        kind: 'shift',
        label: `Ngày cuối của thời hạn là ngày nghỉ (${dayLabel(lastDay)}) – thời hạn kết thúc vào ngày làm việc tiếp theo (${LEGAL_LAST_DAY_OFF})`,
      });
      for (let day = lastDay + 1; day < dueDay; day++) {
        const info = calendar.dayInfo(fromDayNumber(day));
        push({ date: info.date, kind: 'skipped', label: info.label }, exceptionNote(info.exception));
      }
    }
  }
  push({
    date: outcome.dueDate,
    kind: 'due',
    label: `Hạn trả kết quả: ${when(outcome.dueAt)}`,
    at: outcome.dueAt,
    ...(unit === 'wd' ? { dayNumber: counted } : {}),
  });

  for (const step of trace.steps) {
    if (!step.isLate) continue;
    push({
      date: fromDayNumber(step.pauseDay),
      kind: 'pause',
      label: `Yêu cầu bổ sung sau khi đã hết hạn${step.pause.reason ? `: ${step.pause.reason}` : ''} – không làm thay đổi hạn`,
      at: at(step.pause.fromMs),
    });
  }
  return ledger;
}
