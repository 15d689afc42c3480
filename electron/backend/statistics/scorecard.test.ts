import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBackend, sampleSettings, type TestBackend } from '../../../test/helpers/test-backend';
import { insertFixture, type FixtureDossier } from './stats-test-support';
import { SCORECARD_XLSX } from './scorecard-xlsx';

/*
 * A hand-computed fixture for March 2026 (period 2026-03-01 … 2026-03-31). Every figure below was worked out
 * by hand from this table, not by running the code:
 *
 *      received  channel due    completed  class   status     components  scanned  e-result  supplements
 *   A  03-02     online  03-16  03-10      early   approved   P P         1 2      yes
 *   B  03-03     direct  03-17  03-20      late    approved   P P         1        yes
 *   C  03-04     online  03-18  03-18      on_time approved   P           1        no        2
 *   D  03-05     direct  03-19  —          (open, overdue at 31/3)
 *   E  03-25     post    04-08  —          (open, in time at 31/3)
 *   F  02-20     direct  03-06  03-05      early   approved   P           1        yes       (carried over)
 *   G  03-06     direct  03-20  03-12      early   withdrawn
 *   H  03-07     online  03-21  03-15      early   refused    P –         1        yes       (procedure PH-DK)
 *   I  01-10     direct  01-24  01-20      early   approved   (resolved before the period: nowhere)
 *   J  04-02     online  (after the period: nowhere)
 *
 * On time (766): to process = received in period 7 (A B C D E G H) + carried over 1 (F) = 8; on time = A E F G H
 *   = 5 (B late; C has two supplement requests; D open past its due day) → 62,5 %, points share 0,625.
 * Online: 3 (A C H) of 7 received → 42,86 %; full points at 50 % → share 0,857.
 * Results expected: resolved in the period, not withdrawn (A B C F H) = 5; electronic result A B F H = 4 → 80 %
 *   (full points); digitised (every provided component scanned AND e-result) A F H = 3 → 60 %, share 0,75.
 * Mean processing time: XB-TLKKD A 6, B 13, C 10, F 8, G 4 → 8,2 days; PH-DK H 7 → 7 days.
 */
const FIXTURE: Array<FixtureDossier & { label: string }> = [
  {
    label: 'A',
    receiptDate: '2026-03-02',
    channel: 'online',
    dueDate: '2026-03-16',
    completedDate: '2026-03-10',
    processingDays: 6,
    provided: [true, true],
    scanned: [1, 2],
    eResult: true,
  },
  {
    label: 'B',
    receiptDate: '2026-03-03',
    dueDate: '2026-03-17',
    completedDate: '2026-03-20',
    processingDays: 13,
    provided: [true, true],
    scanned: [1],
    eResult: true,
  },
  {
    label: 'C',
    receiptDate: '2026-03-04',
    channel: 'online',
    dueDate: '2026-03-18',
    completedDate: '2026-03-18',
    processingDays: 10,
    provided: [true],
    scanned: [1],
    supplementRequests: 2,
  },
  { label: 'D', receiptDate: '2026-03-05', dueDate: '2026-03-19' },
  { label: 'E', receiptDate: '2026-03-25', channel: 'post', dueDate: '2026-04-08' },
  {
    label: 'F',
    receiptDate: '2026-02-20',
    dueDate: '2026-03-06',
    completedDate: '2026-03-05',
    processingDays: 8,
    provided: [true],
    scanned: [1],
    eResult: true,
  },
  {
    label: 'G',
    receiptDate: '2026-03-06',
    dueDate: '2026-03-20',
    completedDate: '2026-03-12',
    processingDays: 4,
    status: 'withdrawn',
  },
  {
    label: 'H',
    procedureId: 'PH-DK',
    receiptDate: '2026-03-07',
    channel: 'online',
    dueDate: '2026-03-21',
    completedDate: '2026-03-15',
    processingDays: 7,
    status: 'refused',
    provided: [true, false],
    scanned: [1],
    eResult: true,
  },
  {
    label: 'I',
    receiptDate: '2026-01-10',
    dueDate: '2026-01-24',
    completedDate: '2026-01-20',
    processingDays: 8,
    provided: [true],
  },
  { label: 'J', receiptDate: '2026-04-02', channel: 'online', dueDate: '2026-04-16' },
];

let t: TestBackend;
const ids = new Map<string, number>();
const PERIOD = { from: '2026-03-01', to: '2026-03-31' };

beforeAll(async () => {
  t = await makeTestBackend({ now: '2026-05-04T09:00:00+07:00' });
  await t.call('settings.update', sampleSettings);
  for (const { label, ...f } of FIXTURE) ids.set(label, await insertFixture(t.backend.ctx.db, f));
});
afterEach(() => undefined);

describe('stats.scorecard on a hand-computed fixture', () => {
  it('computes every indicator and its points rule as worked out by hand', async () => {
    const card = await t.call('stats.scorecard', PERIOD);
    const byKey = Object.fromEntries(card.indicators.map((i) => [i.key, i]));
    expect(byKey.onTime).toMatchObject({
      met: 5,
      total: 8,
      missed: 3,
      rate: 0.625,
      pointsShare: 0.625,
      isFull: false,
    });
    expect(byKey.online).toMatchObject({ met: 3, total: 7, missed: 4, isFull: false });
    expect(byKey.online!.rate).toBeCloseTo(3 / 7, 10);
    expect(byKey.online!.pointsShare).toBeCloseTo(6 / 7, 10);
    expect(byKey.eResult).toMatchObject({ met: 4, total: 5, rate: 0.8, pointsShare: 1, isFull: true });
    expect(byKey.digitised).toMatchObject({ met: 3, total: 5, rate: 0.6, pointsShare: 0.75, isFull: false });
    const tlkkd = card.byProcedure.find((p) => p.procedureId === 'XB-TLKKD');
    expect(tlkkd?.averageProcessingDays).toBeCloseTo(8.2, 10);
    expect(tlkkd?.deadline).toEqual({ amount: 10, unit: 'wd' });
    expect(card.byProcedure.find((p) => p.procedureId === 'PH-DK')?.averageProcessingDays).toBe(7);
  });

  it('drills down to exactly the dossiers that miss each indicator', async () => {
    const misses = async (indicator: 'onTime' | 'online' | 'digitised' | 'eResult') => {
      const page = await t.call('stats.scorecardDrilldown', { ...PERIOD, indicator, limit: 2 });
      const items = [...page.items];
      let cursor = page.nextCursor;
      while (cursor) {
        const next = await t.call('stats.scorecardDrilldown', { ...PERIOD, indicator, limit: 2, cursor });
        items.push(...next.items);
        cursor = next.nextCursor;
      }
      const labels = items.map((i) => [...ids].find(([, id]) => id === i.id)?.[0]).sort();
      return { total: page.total, labels };
    };
    expect(await misses('onTime')).toEqual({ total: 3, labels: ['B', 'C', 'D'] });
    expect(await misses('online')).toEqual({ total: 4, labels: ['B', 'D', 'E', 'G'] });
    expect(await misses('digitised')).toEqual({ total: 2, labels: ['B', 'C'] });
    expect(await misses('eResult')).toEqual({ total: 1, labels: ['C'] });
  });

  it('exports the scorecard as an extra sheet of the Biểu 06 workbook', async () => {
    const file = await t.call('stats.exportReport', { ...PERIOD, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Biểu 06', 'Chỉ số 766']);
    const ws = wb.getWorksheet(SCORECARD_XLSX.sheetName)!;
    const first = ws.getRow(SCORECARD_XLSX.firstDataRow);
    expect([
      first.getCell(2).value,
      first.getCell(3).value,
      first.getCell(4).value,
      first.getCell(6).value,
    ]).toEqual(['Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn', 5, 8, 0.625]);
  });
});
