import type { YearStatus } from './calendar-types';
import type { IsoDate } from './iso-date';
import { parseIsoDate } from './iso-date';
import type { WorkingCalendar } from './working-calendar';

/** From this day of December the calendar screen warns when next year's calendar is not confirmed. */
export const NEXT_YEAR_WARNING_FROM = { month: 12, day: 1 } as const;

/**
 * The year to warn about (issue 3 §3: a banner from 1 December when next year is not confirmed), or null.
 * `today` is the office's calendar date, passed in: the domain never reads a clock.
 */
export function nextYearWarning(
  today: IsoDate,
  calendar: WorkingCalendar,
): { readonly year: number; readonly status: Exclude<YearStatus, 'confirmed'> } | null {
  const checked = parseIsoDate(today);
  const month = Number(checked.slice(5, 7));
  const day = Number(checked.slice(8, 10));
  if (month < NEXT_YEAR_WARNING_FROM.month || day < NEXT_YEAR_WARNING_FROM.day) return null;
  const year = Number(checked.slice(0, 4)) + 1;
  const status = calendar.yearStatus(year);
  return status === 'confirmed' ? null : { year, status };
}
