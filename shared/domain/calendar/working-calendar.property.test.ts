import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { withDraftedYears } from './draft-year';
import type { DayNumber } from './iso-date';
import { dayNumberFromParts, fromDayNumber, isWeekendDayNumber } from './iso-date';
import { officialCalendarSource } from './official-schedule';
import { WorkingCalendar } from './working-calendar';

const YEARS = Array.from({ length: 13 }, (_, i) => 2023 + i); // 2023–2035: official + drafted
const calendar = WorkingCalendar.from(withDraftedYears(officialCalendarSource(), YEARS));
// Leave room after the start day so that 200 working days still fall inside 2035.
const start = fc.integer({ min: dayNumberFromParts(2023, 1, 1), max: dayNumberFromParts(2034, 12, 31) });
const count = fc.integer({ min: 0, max: 200 });

describe('WorkingCalendar properties', () => {
  it('addWorkingDays and workingDaysBetween are inverse', () => {
    fc.assert(
      fc.property(start, count, (a, n) => {
        const b = calendar.addWorkingDays(fromDayNumber(a), n);
        expect(calendar.workingDaysBetween(fromDayNumber(a), b)).toBe(n);
      }),
    );
    fc.assert(
      fc.property(start, start, (a, b) => {
        const target = calendar.workingDayOnOrAfter(fromDayNumber(b));
        const between = calendar.workingDaysBetween(fromDayNumber(a), target);
        if (between >= 0)
          expect(calendar.addWorkingDays(fromDayNumber(a), between)).toBe(
            between === 0 ? fromDayNumber(a) : target,
          );
        expect(calendar.workingDaysBetween(target, fromDayNumber(a))).toBe(0 - between);
      }),
    );
  });

  it('the n-th working day (n ≥ 1) is a working day, strictly increasing in n', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 200 }), (a, n) => {
        const due = calendar.addWorkingDays(fromDayNumber(a), n);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(due > calendar.addWorkingDays(fromDayNumber(a), n - 1)).toBe(true);
      }),
    );
  });

  it('adding a day off never moves a result earlier', () => {
    fc.assert(
      fc.property(start, count, fc.integer({ min: 0, max: 300 }), (a, n, offset) => {
        let extra: DayNumber = a + offset;
        while (isWeekendDayNumber(extra) || calendar.exceptionOn(fromDayNumber(extra))) extra++;
        const source = calendar.source;
        const withDayOff = WorkingCalendar.from({
          years: source.years,
          exceptions: [
            ...source.exceptions,
            { date: fromDayNumber(extra), kind: 'off', name: 'Nghỉ đột xuất', status: 'confirmed' },
          ],
        });
        const before = calendar.addWorkingDays(fromDayNumber(a), n);
        const after = withDayOff.addWorkingDays(fromDayNumber(a), n);
        expect(after >= before).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  describe('is independent of the process time zone (reliability.md 4-P4)', () => {
    const original = process.env.TZ;
    const probe = (): string[] =>
      [0, 37, 400, 1999, 3000].map((offset) =>
        calendar.addWorkingDays(fromDayNumber(dayNumberFromParts(2023, 3, 1) + offset), 17),
      );
    const reference = probe();
    afterAll(() => {
      process.env.TZ = original;
    });
    it.each(['Asia/Ho_Chi_Minh', 'UTC', 'America/New_York', 'Pacific/Chatham', 'Asia/Kolkata'])(
      '%s',
      (zone) => {
        process.env.TZ = zone;
        // Rebuilding the calendar under the zone too: nothing in the index may read the zone.
        const rebuilt = WorkingCalendar.from(calendar.source);
        expect(probe()).toEqual(reference);
        expect(rebuilt.addWorkingDays(fromDayNumber(dayNumberFromParts(2026, 2, 13)), 10)).toBe('2026-03-06');
      },
    );
  });
});
