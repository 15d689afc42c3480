import { describe, expect, it } from 'vitest';
import holidays from '../../../resources/seed/holidays-vn.json';
import { parseIsoDate as d } from './iso-date';
import { OFFICIAL_SCHEDULE, OFFICIAL_YEARS, officialCalendarSource } from './official-schedule';
import { WorkingCalendar } from './working-calendar';

const calendar = WorkingCalendar.from(officialCalendarSource());

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

describe('official schedule 2023–2026', () => {
  it('agrees exactly with resources/seed/holidays-vn.json', () => {
    const offs = OFFICIAL_SCHEDULE.filter((e) => e.kind === 'off').map((e) => e.date);
    const makeups = OFFICIAL_SCHEDULE.filter((e) => e.kind === 'makeup').map((e) => e.date);
    const uncertain = OFFICIAL_SCHEDULE.filter((e) => e.uncertain).map((e) => e.date);
    expect(sorted(offs)).toEqual(sorted(Object.values(holidays.daysOff).flat()));
    expect(sorted(makeups)).toEqual(sorted(Object.values(holidays.makeUpSaturdays).flat()));
    expect(sorted(uncertain)).toEqual(sorted(holidays.uncertain));
    expect(sorted(Object.keys(holidays.daysOff))).toEqual(OFFICIAL_YEARS.map(String));
  });

  it('has 249, 251, 250 and 249 working days (domain.md §3.2 check)', () => {
    expect(OFFICIAL_YEARS.map((year) => calendar.workingDaysInYear(year))).toEqual([249, 251, 250, 249]);
  });

  it('every entry names its occasion and source, and all are confirmed', () => {
    for (const exception of OFFICIAL_SCHEDULE) {
      expect(exception.name.length).toBeGreaterThan(3);
      expect(exception.source).toBeTruthy();
      expect(exception.status).toBe('confirmed');
    }
  });

  it.each([
    // Tết
    ['2023-01-20', 'Tết Nguyên đán'],
    ['2023-01-26', 'Tết Nguyên đán'],
    ['2024-02-08', 'Tết Nguyên đán'],
    ['2024-02-14', 'Tết Nguyên đán'],
    ['2025-01-27', 'Tết Nguyên đán'],
    ['2025-01-31', 'Tết Nguyên đán'],
    ['2026-02-16', 'Tết Nguyên đán'],
    ['2026-02-20', 'Tết Nguyên đán'],
    // nghỉ bù
    ['2023-01-02', 'Nghỉ bù Tết Dương lịch'],
    ['2023-05-02', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
    ['2023-05-03', 'Nghỉ bù Ngày Chiến thắng'],
    ['2023-09-04', 'Nghỉ bù Quốc khánh'],
    ['2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
    // swapped days
    ['2024-04-29', 'Hoán đổi (30/4 – 1/5)'],
    ['2025-05-02', 'Hoán đổi (30/4 – 1/5)'],
    ['2026-01-02', 'Hoán đổi (Tết Dương lịch)'],
    ['2026-08-31', 'Hoán đổi (Quốc khánh)'],
    // holidays on weekdays
    ['2024-04-18', 'Giỗ Tổ Hùng Vương'],
    ['2025-04-07', 'Giỗ Tổ Hùng Vương'],
    ['2026-04-30', 'Ngày Chiến thắng'],
    ['2026-05-01', 'Ngày Quốc tế lao động'],
    ['2026-09-02', 'Quốc khánh'],
    ['2026-11-24', 'Ngày Văn hóa Việt Nam'],
  ])('%s is a day off: %s', (date, label) => {
    expect(calendar.dayInfo(d(date))).toMatchObject({ isWorking: false, kind: 'off', label });
  });

  it.each([
    ['2024-05-04', '2024-04-29'],
    ['2025-04-26', '2025-05-02'],
    ['2026-01-10', '2026-01-02'],
    ['2026-08-22', '2026-08-31'],
  ])('make-up Saturday %s works for %s', (date, swapped) => {
    const info = calendar.dayInfo(d(date));
    expect(info).toMatchObject({ isWorking: true, kind: 'makeup', label: 'Làm bù (Thứ Bảy)' });
    expect(info.exception?.name).toBe(
      `Làm bù cho ngày ${swapped.slice(8, 10)}/${swapped.slice(5, 7)}/${swapped.slice(0, 4)}`,
    );
  });

  it('flags 24/11/2026 as resting on secondary sources', () => {
    expect(calendar.exceptionOn(d('2026-11-24'))).toMatchObject({
      uncertain: true,
      name: 'Ngày Văn hóa Việt Nam',
    });
  });

  it('treats a holiday on a weekend as an ordinary weekend day (its nghỉ bù is the exception)', () => {
    expect(calendar.dayInfo(d('2026-04-26')).label).toBe('Chủ nhật'); // Giỗ Tổ 2026
    expect(calendar.dayInfo(d('2023-04-29')).label).toBe('Thứ Bảy'); // Giỗ Tổ 2023
  });
});
