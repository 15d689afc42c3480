import { describe, expect, it } from 'vitest';
import { calendarPeriod, currentPeriod, formatPeriod, reportPeriod } from './periods';
import { StatisticsError } from './statistics-errors';

describe('report periods (15th of the previous month to the 14th, domain.md §2.5)', () => {
  it('cuts a year from 15/12 of the year before to 14/12', () => {
    expect(reportPeriod('year', 2026)).toEqual({ from: '2025-12-15', to: '2026-12-14', label: 'Năm 2026' });
  });

  it('cuts months, quarters, 6 and 9 months', () => {
    expect(reportPeriod('month', 2026, 1)).toMatchObject({ from: '2025-12-15', to: '2026-01-14' });
    expect(reportPeriod('month', 2026, 3)).toMatchObject({ from: '2026-02-15', to: '2026-03-14' });
    expect(reportPeriod('quarter', 2026, 1)).toMatchObject({ from: '2025-12-15', to: '2026-03-14' });
    expect(reportPeriod('quarter', 2026, 4)).toMatchObject({
      from: '2026-09-15',
      to: '2026-12-14',
      label: 'Quý IV/2026',
    });
    expect(reportPeriod('half_year', 2026)).toMatchObject({ from: '2025-12-15', to: '2026-06-14' });
    expect(reportPeriod('nine_months', 2026)).toMatchObject({ from: '2025-12-15', to: '2026-09-14' });
  });

  it('tiles the year without gaps or overlaps', () => {
    const months = Array.from({ length: 12 }, (_, i) => reportPeriod('month', 2026, i + 1));
    expect(months[0]?.from).toBe(reportPeriod('year', 2026).from);
    expect(months[11]?.to).toBe(reportPeriod('year', 2026).to);
    for (let i = 1; i < 12; i++) {
      const prevEnd = new Date(`${months[i - 1]?.to}T00:00:00Z`).getTime();
      const start = new Date(`${months[i]?.from}T00:00:00Z`).getTime();
      expect(start - prevEnd).toBe(86_400_000);
    }
  });

  it('takes another cut-off day and refuses impossible ones', () => {
    expect(reportPeriod('month', 2026, 3, 20)).toMatchObject({ from: '2026-02-20', to: '2026-03-19' });
    expect(() => reportPeriod('month', 2026, 3, 31)).toThrow(StatisticsError);
    expect(() => reportPeriod('month', 2026, 13)).toThrow(StatisticsError);
  });

  it('places a day on or after the cut-off in the next report month (and year)', () => {
    expect(currentPeriod('month', '2026-11-14', 'report')).toMatchObject({
      from: '2026-10-15',
      to: '2026-11-14',
    });
    expect(currentPeriod('month', '2026-11-15', 'report')).toMatchObject({
      from: '2026-11-15',
      to: '2026-12-14',
    });
    expect(currentPeriod('year', '2026-12-15', 'report')).toMatchObject({
      from: '2026-12-15',
      to: '2027-12-14',
    });
    expect(currentPeriod('quarter', '2026-03-14', 'report')).toMatchObject({
      from: '2025-12-15',
      to: '2026-03-14',
    });
    expect(currentPeriod('quarter', '2026-03-15', 'report')).toMatchObject({
      from: '2026-03-15',
      to: '2026-06-14',
    });
  });
});

describe('calendar periods', () => {
  it('knows month lengths, leap years and quarters', () => {
    expect(calendarPeriod('month', 2028, 2)).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
      label: 'Tháng 2/2028',
    });
    expect(calendarPeriod('quarter', 2026, 3)).toMatchObject({ from: '2026-07-01', to: '2026-09-30' });
    expect(currentPeriod('quarter', '2026-11-26')).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(currentPeriod('year', '2026-11-26')).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('prints the period as under the form title', () => {
    expect(formatPeriod({ from: '2025-12-15', to: '2026-12-14' })).toBe(
      'Từ ngày 15/12/2025 đến ngày 14/12/2026',
    );
  });
});
