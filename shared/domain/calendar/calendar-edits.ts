import { CalendarError } from './calendar-errors';
import type { CalendarException, CalendarSource, CalendarYear } from './calendar-types';
import { validateCalendarSource } from './calendar-validation';
import type { IsoDate } from './iso-date';
import { formatViDate, yearOf } from './iso-date';

/**
 * Administrator edits (issue 3 §2c). Each added day carries its reason (`name`) and, where there is one, the
 * legal document (`source`, e.g. 'Thông báo 9441/TB-BNV').
 */
export type CalendarEdit =
  | { readonly type: 'add'; readonly exception: CalendarException }
  | { readonly type: 'remove'; readonly date: IsoDate }
  /** Marks the year and every one of its days as confirmed ("đã xác nhận"). */
  | { readonly type: 'confirm-year'; readonly year: number }
  /** Replaces a year wholesale (e.g. with `draftYear(year)` or an imported official schedule). */
  | {
      readonly type: 'set-year';
      readonly year: number;
      readonly status: CalendarYear['status'];
      readonly exceptions: readonly CalendarException[];
    };

function yearNotCovered(year: number): CalendarError {
  return new CalendarError(
    'YEAR_NOT_COVERED',
    `The calendar does not cover ${year}`,
    `Lịch làm việc chưa có năm ${year}`,
  );
}

function applyOne(source: CalendarSource, edit: CalendarEdit): CalendarSource {
  switch (edit.type) {
    case 'add':
      return { years: source.years, exceptions: [...source.exceptions, edit.exception] };
    case 'remove': {
      const exceptions = source.exceptions.filter((exception) => exception.date !== edit.date);
      if (exceptions.length === source.exceptions.length) {
        throw new CalendarError(
          'EXCEPTION_NOT_FOUND',
          `No day off or make-up day on ${edit.date}`,
          `Không có ngày nghỉ hoặc ngày làm bù nào vào ngày ${formatViDate(edit.date)}`,
          edit.date,
        );
      }
      return { years: source.years, exceptions };
    }
    case 'confirm-year': {
      if (!source.years.some((entry) => entry.year === edit.year)) throw yearNotCovered(edit.year);
      return {
        years: source.years.map((entry) =>
          entry.year === edit.year ? { year: entry.year, status: 'confirmed' } : entry,
        ),
        exceptions: source.exceptions.map((exception) =>
          yearOf(exception.date) === edit.year ? { ...exception, status: 'confirmed' } : exception,
        ),
      };
    }
    case 'set-year': {
      const foreign = edit.exceptions.find((exception) => yearOf(exception.date) !== edit.year);
      if (foreign) {
        throw new CalendarError(
          'YEAR_NOT_COVERED',
          `${foreign.date} does not belong to ${edit.year}`,
          `Ngày ${formatViDate(foreign.date)} không thuộc năm ${edit.year}`,
          foreign.date,
        );
      }
      return {
        years: [
          ...source.years.filter((entry) => entry.year !== edit.year),
          { year: edit.year, status: edit.status },
        ],
        exceptions: [
          ...source.exceptions.filter((exception) => yearOf(exception.date) !== edit.year),
          ...edit.exceptions,
        ],
      };
    }
  }
}

/**
 * Applies edits in order and validates the result as a whole. Pure: on any violation (a day both off and
 * make-up, a make-up day on a weekday, a day off on a weekend, a duplicate, a year not covered) it throws a
 * `CalendarError` and the caller's source is untouched, so the store can apply all or nothing.
 */
export function applyCalendarEdits(source: CalendarSource, edits: readonly CalendarEdit[]): CalendarSource {
  return validateCalendarSource(edits.reduce(applyOne, source));
}
