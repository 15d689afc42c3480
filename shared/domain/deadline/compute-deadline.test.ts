import { describe, expect, it } from 'vitest';
import { CalendarMissingError } from '../calendar/calendar-errors';
import { withDraftedYears } from '../calendar/draft-year';
import { officialCalendarSource } from '../calendar/official-schedule';
import { WorkingCalendar } from '../calendar/working-calendar';
import { computeDeadline } from './compute-deadline';
import { computeDeadlineFast } from './deadline-clock';
import type { ClockPause, DeadlineInput, DeadlineResult, LedgerEntry } from './deadline-types';
import { pausedStatusLabel } from './on-time';

const calendar = WorkingCalendar.from(withDraftedYears(officialCalendarSource(), [2027]));
const wd = (amount: number, pauseMode: 'pause' | 'restart' = 'pause') => ({
  amount,
  unit: 'wd' as const,
  pauseMode,
});

function run(
  receivedAt: string,
  rule: DeadlineInput['rule'],
  extra: Partial<DeadlineInput> = {},
): DeadlineResult {
  const input: DeadlineInput = { receivedAt, rule, calendar, ...extra };
  const result = computeDeadline(input);
  // The fast path must agree with the explained result, always.
  const { ledger: _ledger, ...outcome } = result;
  expect(computeDeadlineFast(input)).toEqual(outcome);
  return result;
}

function due(result: DeadlineResult) {
  if (result.state !== 'due') throw new Error(`expected a due date, got ${result.state}`);
  return result;
}

const entriesOf = (ledger: readonly LedgerEntry[], kind: LedgerEntry['kind']) =>
  ledger.filter((e) => e.kind === kind);
const labelOn = (ledger: readonly LedgerEntry[], date: string) =>
  ledger.filter((e) => e.date === date).map((e) => e.label);

describe('computeDeadline: working days (hand-worked)', () => {
  it('10 working days received Friday 13/02/2026 10:00, the Friday before Tết', () => {
    const result = due(run('2026-02-13T10:00:00+07:00', wd(10)));
    expect(result).toMatchObject({
      receiptDay: '2026-02-13',
      countFrom: '2026-02-23',
      dueDate: '2026-03-06',
      dueAt: '2026-03-06T17:00:00+07:00',
    });
    expect(entriesOf(result.ledger, 'skipped').map((e) => `${e.date} ${e.label}`)).toEqual([
      '2026-02-14 Thứ Bảy',
      '2026-02-15 Chủ nhật',
      '2026-02-16 Tết Nguyên đán',
      '2026-02-17 Tết Nguyên đán',
      '2026-02-18 Tết Nguyên đán',
      '2026-02-19 Tết Nguyên đán',
      '2026-02-20 Tết Nguyên đán',
      '2026-02-21 Thứ Bảy',
      '2026-02-22 Chủ nhật',
      '2026-02-28 Thứ Bảy',
      '2026-03-01 Chủ nhật',
    ]);
    expect(entriesOf(result.ledger, 'skipped')[2]?.note).toContain('9441/TB-BNV');
    expect(entriesOf(result.ledger, 'counted').map((e) => e.dayNumber)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(result.ledger.map((e) => e.kind).slice(0, 2)).toEqual(['receipt', 'skipped']);
    expect(result.ledger[0]).toMatchObject({
      label: 'Tiếp nhận hồ sơ lúc 10:00 ngày 13/02/2026',
      at: '2026-02-13T10:00:00+07:00',
    });
    expect(entriesOf(result.ledger, 'count-start')[0]).toMatchObject({ date: '2026-02-23' });
    expect(entriesOf(result.ledger, 'count-start')[0]?.label).toContain('BLDS 2015 Điều 147 k2');
    expect(result.ledger.at(-1)).toMatchObject({
      kind: 'due',
      date: '2026-03-06',
      label: 'Hạn trả kết quả: lúc 17:00 ngày 06/03/2026',
      dayNumber: 10,
    });
  });

  it('received 21/08/2026 16:00, after the cut-off: counts from the make-up Saturday 22/08', () => {
    const result = due(run('2026-08-21T16:00:00+07:00', wd(10)));
    expect(result).toMatchObject({
      receiptDay: '2026-08-22',
      countFrom: '2026-08-24',
      dueDate: '2026-09-09',
    });
    const [shift] = entriesOf(result.ledger, 'shift');
    expect(shift?.date).toBe('2026-08-22');
    expect(shift?.label).toContain('sau giờ tiếp nhận 15:00');
    expect(shift?.label).toContain('Làm bù (Thứ Bảy) 22/08/2026');
    expect(labelOn(result.ledger, '2026-08-31')).toEqual(['Hoán đổi (Quốc khánh)']);
    expect(labelOn(result.ledger, '2026-09-01')).toEqual(['Quốc khánh']);
    expect(labelOn(result.ledger, '2026-09-02')).toEqual(['Quốc khánh']);
  });

  it('counts a make-up Saturday as a working day', () => {
    const result = due(run('2026-08-20T10:00:00+07:00', wd(5)));
    expect(result.dueDate).toBe('2026-08-26');
    expect(entriesOf(result.ledger, 'makeup-counted')).toEqual([
      {
        date: '2026-08-22',
        kind: 'makeup-counted',
        label: 'Làm bù (Thứ Bảy) – ngày làm việc thứ 2',
        dayNumber: 2,
        note: 'Làm bù cho ngày 31/08/2026',
      },
    ]);
    const january = due(run('2026-01-07T10:00:00+07:00', wd(5)));
    expect(january.dueDate).toBe('2026-01-13');
    expect(entriesOf(january.ledger, 'makeup-counted').map((e) => e.date)).toEqual(['2026-01-10']);
  });

  it('applies the 15:00 cut-off to the second, and can switch it off', () => {
    expect(due(run('2026-03-03T15:00:00+07:00', wd(1))).receiptDay).toBe('2026-03-03');
    expect(due(run('2026-03-03T15:00:01+07:00', wd(1))).receiptDay).toBe('2026-03-04');
    const noCutoff = due(run('2026-03-03T16:45:00+07:00', wd(1), { office: { cutoff: null } }));
    expect(noCutoff.receiptDay).toBe('2026-03-03');
    expect(entriesOf(noCutoff.ledger, 'shift')).toEqual([]);
  });

  it('reads the receipt time in the office zone, whatever offset it was written with', () => {
    // 08:30Z is 15:30 at +07:00: after the cut-off.
    expect(due(run('2026-03-03T08:30:00Z', wd(1))).receiptDay).toBe('2026-03-04');
    expect(due(run('2026-03-03T07:30:00-01:00', wd(1))).receiptDay).toBe('2026-03-04'); // = 15:30 at +07:00
    expect(due(run('2026-03-03T06:30:00-01:00', wd(1))).receiptDay).toBe('2026-03-03'); // = 14:30 at +07:00
    expect(due(run('2026-03-02T18:30:00-05:00', wd(1))).receiptDay).toBe('2026-03-03'); // = 06:30 on 03/03 at +07:00
  });

  it('shifts a receipt on a non-working day to the next working day', () => {
    const result = due(run('2026-03-08T10:00:00+07:00', wd(2)));
    expect(result).toMatchObject({
      receiptDay: '2026-03-09',
      countFrom: '2026-03-10',
      dueDate: '2026-03-11',
    });
    expect(entriesOf(result.ledger, 'shift')[0]?.label).toBe(
      'Nhận vào ngày nghỉ (Chủ nhật) – tính là nhận ngày làm việc tiếp theo: Thứ Hai 09/03/2026',
    );
    const onHoliday = due(run('2026-04-30T09:00:00+07:00', wd(1)));
    expect(onHoliday.receiptDay).toBe('2026-05-04');
    expect(entriesOf(onHoliday.ledger, 'shift')[0]?.label).toContain('Nhận vào ngày nghỉ (Ngày Chiến thắng)');
  });

  it('skips nghỉ bù Giỗ Tổ, 30/4 and 1/5', () => {
    const result = due(run('2026-04-24T09:00:00+07:00', wd(3)));
    expect(result.dueDate).toBe('2026-05-04');
    expect(entriesOf(result.ledger, 'skipped').map((e) => e.label)).toEqual([
      'Thứ Bảy',
      'Chủ nhật',
      'Nghỉ bù Giỗ Tổ Hùng Vương',
      'Ngày Chiến thắng',
      'Ngày Quốc tế lao động',
      'Thứ Bảy',
      'Chủ nhật',
    ]);
  });

  it('skips Tết Dương lịch and a swapped day', () => {
    const result = due(run('2025-12-31T09:00:00+07:00', wd(3)));
    expect(result.dueDate).toBe('2026-01-07');
    expect(labelOn(result.ledger, '2026-01-01')).toEqual(['Tết Dương lịch']);
    expect(labelOn(result.ledger, '2026-01-02')).toEqual(['Hoán đổi (Tết Dương lịch)']);
  });

  it('marks uncertain and drafted days in the ledger notes', () => {
    const culture = due(run('2026-11-23T09:00:00+07:00', wd(1)));
    expect(culture.dueDate).toBe('2026-11-25');
    const [skipped] = entriesOf(culture.ledger, 'skipped');
    expect(skipped).toMatchObject({ label: 'Ngày Văn hóa Việt Nam' });
    expect(skipped?.note).toContain('chưa chắc chắn');

    const drafted = due(run('2027-02-04T09:00:00+07:00', wd(1)));
    expect(drafted.dueDate).toBe('2027-02-12');
    expect(labelOn(drafted.ledger, '2027-02-05')).toEqual(['Tết Nguyên đán']);
    expect(labelOn(drafted.ledger, '2027-02-10')).toEqual(['Nghỉ bù Tết Nguyên đán']);
    expect(entriesOf(drafted.ledger, 'skipped')[0]?.note).toContain('Dự kiến');
  });

  it('ends at the close of the last session, at the office offset', () => {
    const office = {
      sessions: [
        { start: '07:00', end: '11:00' },
        { start: '13:30', end: '16:30' },
      ],
    };
    expect(due(run('2026-03-02T09:00:00+07:00', wd(1), { office })).dueAt).toBe('2026-03-03T16:30:00+07:00');
  });

  it('refuses to compute into a year with no calendar', () => {
    const official = WorkingCalendar.from(officialCalendarSource());
    const input = { receivedAt: '2026-12-28T09:00:00+07:00', rule: wd(10), calendar: official };
    expect(() => computeDeadline(input)).toThrow(CalendarMissingError);
    expect(() => computeDeadlineFast(input)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_MISSING', year: 2027 }),
    );
    expect(() => computeDeadline({ ...input, receivedAt: '2040-03-01T09:00:00+07:00' })).toThrow(
      expect.objectContaining({ year: 2040 }),
    );
  });
});

describe('computeDeadline: pauses under rule v1 (stores that have not adopted v2)', () => {
  const supplement: ClockPause = {
    from: '2026-03-06T10:00:00+07:00',
    to: '2026-03-11T16:00:00+07:00',
    reason: 'Thiếu bản sao giấy phép',
  };
  // v1 counted neither the request day nor the supplement day; dossiers completed under it are still
  // explained with it (pause-rules.ts).
  const v1 = (
    receivedAt: string,
    rule: DeadlineInput['rule'],
    extra: Partial<DeadlineInput> = {},
  ): DeadlineResult => run(receivedAt, rule, { pauseRule: 'pause-v1-request-day-free', ...extra });

  it('pause: the days used count, the rest run from the day after the supplement', () => {
    const result = due(v1('2026-03-02T09:00:00+07:00', wd(10), { pauses: [supplement] }));
    // Used: 03, 04, 05/03. Supplement after 15:00 on 11/03 counts as received 12/03; 7 days from 13/03.
    expect(result.dueDate).toBe('2026-03-23');
    expect(entriesOf(result.ledger, 'pause')[0]).toMatchObject({
      date: '2026-03-06',
      label: 'Tạm dừng – chờ bổ sung: Thiếu bản sao giấy phép (5 ngày làm việc)',
      at: '2026-03-06T10:00:00+07:00',
    });
    expect(entriesOf(result.ledger, 'shift')[0]?.label).toContain(
      'Nhận hồ sơ bổ sung sau giờ tiếp nhận 15:00',
    );
    expect(entriesOf(result.ledger, 'resume')[0]).toMatchObject({
      date: '2026-03-12',
      label: 'Nhận hồ sơ bổ sung – tiếp tục tính từ ngày hôm sau, còn 7 ngày làm việc',
    });
    expect(entriesOf(result.ledger, 'counted').map((e) => `${e.date}#${e.dayNumber}`)).toEqual([
      '2026-03-03#1',
      '2026-03-04#2',
      '2026-03-05#3',
      '2026-03-13#4',
      '2026-03-16#5',
      '2026-03-17#6',
      '2026-03-18#7',
      '2026-03-19#8',
      '2026-03-20#9',
      '2026-03-23#10',
    ]);
    // Without the pause the due date is 16/03; the pause moves it by exactly its 5 working days.
    expect(due(v1('2026-03-02T09:00:00+07:00', wd(10))).dueDate).toBe('2026-03-16');
    expect(calendar.addWorkingDays('2026-03-16' as never, 5)).toBe('2026-03-23');
  });

  it('restart: the full period runs again from the supplement', () => {
    const result = due(v1('2026-03-02T09:00:00+07:00', wd(10, 'restart'), { pauses: [supplement] }));
    expect(result.dueDate).toBe('2026-03-26');
    expect(entriesOf(result.ledger, 'resume')[0]?.label).toBe(
      'Nhận hồ sơ bổ sung – tính lại từ đầu 10 ngày làm việc từ ngày hôm sau',
    );
    expect(entriesOf(result.ledger, 'counted').at(-1)).toMatchObject({ date: '2026-03-26', dayNumber: 10 });
  });

  it('several pauses, each in the ledger', () => {
    const result = due(
      v1('2026-03-02T09:00:00+07:00', wd(10), {
        pauses: [
          { from: '2026-03-13T10:00:00+07:00', to: '2026-03-16T09:00:00+07:00', reason: 'Lần 2' },
          { from: '2026-03-06T10:00:00+07:00', to: '2026-03-10T09:00:00+07:00', reason: 'Lần 1' },
        ],
      }),
    );
    expect(result.dueDate).toBe('2026-03-23');
    expect(entriesOf(result.ledger, 'pause').map((e) => e.label)).toEqual([
      'Tạm dừng – chờ bổ sung: Lần 1 (3 ngày làm việc)',
      'Tạm dừng – chờ bổ sung: Lần 2 (2 ngày làm việc)',
    ]);
    expect(
      entriesOf(result.ledger, 'resume').map((e) =>
        e.label.endsWith(`còn ${e.date === '2026-03-10' ? 7 : 5} ngày làm việc`),
      ),
    ).toEqual([true, true]);
  });

  it('while the last pause is open there is no due date, only how long the clock has stood', () => {
    const result = v1('2026-03-02T09:00:00+07:00', wd(10), {
      pauses: [{ ...supplement, to: null }],
      now: '2026-03-10T10:00:00+07:00',
    });
    expect(result).toMatchObject({
      state: 'paused',
      receiptDay: '2026-03-02',
      countFrom: '2026-03-03',
      since: '2026-03-06',
      pausedAt: '2026-03-06T10:00:00+07:00',
      pausedWorkingDays: 3, // 06, 09, 10/03
      usedDays: 3,
      remainingDays: 7,
    });
    expect(result.ledger.at(-1)).toMatchObject({
      kind: 'pause',
      label: 'Tạm dừng – chờ bổ sung: Thiếu bản sao giấy phép (3 ngày làm việc, tính đến ngày 10/03/2026)',
    });
    expect(entriesOf(result.ledger, 'due')).toEqual([]);
    expect(pausedStatusLabel(3)).toBe('Tạm dừng – chờ bổ sung (3 ngày)');
  });

  it('a request made after the due date changes nothing and says so', () => {
    const result = due(
      v1('2026-03-02T09:00:00+07:00', wd(3), {
        pauses: [{ from: '2026-03-09T09:00:00+07:00', to: null, reason: 'Muộn' }],
        now: '2026-03-12T09:00:00+07:00',
      }),
    );
    expect(result.dueDate).toBe('2026-03-05');
    expect(result.ledger.at(-1)).toMatchObject({
      kind: 'pause',
      date: '2026-03-09',
      label: 'Yêu cầu bổ sung sau khi đã hết hạn: Muộn – không làm thay đổi hạn',
    });
  });

  it('a request on the due day leaves one day after the supplement', () => {
    const result = due(
      v1('2026-03-02T09:00:00+07:00', wd(3), {
        pauses: [{ from: '2026-03-05T16:00:00+07:00', to: '2026-03-09T09:00:00+07:00', reason: 'x' }],
      }),
    );
    expect(result.dueDate).toBe('2026-03-10');
  });
});

describe('computeDeadline: pauses under rule v2 — the request day is a day used (issue 12 §1)', () => {
  // Hand-worked against the 2026 schedule (domain.md §3.2): Tết Bính Ngọ off Mon 16 – Fri 20/02; make-up
  // Saturdays 10/01 and 22/08; Quốc khánh off Mon 31/08 (swapped) – Wed 02/09. Received 09:00 = before the
  // 15:00 cut-off, so the receipt day is the day itself and counting starts the next working day.
  const counted = (ledger: readonly LedgerEntry[]) =>
    ledger
      .filter((e) => e.kind === 'counted' || e.kind === 'makeup-counted')
      .map((e) => `${e.date.slice(8, 10)}/${e.date.slice(5, 7)}#${e.dayNumber}`);

  it('over a weekend: request Thursday 09:00, supplement next Wednesday 09:00 moves the due date by 4', () => {
    const pauses = [
      { from: '2026-03-05T09:00:00+07:00', to: '2026-03-11T09:00:00+07:00', reason: 'Thiếu bản thảo' },
    ];
    const result = due(run('2026-03-02T09:00:00+07:00', wd(10), { pauses }));
    // Used: Tue 03, Wed 04, Thu 05 (the request day). Stood: Fri 06, Mon 09, Tue 10, Wed 11 (supplement
    // day) = the 4 working days the office lost. Resumes Thu 12: 7 days left -> Fri 20/03.
    expect(result.dueDate).toBe('2026-03-20');
    expect(due(run('2026-03-02T09:00:00+07:00', wd(10))).dueDate).toBe('2026-03-16');
    expect(counted(result.ledger)).toEqual([
      '03/03#1',
      '04/03#2',
      '05/03#3',
      '12/03#4',
      '13/03#5',
      '16/03#6',
      '17/03#7',
      '18/03#8',
      '19/03#9',
      '20/03#10',
    ]);
    const [pause] = entriesOf(result.ledger, 'pause');
    expect(pause).toMatchObject({
      date: '2026-03-05',
      label:
        'Yêu cầu bổ sung: Thiếu bản thảo – ngày yêu cầu được tính vào thời hạn; tạm dừng từ ngày hôm sau (4 ngày làm việc)',
      note: 'Đã tính 3 ngày làm việc (kể cả ngày yêu cầu bổ sung)',
    });
    // On the request day the counted day comes first, then the request.
    expect(labelOn(result.ledger, '2026-03-05')).toEqual(['Ngày làm việc thứ 3', pause?.label]);
    expect(entriesOf(result.ledger, 'resume')[0]).toMatchObject({
      date: '2026-03-11',
      label: 'Nhận hồ sơ bổ sung – tiếp tục tính từ ngày làm việc tiếp theo, còn 7 ngày làm việc',
    });
    // The same pause under v1 moved it by 5 (Thu 05 was not counted either).
    const old = due(
      run('2026-03-02T09:00:00+07:00', wd(10), { pauses, pauseRule: 'pause-v1-request-day-free' }),
    );
    expect(old.dueDate).toBe('2026-03-23');
  });

  it('a supplement after the cut-off counts from the next working day; the pause stands for exactly its days', () => {
    const pauses = [
      {
        from: '2026-03-06T10:00:00+07:00',
        to: '2026-03-11T16:00:00+07:00',
        reason: 'Thiếu bản sao giấy phép',
      },
    ];
    const result = due(run('2026-03-02T09:00:00+07:00', wd(10), { pauses }));
    // Used: 03, 04, 05, 06 (Fri, the request day). Received 16:00 on 11/03 = 12/03. Stood: 09, 10, 11, 12.
    // Six days left from Fri 13: 13, 16, 17, 18, 19, 20.
    expect(result.dueDate).toBe('2026-03-20');
    expect(entriesOf(result.ledger, 'pause')[0]?.label).toContain('(4 ngày làm việc)');
    expect(entriesOf(result.ledger, 'shift')[0]?.label).toContain(
      'Nhận hồ sơ bổ sung sau giờ tiếp nhận 15:00',
    );
  });

  it('over Tết: the holidays inside a pause are neither counted nor stood', () => {
    // Received Mon 09/02, 10 wd, counting from Tue 10/02. Request Thu 12/02 10:00 (day 3), supplement Mon
    // 23/02 09:00. Stood: Fri 13/02 and Mon 23/02 = 2 (16–20/02 Tết, weekends). 7 left from Tue 24/02:
    // 24, 25, 26, 27/02, 02, 03, 04/03.
    const pauses = [
      { from: '2026-02-12T10:00:00+07:00', to: '2026-02-23T09:00:00+07:00', reason: 'Thiếu bản thảo' },
    ];
    const result = due(run('2026-02-09T09:00:00+07:00', wd(10), { pauses }));
    expect(result.dueDate).toBe('2026-03-04');
    expect(entriesOf(result.ledger, 'pause')[0]?.label).toContain('(2 ngày làm việc)');
    expect(counted(result.ledger).slice(0, 4)).toEqual(['10/02#1', '11/02#2', '12/02#3', '24/02#4']);
    // Without the pause: 10, 11, 12, 13/02, (Tết), 23, 24, 25, 26, 27/02, 02/03 -> 02/03; + 2 = 04/03.
    expect(due(run('2026-02-09T09:00:00+07:00', wd(10))).dueDate).toBe('2026-03-02');
    expect(
      due(run('2026-02-09T09:00:00+07:00', wd(10), { pauses, pauseRule: 'pause-v1-request-day-free' }))
        .dueDate,
    ).toBe('2026-03-05');
  });

  it('over Tết: a supplement filed online during the holiday counts as received on the next working day', () => {
    // Received Tue 10/02, 5 wd. Request Fri 13/02 14:00 = day 3 (11, 12, 13). Supplement online Wed 18/02
    // (Tết) -> received Mon 23/02; stood: 23/02 only. 2 left: Tue 24, Wed 25/02.
    const pauses = [{ from: '2026-02-13T14:00:00+07:00', to: '2026-02-18T10:00:00+07:00', reason: '' }];
    const result = due(run('2026-02-10T09:00:00+07:00', wd(5), { pauses }));
    expect(result.dueDate).toBe('2026-02-25');
    expect(entriesOf(result.ledger, 'shift')[0]).toMatchObject({
      date: '2026-02-23',
      label:
        'Nhận hồ sơ bổ sung vào ngày nghỉ (Tết Nguyên đán) – tính là nhận ngày làm việc tiếp theo: Thứ Hai 23/02/2026',
    });
    expect(entriesOf(result.ledger, 'pause')[0]?.label).toBe(
      'Yêu cầu bổ sung – ngày yêu cầu được tính vào thời hạn; tạm dừng từ ngày hôm sau (1 ngày làm việc)',
    );
  });

  it('a request on a make-up Saturday counts that Saturday as used', () => {
    // Received Wed 07/01, 5 wd: 08, 09, Sat 10 (make-up), 12, 13 -> 13/01 without a pause. Request on Sat
    // 10/01 09:00 (day 3), supplement Wed 14/01 09:00: stood 12, 13, 14 = 3; 2 left: 15, 16 -> Fri 16/01.
    const pauses = [{ from: '2026-01-10T09:00:00+07:00', to: '2026-01-14T09:00:00+07:00', reason: '' }];
    const result = due(run('2026-01-07T09:00:00+07:00', wd(5), { pauses }));
    expect(result.dueDate).toBe('2026-01-16');
    expect(counted(result.ledger)).toEqual(['08/01#1', '09/01#2', '10/01#3', '15/01#4', '16/01#5']);
    expect(entriesOf(result.ledger, 'makeup-counted').map((e) => e.date)).toEqual(['2026-01-10']);
    expect(
      due(run('2026-01-07T09:00:00+07:00', wd(5), { pauses, pauseRule: 'pause-v1-request-day-free' }))
        .dueDate,
    ).toBe('2026-01-19');
  });

  it('a pause over a make-up Saturday stands for that Saturday too', () => {
    // Received Mon 17/08, 10 wd from Tue 18/08. Request Thu 20/08 09:00 (day 3); supplement Mon 24/08
    // 09:00. Stood: Fri 21, Sat 22 (make-up, a working day), Mon 24 = 3. 7 left from Tue 25/08: 25, 26, 27,
    // 28/08, (29–30 weekend, 31/08–02/09 Quốc khánh), 03, 04, 07/09.
    const pauses = [{ from: '2026-08-20T09:00:00+07:00', to: '2026-08-24T09:00:00+07:00', reason: '' }];
    const result = due(run('2026-08-17T09:00:00+07:00', wd(10), { pauses }));
    expect(result.dueDate).toBe('2026-09-07');
    expect(entriesOf(result.ledger, 'pause')[0]?.label).toContain('(3 ngày làm việc)');
    expect(due(run('2026-08-17T09:00:00+07:00', wd(10))).dueDate).toBe('2026-08-28');
  });

  it('a supplement received the day it was requested moves nothing', () => {
    const pauses = [{ from: '2026-03-05T09:00:00+07:00', to: '2026-03-05T14:00:00+07:00', reason: '' }];
    const result = due(run('2026-03-02T09:00:00+07:00', wd(10), { pauses }));
    expect(result.dueDate).toBe('2026-03-16');
    expect(entriesOf(result.ledger, 'pause')[0]?.label).toContain('(0 ngày làm việc)');
  });

  it('a request on the due day uses every day: the period ends the day the supplement is received', () => {
    // 3 wd from 03/03: due Thu 05/03. Request Thu 05/03 16:00 = day 3; nothing is left, so the result is due
    // at the close of Mon 09/03, the day the supplement arrives (v1 gave Tue 10/03).
    const result = due(
      run('2026-03-02T09:00:00+07:00', wd(3), {
        pauses: [{ from: '2026-03-05T16:00:00+07:00', to: '2026-03-09T09:00:00+07:00', reason: 'x' }],
      }),
    );
    expect(result).toMatchObject({ dueDate: '2026-03-09', dueAt: '2026-03-09T17:00:00+07:00' });
    expect(entriesOf(result.ledger, 'resume')[0]?.label).toBe(
      'Nhận hồ sơ bổ sung – thời hạn đã dùng hết trước khi tạm dừng; hạn trả là cuối ngày nhận hồ sơ bổ sung',
    );
    expect(result.ledger.at(-1)).toMatchObject({ kind: 'due', date: '2026-03-09', dayNumber: 3 });
  });

  it('a request on the receipt day uses nothing: that day is never counted (BLDS 2015 Điều 147 k2)', () => {
    const pauses = [{ from: '2026-03-02T14:00:00+07:00', to: '2026-03-04T09:00:00+07:00', reason: '' }];
    const result = due(run('2026-03-02T09:00:00+07:00', wd(10), { pauses }));
    // Stood: 03, 04. Ten days from Thu 05/03 -> Wed 18/03.
    expect(result.dueDate).toBe('2026-03-18');
    expect(entriesOf(result.ledger, 'pause')[0]?.label).toBe(
      'Yêu cầu bổ sung – tạm dừng từ ngày hôm sau (2 ngày làm việc)',
    );
  });

  it('an open pause: the request day is used, the clock stands from the next day', () => {
    const result = run('2026-03-02T09:00:00+07:00', wd(10), {
      pauses: [{ from: '2026-03-06T10:00:00+07:00', to: null, reason: 'Thiếu bản sao giấy phép' }],
      now: '2026-03-10T10:00:00+07:00',
    });
    expect(result).toMatchObject({
      state: 'paused',
      since: '2026-03-06',
      pausedWorkingDays: 2, // 09, 10/03
      usedDays: 4, // 03, 04, 05, 06/03
      remainingDays: 6,
    });
    expect(result.ledger.at(-1)).toMatchObject({
      kind: 'pause',
      label:
        'Yêu cầu bổ sung: Thiếu bản sao giấy phép – ngày yêu cầu được tính vào thời hạn; tạm dừng từ ngày hôm sau (2 ngày làm việc, tính đến ngày 10/03/2026)',
      note: 'Đã tính 4 ngày làm việc (kể cả ngày yêu cầu bổ sung); còn 6 ngày làm việc sau khi nhận đủ hồ sơ bổ sung',
    });
  });

  it('calendar days: the request day is used too', () => {
    // 15 cd from Thu 16/04/2026. Request Mon 20/04 (day 5), supplement Wed 22/04 09:00: 10 days left from
    // Thu 23/04 -> Sat 02/05 -> next working day Mon 04/05 (Điều 148 k5; 30/04 and 01/05 are off).
    const result = due(
      run(
        '2026-04-15T09:00:00+07:00',
        { amount: 15, unit: 'cd', pauseMode: 'pause' },
        {
          pauses: [{ from: '2026-04-20T09:00:00+07:00', to: '2026-04-22T09:00:00+07:00', reason: '' }],
        },
      ),
    );
    expect(result.dueDate).toBe('2026-05-04');
    expect(labelOn(result.ledger, '2026-04-20')[0]).toBe('Ngày thứ 5');
  });

  it('refuses an unknown rule version', () => {
    expect(() =>
      computeDeadline({
        receivedAt: '2026-03-02T09:00:00+07:00',
        rule: wd(10),
        calendar,
        pauseRule: 'pause-v9' as never,
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_PAUSE_RULE', field: 'pauseRule' }));
  });
});

describe('computeDeadline: calendar days and hours', () => {
  it('calendar days: a last day on a holiday moves to the next working day (BLDS Điều 148 k5)', () => {
    const result = due(run('2026-04-15T09:00:00+07:00', { amount: 15, unit: 'cd', pauseMode: 'pause' }));
    expect(result).toMatchObject({ countFrom: '2026-04-16', dueDate: '2026-05-04' });
    expect(labelOn(result.ledger, '2026-04-30')).toEqual([
      'Ngày thứ 15 (Ngày Chiến thắng)',
      'Ngày cuối của thời hạn là ngày nghỉ (Ngày Chiến thắng) – thời hạn kết thúc vào ngày làm việc tiếp theo (BLDS 2015 Điều 148 k5)',
    ]);
    expect(labelOn(result.ledger, '2026-04-18')).toEqual(['Ngày thứ 3 (Thứ Bảy)']);
    expect(labelOn(result.ledger, '2026-05-01')).toEqual(['Ngày Quốc tế lao động']);
  });

  it('calendar days ending on a Saturday', () => {
    expect(due(run('2026-03-02T09:00:00+07:00', { amount: 5, unit: 'cd', pauseMode: 'pause' })).dueDate).toBe(
      '2026-03-09',
    );
  });

  it('hours before an event give a latest filing time', () => {
    const rule = { amount: 24, unit: 'h' as const, pauseMode: 'pause' as const };
    const timely = run('2026-05-01T09:00:00+07:00', rule, { eventAt: '2026-05-10T09:00:00+07:00' });
    expect(timely).toMatchObject({
      state: 'event',
      latestFilingAt: '2026-05-09T09:00:00+07:00',
      isTimely: true,
    });
    expect(timely.ledger.at(-1)?.label).toBe(
      'Thời điểm nộp muộn nhất: lúc 09:00 ngày 09/05/2026 (24 giờ trước sự kiện lúc 09:00 ngày 10/05/2026)',
    );
    const late = run('2026-05-09T10:00:00+07:00', rule, { eventAt: '2026-05-10T01:00:00Z' });
    expect(late).toMatchObject({
      state: 'event',
      latestFilingAt: '2026-05-09T08:00:00+07:00',
      isTimely: false,
    });
    expect(late.ledger.map((e) => e.kind)).toEqual(['due', 'receipt']);
  });
});
