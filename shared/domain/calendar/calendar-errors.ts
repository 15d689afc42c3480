import { DomainError } from './domain-error';

export type CalendarErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_ARGUMENT'
  | 'INVALID_YEAR'
  | 'INVALID_EXCEPTION'
  | 'OFF_AND_MAKEUP'
  | 'MAKEUP_NOT_WEEKEND'
  | 'OFF_ON_WEEKEND'
  | 'DUPLICATE_EXCEPTION'
  | 'EXCEPTION_NOT_FOUND'
  | 'YEAR_NOT_COVERED'
  | 'CALENDAR_MISSING';

/** A calendar rule or argument was violated. Nothing was changed: the calendar core is pure. */
export class CalendarError extends DomainError<CalendarErrorCode> {
  readonly date: string | undefined;

  constructor(code: CalendarErrorCode, messageEn: string, messageVi: string, date?: string) {
    super(code, messageEn, messageVi);
    this.date = date;
  }
}

/**
 * A query touched a year whose calendar is neither confirmed nor drafted. Deadlines must never be computed
 * on a guessed calendar (issue 3, "Bad input"), so every query that reaches such a year throws this.
 */
export class CalendarMissingError extends CalendarError {
  readonly year: number;

  constructor(year: number, detailEn = '', detailVi = '') {
    super(
      'CALENDAR_MISSING',
      `The working calendar for ${year} is missing (neither confirmed nor drafted)${detailEn ? `: ${detailEn}` : ''}.`,
      `Chưa có lịch làm việc năm ${year} (chưa được xác nhận, cũng chưa có lịch dự kiến)${detailVi ? `: ${detailVi}` : ''}.`,
    );
    this.year = year;
  }
}
