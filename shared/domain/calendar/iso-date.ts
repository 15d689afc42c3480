import { CalendarError } from './calendar-errors';

declare const isoDateBrand: unique symbol;

/**
 * A calendar date as `YYYY-MM-DD` text. Branded so that the only way to obtain one is a strict parse:
 * calendar dates are never `Date` objects (a `Date` is an instant, and `new Date('2025-03-09')` is UTC
 * midnight, which prints as the previous day west of Greenwich).
 */
export type IsoDate = string & { readonly [isoDateBrand]: true };

/** Day 0 is 1970-01-01. All date arithmetic runs on these integers: no time zone can leak in. */
export type DayNumber = number;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Howard Hinnant's days_from_civil: proleptic Gregorian date -> days since 1970-01-01. */
export function dayNumberFromParts(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Inverse of {@link dayNumberFromParts} (Hinnant's civil_from_days). */
export function partsFromDayNumber(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** True when `value` is a `YYYY-MM-DD` string naming a day that exists (rejects 2026-02-30, 2023-02-29). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Strict parse: throws `CalendarError('INVALID_DATE')` instead of rolling 2026-02-30 over to March. */
export function parseIsoDate(value: string): IsoDate {
  if (!isIsoDate(value)) {
    throw new CalendarError(
      'INVALID_DATE',
      `Not a valid calendar date (expected an existing day as YYYY-MM-DD): ${JSON.stringify(value)}`,
      `Ngày không hợp lệ (cần một ngày có thật, dạng YYYY-MM-DD): ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function isoDateFromParts(year: number, month: number, day: number): IsoDate {
  return parseIsoDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
}

export function toDayNumber(date: IsoDate): DayNumber {
  // Re-checked because a cast (`'2026-02-30' as IsoDate`) must not produce a silently wrong day.
  const checked = parseIsoDate(date);
  return dayNumberFromParts(
    Number(checked.slice(0, 4)),
    Number(checked.slice(5, 7)),
    Number(checked.slice(8, 10)),
  );
}

export function fromDayNumber(dayNumber: DayNumber): IsoDate {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as IsoDate;
}

export function yearOfDayNumber(dayNumber: DayNumber): number {
  return partsFromDayNumber(dayNumber).year;
}

export function yearOf(date: IsoDate): number {
  return Number(parseIsoDate(date).slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function weekdayOf(date: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

export function isWeekendDayNumber(dayNumber: DayNumber): boolean {
  const weekday = weekdayOfDayNumber(dayNumber);
  return weekday === 0 || weekday === 6;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  // Zero-padded YYYY-MM-DD strings sort chronologically.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `dd/mm/yyyy`, the form Vietnamese documents print (NĐ 30/2020 style dates). */
export function formatViDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

export const MILLISECONDS_PER_DAY = MS_PER_DAY;
