import { CalendarMissingError } from './calendar-errors';
import type { CalendarException, CalendarSource } from './calendar-types';
import { HOLIDAY_NAMES as H, LEGAL_SOURCES as L, compensatoryDayName } from './holiday-names';
import type { DayNumber } from './iso-date';
import {
  dayNumberFromParts,
  fromDayNumber,
  isWeekendDayNumber,
  toDayNumber,
  weekdayOfDayNumber,
  yearOfDayNumber,
} from './iso-date';
import type { LunarTable } from './lunar-table';
import { VN_LUNAR_TABLE } from './lunar-table';

/** BLLĐ 2019 (with its holiday list, Điều 112) is in force from 01/01/2021; earlier years followed BLLĐ 2012. */
export const FIRST_DRAFTABLE_YEAR = 2021;
/** 24/11 Ngày Văn hóa Việt Nam is a paid holiday from 2026 (secondary sources: NQ 28/2026/QH16). */
export const CULTURE_DAY_FIRST_YEAR = 2026;

interface Holiday {
  readonly day: DayNumber;
  readonly name: string;
  readonly source: string;
  readonly uncertain: boolean;
}

export function canDraftYear(year: number, lunar: LunarTable = VN_LUNAR_TABLE): boolean {
  return Number.isInteger(year) && year >= FIRST_DRAFTABLE_YEAR && lunar.has(year);
}

/**
 * The day joined to 02/09 as the second Quốc khánh day. BLLĐ 2019 Điều 112 k1 says "01 ngày liền kề trước
 * hoặc sau" and k3 lets the Prime Minister fix it each year, so this is only a proposal: the neighbour that
 * joins the break to a weekend — 03/09 when 02/09 is a Monday, Thursday or Sunday, otherwise 01/09. It
 * reproduces every decision from 2021 to 2026 (2021 Thu → 03/09; 2022 Fri, 2023 Sat, 2025 Tue, 2026 Wed →
 * 01/09; 2024 Mon → 03/09).
 */
function nationalDayNeighbour(year: number): DayNumber {
  const secondSeptember = dayNumberFromParts(year, 9, 2);
  const weekday = weekdayOfDayNumber(secondSeptember);
  return weekday === 1 || weekday === 4 || weekday === 0 ? secondSeptember + 1 : secondSeptember - 1;
}

function statutoryHolidays(year: number, lunar: LunarTable): Holiday[] {
  const lunarYear = lunar.get(year);
  if (!lunarYear) return [];
  const holiday = (
    day: DayNumber,
    name: string,
    source: string = L.holidays,
    uncertain = false,
  ): Holiday => ({
    day,
    name,
    source,
    uncertain,
  });
  // Tết Âm lịch, 5 days (Điều 112 k1; the Prime Minister fixes which ones, k3). Proposal: the last day of
  // the old lunar year (29 or 30 Chạp) and mùng 1–4 — one day before Tết and the first four of the new year,
  // the usual core of the announced breaks.
  const tet = toDayNumber(lunarYear.tet);
  const holidays: Holiday[] = [
    holiday(dayNumberFromParts(year, 1, 1), H.newYear),
    ...[-1, 0, 1, 2, 3].map((offset) => holiday(tet + offset, H.lunarNewYear, L.yearlyDecision)),
    holiday(toDayNumber(lunarYear.hungKings), H.hungKings),
    holiday(dayNumberFromParts(year, 4, 30), H.victoryDay),
    holiday(dayNumberFromParts(year, 5, 1), H.labourDay),
    holiday(dayNumberFromParts(year, 9, 2), H.nationalDay),
    holiday(nationalDayNeighbour(year), H.nationalDay, L.yearlyDecision),
  ];
  if (year >= CULTURE_DAY_FIRST_YEAR) {
    holidays.push(holiday(dayNumberFromParts(year, 11, 24), H.cultureDay, L.cultureDay, true));
  }
  return holidays.sort((a, b) => a.day - b.day);
}

/**
 * Drafts ("dự kiến") the calendar of a year not yet announced, from the statute:
 * - the holidays of BLLĐ 2019 Điều 112 k1: 01/01; Tết Nguyên đán 5 days (see above); 10/3 âm lịch; 30/4;
 *   01/5; 02/9 plus one adjacent day (see `nationalDayNeighbour`); and 24/11 from 2026 (flagged uncertain);
 * - nghỉ bù (Điều 111 k3): each holiday that falls on a Saturday or Sunday gives a day off on the next
 *   working day that is not already a holiday or another nghỉ bù, taken in date order — so 30/4 on a
 *   Saturday and 01/5 on a Sunday give Monday and Tuesday.
 * Two holidays on the same date (not in 2021–2035) are resolved the same way and flagged uncertain, since
 * the Code does not say. Swapped days and make-up Saturdays are never drafted: only the Prime Minister
 * creates them. Lunar dates come from `lunar` (default: the reviewed 2020–2035 table); a year outside it,
 * or before 2021, cannot be drafted and throws {@link CalendarMissingError}.
 */
export function draftYear(year: number, lunar: LunarTable = VN_LUNAR_TABLE): CalendarException[] {
  if (!canDraftYear(year, lunar)) {
    throw new CalendarMissingError(
      year,
      'it cannot be drafted either (no Vietnamese lunar dates for that year, or it precedes BLLĐ 2019)',
      'cũng không thể lập lịch dự kiến (không có dữ liệu âm lịch của năm này, hoặc năm trước khi BLLĐ 2019 có hiệu lực)',
    );
  }
  const taken = new Set<DayNumber>();
  const displaced: Holiday[] = [];
  const daysOff: Holiday[] = [];
  for (const holiday of statutoryHolidays(year, lunar)) {
    if (taken.has(holiday.day)) {
      displaced.push({ ...holiday, uncertain: true });
      continue;
    }
    taken.add(holiday.day);
    if (isWeekendDayNumber(holiday.day)) displaced.push(holiday);
    else daysOff.push(holiday);
  }
  for (const holiday of displaced) {
    let day = holiday.day + 1;
    while (isWeekendDayNumber(day) || taken.has(day)) day++;
    taken.add(day);
    if (yearOfDayNumber(day) !== year) continue; // cannot happen for these dates; a year owns only its own days
    daysOff.push({
      day,
      name: compensatoryDayName(holiday.name),
      source: L.compensatory,
      uncertain: holiday.uncertain,
    });
  }
  return daysOff
    .sort((a, b) => a.day - b.day)
    .map((holiday) => ({
      date: fromDayNumber(holiday.day),
      kind: 'off',
      name: holiday.name,
      status: 'draft',
      source: holiday.source,
      ...(holiday.uncertain ? { uncertain: true } : {}),
    }));
}

/**
 * Adds a drafted calendar for each of `years` that the source does not cover yet and that can be drafted.
 * Years already present (confirmed or draft) are left untouched; years that cannot be drafted stay missing.
 */
export function withDraftedYears(
  source: CalendarSource,
  years: Iterable<number>,
  lunar: LunarTable = VN_LUNAR_TABLE,
): CalendarSource {
  const covered = new Set(source.years.map((entry) => entry.year));
  const added = [...new Set(years)].filter((year) => !covered.has(year) && canDraftYear(year, lunar));
  if (added.length === 0) return source;
  return {
    years: [...source.years, ...added.map((year) => ({ year, status: 'draft' as const }))],
    exceptions: [...source.exceptions, ...added.flatMap((year) => draftYear(year, lunar))],
  };
}
