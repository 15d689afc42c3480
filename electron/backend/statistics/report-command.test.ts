import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportCommand } from '../cli/report-command';
import { captureEnv } from '../../../test/helpers/cli-env';
import { makeTestBackend, sampleSettings, dataArgs } from '../../../test/helpers/test-backend';
import { pdfToFlatText } from '../documents/pdf-test-support';
import { insertFixture } from './stats-test-support';
import { BIEU06_XLSX } from './report-xlsx';

// The command runs on the real clock: use a March safely in the past.
const Y = new Date().getUTCFullYear() - 1;
const d = (mmdd: string) => `${Y}-${mmdd}`;

let dataDir: string;
let outDir: string;

beforeEach(async () => {
  // A store built through a test backend, then closed so that the command opens it as the CLI does.
  const t = await makeTestBackend({ now: new Date().toISOString() });
  await t.call('settings.update', sampleSettings);
  const db = t.backend.ctx.db;
  await insertFixture(db, { receiptDate: d('02-20'), dueDate: d('03-06'), completedDate: d('03-03') });
  await insertFixture(db, {
    receiptDate: d('03-05'),
    channel: 'online',
    dueDate: d('03-19'),
    status: 'appraising',
  });
  await insertFixture(db, {
    procedureId: 'BC-BT',
    receiptDate: d('03-06'),
    dueDate: d('03-20'),
    completedDate: d('03-25'),
  });
  await t.backend.close();
  dataDir = t.dataDir;
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'licence-desk-report-'));
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(outDir, { recursive: true, force: true });
});

const base = () => [...dataArgs(dataDir), '--from', d('03-01'), '--to', d('03-31')];

describe('licence-desk report', () => {
  it('writes JSON rows with c3 … c13, sector and procedure, and a total row', async () => {
    const env = captureEnv();
    const out = path.join(outDir, 'bieu06.json');
    expect(await reportCommand([...base(), '--format', 'json', '--out', out], env)).toBe(0);
    const json = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      period: { from: string; to: string };
      rows: Array<Record<string, unknown>>;
      total: Record<string, unknown>;
    };
    expect(json.period).toMatchObject({ from: d('03-01'), to: d('03-31') });
    const total = {
      kind: 'total',
      label: 'Tổng cộng',
      c3: 3,
      c4: 1,
      c5: 1,
      c6: 1,
      c7: 2,
      c8: 1,
      c9: 0,
      c10: 1,
      c11: 1,
      c12: 0,
      c13: 1,
    };
    expect(json.total).toMatchObject(total);
    expect(json.rows.at(-1)).toMatchObject(total);
    expect(json.rows.find((r) => r.procedureId === 'BC-BT')).toMatchObject({
      kind: 'procedure',
      sector: 'bao_chi',
      procedure: 'Cấp giấy phép xuất bản bản tin (địa phương)',
      c3: 1,
      c10: 1,
    });
    expect(Object.keys(json.total)).toEqual(expect.arrayContaining(['c3', 'c13', 'sector', 'procedure']));
    expect(env.out.join('')).toContain(`Từ ngày 01/03/${Y} đến ngày 31/03/${Y}`);
  });

  it('writes the XLSX and the PDF through stats.exportReport', async () => {
    const xlsx = path.join(outDir, 'bieu06.xlsx');
    expect(await reportCommand([...base(), '--format', 'xlsx', '--out', xlsx], captureEnv())).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet(BIEU06_XLSX.sheetName);
    expect(ws?.getCell(BIEU06_XLSX.periodRow, 1).value).toBe(`(Từ ngày 01/03/${Y} đến ngày 31/03/${Y})`);
    const pdf = path.join(outDir, 'bieu06.pdf');
    expect(await reportCommand([...base(), '--format', 'pdf', '--out', pdf], captureEnv())).toBe(0);
    expect(pdfToFlatText(fs.readFileSync(pdf))).toMatch(/Tổng cộng 3 1 1 1 2 1 0 1 1 0 1/);
  });

  it('refuses a bad period or format with a message and exit code 1', async () => {
    const env = captureEnv();
    const out = path.join(outDir, 'x.json');
    expect(
      await reportCommand(
        [...dataArgs(dataDir), '--from', d('03-31'), '--to', d('03-01'), '--out', out],
        env,
      ),
    ).toBe(1);
    expect(env.err.join('')).toContain(
      `--to: Ngày kết thúc (01/03/${Y}) phải sau hoặc trùng ngày bắt đầu (31/03/${Y}).`,
    );
    expect(fs.existsSync(out)).toBe(false);
    const env2 = captureEnv();
    expect(await reportCommand([...base(), '--format', 'docx', '--out', out], env2)).toBe(1);
    expect(env2.err.join('')).toContain('--format must be json, xlsx or pdf');
    const env3 = captureEnv();
    expect(await reportCommand(base(), env3)).toBe(1);
    expect(env3.err.join('')).toContain('--out FILE is required');
  });
});
