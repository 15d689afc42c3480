/**
 * Dates and times as printed on administrative documents.
 *
 * Every function reads the wall-clock fields straight from the ISO string (or shifts the instant to an offset
 * the caller names); none of them consults the machine's time zone, which on a desk PC, a CI runner or a
 * server may be anything. Asia/Ho_Chi_Minh was not always +07:00 either (architecture.md §4).
 */

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export interface OffsetDateTime extends CalendarDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Minutes east of UTC, as written in the string ('Z' = 0, '+07:00' = 420). */
  readonly offsetMinutes: number;
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses an ISO-8601 date-time that carries its offset ('2026-11-26T09:30:00+07:00', '…Z').
 * A string without an offset is rejected: it names no instant, and guessing the zone is the bug this module
 * exists to avoid.
 */
export function parseOffsetDateTime(iso: string): OffsetDateTime {
  const m = DATE_TIME.exec(iso.trim());
  if (m === null) throw new RangeError(`Expected an ISO date-time with offset, got "${iso}"`);
  const [, y, mo, d, h, mi, s, off] = m;
  const value: OffsetDateTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: s === undefined ? 0 : Number(s),
    offsetMinutes: parseOffset(off ?? ''),
  };
  assertValidDate(value, iso);
  if (value.hour > 23 || value.minute > 59 || value.second > 59) {
    throw new RangeError(`Invalid time of day in "${iso}"`);
  }
  return value;
}

/** Accepts a calendar date 'YYYY-MM-DD' or a date-time with offset (its local date is taken). */
export function parseCalendarDate(value: string): CalendarDate {
  const m = DATE_ONLY.exec(value.trim());
  if (m === null) return parseOffsetDateTime(value);
  const date: CalendarDate = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  assertValidDate(date, value);
  return date;
}

/** '+07:00' | '+0700' | '+07' | 'Z' -> minutes east of UTC. */
export function parseOffset(offset: string): number {
  if (/^z$/i.test(offset)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  if (m === null) throw new RangeError(`Invalid UTC offset "${offset}"`);
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 18 || minutes > 59) throw new RangeError(`Invalid UTC offset "${offset}"`);
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * Re-expresses the instant at another offset (e.g. a stored '…Z' instant printed in the office zone
 * '+07:00'). Pure arithmetic on UTC fields, so the host zone plays no part.
 */
export function toOffset(value: OffsetDateTime, offset: string): OffsetDateTime {
  const target = parseOffset(offset);
  const at = new Date(0);
  at.setUTCFullYear(value.year, value.month - 1, value.day);
  at.setUTCHours(value.hour, value.minute - value.offsetMinutes + target, value.second, 0);
  return {
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    day: at.getUTCDate(),
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
    second: at.getUTCSeconds(),
    offsetMinutes: target,
  };
}

/** Two digits: '05', '12'. Used for hours, minutes and counts on forms ('01 (bộ)'). */
export function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * NĐ 30/2020 Phụ lục I (địa danh và thời gian ban hành): days below 10 and the months 1 and 2 take a leading
 * zero ('ngày 05 tháng 02 năm 2026'); months 3–9 do not ('tháng 3'). (The usual explanation: a bare
 * 'tháng 1'/'tháng 2' could be altered by hand into 'tháng 11'/'tháng 12'.)
 */
export function formatDayMonthYear(date: CalendarDate): string {
  const day = twoDigits(date.day);
  const month = date.month <= 2 ? twoDigits(date.month) : String(date.month);
  return `ngày ${day} tháng ${month} năm ${date.year}`;
}

/** 'ngày 05 tháng 3 năm 2026' from 'YYYY-MM-DD' or an ISO date-time with offset. */
export function formatDocumentDate(value: string): string {
  return formatDayMonthYear(parseCalendarDate(value));
}

/** The italic line under the motto: 'Bắc Ninh, ngày 05 tháng 3 năm 2026'. */
export function formatPlaceDateLine(place: string, value: string): string {
  return `${place.trim()}, ${formatDocumentDate(value)}`;
}

export interface DateTimeFormatOptions {
  /** Print the instant at this offset instead of the one written in the string, e.g. '+07:00'. */
  readonly offset?: string;
}

/**
 * '09 giờ 30 phút, ngày 26 tháng 11 năm 2026' (the wording of Mẫu 01/05, TT 01/2018/TT-VPCP) from an ISO
 * date-time with offset. The wall-clock time is the one written in the string unless `offset` is given.
 */
export function formatDocumentDateTime(iso: string, options: DateTimeFormatOptions = {}): string {
  const parsed = parseOffsetDateTime(iso);
  const local = options.offset === undefined ? parsed : toOffset(parsed, options.offset);
  return `${twoDigits(local.hour)} giờ ${twoDigits(local.minute)} phút, ${formatDayMonthYear(local)}`;
}

function assertValidDate(date: CalendarDate, source: string): void {
  const { year, month, day } = date;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Invalid calendar date in "${source}"`);
  }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
