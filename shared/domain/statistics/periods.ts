import { daysInMonth, isoDateFromParts } from '../calendar/iso-date';
import { StatisticsError } from './statistics-errors';

/*
 * Statistics periods. Dates are office-local 'YYYY-MM-DD', both ends included.
 *
 * Two bases:
 * - 'calendar': months, quarters and years as on the calendar (the dashboard's "this month").
 * - 'report': the reporting periods of NĐ 09/2019/NĐ-CP as provinces apply them (domain.md §2.5): data are cut
 *   from the 15th of the previous month to the 14th — month m = 15/(m−1) → 14/m; quarter = 15th of the month
 *   before it → 14th of its last month; 6 months = 15/12 → 14/6; 9 months = 15/12 → 14/9; year Y =
 *   15/12/(Y−1) → 14/12/Y. The cut-off day is a parameter (default 15) because provinces have used others.
 */

export interface Period {
  /** First day, included. */
  readonly from: string;
  /** Last day, included. */
  readonly to: string;
}

export interface LabelledPeriod extends Period {
  /** 'Tháng 11/2026', 'Quý IV/2026', '6 tháng đầu năm 2026', '9 tháng năm 2026', 'Năm 2026'. */
  readonly label: string;
}

export const periodSpans = ['month', 'quarter', 'half_year', 'nine_months', 'year'] as const;
export type PeriodSpan = (typeof periodSpans)[number];

export const periodBases = ['calendar', 'report'] as const;
export type PeriodBasis = (typeof periodBases)[number];

export const DEFAULT_REPORT_CUTOFF_DAY = 15;

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** First and last month (1–12) of the n-th span of a year; `index` is the month or quarter, else ignored. */
function monthsOf(span: PeriodSpan, index: number): { first: number; last: number } {
  switch (span) {
    case 'month':
      checkIndex(index, 12, 'month');
      return { first: index, last: index };
    case 'quarter':
      checkIndex(index, 4, 'quarter');
      return { first: index * 3 - 2, last: index * 3 };
    case 'half_year':
      return { first: 1, last: 6 };
    case 'nine_months':
      return { first: 1, last: 9 };
    case 'year':
      return { first: 1, last: 12 };
  }
}

function checkIndex(index: number, max: number, what: string): void {
  if (!Number.isInteger(index) || index < 1 || index > max) {
    throw new StatisticsError(
      'INVALID_ARGUMENT',
      `${what} must be 1..${max}: ${index}`,
      what === 'month' ? 'Tháng phải từ 1 đến 12.' : 'Quý phải từ 1 đến 4.',
    );
  }
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) {
    throw new StatisticsError('INVALID_ARGUMENT', `year out of range: ${year}`, 'Năm không hợp lệ.');
  }
}

function checkCutoff(cutoffDay: number): void {
  // The period ends the day before the cut-off day, which must exist in every month (and not be day 0).
  if (!Number.isInteger(cutoffDay) || cutoffDay < 2 || cutoffDay > 28) {
    throw new StatisticsError(
      'INVALID_ARGUMENT',
      `cutoff day must be 2..28: ${cutoffDay}`,
      'Ngày chốt số liệu phải từ 2 đến 28.',
    );
  }
}

export function spanLabel(span: PeriodSpan, year: number, index = 1): string {
  switch (span) {
    case 'month':
      return `Tháng ${index}/${year}`;
    case 'quarter':
      return `Quý ${ROMAN[index - 1] ?? index}/${year}`;
    case 'half_year':
      return `6 tháng đầu năm ${year}`;
    case 'nine_months':
      return `9 tháng năm ${year}`;
    case 'year':
      return `Năm ${year}`;
  }
}

/** A calendar period: `calendarPeriod('quarter', 2026, 2)` = 01/04/2026 – 30/06/2026. */
export function calendarPeriod(span: PeriodSpan, year: number, index = 1): LabelledPeriod {
  checkYear(year);
  const { first, last } = monthsOf(span, index);
  return {
    from: isoDateFromParts(year, first, 1),
    to: isoDateFromParts(year, last, daysInMonth(year, last)),
    label: spanLabel(span, year, index),
  };
}

/** A reporting period: `reportPeriod('year', 2026)` = 15/12/2025 – 14/12/2026 (domain.md §2.5). */
export function reportPeriod(
  span: PeriodSpan,
  year: number,
  index = 1,
  cutoffDay: number = DEFAULT_REPORT_CUTOFF_DAY,
): LabelledPeriod {
  checkYear(year);
  checkCutoff(cutoffDay);
  const { first, last } = monthsOf(span, index);
  const startYear = first === 1 ? year - 1 : year;
  const startMonth = first === 1 ? 12 : first - 1;
  return {
    from: isoDateFromParts(startYear, startMonth, cutoffDay),
    to: isoDateFromParts(year, last, cutoffDay - 1),
    label: spanLabel(span, year, index),
  };
}

function parts(date: string): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/**
 * The period of `span` that contains `today`. On the report basis a day on or after the cut-off belongs to
 * the next month's period (26/11 is in report month 12: 15/11 – 14/12), and 20/12 to next year's.
 */
export function currentPeriod(
  span: PeriodSpan,
  today: string,
  basis: PeriodBasis = 'calendar',
  cutoffDay: number = DEFAULT_REPORT_CUTOFF_DAY,
): LabelledPeriod {
  let { year, month } = parts(today);
  if (basis === 'report') {
    checkCutoff(cutoffDay);
    if (parts(today).day >= cutoffDay) {
      month += 1;
      if (month === 13) {
        month = 1;
        year += 1;
      }
    }
  }
  const pick = (s: PeriodSpan, i: number) =>
    basis === 'report' ? reportPeriod(s, year, i, cutoffDay) : calendarPeriod(s, year, i);
  switch (span) {
    case 'month':
      return pick('month', month);
    case 'quarter':
      return pick('quarter', Math.ceil(month / 3));
    case 'half_year':
    case 'nine_months':
    case 'year':
      return pick(span, 1);
  }
}

/** 'dd/mm/yyyy' from 'YYYY-MM-DD'. */
export function viDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** '(Từ ngày 15/12/2025 đến ngày 14/12/2026)' as printed under the Biểu 06 title. */
export function formatPeriod(period: Period): string {
  return `Từ ngày ${viDate(period.from)} đến ngày ${viDate(period.to)}`;
}
