import { describe, expect, it } from 'vitest';
import holidays from '../../../resources/seed/holidays-vn.json';
import { weekdayLabel } from './day-labels';
import { weekdayOf } from './iso-date';
import { VN_LUNAR_TABLE } from './lunar-table';

// docs/domain.md §4.1, typed in by hand: year, Tết, weekday, last day of the old year, Giỗ Tổ, weekday.
const DOMAIN_TABLE: ReadonlyArray<[number, string, string, 29 | 30, string, string]> = [
  [2020, '2020-01-25', 'T7', 30, '2020-04-02', 'T5'],
  [2021, '2021-02-12', 'T6', 30, '2021-04-21', 'T4'],
  [2022, '2022-02-01', 'T3', 29, '2022-04-10', 'CN'],
  [2023, '2023-01-22', 'CN', 30, '2023-04-29', 'T7'],
  [2024, '2024-02-10', 'T7', 30, '2024-04-18', 'T5'],
  [2025, '2025-01-29', 'T4', 29, '2025-04-07', 'T2'],
  [2026, '2026-02-17', 'T3', 29, '2026-04-26', 'CN'],
  [2027, '2027-02-06', 'T7', 29, '2027-04-16', 'T6'],
  [2028, '2028-01-26', 'T4', 29, '2028-04-04', 'T3'],
  [2029, '2029-02-13', 'T3', 29, '2029-04-23', 'T2'],
  [2030, '2030-02-02', 'T7', 29, '2030-04-12', 'T6'],
  [2031, '2031-01-23', 'T5', 29, '2031-04-01', 'T3'],
  [2032, '2032-02-11', 'T4', 29, '2032-04-19', 'T2'],
  [2033, '2033-01-31', 'T2', 30, '2033-04-09', 'T7'],
  [2034, '2034-02-19', 'CN', 30, '2034-04-28', 'T6'],
  [2035, '2035-02-08', 'T5', 30, '2035-04-17', 'T3'],
];

const SHORT_WEEKDAYS: Record<string, string> = {
  CN: 'Chủ nhật',
  T2: 'Thứ Hai',
  T3: 'Thứ Ba',
  T4: 'Thứ Tư',
  T5: 'Thứ Năm',
  T6: 'Thứ Sáu',
  T7: 'Thứ Bảy',
};

describe('Vietnamese lunar table 2020–2035', () => {
  it.each(DOMAIN_TABLE)(
    '%i: Tết %s (%s), %i Chạp, Giỗ Tổ %s (%s)',
    (year, tet, tetDay, last, hungKings, hungDay) => {
      const row = VN_LUNAR_TABLE.get(year);
      expect(row).toMatchObject({ tet, lastDayOfPreviousYear: last, hungKings });
      expect(weekdayLabel(weekdayOf(row!.tet))).toBe(SHORT_WEEKDAYS[tetDay]);
      expect(weekdayLabel(weekdayOf(row!.hungKings))).toBe(SHORT_WEEKDAYS[hungDay]);
    },
  );

  it('uses the Vietnamese date for 2030 (02/02), not the Chinese one (03/02)', () => {
    expect(VN_LUNAR_TABLE.get(2030)?.tet).toBe('2030-02-02');
  });

  it('agrees exactly with resources/seed/holidays-vn.json lunar.years', () => {
    const fromJson = Object.entries(holidays.lunar.years).map(([year, row]) => [
      Number(year),
      {
        tet: row.tet,
        lastDayOfPreviousYear: Number.parseInt(row.lastDayOfPreviousYear, 10),
        hungKings: row.hungKings,
        leapMonth: row.leapMonth === null ? null : Number(row.leapMonth),
      },
    ]);
    expect(fromJson).toEqual([...VN_LUNAR_TABLE.entries()]);
  });
});
