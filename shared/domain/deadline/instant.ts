import type { DayNumber } from '../calendar/iso-date';
import { MILLISECONDS_PER_DAY, dayNumberFromParts, daysInMonth, fromDayNumber } from '../calendar/iso-date';
import { DeadlineInputError } from './deadline-errors';

const MS_PER_MINUTE = 60_000;
const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/** An instant read from ISO-8601 text: epoch milliseconds (UTC) plus the offset it was written with. */
export interface ParsedInstant {
  readonly epochMs: number;
  readonly offsetMinutes: number;
}

function invalidInstant(value: string, field: string): DeadlineInputError {
  return new DeadlineInputError(
    'INVALID_DATETIME',
    `${field}: not a valid ISO-8601 date-time with offset (e.g. 2026-02-13T10:00:00+07:00): ${JSON.stringify(value)}`,
    `${field}: thời điểm không hợp lệ (cần dạng 2026-02-13T10:00:00+07:00): ${JSON.stringify(value)}`,
    field,
  );
}

/**
 * Strict ISO-8601 date-time parse. The offset is mandatory: a wall-clock time without one is ambiguous
 * (office PCs often run in the wrong zone), so it is refused rather than guessed. No `Date` parsing is
 * involved, so the result never depends on the machine's time zone.
 */
export function parseInstant(value: string, field = 'value'): ParsedInstant {
  if (typeof value !== 'string') throw invalidInstant(String(value), field);
  const match = INSTANT_PATTERN.exec(value);
  if (!match) throw invalidInstant(value, field);
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw invalidInstant(value, field);
  }
  if (offset === undefined) {
    throw new DeadlineInputError(
      'MISSING_OFFSET',
      `${field}: the date-time has no UTC offset; write it with one, e.g. ${value}+07:00`,
      `${field}: thời điểm thiếu múi giờ; hãy ghi rõ, ví dụ ${value}+07:00`,
      field,
    );
  }
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const offsetHours = Number(offset.slice(1, 3));
    const offsetMins = Number(offset.slice(4, 6));
    if (offsetMins > 59 || offsetHours * 60 + offsetMins > 14 * 60) throw invalidInstant(value, field);
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const millis = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  const epochMs =
    dayNumberFromParts(year, month, day) * MILLISECONDS_PER_DAY +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    millis;
  return { epochMs, offsetMinutes };
}

/** The calendar day, at a fixed UTC offset, on which an instant falls. */
export function localDayNumber(epochMs: number, offsetMinutes: number): DayNumber {
  return Math.floor((epochMs + offsetMinutes * MS_PER_MINUTE) / MILLISECONDS_PER_DAY);
}

/** Milliseconds since local midnight at a fixed UTC offset. */
export function localMsOfDay(epochMs: number, offsetMinutes: number): number {
  const local = epochMs + offsetMinutes * MS_PER_MINUTE;
  return local - Math.floor(local / MILLISECONDS_PER_DAY) * MILLISECONDS_PER_DAY;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

export function formatUtcOffset(offsetMinutes: number): string {
  const abs = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** `HH:MM` of a minute-of-day count. */
export function formatClock(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** ISO-8601 at the given offset, second precision: 2026-03-06T17:00:00+07:00. */
export function formatInstant(epochMs: number, offsetMinutes: number): string {
  const msOfDay = localMsOfDay(epochMs, offsetMinutes);
  const seconds = Math.floor(msOfDay / 1000);
  return (
    `${fromDayNumber(localDayNumber(epochMs, offsetMinutes))}T${formatClock(Math.floor(seconds / 60))}:` +
    `${pad2(seconds % 60)}${formatUtcOffset(offsetMinutes)}`
  );
}
