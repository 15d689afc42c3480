import { isIsoDate } from '../calendar/iso-date';
import { DeadlineInputError } from './deadline-errors';
import type { ClockPause } from './deadline-types';
import { formatInstant, localDayNumber, parseInstant } from './instant';
import type { OfficeHours } from './office-hours';
import { DEFAULT_OFFICE_HOURS, normalizeOfficeHours } from './office-hours';

/*
 * A supplement pause as a person types it (`licence-desk due-date --pause FROM/TO`, issue 12 §2): each end is
 * an office-local date ('2026-03-05') or an ISO-8601 date-time with its offset; an empty TO means the office
 * is still waiting for the supplement.
 *
 * The clock is day-granular (deadline-clock.ts), so a plain date only needs to land on the right office day
 * and on the right side of the two rules that read the time of day:
 * - FROM, the request, means "during that office day": it is taken at the office's opening time, or at the
 *   receipt if the dossier was received that same day (a request cannot precede the receipt);
 * - TO, the supplement, means "received during that office day, within receiving hours": it is taken at the
 *   opening time, or at the request if that was made the same day — before the cut-off, so the supplement
 *   counts as received on that day (the 15:00 rule would otherwise move it to the next working day).
 * Write a date-time when the hour matters (a supplement handed in at 16:00 counts from the next working day).
 */

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const VIETNAMESE_ORDER = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/;

export interface TypedPauseContext {
  /** When the dossier was received (ISO-8601 with offset). */
  readonly receivedAt: string;
  /** Office hours (the opening time and offset are read); defaults as in the deadline engine. */
  readonly office?: Partial<OfficeHours>;
}

function badSpec(index: number, spec: string): DeadlineInputError {
  return new DeadlineInputError(
    'INVALID_PAUSE',
    `--pause must be FROM/TO (TO empty while still waiting): each a date YYYY-MM-DD or a date-time with offset, e.g. 2026-03-05/2026-03-11 or 2026-03-05T09:00:00+07:00/; got ${JSON.stringify(spec)}`,
    `Tham số --pause phải có dạng TỪ/ĐẾN (để trống ĐẾN nếu còn chờ bổ sung), mỗi đầu là ngày YYYY-MM-DD hoặc thời điểm kèm múi giờ, ví dụ 2026-03-05/2026-03-11 hoặc 2026-03-05T09:00:00+07:00/; đã nhập ${JSON.stringify(spec)}`,
    `pauses[${index}]`,
  );
}

function badDay(index: number, end: 'from' | 'to', value: string): DeadlineInputError {
  const field = `pauses[${index}].${end}`;
  const what = end === 'from' ? 'ngày yêu cầu bổ sung' : 'ngày nhận hồ sơ bổ sung';
  if (VIETNAMESE_ORDER.test(value)) {
    return new DeadlineInputError(
      'INVALID_DATETIME',
      `${field}: write dates as year-month-day (YYYY-MM-DD), e.g. 2026-03-05, not ${value}`,
      `${field}: ${what} phải viết theo thứ tự năm-tháng-ngày (YYYY-MM-DD), ví dụ 2026-03-05, không viết ${value}`,
      field,
    );
  }
  return new DeadlineInputError(
    'INVALID_DATETIME',
    `${field}: not an existing date YYYY-MM-DD nor a date-time with offset: ${JSON.stringify(value)}`,
    `${field}: ${what} không hợp lệ (cần một ngày có thật dạng YYYY-MM-DD, hoặc thời điểm kèm múi giờ): ${JSON.stringify(value)}`,
    field,
  );
}

/**
 * Reads one `--pause` value into a pause of the deadline engine. Throws {@link DeadlineInputError} with a
 * Vietnamese and an English message naming the field (`pauses[0].to`) when it cannot be read; the engine
 * still checks the pause against the receipt and the other pauses.
 */
export function parseTypedPause(
  spec: string,
  index: number,
  context: TypedPauseContext,
  reason = 'Chờ bổ sung hồ sơ',
): ClockPause {
  const parts = spec.trim().split('/');
  // A date-time contains no '/', so more than one means dd/mm/yyyy was typed (or junk).
  if (parts.length > 2 || spec.trim() === '') {
    const first = parts.slice(0, 3).join('/');
    if (VIETNAMESE_ORDER.test(first)) throw badDay(index, 'from', first);
    throw badSpec(index, spec);
  }
  const [fromText = '', toText = ''] = parts.map((p) => p.trim());
  if (fromText === '') throw badSpec(index, spec);
  const office = normalizeOfficeHours(context.office);
  const sessions = context.office?.sessions ?? DEFAULT_OFFICE_HOURS.sessions;
  const opening = sessions[0]?.start ?? '07:30';
  const received = parseInstant(context.receivedAt, 'receivedAt').epochMs;

  const read = (end: 'from' | 'to', text: string, notBefore: number): number => {
    if (DAY_PATTERN.test(text)) {
      if (!isIsoDate(text)) throw badDay(index, end, text);
      const atOpening = parseInstant(`${text}T${opening}:00${office.offsetText}`).epochMs;
      const sameDay =
        localDayNumber(notBefore, office.offsetMinutes) === localDayNumber(atOpening, office.offsetMinutes);
      return sameDay ? Math.max(atOpening, notBefore) : atOpening;
    }
    if (!text.includes('T')) throw badDay(index, end, text);
    return parseInstant(text, `pauses[${index}].${end}`).epochMs;
  };
  const fromMs = read('from', fromText, received);
  const toMs = toText === '' ? null : read('to', toText, fromMs);
  // Typed date-times pass through unchanged (the engine reads them in the office zone).
  const text = (typed: string, ms: number): string =>
    DAY_PATTERN.test(typed) ? formatInstant(ms, office.offsetMinutes) : typed;
  return { from: text(fromText, fromMs), to: toMs === null ? null : text(toText, toMs), reason };
}
