import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBackend, sampleSettings, type TestBackend } from '../../../test/helpers/test-backend';
import { drilldownCells, type DrilldownCell } from '../../../shared/api/schemas/statistics';
import {
  CELL_COLUMN,
  formatRate,
  reportPeriod,
  statCells,
  type Bieu06Counts,
} from '../../../shared/domain/statistics';
import { insertAppraiser, insertFixture } from './stats-test-support';
import { referenceReport } from './reference-report';

/*
 * Report arithmetic on a hand-built office: every dossier below is annotated with the columns it must land in
 * for March 2026, so the expected numbers can be checked by reading the list.
 */

const MARCH = { from: '2026-03-01', to: '2026-03-31' };

let t: TestBackend;
let appraiserA: number;
let appraiserB: number;

beforeEach(async () => {
  t = await makeTestBackend({ now: '2026-04-15T10:00:00+07:00' });
  await t.call('settings.update', sampleSettings);
  const db = t.backend.ctx.db;
  appraiserA = await insertAppraiser(db, 'cv.hoa', 'Lê Thị Hoà');
  appraiserB = await insertAppraiser(db, 'cv.an', 'Phạm Văn An');
  const add = (f: Parameters<typeof insertFixture>[1]) => insertFixture(db, f);
  // a: carried over, resolved early in March.                                   (6) (7) (8)
  await add({
    receiptDate: '2026-02-20',
    dueDate: '2026-03-06',
    completedDate: '2026-03-03',
    processingDays: 8,
  });
  // b: carried over, still open, due 10/3.                                       (6) (11) (13)
  await add({ receiptDate: '2026-02-24', dueDate: '2026-03-10', status: 'appraising' });
  // c: online, resolved on the due day.                                          (4) (7) (9)
  await add({
    receiptDate: '2026-03-05',
    channel: 'online',
    dueDate: '2026-03-19',
    completedDate: '2026-03-19',
    processingDays: 10,
  });
  // d: direct, resolved late.                                                    (5) (7) (10)
  await add({
    receiptDate: '2026-03-06',
    dueDate: '2026-03-20',
    completedDate: '2026-03-25',
    processingDays: 13,
    assigneeId: appraiserB,
  });
  // e: by post, waiting for a supplement (clock paused: no due date).            (5) (11) (12)
  await add({
    receiptDate: '2026-03-09',
    channel: 'post',
    dueDate: null,
    status: 'awaiting_supplement',
    assigneeId: appraiserA,
    pauses: [{ from: '2026-03-12', to: null }],
  });
  // f: apologised, new date 27/3, still open: judged on the legal date 16/3.     (5) (11) (13)
  await add({
    receiptDate: '2026-03-02',
    dueDate: '2026-03-16',
    apologyDueDate: '2026-03-27',
    status: 'appraising',
  });
  // g: apologised, resolved on the new date: late (press sector).               (5) (7) (10)
  await add({
    procedureId: 'BC-BT',
    receiptDate: '2026-03-04',
    dueDate: '2026-03-18',
    apologyDueDate: '2026-03-26',
    completedDate: '2026-03-26',
    processingDays: 15,
  });
  // h: received and resolved in February: not in March at all.
  await add({ receiptDate: '2026-02-01', dueDate: '2026-02-13', completedDate: '2026-02-20' });
  // i: received in April: not in March.
  await add({ receiptDate: '2026-04-02', dueDate: '2026-04-16', status: 'appraising' });
  // j: received 30/3, resolved in April: pending in time at 31/3.               (5) (11) (12)
  await add({ receiptDate: '2026-03-30', dueDate: '2026-04-13', completedDate: '2026-04-03' });
  // k: online, withdrawn 15/3 before its due date: classified like the others.  (4) (7) (8)
  await add({
    receiptDate: '2026-03-10',
    channel: 'online',
    dueDate: '2026-03-24',
    completedDate: '2026-03-15',
    status: 'withdrawn',
  });
  // l: carried over, due on the period's last day: still in time.               (6) (11) (12)
  await add({ receiptDate: '2026-02-27', dueDate: '2026-03-31', status: 'appraising' });
  // m: carried over, resolved late after the period: overdue pending at 31/3.   (6) (11) (13)
  await add({ receiptDate: '2026-02-10', dueDate: '2026-02-24', completedDate: '2026-04-05' });
  // n: online, supplement 13/3 → 18/3 received, due moved to 30/3, open.        (4) (11) (13)
  await add({
    receiptDate: '2026-03-11',
    channel: 'online',
    dueDate: '2026-03-30',
    status: 'appraising',
    assigneeId: appraiserA,
    pauses: [{ from: '2026-03-13', to: '2026-03-18' }],
  });
});

afterEach(() => t.close());

const expectedMarch: Bieu06Counts = {
  c3: 12,
  c4: 3,
  c5: 5,
  c6: 4,
  c7: 5,
  c8: 2,
  c9: 1,
  c10: 2,
  c11: 7,
  c12: 3,
  c13: 4,
};

describe('Biểu 06 arithmetic on hand-built fixtures', () => {
  it('counts carried-over, paused and apologised dossiers where the rules put them', async () => {
    const report = await t.call('stats.report', MARCH);
    expect(report.problems).toEqual([]);
    expect(report.total).toMatchObject({ kind: 'total', label: 'Tổng cộng', ...expectedMarch });
    expect(report.total.rate).toBe(0.6);
    expect(formatRate(report.total.rate)).toBe('60%');
    expect(report.averageProcessingDays).toBe(11.5);
    const press = report.rows.find((r) => r.kind === 'sector' && r.sector === 'bao_chi');
    expect(press).toMatchObject({ stt: 'I', c3: 1, c5: 1, c7: 1, c10: 1, c11: 0 });
    expect(report.rows.map((r) => [r.kind, r.stt, r.procedureId])).toEqual([
      ['sector', 'I', null],
      ['procedure', '1', 'BC-BT'],
      ['sector', 'II', null],
      ['procedure', '1', 'XB-TLKKD'],
      ['total', '', null],
    ]);
  });

  it('agrees with the brute-force reference', async () => {
    const report = await t.call('stats.report', MARCH);
    const reference = await referenceReport(t.backend.ctx.db, MARCH, '2026-04-15');
    for (const row of report.rows.filter((r) => r.kind === 'procedure')) {
      expect(row).toMatchObject(reference.byProcedure.get(row.procedureId ?? '')?.counts ?? {});
    }
  });

  it('gives the dashboard the same numbers, by sector, procedure and appraiser, with supplement pauses', async () => {
    const dashboard = await t.call('stats.dashboard', MARCH);
    expect(dashboard.totals).toEqual({
      received: { total: 12, online: 3, other: 5, carriedOver: 4 },
      resolved: { total: 5, early: 2, onTime: 1, late: 2 },
      pending: { total: 7, inTime: 3, overdue: 4 },
      rate: 0.6,
      averageProcessingDays: 11.5,
    });
    expect(dashboard.bySector.map((s) => [s.label, s.figures.received.total])).toEqual([
      ['Báo chí', 1],
      ['Xuất bản, in và phát hành', 11],
    ]);
    const byName = new Map(dashboard.byAppraiser.map((a) => [a.name, a]));
    expect(byName.get('Lê Thị Hoà')).toMatchObject({
      appraiserId: appraiserA,
      figures: { received: { total: 2 }, pending: { total: 2, inTime: 1, overdue: 1 } },
      // 13/3 → 18/3 = 5 days; 12/3 → today 15/4 = 34 days, still waiting.
      pauses: { count: 2, daysWaited: 39, open: 1 },
    });
    expect(byName.get('Phạm Văn An')).toMatchObject({ figures: { resolved: { late: 1 } } });
    expect(byName.get('Chưa phân công')?.figures.received.total).toBe(9);
    expect(dashboard.byAppraiser.at(-1)?.appraiserId).toBe(0);
  });

  it('opens the list behind every number, and the list total is the number', async () => {
    const dashboard = await t.call('stats.dashboard', MARCH);
    const report = await t.call('stats.report', MARCH);
    const scopes: Array<{ filter: Record<string, unknown>; counts: Bieu06Counts }> = [
      { filter: {}, counts: report.total },
      ...report.rows
        .filter((r) => r.kind === 'procedure')
        .map((r) => ({ filter: { procedureId: r.procedureId }, counts: r })),
      ...report.rows
        .filter((r) => r.kind === 'sector')
        .map((r) => ({ filter: { sector: r.sector }, counts: r })),
    ];
    for (const { filter, counts } of scopes) {
      for (const cell of statCells) {
        const ids = await allIds({ ...MARCH, ...filter, cell });
        expect({ cell, filter, n: ids.size }).toEqual({ cell, filter, n: counts[CELL_COLUMN[cell]] });
      }
    }
    for (const appraiser of dashboard.byAppraiser) {
      const list = await t.call('stats.drilldown', {
        ...MARCH,
        cell: 'pending.overdue',
        appraiserId: appraiser.appraiserId,
      });
      expect(list.total).toBe(appraiser.figures.pending.overdue);
      const pauses = await t.call('stats.drilldown', {
        ...MARCH,
        cell: 'pauses',
        appraiserId: appraiser.appraiserId,
      });
      expect(pauses.total).toBe(appraiser.pauses.count);
      expect(pauses.items.reduce((a, r) => a + (r.pause?.daysWaited ?? 0), 0)).toBe(
        appraiser.pauses.daysWaited,
      );
    }
    const overdue = await t.call('stats.drilldown', { ...MARCH, cell: 'alerts.overdue' });
    expect(overdue.total).toBe(dashboard.alerts.overdue.total);
  });

  it('pages with a keyset cursor and meets every dossier exactly once', async () => {
    const all = await t.call('stats.drilldown', { ...MARCH, cell: 'received.total', limit: 500 });
    const paged = await allIds({ ...MARCH, cell: 'received.total' }, 2);
    expect(paged).toEqual(new Set(all.items.map((r) => r.id)));
    expect((all.items[0]?.receivedAt ?? '') >= (all.items[1]?.receivedAt ?? '')).toBe(true);
  });

  it('marks the apologised dossier with its new appointment but keeps it overdue', async () => {
    const list = await t.call('stats.drilldown', { ...MARCH, cell: 'pending.overdue' });
    const apologised = list.items.find((r) => r.apologyDueAt !== null);
    expect(apologised).toMatchObject({ dueDate: '2026-03-16', apologyDueAt: '2026-03-27T17:00:00+07:00' });
  });
});

async function allIds(
  input: { from: string; to: string; cell: DrilldownCell } & Record<string, unknown>,
  limit = 3,
) {
  const ids = new Set<number>();
  let cursor: { receivedMs: number; id: number } | undefined;
  for (;;) {
    const page = await t.call('stats.drilldown', { ...input, limit, ...(cursor ? { cursor } : {}) } as never);
    for (const row of page.items) {
      if (input.cell !== 'pauses' && ids.has(row.id)) throw new Error(`row ${row.id} seen twice`);
      ids.add(row.id);
    }
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
}

describe('periods', () => {
  it('counts the report year 2026 from 15/12/2025 to 14/12/2026, both days included', async () => {
    const db = t.backend.ctx.db;
    t.clock.set('2027-01-10T10:00:00+07:00');
    for (const day of ['2025-12-14', '2025-12-15', '2026-12-14', '2026-12-15']) {
      await insertFixture(db, {
        receiptDate: day,
        procedureId: 'IN-DK',
        channel: 'online',
        status: 'appraising',
      });
    }
    const year = reportPeriod('year', 2026);
    const list = await t.call('stats.drilldown', { ...year, cell: 'received.online', procedureId: 'IN-DK' });
    expect(list.items.map((r) => r.receivedAt.slice(0, 10)).sort()).toEqual(['2025-12-15', '2026-12-14']);
    const report = await t.call('stats.report', year);
    const printing = report.rows.find((r) => r.procedureId === 'IN-DK');
    // 14/12/2025 is carried over into the year; 15/12/2026 belongs to the next one.
    expect(printing).toMatchObject({ c4: 2, c6: 1, c3: 3, c11: 3 });
    const december = reportPeriod('month', 2026, 12);
    expect(december).toMatchObject({ from: '2026-11-15', to: '2026-12-14' });
  });

  it('refuses an empty, reversed or future period with field messages', async () => {
    const empty = await t.raw('stats.report', { from: '', to: '2026-03-31' });
    expect(empty).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fieldErrors: { from: 'Chưa chọn ngày bắt đầu của kỳ thống kê.' } },
    });
    const reversed = await t.raw('stats.dashboard', { from: '2026-03-31', to: '2026-03-01' });
    expect(reversed).toMatchObject({
      ok: false,
      error: { fieldErrors: { to: expect.stringContaining('phải sau') } },
    });
    const future = await t.raw('stats.report', { from: '2026-05-01', to: '2026-05-31' });
    expect(future).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('tương lai') },
    });
  });

  it('cuts a period that ends in the future at today and says so', async () => {
    const report = await t.call('stats.report', { from: '2026-04-01', to: '2026-06-30' });
    expect(report.period).toMatchObject({
      from: '2026-04-01',
      to: '2026-04-15',
      requestedTo: '2026-06-30',
      isTruncated: true,
    });
    expect(report.period.notice).toContain('15/04/2026');
    expect(report.period.label).toBe('Từ ngày 01/04/2026 đến ngày 15/04/2026');
  });

  it('shows no rate when nothing was resolved', async () => {
    const report = await t.call('stats.report', { from: '2026-01-01', to: '2026-01-31' });
    expect(report.total).toMatchObject({ c3: 0, c7: 0, rate: null });
    expect(formatRate(report.total.rate)).toBe('—');
    expect(report.averageProcessingDays).toBeNull();
    const dashboard = await t.call('stats.dashboard', { from: '2026-01-01', to: '2026-01-31' });
    expect(dashboard.totals.rate).toBeNull();
    expect(Number.isNaN(dashboard.totals.averageProcessingDays)).toBe(false);
  });

  it('lists every drilldown cell name in the contract', () => {
    expect(drilldownCells).toContain('resolved.late');
    expect(drilldownCells).toContain('pending.overdue');
    expect(drilldownCells).toContain('received.online');
  });
});
