import type { IsoDate } from './iso-date';
import { parseIsoDate } from './iso-date';

/** One Vietnamese lunar year as far as holidays need it (UTC+7 calendar, not the Chinese UTC+8 one). */
export interface LunarYear {
  /** Mùng 1 Tết, first day of the lunar year. */
  readonly tet: IsoDate;
  /** Whether the day before Tết is 29 or 30 Chạp. */
  readonly lastDayOfPreviousYear: 29 | 30;
  /** 10/3 âm lịch, Giỗ Tổ Hùng Vương. */
  readonly hungKings: IsoDate;
  readonly leapMonth: number | null;
}

export type LunarTable = ReadonlyMap<number, LunarYear>;

function row(tet: string, last: 29 | 30, hungKings: string, leapMonth: number | null): LunarYear {
  return {
    tet: parseIsoDate(tet),
    lastDayOfPreviousYear: last,
    hungKings: parseIsoDate(hungKings),
    leapMonth,
  };
}

/**
 * Vietnamese lunar dates 2020–2035 from docs/domain.md §4.1 (computed with the astronomical method at
 * UTC+7 and cross-checked; identical to resources/seed/holidays-vn.json `lunar.years`, which a test checks).
 * A reviewed static table on purpose: Chinese-calendar libraries are wrong for Vietnam in 2030 (Tết 02/02,
 * not 03/02), 2037 and 2038 (domain.md §4.2).
 */
export const VN_LUNAR_TABLE: LunarTable = new Map<number, LunarYear>([
  [2020, row('2020-01-25', 30, '2020-04-02', 4)],
  [2021, row('2021-02-12', 30, '2021-04-21', null)],
  [2022, row('2022-02-01', 29, '2022-04-10', null)],
  [2023, row('2023-01-22', 30, '2023-04-29', 2)],
  [2024, row('2024-02-10', 30, '2024-04-18', null)],
  [2025, row('2025-01-29', 29, '2025-04-07', 6)],
  [2026, row('2026-02-17', 29, '2026-04-26', null)],
  [2027, row('2027-02-06', 29, '2027-04-16', null)],
  [2028, row('2028-01-26', 29, '2028-04-04', 5)],
  [2029, row('2029-02-13', 29, '2029-04-23', null)],
  [2030, row('2030-02-02', 29, '2030-04-12', null)],
  [2031, row('2031-01-23', 29, '2031-04-01', 3)],
  [2032, row('2032-02-11', 29, '2032-04-19', null)],
  [2033, row('2033-01-31', 30, '2033-04-09', 11)],
  [2034, row('2034-02-19', 30, '2034-04-28', null)],
  [2035, row('2035-02-08', 30, '2035-04-17', null)],
]);
