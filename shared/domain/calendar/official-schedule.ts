import type { CalendarException, CalendarSource, CalendarYear } from './calendar-types';
import {
  HOLIDAY_NAMES as H,
  LEGAL_SOURCES as L,
  compensatoryDayName,
  makeupDayName,
  swappedDayName,
} from './holiday-names';
import { parseIsoDate } from './iso-date';

/**
 * Official working calendars of state agencies, 2023–2026, transcribed from docs/domain.md §3.2 (each row
 * there names the occasion and its source). The same days are in resources/seed/holidays-vn.json; a test
 * keeps the two identical and checks the yearly working-day counts (249, 251, 250, 249).
 *
 * Only weekday days off and weekend make-up days are listed: a holiday that falls on a weekend is not an
 * exception of its own — its nghỉ bù on the next working day is (BLLĐ 2019 Điều 111 k3).
 */
export const OFFICIAL_YEARS: readonly number[] = [2023, 2024, 2025, 2026];

const VPCP_8056 = 'Công văn 8056/VPCP-KGVX (01/12/2022)';
const VPCP_2450 = 'Công văn 2450/VPCP-KGVX (12/4/2024)';
const VPCP_8726 = 'Công văn 8726/VPCP-KGVX (26/11/2024)';
const VPCP_12729 = 'Công văn 12729/VPCP-KGVX (25/12/2025)';
const BNV_9441 = 'Thông báo 9441/TB-BNV (16/10/2025)';

const MAY_BREAK = '30/4 – 1/5';

function off(date: string, name: string, source: string, uncertain = false): CalendarException {
  return {
    date: parseIsoDate(date),
    kind: 'off',
    name,
    status: 'confirmed',
    source,
    ...(uncertain ? { uncertain } : {}),
  };
}

function makeup(date: string, swappedDay: string, source: string): CalendarException {
  return {
    date: parseIsoDate(date),
    kind: 'makeup',
    name: makeupDayName(parseIsoDate(swappedDay)),
    status: 'confirmed',
    source,
  };
}

function tet(dates: readonly string[], source: string): CalendarException[] {
  return dates.map((date) => off(date, H.lunarNewYear, source));
}

export const OFFICIAL_SCHEDULE: readonly CalendarException[] = [
  // 2023
  off('2023-01-02', compensatoryDayName(H.newYear), L.compensatory), // 01/01 was a Sunday
  ...tet(['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26'], VPCP_8056),
  off('2023-05-01', H.labourDay, L.holidays),
  off('2023-05-02', compensatoryDayName(H.hungKings), L.compensatory), // Giỗ Tổ was Saturday 29/04
  off('2023-05-03', compensatoryDayName(H.victoryDay), L.compensatory), // 30/04 was a Sunday
  off('2023-09-01', H.nationalDay, VPCP_8056),
  off('2023-09-04', compensatoryDayName(H.nationalDay), VPCP_8056), // 02/09 was a Saturday
  // 2024
  off('2024-01-01', H.newYear, L.holidays),
  ...tet(['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'], L.pressReportsOnly),
  off('2024-04-18', H.hungKings, L.holidays),
  off('2024-04-29', swappedDayName(MAY_BREAK), VPCP_2450),
  off('2024-04-30', H.victoryDay, L.holidays),
  off('2024-05-01', H.labourDay, L.holidays),
  makeup('2024-05-04', '2024-04-29', VPCP_2450),
  off('2024-09-02', H.nationalDay, L.holidays),
  off('2024-09-03', H.nationalDay, L.pressReportsOnly),
  // 2025
  off('2025-01-01', H.newYear, L.holidays),
  ...tet(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'], VPCP_8726),
  off('2025-04-07', H.hungKings, L.holidays),
  makeup('2025-04-26', '2025-05-02', L.pressReportsOnly),
  off('2025-04-30', H.victoryDay, L.holidays),
  off('2025-05-01', H.labourDay, L.holidays),
  off('2025-05-02', swappedDayName(MAY_BREAK), L.pressReportsOnly),
  off('2025-09-01', H.nationalDay, L.pressReportsOnly),
  off('2025-09-02', H.nationalDay, L.holidays),
  // 2026
  off('2026-01-01', H.newYear, L.holidays),
  off('2026-01-02', swappedDayName(H.newYear), VPCP_12729),
  makeup('2026-01-10', '2026-01-02', VPCP_12729),
  ...tet(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'], BNV_9441),
  off('2026-04-27', compensatoryDayName(H.hungKings), L.compensatory), // Giỗ Tổ is Sunday 26/04
  off('2026-04-30', H.victoryDay, L.holidays),
  off('2026-05-01', H.labourDay, L.holidays),
  makeup('2026-08-22', '2026-08-31', BNV_9441),
  off('2026-08-31', swappedDayName(H.nationalDay), BNV_9441),
  off('2026-09-01', H.nationalDay, BNV_9441),
  off('2026-09-02', H.nationalDay, BNV_9441),
  // Secondary sources only (domain.md §0, §3.2): an administrator must confirm it.
  off('2026-11-24', H.cultureDay, L.cultureDay, true),
];

/** The bundled official calendar as a source: 2023–2026 confirmed. */
export function officialCalendarSource(): CalendarSource {
  const years: CalendarYear[] = OFFICIAL_YEARS.map((year) => ({ year, status: 'confirmed' }));
  return { years, exceptions: OFFICIAL_SCHEDULE };
}
