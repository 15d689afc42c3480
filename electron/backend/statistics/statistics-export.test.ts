import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBackend, sampleSettings, type TestBackend } from '../../../test/helpers/test-backend';
import { makeUser } from '../../../test/helpers/test-users';
import { bieu06Keys } from '../../../shared/domain/statistics';
import { pdfInfo, pdfToFlatText } from '../documents/pdf-test-support';
import { insertAppraiser, insertFixture } from './stats-test-support';
import { BIEU06_XLSX } from './report-xlsx';
import { REGISTER_XLSX } from './register-xlsx';

const MARCH = { from: '2026-03-01', to: '2026-03-31' };

let t: TestBackend;

beforeEach(async () => {
  t = await makeTestBackend({ now: '2026-04-15T10:00:00+07:00' });
  await t.call('settings.update', sampleSettings);
  const db = t.backend.ctx.db;
  const a = await insertAppraiser(db, 'cv.hoa', 'Lê Thị Hoà');
  await insertFixture(db, {
    receiptDate: '2026-02-20',
    dueDate: '2026-03-06',
    completedDate: '2026-03-03',
    processingDays: 8,
  });
  await insertFixture(db, {
    receiptDate: '2026-02-24',
    dueDate: '2026-03-10',
    status: 'appraising',
    assigneeId: a,
  });
  await insertFixture(db, {
    receiptDate: '2026-03-05',
    channel: 'online',
    dueDate: '2026-03-19',
    completedDate: '2026-03-19',
    processingDays: 10,
  });
  await insertFixture(db, {
    procedureId: 'BC-BT',
    receiptDate: '2026-03-06',
    dueDate: '2026-03-20',
    completedDate: '2026-03-25',
    processingDays: 13,
    apologyDueDate: '2026-03-25',
  });
  await insertFixture(db, {
    receiptDate: '2026-03-09',
    channel: 'post',
    dueDate: null,
    status: 'awaiting_supplement',
  });
});

afterEach(() => t.close());

async function workbook(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

describe('Biểu 06 export', () => {
  it('writes a real workbook: title block, merged header cells as on the form, numbers as numbers', async () => {
    const report = await t.call('stats.report', MARCH);
    const file = await t.call('stats.exportReport', { ...MARCH, format: 'xlsx' });
    expect(file).toMatchObject({
      fileName: 'Bieu-06-VPCP-KSTT_2026-03-01_2026-03-31.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const ws = (await workbook(file.base64)).getWorksheet(BIEU06_XLSX.sheetName);
    if (ws === undefined) throw new Error('no Biểu 06 sheet');
    expect(ws.getCell(BIEU06_XLSX.titleRow, 1).value).toBe(
      'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
    );
    expect(ws.getCell(BIEU06_XLSX.periodRow, 1).value).toBe('(Từ ngày 01/03/2026 đến ngày 31/03/2026)');
    expect(ws.getCell(3, 1).value).toBe('Biểu số 06/VPCP/KSTT');
    expect(ws.getCell(8, 1).value).toBe('Đơn vị tính: Số hồ sơ TTHC');
    // The form's header: rows 9–11, column numbers in row 12.
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    for (const range of ['A9:A11', 'B9:B11', 'C9:F9', 'G9:J10', 'K9:M10', 'C10:C11', 'D10:E10', 'F10:F11']) {
      expect(merges).toContain(range);
    }
    expect(ws.getCell('C9').value).toBe('Số hồ sơ nhận giải quyết');
    expect(ws.getCell('E9').master.address).toBe('C9');
    expect(ws.getCell('G9').value).toBe('Số hồ sơ đã giải quyết');
    expect(ws.getCell('D11').value).toBe('Trực tuyến');
    expect(ws.getCell('M11').value).toBe('Quá hạn');
    expect(ws.getCell(BIEU06_XLSX.numbersRow, 13).value).toBe('(13)');
    // Every row of the report, same numbers, as numbers.
    report.rows.forEach((row, i) => {
      const excel = ws.getRow(BIEU06_XLSX.firstDataRow + i);
      expect(excel.getCell(1).value).toBe(row.stt);
      expect(excel.getCell(2).value).toBe(row.label);
      bieu06Keys.forEach((key, k) => {
        const value = excel.getCell(3 + k).value;
        expect(typeof value).toBe('number');
        expect(value).toBe(row[key]);
      });
    });
    const total = ws.getRow(BIEU06_XLSX.firstDataRow + report.rows.length - 1);
    expect(total.getCell(2).value).toBe('Tổng cộng');
    expect(total.getCell(3).value).toBe(5);
  });

  it('prints an A4 landscape PDF with the NĐ 30 header, title, period, unit, total row and signature', async () => {
    const file = await t.call('stats.exportReport', { ...MARCH, format: 'pdf' });
    expect(file.mimeType).toBe('application/pdf');
    const pdf = Buffer.from(file.base64, 'base64');
    const info = pdfInfo(pdf);
    expect(info['Page size']).toMatch(/^841\.89 x 595\.2\d/);
    const text = pdfToFlatText(pdf);
    expect(text).toContain('SỞ VĂN HÓA, THỂ THAO');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(text).toContain('(Từ ngày 01/03/2026 đến ngày 31/03/2026)');
    expect(text).toContain('Đơn vị tính: Số hồ sơ TTHC');
    expect(text).toContain('Số hồ sơ nhận giải quyết');
    // Tổng cộng: (3)…(13) = 5 1 2 2 3 1 1 1 2 1 1.
    expect(text).toMatch(/Tổng cộng 5 1 2 2 3 1 1 1 2 1 1/);
    expect(text).toContain('Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn: 66,67%');
    expect(text).toContain('KT. GIÁM ĐỐC');
    expect(text).toContain('Trần Văn Bình');
    expect(text).toContain('NGƯỜI LẬP BIỂU');
  });

  it('refuses to export a report whose identities do not hold, and says which', async () => {
    // Corrupt the summary behind the triggers' back: more due days passed than dossiers pending.
    await t.backend.ctx.db.run(
      "UPDATE stats_daily SET due_total = due_total + 5 WHERE procedure_id = 'BC-BT' AND day = '2026-03-20'",
    );
    const report = await t.call('stats.report', MARCH);
    expect(report.problems.length).toBeGreaterThan(0);
    expect(report.problems.join(' ')).toContain('cột (12) không hợp lệ');
    const refused = await t.raw('stats.exportReport', { ...MARCH, format: 'xlsx' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('không xuất báo cáo') },
    });
  });

  it('audits every export with the file digest', async () => {
    await t.call('stats.exportReport', { ...MARCH, format: 'xlsx' });
    const row = (await t.backend.ctx.db.get(
      "SELECT entity_id, payload FROM audit_events WHERE action = 'stats.exportReport'",
    )) as { entity_id: string; payload: string };
    expect(row.entity_id).toBe('2026-03-01..2026-03-31');
    expect(JSON.parse(row.payload)).toMatchObject({
      format: 'xlsx',
      from: '2026-03-01',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('lets everyone view the figures but only leaders export', async () => {
    const appraiser = await makeUser(t, 'cv.lan', 'Đỗ Thị Lan', ['appraiser']);
    const leader = await makeUser(t, 'tp.minh', 'Vũ Văn Minh', ['unit_leader']);
    expect((await t.raw('stats.dashboard', MARCH, appraiser.caller)).ok).toBe(true);
    expect((await t.raw('stats.drilldown', { ...MARCH, cell: 'pending.overdue' }, appraiser.caller)).ok).toBe(
      true,
    );
    expect(await t.raw('stats.exportReport', { ...MARCH, format: 'pdf' }, appraiser.caller)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.raw('stats.exportRegister', { ...MARCH, format: 'xlsx' }, appraiser.caller)).toMatchObject(
      {
        ok: false,
        error: { code: 'FORBIDDEN' },
      },
    );
    expect((await t.raw('stats.exportReport', { ...MARCH, format: 'xlsx' }, leader.caller)).ok).toBe(true);
  });
});

describe('Sổ theo dõi hồ sơ export', () => {
  it('lists the dossiers received in the period, in order, with real dates', async () => {
    const file = await t.call('stats.exportRegister', { ...MARCH, format: 'xlsx' });
    expect(file.fileName).toBe('So-theo-doi-ho-so_2026-03-01_2026-03-31.xlsx');
    const ws = (await workbook(file.base64)).getWorksheet(REGISTER_XLSX.sheetName);
    if (ws === undefined) throw new Error('no register sheet');
    expect(ws.getCell(3, 1).value).toBe('SỔ THEO DÕI HỒ SƠ');
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toContain('H6:L6');
    expect(ws.getCell('H6').value).toBe('Ngày, tháng, năm');
    const rows = [0, 1, 2].map((i) => ws.getRow(REGISTER_XLSX.firstDataRow + i));
    expect(rows.map((r) => r.getCell(1).value)).toEqual([1, 2, 3]);
    expect(rows.map((r) => (r.getCell(8).value as Date).toISOString().slice(0, 10))).toEqual([
      '2026-03-05',
      '2026-03-06',
      '2026-03-09',
    ]);
    expect(ws.getRow(REGISTER_XLSX.firstDataRow + 3).getCell(1).value).toBeNull();
    const apologised = rows[1];
    expect(apologised?.getCell(3).value).toContain('bản tin');
    expect(apologised?.getCell(13).value).toBe('Đã phê duyệt; Quá hạn; Xin lỗi, hẹn lại 25/03/2026');
    expect((apologised?.getCell(11).value as Date).toISOString().slice(0, 10)).toBe('2026-03-25');
  });

  it('prints the register as an A4 landscape PDF', async () => {
    const file = await t.call('stats.exportRegister', { ...MARCH, format: 'pdf' });
    const text = pdfToFlatText(Buffer.from(file.base64, 'base64'));
    expect(text).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(text).toContain('(Từ ngày 01/03/2026 đến ngày 31/03/2026)');
    expect(text).toContain('05/03/2026');
    expect(text).toContain('Chờ bổ sung');
  });

  it('refuses a register too long to print and points to Excel', async () => {
    const db = t.backend.ctx.db;
    await db.transaction(async () => {
      for (let i = 0; i < 5_001; i++)
        await insertFixture(db, { receiptDate: '2026-01-05', status: 'appraising' });
    });
    const refused = await t.raw('stats.exportRegister', {
      from: '2026-01-01',
      to: '2026-01-31',
      format: 'pdf',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('hoặc xuất Excel') },
    });
  });
});
