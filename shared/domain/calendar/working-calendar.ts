import { CalendarError, CalendarMissingError } from './calendar-errors';
import type { CalendarException, CalendarSource, CalendarYear, DayInfo, YearStatus } from './calendar-types';
import { validateCalendarSource } from './calendar-validation';
import { makeupLabel, weekdayLabel } from './day-labels';
import type { DayNumber, IsoDate } from './iso-date';
import {
  dayNumberFromParts,
  fromDayNumber,
  isWeekendDayNumber,
  toDayNumber,
  weekdayOfDayNumber,
  yearOfDayNumber,
} from './iso-date';

const WORKDAY = 0;
const WEEKEND = 1;
const OFF = 2;
const MAKEUP = 3;

/**
 * The working calendar of a state agency: Monday–Friday (QĐ 188/1999/QĐ-TTg Điều 1) plus dated exceptions
 * both ways (days off on weekdays, make-up working days on weekends), for an explicit set of years.
 *
 * Index: one flat array spanning the first to the last covered year, holding each day's kind, the running
 * count of working days (`cumulative`) and the list of working days in order (`workingDays`). Counting N
 * working days after a date is then two array reads (O(1)); so is counting the working days between two
 * dates. A query that touches a year that is not covered throws {@link CalendarMissingError}: a deadline
 * is never computed on a guessed calendar.
 */
export class WorkingCalendar {
  readonly source: CalendarSource;
  private readonly statusByYear: ReadonlyMap<number, Exclude<YearStatus, 'missing'>>;
  private readonly exceptionByDay: ReadonlyMap<DayNumber, CalendarException>;
  private readonly firstYear: number;
  private readonly spanStart: DayNumber;
  private readonly spanEnd: DayNumber;
  private readonly kinds: Uint8Array;
  private readonly cumulative: Int32Array;
  private readonly workingDays: Int32Array;
  private readonly yearIndexByOffset: Uint16Array;
  private readonly coveredPrefix: Int32Array;

  private constructor(source: CalendarSource) {
    this.source = source;
    this.statusByYear = new Map(source.years.map((entry) => [entry.year, entry.status]));
    this.exceptionByDay = new Map(
      source.exceptions.map((exception) => [toDayNumber(exception.date), exception]),
    );

    const first = source.years[0]?.year;
    const last = source.years[source.years.length - 1]?.year;
    this.firstYear = first ?? 0;
    this.spanStart = first === undefined ? 0 : dayNumberFromParts(first, 1, 1);
    this.spanEnd = last === undefined ? 0 : dayNumberFromParts(last + 1, 1, 1);
    const length = this.spanEnd - this.spanStart;
    const yearCount = first === undefined || last === undefined ? 0 : last - first + 1;

    this.kinds = new Uint8Array(length);
    this.cumulative = new Int32Array(length + 1);
    this.yearIndexByOffset = new Uint16Array(length);
    this.coveredPrefix = new Int32Array(yearCount + 1);
    for (let i = 0; i < yearCount; i++) {
      this.coveredPrefix[i + 1] =
        (this.coveredPrefix[i] ?? 0) + (this.statusByYear.has(this.firstYear + i) ? 1 : 0);
    }

    let working = 0;
    let yearIndex = 0;
    let nextYearStart = dayNumberFromParts(this.firstYear + 1, 1, 1);
    for (let offset = 0; offset < length; offset++) {
      const day = this.spanStart + offset;
      if (day === nextYearStart) {
        yearIndex++;
        nextYearStart = dayNumberFromParts(this.firstYear + yearIndex + 1, 1, 1);
      }
      const exception = this.exceptionByDay.get(day);
      const kind = exception
        ? exception.kind === 'off'
          ? OFF
          : MAKEUP
        : isWeekendDayNumber(day)
          ? WEEKEND
          : WORKDAY;
      this.kinds[offset] = kind;
      this.yearIndexByOffset[offset] = yearIndex;
      if (kind === WORKDAY || kind === MAKEUP) working++;
      this.cumulative[offset + 1] = working;
    }

    this.workingDays = new Int32Array(working);
    let next = 0;
    for (let offset = 0; offset < length; offset++) {
      const kind = this.kinds[offset];
      if (kind === WORKDAY || kind === MAKEUP) this.workingDays[next++] = this.spanStart + offset;
    }
  }

  /** Validates the source (see `validateCalendarSource`) and builds the index. */
  static from(source: CalendarSource): WorkingCalendar {
    return new WorkingCalendar(validateCalendarSource(source));
  }

  yearStatus(year: number): YearStatus {
    return this.statusByYear.get(year) ?? 'missing';
  }

  coveredYears(): readonly CalendarYear[] {
    return this.source.years;
  }

  exceptionOn(date: IsoDate): CalendarException | undefined {
    return this.exceptionByDay.get(toDayNumber(date));
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  dayInfo(date: IsoDate): DayInfo {
    const day = toDayNumber(date);
    const offset = this.ensureCovered(day, day);
    const kind = this.kinds[offset];
    const weekday = weekdayOfDayNumber(day);
    const exception = this.exceptionByDay.get(day);
    const yearStatus = this.statusByYear.get(yearOfDayNumber(day)) ?? 'draft';
    const base = { date, weekday, yearStatus, ...(exception ? { exception } : {}) };
    switch (kind) {
      case OFF:
        return { ...base, isWorking: false, kind: 'off', label: exception?.name ?? weekdayLabel(weekday) };
      case MAKEUP:
        return { ...base, isWorking: true, kind: 'makeup', label: makeupLabel(weekday) };
      case WEEKEND:
        return { ...base, isWorking: false, kind: 'weekend', label: weekdayLabel(weekday) };
      default:
        return { ...base, isWorking: true, kind: 'workday', label: weekdayLabel(weekday) };
    }
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    return fromDayNumber(this.nextWorkingDayNumber(toDayNumber(date)));
  }

  /** `date` itself when it is a working day, otherwise the next working day. */
  workingDayOnOrAfter(date: IsoDate): IsoDate {
    return fromDayNumber(this.workingDayNumberOnOrAfter(toDayNumber(date)));
  }

  /**
   * The n-th working day after `date`, not counting `date` itself (BLDS 2015 Điều 147 k2: "ngày đầu tiên
   * của thời hạn không được tính"). `n = 0` returns `date` unchanged. `n` must be a non-negative integer.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    return fromDayNumber(this.addWorkingDaysToDayNumber(toDayNumber(date), n));
  }

  /**
   * Working days in the half-open range (a, b] — how many working days are counted from the day after `a`
   * up to and including `b`. Negative when `b` is before `a`. Inverse of `addWorkingDays`:
   * `workingDaysBetween(a, addWorkingDays(a, n)) === n`.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    return this.workingDaysBetweenDayNumbers(toDayNumber(a), toDayNumber(b));
  }

  workingDaysInYear(year: number): number {
    if (!this.statusByYear.has(year)) throw new CalendarMissingError(year);
    const start = dayNumberFromParts(year, 1, 1) - this.spanStart;
    const end = dayNumberFromParts(year + 1, 1, 1) - this.spanStart;
    return (this.cumulative[end] ?? 0) - (this.cumulative[start] ?? 0);
  }

  // ——— Day-number API: the hot path used by the deadline engine (no string parsing, no allocation). ———

  isWorkingDayNumber(day: DayNumber): boolean {
    const kind = this.kinds[this.ensureCovered(day, day)];
    return kind === WORKDAY || kind === MAKEUP;
  }

  addWorkingDaysToDayNumber(day: DayNumber, n: number): DayNumber {
    if (!Number.isInteger(n) || n < 0) {
      throw new CalendarError(
        'INVALID_ARGUMENT',
        `The number of working days to add must be a non-negative integer: ${String(n)}`,
        `Số ngày làm việc phải là số nguyên không âm: ${String(n)}`,
      );
    }
    const offset = this.ensureCovered(day, day);
    if (n === 0) return day;
    const target = (this.cumulative[offset + 1] ?? 0) + n;
    const result = this.workingDays[target - 1];
    if (result === undefined) throw this.missingAfter(day);
    this.ensureCovered(day, result);
    return result;
  }

  nextWorkingDayNumber(day: DayNumber): DayNumber {
    return this.addWorkingDaysToDayNumber(day, 1);
  }

  workingDayNumberOnOrAfter(day: DayNumber): DayNumber {
    return this.isWorkingDayNumber(day) ? day : this.addWorkingDaysToDayNumber(day, 1);
  }

  workingDaysBetweenDayNumbers(a: DayNumber, b: DayNumber): number {
    const lowOffset = this.ensureCovered(Math.min(a, b), Math.max(a, b));
    const highOffset = lowOffset + Math.abs(b - a);
    const count = (this.cumulative[highOffset + 1] ?? 0) - (this.cumulative[lowOffset + 1] ?? 0);
    return b >= a ? count : 0 - count; // never -0
  }

  /** Throws unless every year from `low`'s to `high`'s is covered; returns `low`'s offset in the index. */
  private ensureCovered(low: DayNumber, high: DayNumber): number {
    const lowOffset = low - this.spanStart;
    const highOffset = high - this.spanStart;
    if (lowOffset >= 0 && high < this.spanEnd) {
      const lowYear = this.yearIndexByOffset[lowOffset] ?? 0;
      const highYear = this.yearIndexByOffset[highOffset] ?? 0;
      if (
        (this.coveredPrefix[highYear + 1] ?? 0) - (this.coveredPrefix[lowYear] ?? 0) ===
        highYear - lowYear + 1
      ) {
        return lowOffset;
      }
    }
    for (let year = yearOfDayNumber(low); year <= yearOfDayNumber(high); year++) {
      if (!this.statusByYear.has(year)) throw new CalendarMissingError(year);
    }
    // Unreachable: the fast check only fails when some year in the range is uncovered.
    throw new CalendarMissingError(yearOfDayNumber(low));
  }

  /** The first uncovered year after `day`'s year: where counting forward ran out of calendar. */
  private missingAfter(day: DayNumber): CalendarMissingError {
    let year = yearOfDayNumber(day);
    while (this.statusByYear.has(year)) year++;
    return new CalendarMissingError(year);
  }
}
