// Which series a licence number is taken from. NĐ 30/2020 Điều 15: documents are numbered in sequence
// within the calendar year, from 01 on 01/01 to 31/12, and sector documents (licences) follow the numbering
// the head of the sector sets — so a series is (series key, year), one per result document / ký hiệu.

import { isIsoDate, partsFromDayNumber } from '../calendar/iso-date';
import { localDayNumber, parseInstant } from '../deadline/instant';
import { MAX_LICENCE_NUMBER, checkLicenceNumber, checkSeriesYear } from './number-format';
import { NumberingError } from './numbering-errors';

/** The office's default UTC offset (Vietnam, +07:00), in minutes. */
export const DEFAULT_OFFICE_OFFSET_MINUTES = 420;
const MAX_OFFSET_MINUTES = 14 * 60;
// Letters and digits of any script (NFC), then also ".", "_" and "-"; no ":" so counter names read back.
const SERIES_KEY_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u;

export function checkSeriesKey(seriesKey: unknown): NumberingError | null {
  if (
    typeof seriesKey !== 'string' ||
    seriesKey !== seriesKey.normalize('NFC') ||
    !SERIES_KEY_PATTERN.test(seriesKey)
  ) {
    return new NumberingError(
      'INVALID_SERIES_KEY',
      `Invalid series key ${JSON.stringify(seriesKey)}: letters, digits, ".", "_", "-", at most 64 characters.`,
      `Mã sổ cấp số ${JSON.stringify(seriesKey)} không hợp lệ: chỉ gồm chữ, số, ".", "_", "-", tối đa 64 ký tự.`,
    );
  }
  return null;
}

function assertValid(problem: NumberingError | null): void {
  if (problem) throw problem;
}

/** The counter row of one series in one year: `licence:GP-SVHTTDL:2026`. */
export function counterName(seriesKey: string, year: number): string {
  assertValid(checkSeriesKey(seriesKey));
  assertValid(checkSeriesYear(year));
  return `licence:${seriesKey}:${year}`;
}

export function parseCounterName(name: string): { seriesKey: string; year: number } | null {
  const match = /^licence:(.+):(\d{4})$/u.exec(name);
  if (!match) return null;
  const seriesKey = match[1] ?? '';
  const year = Number(match[2]);
  return checkSeriesKey(seriesKey) === null && checkSeriesYear(year) === null ? { seriesKey, year } : null;
}

export function checkOfficeOffset(offsetMinutes: unknown): NumberingError | null {
  if (
    typeof offsetMinutes !== 'number' ||
    !Number.isInteger(offsetMinutes) ||
    Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES
  ) {
    return new NumberingError(
      'INVALID_OFFSET',
      `The office UTC offset must be whole minutes within ±14:00: ${String(offsetMinutes)}`,
      `Múi giờ của cơ quan không hợp lệ (số phút, trong khoảng ±14 giờ): ${String(offsetMinutes)}`,
    );
  }
  return null;
}

/**
 * The office-local year of an instant: the year of the office's wall clock, never of the machine's time
 * zone nor of the offset the instant happens to be written with. `2025-12-31T17:00:00Z` at +07:00 is
 * 00:00 on 01/01/2026 at the office, so it belongs to the 2026 series.
 */
export function officeLocalYear(
  at: string,
  officeOffsetMinutes: number = DEFAULT_OFFICE_OFFSET_MINUTES,
): number {
  assertValid(checkOfficeOffset(officeOffsetMinutes));
  let epochMs: number;
  try {
    epochMs = parseInstant(at, 'issuedAt').epochMs;
  } catch {
    throw new NumberingError(
      'INVALID_DATE',
      `Not an ISO-8601 date-time with offset: ${JSON.stringify(at)}`,
      `Thời điểm cấp không hợp lệ (cần ngày giờ kèm múi giờ, ví dụ 2026-03-05T09:00:00+07:00): ${JSON.stringify(at)}`,
    );
  }
  return partsFromDayNumber(localDayNumber(epochMs, officeOffsetMinutes)).year;
}

/** The year of an office-local calendar date (`YYYY-MM-DD`), for callers that already hold the local date. */
export function localDateYear(date: string): number {
  if (!isIsoDate(date)) {
    throw new NumberingError(
      'INVALID_DATE',
      `Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`,
      `Ngày cấp không hợp lệ (cần dạng YYYY-MM-DD): ${JSON.stringify(date)}`,
    );
  }
  return Number(date.slice(0, 4));
}

export interface SeriesRef {
  readonly seriesKey: string;
  readonly year: number;
  readonly counter: string;
}

/**
 * The series a licence issued at `issuedAt` is numbered in. The year is that of the issue (ngày ban hành),
 * which the caller passes; a licence signed on 31/12 but numbered on 02/01 (allowed up to the next working
 * day, Điều 15 k3) takes the year of the date it bears.
 */
export function seriesFor(
  seriesKey: string,
  issuedAt: string,
  officeOffsetMinutes: number = DEFAULT_OFFICE_OFFSET_MINUTES,
): SeriesRef {
  const year = officeLocalYear(issuedAt, officeOffsetMinutes);
  return { seriesKey, year, counter: counterName(seriesKey, year) };
}

/** A mid-year go-live: the first number the app issues in that year's series (the paper register ends before it). */
export interface GoLiveStart {
  readonly year: number;
  readonly start: number;
}

export function checkStartNumber(start: unknown): NumberingError | null {
  if (checkLicenceNumber(start) !== null) {
    return new NumberingError(
      'INVALID_START',
      `The start number must be an integer from 1 to ${MAX_LICENCE_NUMBER}: ${String(start)}`,
      `Số bắt đầu phải là số nguyên từ 1 đến ${MAX_LICENCE_NUMBER}: ${String(start)}`,
    );
  }
  return null;
}

/** The first number of `year`'s series: the go-live start in the go-live year, 1 in every other (Điều 15). */
export function startNumberFor(year: number, goLive: GoLiveStart | null = null): number {
  assertValid(checkSeriesYear(year));
  if (goLive === null) return 1;
  assertValid(checkSeriesYear(goLive.year));
  assertValid(checkStartNumber(goLive.start));
  return goLive.year === year ? goLive.start : 1;
}

/** The counter's value before any issue, so that `last + 1` is the start (reliability.md §3.4). */
export function initialCounterValue(start: number): number {
  assertValid(checkStartNumber(start));
  return start - 1;
}

/** The number the next issue takes: `start` in an empty series, otherwise one more than the last taken. */
export function nextLicenceNumber(lastTaken: number | null, start: number): number {
  assertValid(checkStartNumber(start));
  if (lastTaken === null) return start;
  if (!Number.isInteger(lastTaken) || lastTaken < start - 1) {
    throw new NumberingError(
      'INVALID_NUMBER',
      `The last number taken (${String(lastTaken)}) is below the series start (${start}).`,
      `Số cuối cùng đã cấp (${String(lastTaken)}) nhỏ hơn số bắt đầu của sổ (${start}).`,
    );
  }
  const next = lastTaken + 1;
  assertValid(checkLicenceNumber(next));
  return next;
}
