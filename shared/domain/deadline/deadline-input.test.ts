import { describe, expect, it } from 'vitest';
import { CalendarMissingError } from '../calendar/calendar-errors';
import { officialCalendarSource } from '../calendar/official-schedule';
import { WorkingCalendar } from '../calendar/working-calendar';
import { computeDeadline } from './compute-deadline';
import { DeadlineInputError } from './deadline-errors';
import type { DeadlineInput } from './deadline-types';
import { formatInstant, parseInstant } from './instant';

const calendar = WorkingCalendar.from(officialCalendarSource());
const valid: DeadlineInput = {
  receivedAt: '2026-03-02T09:00:00+07:00',
  rule: { amount: 10, unit: 'wd', pauseMode: 'pause' },
  calendar,
};

function inputError(input: Partial<DeadlineInput> & Record<string, unknown>): DeadlineInputError {
  try {
    computeDeadline({ ...valid, ...input } as DeadlineInput);
  } catch (error) {
    if (!(error instanceof DeadlineInputError)) throw error;
    // Every input error speaks both languages: Vietnamese for the UI, English for the log.
    expect(error.messageVi.length).toBeGreaterThan(10);
    expect(error.messageEn.length).toBeGreaterThan(10);
    expect(error.message).toBe(error.messageEn);
    return error;
  }
  throw new Error('expected a DeadlineInputError');
}

describe('bad deadline input', () => {
  it('refuses a receipt time without offset, naming the field', () => {
    const error = inputError({ receivedAt: '2026-03-02T09:00:00' });
    expect(error).toMatchObject({ code: 'MISSING_OFFSET', field: 'receivedAt' });
    expect(error.messageVi).toContain('thiếu múi giờ');
    expect(error.messageEn).toContain('no UTC offset');
  });

  it.each([
    '2026-02-30T09:00:00+07:00',
    '2026-13-01T09:00:00+07:00',
    '2026-03-02T24:00:00+07:00',
    '2026-03-02T09:60:00+07:00',
    '2026-03-02 09:00:00+07:00',
    '2026-03-02T09:00:00+15:00',
    '2026-03-02T09:00:00+0700',
    '2026-03-02',
    '02/03/2026 09:00',
    '',
  ])('refuses the nonexistent or malformed date-time %j', (receivedAt) => {
    expect(inputError({ receivedAt }).code).toBe('INVALID_DATETIME');
  });

  it.each([0, -3, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the period %d', (amount) => {
    const error = inputError({ rule: { ...valid.rule, amount } });
    expect(error).toMatchObject({ code: 'INVALID_AMOUNT', field: 'rule.amount' });
    expect(error.messageVi).toContain('số nguyên dương');
  });

  it('refuses an unknown unit or pause mode', () => {
    expect(inputError({ rule: { ...valid.rule, unit: 'weeks' as never } }).code).toBe('INVALID_UNIT');
    expect(inputError({ rule: { ...valid.rule, pauseMode: 'reset' as never } }).code).toBe(
      'INVALID_PAUSE_MODE',
    );
  });

  it('refuses a pause that ends before it starts', () => {
    const error = inputError({
      pauses: [{ from: '2026-03-06T10:00:00+07:00', to: '2026-03-05T10:00:00+07:00', reason: 'x' }],
    });
    expect(error).toMatchObject({ code: 'PAUSE_ENDS_BEFORE_START', field: 'pauses[0].to' });
  });

  it('refuses overlapping pauses, including a second one while the first is open', () => {
    const overlapping = inputError({
      pauses: [
        { from: '2026-03-04T10:00:00+07:00', to: '2026-03-10T10:00:00+07:00', reason: 'a' },
        { from: '2026-03-09T10:00:00+07:00', to: '2026-03-12T10:00:00+07:00', reason: 'b' },
      ],
    });
    expect(overlapping).toMatchObject({ code: 'PAUSES_OVERLAP', field: 'pauses[1].from' });
    const afterOpen = inputError({
      now: '2026-03-20T10:00:00+07:00',
      pauses: [
        { from: '2026-03-04T10:00:00+07:00', to: null, reason: 'a' },
        { from: '2026-03-09T10:00:00+07:00', to: '2026-03-12T10:00:00+07:00', reason: 'b' },
      ],
    });
    expect(afterOpen.code).toBe('PAUSES_OVERLAP');
  });

  it('refuses a pause before the receipt', () => {
    const error = inputError({
      pauses: [{ from: '2026-03-02T08:00:00+07:00', to: null, reason: 'x' }],
      now: valid.receivedAt,
    });
    expect(error).toMatchObject({ code: 'PAUSE_BEFORE_RECEIPT', field: 'pauses[0].from' });
  });

  it('refuses a pause time without offset', () => {
    const error = inputError({ pauses: [{ from: '2026-03-04T10:00:00', to: null, reason: 'x' }] });
    expect(error).toMatchObject({ code: 'MISSING_OFFSET', field: 'pauses[0].from' });
  });

  it('needs `now` while a pause is open', () => {
    expect(inputError({ pauses: [{ from: '2026-03-04T10:00:00+07:00', to: null, reason: 'x' }] }).code).toBe(
      'NOW_REQUIRED',
    );
  });

  it('needs the event for an hours rule, and an hours rule cannot pause', () => {
    const rule = { amount: 24, unit: 'h' as const, pauseMode: 'pause' as const };
    expect(inputError({ rule }).code).toBe('EVENT_REQUIRED');
    expect(
      inputError({
        rule,
        eventAt: '2026-03-10T09:00:00+07:00',
        pauses: [{ from: '2026-03-04T10:00:00+07:00', to: '2026-03-05T10:00:00+07:00', reason: 'x' }],
      }).code,
    ).toBe('PAUSE_NOT_APPLICABLE');
  });

  it('refuses bad office hours', () => {
    expect(inputError({ office: { cutoff: '25:00' } })).toMatchObject({
      code: 'INVALID_OFFICE_HOURS',
      field: 'office.cutoff',
    });
    expect(
      inputError({
        office: {
          sessions: [
            { start: '13:30', end: '17:00' },
            { start: '07:30', end: '11:30' },
          ],
        },
      }).code,
    ).toBe('INVALID_OFFICE_HOURS');
    expect(inputError({ office: { sessions: [] } }).code).toBe('INVALID_OFFICE_HOURS');
    expect(inputError({ office: { utcOffsetMinutes: 1000 } }).code).toBe('INVALID_OFFICE_HOURS');
  });

  it('says the calendar is missing for a year neither confirmed nor drafted (2040)', () => {
    expect(() => computeDeadline({ ...valid, receivedAt: '2040-03-01T09:00:00+07:00' })).toThrow(
      CalendarMissingError,
    );
  });
});

describe('instants', () => {
  it('parse to epoch milliseconds and format back at any offset', () => {
    expect(parseInstant('2026-02-13T10:00:00+07:00')).toEqual({
      epochMs: Date.UTC(2026, 1, 13, 3),
      offsetMinutes: 420,
    });
    expect(parseInstant('2026-02-13T03:00:00.250Z').epochMs).toBe(Date.UTC(2026, 1, 13, 3, 0, 0, 250));
    expect(parseInstant('2026-02-13T10:00+07:00').epochMs).toBe(Date.UTC(2026, 1, 13, 3));
    expect(parseInstant('2026-02-12T22:30:00-04:30').epochMs).toBe(Date.UTC(2026, 1, 13, 3));
    expect(formatInstant(Date.UTC(2026, 1, 13, 3), 420)).toBe('2026-02-13T10:00:00+07:00');
    expect(formatInstant(Date.UTC(2026, 1, 13, 3), -270)).toBe('2026-02-12T22:30:00-04:30');
  });
});
