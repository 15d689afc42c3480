import { describe, expect, it } from 'vitest';
import { parseIsoDate as d } from '../calendar/iso-date';
import { officialCalendarSource } from '../calendar/official-schedule';
import { WorkingCalendar } from '../calendar/working-calendar';
import { DeadlineInputError } from './deadline-errors';
import {
  COMPLETION_CLASS_LABELS,
  PENDING_CLASS_LABELS,
  classifyCompletion,
  classifyPending,
  workingDaysLeft,
} from './on-time';

const calendar = WorkingCalendar.from(officialCalendarSource());
const dueAt = '2026-03-06T17:00:00+07:00'; // Friday

describe('classifyCompletion', () => {
  it('compares office days by default: earlier trước hạn, same day đúng hạn, later quá hạn', () => {
    expect(classifyCompletion('2026-03-05T16:00:00+07:00', dueAt)).toBe('early');
    expect(classifyCompletion('2026-03-06T08:00:00+07:00', dueAt)).toBe('on_time');
    expect(classifyCompletion('2026-03-06T18:30:00+07:00', dueAt)).toBe('on_time');
    expect(classifyCompletion('2026-03-07T08:00:00+07:00', dueAt)).toBe('late');
  });

  it('uses the office day of the due time, not the completion offset', () => {
    expect(classifyCompletion('2026-03-05T18:00:00Z', dueAt)).toBe('on_time'); // 01:00 on 06/03 at +07
    expect(classifyCompletion('2026-03-05T16:59:00Z', dueAt)).toBe('early'); // 23:59 on 05/03 at +07
  });

  it('with datetime granularity, after the due time on the due day is late', () => {
    expect(classifyCompletion('2026-03-06T17:00:00+07:00', dueAt, 'datetime')).toBe('on_time');
    expect(classifyCompletion('2026-03-06T17:00:01+07:00', dueAt, 'datetime')).toBe('late');
    expect(classifyCompletion('2026-03-05T10:00:00+07:00', dueAt, 'datetime')).toBe('early');
  });
});

describe('workingDaysLeft and classifyPending', () => {
  it('counts working days left, negative once overdue', () => {
    expect(workingDaysLeft(d('2026-03-02'), d('2026-03-06'), calendar)).toBe(4);
    expect(workingDaysLeft(d('2026-03-06'), d('2026-03-06'), calendar)).toBe(0);
    expect(workingDaysLeft(d('2026-03-07'), d('2026-03-06'), calendar)).toBe(-1); // Saturday after a Friday due date
    expect(workingDaysLeft(d('2026-03-09'), d('2026-03-06'), calendar)).toBe(-1);
    expect(workingDaysLeft(d('2026-03-10'), d('2026-03-06'), calendar)).toBe(-2);
    expect(workingDaysLeft(d('2026-02-13'), d('2026-02-23'), calendar)).toBe(1); // across Tết
  });

  it('classifies pending dossiers: trong hạn, sắp đến hạn (≤ 2 working days), quá hạn', () => {
    expect(classifyPending('2026-03-02T09:00:00+07:00', dueAt, calendar)).toBe('in_time');
    expect(classifyPending('2026-03-04T09:00:00+07:00', dueAt, calendar)).toBe('due_soon');
    expect(classifyPending('2026-03-06T18:00:00+07:00', dueAt, calendar)).toBe('due_soon');
    expect(classifyPending('2026-03-06T18:00:00+07:00', dueAt, calendar, 2, 'datetime')).toBe('overdue');
    expect(classifyPending('2026-03-07T09:00:00+07:00', dueAt, calendar)).toBe('overdue');
    expect(classifyPending('2026-03-05T09:00:00+07:00', dueAt, calendar, 0)).toBe('in_time');
    expect(classifyPending('2026-03-03T09:00:00+07:00', dueAt, calendar, 3)).toBe('due_soon');
    expect(() => classifyPending('2026-03-03T09:00:00+07:00', dueAt, calendar, -1)).toThrow(
      DeadlineInputError,
    );
    expect(() => classifyPending('2026-03-03T09:00:00', dueAt, calendar)).toThrow(
      expect.objectContaining({ code: 'MISSING_OFFSET', field: 'now' }),
    );
  });

  it('has Vietnamese labels for every class', () => {
    expect(COMPLETION_CLASS_LABELS).toEqual({ early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' });
    expect(PENDING_CLASS_LABELS).toEqual({
      in_time: 'Trong hạn',
      due_soon: 'Sắp đến hạn',
      overdue: 'Quá hạn',
    });
  });
});
