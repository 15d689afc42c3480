import { describe, expect, it } from 'vitest';
import { withDraftedYears } from '../calendar/draft-year';
import { officialCalendarSource } from '../calendar/official-schedule';
import { WorkingCalendar } from '../calendar/working-calendar';
import { computeDeadlineFast } from './deadline-clock';
import { parseTypedPause } from './typed-pause';

const receivedAt = '2026-03-02T09:30:00+07:00';
const calendar = WorkingCalendar.from(withDraftedYears(officialCalendarSource(), [2027]));

describe('parseTypedPause (due-date --pause FROM/TO)', () => {
  it('reads plain dates as moments of that office day: the opening, or later the same day as the event before', () => {
    expect(parseTypedPause('2026-03-05/2026-03-11', 0, { receivedAt })).toEqual({
      from: '2026-03-05T07:30:00+07:00',
      to: '2026-03-11T07:30:00+07:00',
      reason: 'Chờ bổ sung hồ sơ',
    });
    // A request on the receipt day cannot precede the receipt; a supplement the same day follows the request.
    expect(parseTypedPause('2026-03-02/2026-03-02', 0, { receivedAt })).toMatchObject({
      from: '2026-03-02T09:30:00+07:00',
      to: '2026-03-02T09:30:00+07:00',
    });
    // The office's own opening time and offset.
    const office = { utcOffsetMinutes: 420, sessions: [{ start: '07:00', end: '16:30' }], cutoff: '15:00' };
    expect(parseTypedPause('2026-03-05/', 1, { receivedAt, office })).toEqual({
      from: '2026-03-05T07:00:00+07:00',
      to: null,
      reason: 'Chờ bổ sung hồ sơ',
    });
  });

  it('mixes a date with a date-time, which passes through unchanged', () => {
    expect(parseTypedPause('2026-03-05T16:00:00+07:00/2026-03-11', 0, { receivedAt })).toMatchObject({
      from: '2026-03-05T16:00:00+07:00',
      to: '2026-03-11T07:30:00+07:00',
    });
  });

  it('gives the due date a person expects: a supplement on a plain date counts as received that day', () => {
    const pauses = [parseTypedPause('2026-03-05/2026-03-11', 0, { receivedAt })];
    const outcome = computeDeadlineFast({
      receivedAt,
      rule: { amount: 10, unit: 'wd', pauseMode: 'pause' },
      pauses,
      calendar,
    });
    // v2: 03, 04, 05 used; resumes after Wed 11/03 -> Fri 20/03 (compute-deadline.test.ts, weekend case).
    expect(outcome).toMatchObject({ state: 'due', dueDate: '2026-03-20' });
  });

  it('refuses bad input in Vietnamese and English, naming the field', () => {
    const fails = (spec: string) => {
      try {
        parseTypedPause(spec, 2, { receivedAt });
      } catch (error) {
        return error as { field: string; messageVi: string; messageEn: string };
      }
      throw new Error(`accepted ${spec}`);
    };
    expect(fails('05/03/2026')).toMatchObject({
      field: 'pauses[2].from',
      messageVi: expect.stringContaining('năm-tháng-ngày'),
      messageEn: expect.stringContaining('year-month-day'),
    });
    expect(fails('2026-03-05/11.03.2026')).toMatchObject({
      field: 'pauses[2].to',
      messageVi: expect.stringContaining('2026-03-05'),
    });
    expect(fails('2026-02-30/2026-03-02')).toMatchObject({
      field: 'pauses[2].from',
      messageVi: expect.stringContaining('ngày có thật'),
      messageEn: expect.stringContaining('not an existing date'),
    });
    expect(fails('hôm qua/')).toMatchObject({ field: 'pauses[2].from' });
    expect(fails('/2026-03-05')).toMatchObject({
      field: 'pauses[2]',
      messageEn: expect.stringContaining('FROM/TO'),
    });
    expect(fails('2026-03-05T09:00:00/2026-03-06')).toMatchObject({
      field: 'pauses[2].from',
      messageVi: expect.stringContaining('múi giờ'),
    });
  });
});
