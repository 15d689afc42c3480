import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarError } from './calendar-errors';
import {
  addDays,
  dayNumberFromParts,
  formatViDate,
  fromDayNumber,
  isIsoDate,
  parseIsoDate,
  partsFromDayNumber,
  toDayNumber,
  weekdayOf,
} from './iso-date';

describe('parseIsoDate', () => {
  it('accepts existing days, leap days included', () => {
    expect(parseIsoDate('2026-02-13')).toBe('2026-02-13');
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate('2000-02-29')).toBe('2000-02-29');
  });

  it.each([
    '2026-02-30',
    '2023-02-29',
    '1900-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '2025-04-31',
    '2025-1-1',
    '31/02/2025',
    '2025-01-01T00:00:00Z',
    ' 2025-01-01',
    '45000',
    '15 tháng 3',
    '',
  ])('rejects %j with a bilingual INVALID_DATE error', (value) => {
    expect(isIsoDate(value)).toBe(false);
    try {
      parseIsoDate(value);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarError);
      expect((error as CalendarError).code).toBe('INVALID_DATE');
      expect((error as CalendarError).messageVi).toContain('Ngày không hợp lệ');
      expect((error as CalendarError).messageEn).toContain('Not a valid calendar date');
    }
  });

  it('refuses a cast that names a nonexistent day when used', () => {
    expect(() => toDayNumber('2026-02-30' as never)).toThrow(CalendarError);
  });
});

describe('day numbers', () => {
  it('agree with UTC epoch days for every day 1900–2199', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumberFromParts(1900, 1, 1), max: dayNumberFromParts(2199, 12, 31) }),
        (day) => {
          const { year, month, day: dom } = partsFromDayNumber(day);
          expect(Date.UTC(year, month - 1, dom) / 86_400_000).toBe(day);
          expect(toDayNumber(fromDayNumber(day))).toBe(day);
        },
      ),
    );
  });

  it('knows weekdays (0 = Sunday) and crosses month and year ends', () => {
    expect(weekdayOf(parseIsoDate('2026-02-13'))).toBe(5); // Friday
    expect(weekdayOf(parseIsoDate('2030-02-02'))).toBe(6); // Saturday
    expect(addDays(parseIsoDate('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(parseIsoDate('2026-12-31'), 1)).toBe('2027-01-01');
    expect(addDays(parseIsoDate('2026-03-01'), -1)).toBe('2026-02-28');
    expect(formatViDate(parseIsoDate('2026-03-06'))).toBe('06/03/2026');
  });
});
