import { describe, expect, it } from 'vitest';
import { applyCalendarEdits } from './calendar-edits';
import { CalendarError, CalendarMissingError } from './calendar-errors';
import type { CalendarException, CalendarSource } from './calendar-types';
import { withDraftedYears } from './draft-year';
import { parseIsoDate as d } from './iso-date';
import { officialCalendarSource } from './official-schedule';
import { WorkingCalendar } from './working-calendar';
import { nextYearWarning } from './year-warning';

const official = WorkingCalendar.from(officialCalendarSource());

function errorOf(action: () => unknown): CalendarError {
  try {
    action();
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error('expected a CalendarError');
}

describe('WorkingCalendar queries', () => {
  it('labels every kind of day', () => {
    expect(official.dayInfo(d('2026-02-14'))).toMatchObject({
      isWorking: false,
      kind: 'weekend',
      label: 'Thứ Bảy',
    });
    expect(official.dayInfo(d('2026-02-15'))).toMatchObject({
      isWorking: false,
      kind: 'weekend',
      label: 'Chủ nhật',
    });
    expect(official.dayInfo(d('2026-02-17'))).toMatchObject({
      isWorking: false,
      kind: 'off',
      label: 'Tết Nguyên đán',
    });
    expect(official.dayInfo(d('2026-04-27'))).toMatchObject({
      kind: 'off',
      label: 'Nghỉ bù Giỗ Tổ Hùng Vương',
    });
    expect(official.dayInfo(d('2026-01-10'))).toMatchObject({
      isWorking: true,
      kind: 'makeup',
      label: 'Làm bù (Thứ Bảy)',
    });
    expect(official.dayInfo(d('2026-01-12'))).toMatchObject({
      isWorking: true,
      kind: 'workday',
      label: 'Thứ Hai',
    });
    expect(official.dayInfo(d('2026-01-10')).exception?.name).toBe('Làm bù cho ngày 02/01/2026');
  });

  it('finds next working days across Tết and make-up Saturdays', () => {
    expect(official.nextWorkingDay(d('2026-02-13'))).toBe('2026-02-23');
    expect(official.nextWorkingDay(d('2026-01-09'))).toBe('2026-01-10');
    expect(official.workingDayOnOrAfter(d('2026-02-16'))).toBe('2026-02-23');
    expect(official.workingDayOnOrAfter(d('2026-02-23'))).toBe('2026-02-23');
  });

  it('adds working days without counting the start day (BLDS Điều 147 k2)', () => {
    expect(official.addWorkingDays(d('2026-02-13'), 1)).toBe('2026-02-23');
    expect(official.addWorkingDays(d('2026-02-13'), 10)).toBe('2026-03-06');
    expect(official.addWorkingDays(d('2026-02-14'), 0)).toBe('2026-02-14');
    expect(official.addWorkingDays(d('2025-12-31'), 3)).toBe('2026-01-07');
    expect(official.addWorkingDays(d('2026-01-08'), 2)).toBe('2026-01-10'); // make-up Saturday counts
  });

  it('counts working days in (a, b], negative backwards', () => {
    expect(official.workingDaysBetween(d('2026-02-13'), d('2026-03-06'))).toBe(10);
    expect(official.workingDaysBetween(d('2026-03-06'), d('2026-02-13'))).toBe(-10);
    expect(official.workingDaysBetween(d('2026-02-16'), d('2026-02-20'))).toBe(0);
    expect(official.workingDaysBetween(d('2023-01-01'), d('2026-12-31'))).toBe(249 + 251 + 250 + 249);
  });

  it('reports year status', () => {
    const calendar = WorkingCalendar.from(withDraftedYears(officialCalendarSource(), [2027]));
    expect(calendar.yearStatus(2026)).toBe('confirmed');
    expect(calendar.yearStatus(2027)).toBe('draft');
    expect(calendar.yearStatus(2040)).toBe('missing');
    expect(calendar.dayInfo(d('2027-02-05'))).toMatchObject({ yearStatus: 'draft', label: 'Tết Nguyên đán' });
  });
});

describe('a year with no calendar', () => {
  it('throws CalendarMissingError naming the year, never computes silently', () => {
    const cases: Array<[() => unknown, number]> = [
      [() => official.isWorkingDay(d('2040-03-01')), 2040],
      [() => official.dayInfo(d('2022-12-30')), 2022],
      [() => official.addWorkingDays(d('2026-12-28'), 10), 2027],
      [() => official.nextWorkingDay(d('2026-12-31')), 2027],
      [() => official.workingDaysBetween(d('2026-06-01'), d('2040-01-02')), 2027],
      [() => official.workingDaysInYear(2040), 2040],
    ];
    for (const [action, year] of cases) {
      const error = errorOf(action);
      expect(error).toBeInstanceOf(CalendarMissingError);
      expect(error.code).toBe('CALENDAR_MISSING');
      expect((error as CalendarMissingError).year).toBe(year);
      expect(error.messageVi).toContain(`Chưa có lịch làm việc năm ${year}`);
    }
  });

  it('throws for a gap between covered years', () => {
    const gap = WorkingCalendar.from({
      years: [
        { year: 2026, status: 'confirmed' },
        { year: 2028, status: 'draft' },
      ],
      exceptions: [],
    });
    expect(gap.addWorkingDays(d('2026-12-30'), 1)).toBe('2026-12-31');
    expect((errorOf(() => gap.addWorkingDays(d('2026-12-30'), 2)) as CalendarMissingError).year).toBe(2027);
    expect(
      (errorOf(() => gap.workingDaysBetween(d('2026-12-01'), d('2028-01-05'))) as CalendarMissingError).year,
    ).toBe(2027);
    expect(gap.isWorkingDay(d('2028-01-03'))).toBe(true);
  });

  it('rejects a negative or fractional count', () => {
    expect(errorOf(() => official.addWorkingDays(d('2026-03-02'), -1)).code).toBe('INVALID_ARGUMENT');
    expect(errorOf(() => official.addWorkingDays(d('2026-03-02'), 1.5)).code).toBe('INVALID_ARGUMENT');
  });
});

describe('calendar validation and edits', () => {
  const base: CalendarSource = { years: [{ year: 2026, status: 'confirmed' }], exceptions: [] };
  const off = (date: string, name = 'Nghỉ'): CalendarException => ({
    date: d(date),
    kind: 'off',
    name,
    status: 'confirmed',
  });
  const makeup = (date: string): CalendarException => ({
    date: d(date),
    kind: 'makeup',
    name: 'Làm bù',
    status: 'confirmed',
  });

  it('refuses an edit making a day both off and make-up, with a clear error and nothing changed', () => {
    const source = applyCalendarEdits(base, [{ type: 'add', exception: makeup('2026-03-07') }]);
    const before = JSON.stringify(source);
    const error = errorOf(() =>
      applyCalendarEdits(source, [
        { type: 'add', exception: { ...makeup('2026-03-07'), kind: 'off', name: 'Nghỉ' } },
      ]),
    );
    expect(error.code).toBe('OFF_AND_MAKEUP');
    expect(error.date).toBe('2026-03-07');
    expect(error.messageVi).toBe('Một ngày không thể vừa là ngày nghỉ vừa là ngày làm bù: 07/03/2026');
    expect(error.messageEn).toContain('both a day off and a make-up working day');
    expect(JSON.stringify(source)).toBe(before);
    // Same on a weekday (the off entry first).
    const weekday = errorOf(() =>
      applyCalendarEdits({ years: base.years, exceptions: [off('2026-03-09')] }, [
        { type: 'add', exception: { ...off('2026-03-09'), kind: 'makeup' } },
      ]),
    );
    expect(weekday.code).toBe('OFF_AND_MAKEUP');
  });

  it('enforces the weekend rules and names', () => {
    expect(errorOf(() => WorkingCalendar.from({ ...base, exceptions: [makeup('2026-03-09')] })).code).toBe(
      'MAKEUP_NOT_WEEKEND',
    );
    expect(errorOf(() => WorkingCalendar.from({ ...base, exceptions: [off('2026-03-08')] })).code).toBe(
      'OFF_ON_WEEKEND',
    );
    expect(errorOf(() => WorkingCalendar.from({ ...base, exceptions: [off('2026-03-09', '  ')] })).code).toBe(
      'INVALID_EXCEPTION',
    );
    expect(
      errorOf(() =>
        WorkingCalendar.from({ ...base, exceptions: [off('2026-03-09'), off('2026-03-09', 'Khác')] }),
      ).code,
    ).toBe('DUPLICATE_EXCEPTION');
    expect(errorOf(() => WorkingCalendar.from({ ...base, exceptions: [off('2027-03-09')] })).code).toBe(
      'YEAR_NOT_COVERED',
    );
    const badDate = {
      date: '2026-02-30',
      kind: 'off',
      name: 'x',
      status: 'confirmed',
    } as unknown as CalendarException;
    expect(errorOf(() => WorkingCalendar.from({ ...base, exceptions: [badDate] })).code).toBe('INVALID_DATE');
    expect(
      errorOf(() => WorkingCalendar.from({ years: [base.years[0]!, base.years[0]!], exceptions: [] })).code,
    ).toBe('INVALID_YEAR');
  });

  it('adds, removes and confirms', () => {
    const drafted = withDraftedYears(base, [2027]);
    const edited = applyCalendarEdits(drafted, [
      { type: 'add', exception: { ...off('2026-03-09', 'Nghỉ đột xuất'), source: 'Quyết định 1/QĐ-UBND' } },
      { type: 'remove', date: d('2027-11-24') },
      { type: 'confirm-year', year: 2027 },
    ]);
    const calendar = WorkingCalendar.from(edited);
    expect(calendar.dayInfo(d('2026-03-09')).label).toBe('Nghỉ đột xuất');
    expect(calendar.isWorkingDay(d('2027-11-24'))).toBe(true);
    expect(calendar.yearStatus(2027)).toBe('confirmed');
    expect(calendar.exceptionOn(d('2027-02-05'))?.status).toBe('confirmed');
    expect(errorOf(() => applyCalendarEdits(base, [{ type: 'remove', date: d('2026-03-10') }])).code).toBe(
      'EXCEPTION_NOT_FOUND',
    );
    expect(errorOf(() => applyCalendarEdits(base, [{ type: 'confirm-year', year: 2030 }])).code).toBe(
      'YEAR_NOT_COVERED',
    );
  });

  it('warns from 1 December when next year is not confirmed', () => {
    expect(nextYearWarning(d('2026-11-30'), official)).toBeNull();
    expect(nextYearWarning(d('2026-12-01'), official)).toEqual({ year: 2027, status: 'missing' });
    expect(nextYearWarning(d('2025-12-15'), official)).toBeNull();
  });
});
