import { describe, expect, it } from 'vitest';
import { CalendarMissingError } from './calendar-errors';
import { canDraftYear, draftYear, withDraftedYears } from './draft-year';
import { addDays, parseIsoDate as d, isWeekendDayNumber, toDayNumber } from './iso-date';
import type { LunarTable } from './lunar-table';
import { VN_LUNAR_TABLE } from './lunar-table';
import { OFFICIAL_SCHEDULE, officialCalendarSource } from './official-schedule';
import { WorkingCalendar } from './working-calendar';

const pairs = (year: number): string[] => draftYear(year).map((e) => `${e.date} ${e.name}`);

describe('draftYear: statutory draft of a year not yet announced', () => {
  it('drafts 2027 as BLLĐ 2019 Điều 111–112 give it', () => {
    expect(pairs(2027)).toEqual([
      '2027-01-01 Tết Dương lịch',
      '2027-02-05 Tết Nguyên đán', // 29 Chạp, Friday
      '2027-02-08 Tết Nguyên đán', // mùng 3
      '2027-02-09 Tết Nguyên đán', // mùng 4
      '2027-02-10 Nghỉ bù Tết Nguyên đán', // for mùng 1 on Saturday
      '2027-02-11 Nghỉ bù Tết Nguyên đán', // for mùng 2 on Sunday
      '2027-04-16 Giỗ Tổ Hùng Vương',
      '2027-04-30 Ngày Chiến thắng',
      '2027-05-03 Nghỉ bù Ngày Quốc tế lao động', // 01/5 is a Saturday
      '2027-09-02 Quốc khánh',
      '2027-09-03 Quốc khánh', // 02/9 is a Thursday: the Friday joins the weekend
      '2027-11-24 Ngày Văn hóa Việt Nam',
    ]);
    const drafted = draftYear(2027);
    expect(drafted.every((e) => e.status === 'draft' && e.kind === 'off' && e.source)).toBe(true);
    expect(drafted.filter((e) => e.uncertain).map((e) => e.date)).toEqual(['2027-11-24']);
    const calendar = WorkingCalendar.from(withDraftedYears(officialCalendarSource(), [2027]));
    expect(calendar.workingDaysInYear(2027)).toBe(249);
  });

  it('reproduces the official non-Tết days of 2023–2026 (only swaps and the Tết break are government choices)', () => {
    for (const year of [2023, 2024, 2025, 2026]) {
      const official = OFFICIAL_SCHEDULE.filter(
        (e) =>
          e.date.startsWith(`${year}-`) &&
          e.kind === 'off' &&
          !e.name.startsWith('Hoán đổi') &&
          !e.name.includes('Tết Nguyên đán'),
      ).map((e) => `${e.date} ${e.name}`);
      expect(pairs(year).filter((pair) => !pair.includes('Tết Nguyên đán'))).toEqual(official);
    }
    // 2026's Tết break (16–20/02, Thông báo 9441/TB-BNV) is exactly the statutory 29 Chạp – mùng 4.
    expect(pairs(2026).filter((pair) => pair.includes('Tết Nguyên đán'))).toEqual(
      OFFICIAL_SCHEDULE.filter((e) => e.date.startsWith('2026-') && e.name === 'Tết Nguyên đán').map(
        (e) => `${e.date} ${e.name}`,
      ),
    );
  });

  it.each([...VN_LUNAR_TABLE.keys()].filter((year) => year >= 2021))(
    '%i: Tết and Giỗ Tổ land on the Vietnamese lunar dates',
    (year) => {
      const lunar = VN_LUNAR_TABLE.get(year)!;
      const byDate = new Map(draftYear(year).map((e) => [e.date, e.name]));
      const tetDays = [-1, 0, 1, 2, 3].map((offset) => addDays(lunar.tet, offset));
      for (const day of tetDays) {
        expect(byDate.get(day)).toBe(isWeekendDayNumber(toDayNumber(day)) ? undefined : 'Tết Nguyên đán');
      }
      const tetRelated = [...byDate.values()].filter((name) => name.endsWith('Tết Nguyên đán'));
      expect(tetRelated).toHaveLength(5);
      if (isWeekendDayNumber(toDayNumber(lunar.hungKings))) {
        expect([...byDate.values()]).toContain('Nghỉ bù Giỗ Tổ Hùng Vương');
      } else {
        expect(byDate.get(lunar.hungKings)).toBe('Giỗ Tổ Hùng Vương');
      }
    },
  );

  it('uses Tết 02/02/2030 (Vietnam), not 03/02 (China)', () => {
    const calendar = WorkingCalendar.from(withDraftedYears({ years: [], exceptions: [] }, [2030]));
    expect(calendar.dayInfo(d('2030-02-01')).label).toBe('Tết Nguyên đán'); // 29 Chạp
    expect(calendar.dayInfo(d('2030-02-04')).label).toBe('Tết Nguyên đán'); // mùng 3
    expect(calendar.dayInfo(d('2030-02-07')).label).toBe('Nghỉ bù Tết Nguyên đán');
    expect(calendar.isWorkingDay(d('2030-02-08'))).toBe(true); // would be off with the Chinese date
  });

  it('gives two nghỉ bù days in a row when 30/4 is a Saturday and 01/5 a Sunday (2033)', () => {
    const may = pairs(2033).filter((pair) => pair.startsWith('2033-05'));
    expect(may).toEqual(['2033-05-02 Nghỉ bù Ngày Chiến thắng', '2033-05-03 Nghỉ bù Ngày Quốc tế lao động']);
  });

  it('places the second Quốc khánh day as decided in 2021–2026', () => {
    const september = (year: number): string[] =>
      draftYear(year)
        .filter((e) => e.date.startsWith(`${year}-09`))
        .map((e) => e.date.slice(5));
    expect(september(2021)).toEqual(['09-02', '09-03']);
    expect(september(2022)).toEqual(['09-01', '09-02']);
    expect(september(2023)).toEqual(['09-01', '09-04']);
    expect(september(2024)).toEqual(['09-02', '09-03']);
    expect(september(2025)).toEqual(['09-01', '09-02']);
    expect(september(2026)).toEqual(['09-01', '09-02']);
  });

  it('has no 24/11 before 2026', () => {
    expect(pairs(2025).some((pair) => pair.includes('Văn hóa'))).toBe(false);
  });

  it('resolves two holidays on one date by a flagged nghỉ bù', () => {
    const lunar: LunarTable = new Map([
      [
        2040,
        { tet: d('2040-02-12'), lastDayOfPreviousYear: 30, hungKings: d('2040-04-30'), leapMonth: null },
      ],
    ]);
    const drafted = draftYear(2040, lunar);
    expect(drafted.find((e) => e.date === '2040-04-30')?.name).toBe('Giỗ Tổ Hùng Vương');
    expect(drafted.find((e) => e.date === '2040-05-02')).toMatchObject({
      name: 'Nghỉ bù Ngày Chiến thắng',
      uncertain: true,
    });
  });

  it('cannot draft outside the lunar table or before BLLĐ 2019: the year stays missing', () => {
    expect(canDraftYear(2036)).toBe(false);
    expect(canDraftYear(2020)).toBe(false);
    expect(() => draftYear(2036)).toThrow(CalendarMissingError);
    expect(() => draftYear(2020)).toThrow(CalendarMissingError);
    const source = withDraftedYears(officialCalendarSource(), [2026, 2027, 2036]);
    const calendar = WorkingCalendar.from(source);
    expect(calendar.yearStatus(2026)).toBe('confirmed');
    expect(calendar.yearStatus(2027)).toBe('draft');
    expect(calendar.yearStatus(2036)).toBe('missing');
    expect(source.exceptions.filter((e) => e.date.startsWith('2026-'))).toEqual(
      OFFICIAL_SCHEDULE.filter((e) => e.date.startsWith('2026-')),
    );
  });
});
