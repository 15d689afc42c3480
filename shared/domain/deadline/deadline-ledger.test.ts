import { describe, expect, it } from 'vitest';
import { withDraftedYears } from '../calendar/draft-year';
import { addDays, fromDayNumber, toDayNumber } from '../calendar/iso-date';
import { OFFICIAL_SCHEDULE, officialCalendarSource } from '../calendar/official-schedule';
import { WorkingCalendar } from '../calendar/working-calendar';
import { computeDeadline } from './compute-deadline';
import type { LedgerEntry } from './deadline-types';

const calendar = WorkingCalendar.from(withDraftedYears(officialCalendarSource(), [2022, 2027]));

/** A 1-working-day dossier received at 09:00 on the last working day before `date`. */
function ledgerAcross(date: string): readonly LedgerEntry[] {
  let day = toDayNumber(addDays(date as never, -1));
  while (!calendar.isWorkingDayNumber(day)) day--;
  return computeDeadline({
    receivedAt: `${fromDayNumber(day)}T09:00:00+07:00`,
    rule: { amount: 1, unit: 'wd', pauseMode: 'pause' },
    calendar,
  }).ledger;
}

describe('ledger reason labels', () => {
  it.each(OFFICIAL_SCHEDULE.filter((e) => e.kind === 'off').map((e) => [e.date, e.name] as const))(
    'skips %s as "%s"',
    (date, name) => {
      const skipped = ledgerAcross(date).filter((e) => e.kind === 'skipped' && e.date === date);
      expect(skipped.map((e) => e.label)).toEqual([name]);
      expect(skipped[0]?.note).toBeTruthy(); // the legal source is printed with it
    },
  );

  it.each(OFFICIAL_SCHEDULE.filter((e) => e.kind === 'makeup').map((e) => e.date))(
    'counts make-up day %s',
    (date) => {
      const counted = ledgerAcross(date).filter((e) => e.date === date);
      expect(counted.map((e) => e.kind)).toContain('makeup-counted');
      expect(counted.find((e) => e.kind === 'makeup-counted')?.label).toMatch(
        /^Làm bù \((Thứ Bảy|Chủ nhật)\) – ngày làm việc thứ 1$/,
      );
    },
  );

  it('labels weekends with the weekday name', () => {
    const ledger = ledgerAcross('2026-03-09'); // received Friday 06/03
    expect(ledger.filter((e) => e.kind === 'skipped').map((e) => `${e.date} ${e.label}`)).toEqual([
      '2026-03-07 Thứ Bảy',
      '2026-03-08 Chủ nhật',
    ]);
  });

  it('labels drafted days and marks them "dự kiến"', () => {
    const ledger = ledgerAcross('2027-05-03');
    const skipped = ledger.find((e) => e.kind === 'skipped' && e.date === '2027-05-03');
    expect(skipped?.label).toBe('Nghỉ bù Ngày Quốc tế lao động');
    expect(skipped?.note).toContain('Dự kiến');
  });
});
