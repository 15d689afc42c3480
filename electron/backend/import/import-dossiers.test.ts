import { failDossierInsert, removeDossierInsertFault } from '../../../test/helpers/store-faults';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBackend, sampleSettings, type TestBackend } from '../../../test/helpers/test-backend';
import { makeUser } from '../../../test/helpers/test-users';
import {
  MAX_IMPORT_BASE64_LENGTH,
  MAX_IMPORT_BYTES,
  type ImportReport,
} from '../../../shared/api/schemas/import';
import { verifyAuditChain } from '../audit/audit-chain';
import { importDossiers, LEGACY_RECEIVER, type ImportOptions, type ImportProgress } from './import-dossiers';
import { latin1Bytes, toTcvn3, toVni, windows1258Bytes } from './legacy-test-support';
import { makeSampleRows, toCsv, toXlsx, type SampleRow } from './sample-file';
import { decodeWindows1252 } from './windows-1252';

const actor = { id: 'test:admin', name: 'Nguyễn Thị Lan' };

let t: TestBackend;

beforeEach(async () => {
  t = await makeTestBackend();
  await t.call('settings.update', sampleSettings);
});

afterEach(() => t.close());

function run(name: string, bytes: Uint8Array, options: Partial<ImportOptions> = {}): Promise<ImportReport> {
  return importDossiers(t.backend.ctx, { name, bytes }, { dryRun: false, actor, ...options });
}

/** A valid, complete row (received Monday 04/03/2024, licence issued 15/03, handed over 18/03). */
function row(overrides: Partial<SampleRow> = {}): SampleRow {
  return {
    ma_ho_so: 'HS-0001',
    ma_thu_tuc: '1.003868',
    ten_to_chuc_ca_nhan: 'Công ty TNHH Sách Đặng Hòa',
    kenh_nop: 'truc_tiep',
    ngay_tiep_nhan: '04/03/2024',
    ngay_hen_tra: '18/03/2024',
    ngay_hoan_thanh: '15/03/2024',
    ngay_tra_ket_qua: '18/03/2024',
    ket_qua: 'cap_phep',
    so_giay_phep: '12/GP-STTTT',
    ghi_chu: '',
    ...overrides,
  };
}

/** Everything an import writes, to prove that a refused or failed import wrote nothing. */
async function storeState() {
  const db = t.backend.ctx.db;
  const count = async (sql: string) => (await db.get<{ n: number }>(sql))?.n ?? 0;
  return {
    dossiers: await count('SELECT count(*) AS n FROM dossiers'),
    events: await count('SELECT count(*) AS n FROM dossier_events'),
    batches: await count('SELECT count(*) AS n FROM import_batches'),
    audit: await count('SELECT count(*) AS n FROM audit_events'),
    counters: JSON.stringify(await db.all('SELECT * FROM counters ORDER BY name')),
  };
}

interface StoredDossier {
  id: number;
  code: string;
  status: string;
  completion_class: string | null;
  completed_at: string | null;
  received_at: string;
  due_date: string | null;
  due_at: string | null;
  returned_at: string | null;
  return_channel: string | null;
  processing_working_days: number | null;
  notes: string;
  receiver_name: string;
  register_entry_no: number;
  import_batch_id: number | null;
  applicant_name: string;
  applicant_kind: string;
  procedure_id: string;
  channel: string;
  deadline_amount: number;
}

async function dossier(code: string): Promise<StoredDossier> {
  const found = (await t.backend.ctx.db.get('SELECT * FROM dossiers WHERE code = ?', [code])) as
    StoredDossier | undefined;
  if (!found) throw new Error(`no dossier ${code}`);
  return found;
}

async function eventKinds(id: number): Promise<string[]> {
  return (
    (await t.backend.ctx.db.all('SELECT kind FROM dossier_events WHERE dossier_id = ? ORDER BY id', [
      id,
    ])) as Array<{
      kind: string;
    }>
  ).map((e) => e.kind);
}

describe('round trip of a generated file', () => {
  it('CSV, 200 rows: the dry run writes nothing, the import writes every dossier with its status and class', async () => {
    const { rows, expected } = makeSampleRows({ count: 200, seed: 7 });
    const file = toCsv(rows);
    const before = await storeState();

    const dry = await run('so-theo-doi-2023-2025.csv', file, { dryRun: true });
    expect(dry).toMatchObject({
      outcome: 'checked',
      format: 'csv',
      delimiter: ',',
      hasBom: false,
      totalRows: 200,
      validRows: 200,
      invalidRows: 0,
      imported: 0,
      errorCount: 0,
    });
    expect(await storeState()).toEqual(before);

    const report = await run('so-theo-doi-2023-2025.csv', file);
    expect(report).toMatchObject({ outcome: 'imported', imported: 200, skippedDuplicates: 0, errors: [] });
    expect(report.batchId).toBeGreaterThan(0);
    expect(report.byStatus).toEqual(dry.byStatus);
    expect(Object.values(report.byStatus).reduce((a, b) => a + b, 0)).toBe(200);

    for (const [i, r] of rows.entries()) {
      const stored = await dossier(r.ma_ho_so);
      const want = expected[i];
      expect({ code: stored.code, status: stored.status, completionClass: stored.completion_class }).toEqual({
        code: r.ma_ho_so,
        status: want?.status,
        completionClass: want?.completionClass,
      });
      expect(stored.import_batch_id).toBe(report.batchId);
      expect(stored.notes.startsWith('Nhập từ dữ liệu cũ: tệp «so-theo-doi-2023-2025.csv»')).toBe(true);
      expect(stored.receiver_name).toBe(LEGACY_RECEIVER);
      expect(stored.applicant_name).toBe(r.ten_to_chuc_ca_nhan);
      if (want?.completionClass) expect(stored.processing_working_days).toBeGreaterThan(0);
    }

    // Register numbers: gapless per year, in the order of the receipt times.
    const entries = await t.backend.ctx.db.all<{ year: string; n: number }>(
      'SELECT substr(receipt_date, 1, 4) AS year, register_entry_no AS n FROM dossiers ORDER BY received_ms, id',
    );
    const byYear = new Map<string, number[]>();
    for (const r of entries) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r.n]);
    for (const list of byYear.values()) {
      expect(list).toEqual(list.map((_, i) => i + 1));
    }

    // One batch row and one audit entry for the whole file, and the chain still verifies.
    const batch = (await t.backend.ctx.db.get('SELECT * FROM import_batches')) as Record<string, unknown>;
    expect(batch).toMatchObject({
      file_name: 'so-theo-doi-2023-2025.csv',
      sha256: report.sha256,
      imported: 200,
    });
    const audits = (await t.backend.ctx.db.all(
      "SELECT * FROM audit_events WHERE action = 'import.dossiers'",
    )) as Array<{ entity_id: string; payload: string }>;
    expect(audits).toHaveLength(1);
    expect(audits[0]?.entity_id).toBe(String(report.batchId));
    expect(JSON.parse(audits[0]?.payload ?? '{}')).toMatchObject({ sha256: report.sha256, imported: 200 });
    expect((await verifyAuditChain(t.backend.ctx.db)).ok).toBe(true);

    // Importing the same file again adds nothing and says why.
    const afterFirst = await storeState();
    const again = await run('so-theo-doi-2023-2025.csv', file);
    expect(again).toMatchObject({ outcome: 'imported', imported: 0, skippedDuplicates: 200, batchId: null });
    expect(again.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['ALREADY_IMPORTED_FILE', 'DUPLICATE_IN_STORE']),
    );
    expect(await storeState()).toEqual(afterFirst);
  });

  it('XLSX, 200 rows with real and text dates, a title above the header and extra sheets', async () => {
    const { rows, expected } = makeSampleRows({ count: 200, seed: 11 });
    const file = await toXlsx(rows, {
      sheetsBefore: ['Hướng dẫn'],
      sheetsAfter: ['Tổng hợp'],
      titleRows: ['SỔ THEO DÕI HỒ SƠ 2023–2025'],
    });
    const report = await run('so-theo-doi.xlsx', file);
    expect(report).toMatchObject({
      outcome: 'imported',
      format: 'xlsx',
      sheetName: 'Du_lieu',
      ignoredSheets: ['Hướng dẫn', 'Tổng hợp'],
      totalRows: 200,
      imported: 200,
      errorCount: 0,
    });
    expect(report.warnings.find((w) => w.code === 'EXTRA_SHEETS')?.message).toContain(
      '«Hướng dẫn», «Tổng hợp»',
    );
    for (const [i, r] of rows.entries()) {
      const stored = await dossier(r.ma_ho_so);
      expect([stored.status, stored.completion_class]).toEqual([
        expected[i]?.status,
        expected[i]?.completionClass,
      ]);
    }
    // Row 2 of the data (sheet row 3) had real Excel dates, row 3 text dates: both end up the same way.
    expect((await dossier(rows[0]?.ma_ho_so ?? '')).received_at).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+07:00$/,
    );
  });

  it('CSV with a BOM and semicolons (Excel on Vietnamese Windows)', async () => {
    const { rows } = makeSampleRows({ count: 20, seed: 3 });
    const report = await run('excel.csv', toCsv(rows, { bom: true, delimiter: ';' }));
    expect(report).toMatchObject({ outcome: 'imported', delimiter: ';', hasBom: true, imported: 20 });
  });

  it('reports progress for each phase, ending at the totals', async () => {
    const { rows } = makeSampleRows({ count: 120, seed: 4 });
    const seen: ImportProgress[] = [];
    await run('p.csv', toCsv(rows), { progressEvery: 50, onProgress: (p) => seen.push(p) });
    expect(seen.filter((p) => p.phase === 'check').map((p) => p.done)).toEqual([50, 100, 120]);
    expect(seen.filter((p) => p.phase === 'write').map((p) => p.done)).toEqual([50, 100, 120]);
    expect(seen[0]).toEqual({ phase: 'read', done: 120, total: 120 });
  });
});

describe('what each row becomes', () => {
  it('maps ket_qua to statuses, classes the completion DATE against the historic appointment DATE', async () => {
    const report = await run(
      'ket-qua.csv',
      toCsv([
        row({ ma_ho_so: 'CP-TRA', ngay_hoan_thanh: '15/03/2024', ngay_tra_ket_qua: '18/03/2024' }),
        row({ ma_ho_so: 'CP-CHUA-TRA', ngay_hoan_thanh: '18/03/2024', ngay_tra_ket_qua: '' }),
        row({
          ma_ho_so: 'TC-TRA',
          ket_qua: 'tu_choi',
          so_giay_phep: '',
          ngay_hoan_thanh: '20/03/2024',
          ngay_tra_ket_qua: '21/03/2024 09:00',
        }),
        row({ ma_ho_so: 'TC', ket_qua: 'tu_choi', so_giay_phep: '', ngay_tra_ket_qua: '' }),
        row({
          ma_ho_so: 'RUT',
          ket_qua: 'rut',
          so_giay_phep: '',
          ngay_hoan_thanh: '08/03/2024',
          ngay_tra_ket_qua: '11/03/2024',
        }),
        row({
          ma_ho_so: 'DXL',
          ket_qua: 'dang_xu_ly',
          so_giay_phep: '',
          ngay_hoan_thanh: '',
          ngay_tra_ket_qua: '',
        }),
        row({
          ma_ho_so: 'GIO',
          ngay_tiep_nhan: '2024-03-04 17:30',
          ngay_hoan_thanh: '2024-03-04',
          ngay_tra_ket_qua: '',
          ngay_hen_tra: '2024-03-18 16:00',
        }),
      ]),
    );
    expect(report).toMatchObject({ outcome: 'imported', imported: 7, errorCount: 0 });

    const returned = await dossier('CP-TRA');
    expect(returned).toMatchObject({
      status: 'returned',
      completion_class: 'early',
      received_at: '2024-03-04T07:30:00+07:00',
      completed_at: '2024-03-15T17:00:00+07:00',
      returned_at: '2024-03-18T17:00:00+07:00',
      return_channel: 'desk',
      due_date: '2024-03-18',
      due_at: '2024-03-18T17:00:00+07:00',
      // (04/03, 15/03]: 5–8 and 11–15 March.
      processing_working_days: 9,
      applicant_kind: 'organization',
      procedure_id: 'XB-TLKKD',
      deadline_amount: 10,
    });
    expect(returned.notes).toContain('Kết quả: Cấp phép.\nSố giấy phép: 12/GP-STTTT.');
    expect(await eventKinds(returned.id)).toEqual(['received', 'approve', 'returnResult']);

    expect(await dossier('CP-CHUA-TRA')).toMatchObject({
      status: 'approved',
      completion_class: 'on_time',
      returned_at: null,
    });

    // A refusal whose answer was handed over is 'returned', and the refusal stays visible.
    const refusedReturned = await dossier('TC-TRA');
    expect(refusedReturned).toMatchObject({
      status: 'returned',
      completion_class: 'late',
      returned_at: '2024-03-21T09:00:00+07:00',
    });
    expect(refusedReturned.notes).toContain('Kết quả: Từ chối giải quyết.');
    expect(await eventKinds(refusedReturned.id)).toEqual(['received', 'refuse', 'returnResult']);

    expect(await dossier('TC')).toMatchObject({ status: 'refused', completion_class: 'early' });
    expect(await dossier('RUT')).toMatchObject({
      status: 'withdrawn',
      completion_class: 'early',
      processing_working_days: 4,
      returned_at: null,
    });
    expect((await dossier('RUT')).notes).toContain('Ngày trả lại hồ sơ: 11/03/2024.');
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'RETURN_DATE_IGNORED', line: 6 }));
    expect(await eventKinds((await dossier('RUT')).id)).toEqual(['received', 'withdraw']);

    const open = await dossier('DXL');
    expect(open).toMatchObject({
      status: 'appraising',
      completed_at: null,
      completion_class: null,
      due_date: '2024-03-18',
    });
    expect(await eventKinds(open.id)).toEqual(['received', 'import']);

    // A date-only completion on the receipt day is never placed before the receipt time.
    expect(await dossier('GIO')).toMatchObject({
      received_at: '2024-03-04T17:30:00+07:00',
      completed_at: '2024-03-04T17:30:00+07:00',
      due_at: '2024-03-18T16:00:00+07:00',
      processing_working_days: 0,
    });

    // The imported dossiers are ordinary dossiers for the rest of the app.
    const detail = await t.call('dossiers.get', { id: returned.id });
    expect(detail).toMatchObject({ code: 'CP-TRA', status: 'returned', timeliness: 'early' });
    for (const code of ['CP-TRA', 'CP-CHUA-TRA', 'TC-TRA', 'TC', 'RUT', 'DXL']) {
      await expect(
        t.call('workflow.view', { dossierId: (await dossier(code)).id }),
        code,
      ).resolves.toBeTruthy();
    }
  });

  it('accepts Vietnamese labels for the enumerations, catalogue ids, and national codes typed into number cells', async () => {
    const file = await toXlsx(
      [
        row({ ma_ho_so: 'A1', kenh_nop: 'Bưu chính', ket_qua: 'Cấp phép', ma_thu_tuc: 'in-dk' }),
        row({ ma_ho_so: 'A2', kenh_nop: 'TRUC_TUYEN', ma_thu_tuc: '2.001740' }),
      ],
      {
        realDates: false,
        prepare: (sheet, headerRow) => {
          // 2.001740 typed into a number cell is stored as 2.00174.
          sheet.getCell(headerRow + 2, 2).value = 2.00174;
        },
      },
    );
    const report = await run('labels.xlsx', file);
    expect(report).toMatchObject({ outcome: 'imported', imported: 2, errorCount: 0 });
    expect(await dossier('A1')).toMatchObject({
      channel: 'post',
      procedure_id: 'IN-DK',
      return_channel: 'post',
    });
    expect(await dossier('A2')).toMatchObject({ channel: 'online', procedure_id: 'IN-DK' });
  });

  it('stores names NFC, collapses spaces, and guesses organisation or individual', async () => {
    await run(
      'names.csv',
      toCsv([
        row({ ma_ho_so: 'N1', ten_to_chuc_ca_nhan: '  Nguyễn   Thị Hoà '.normalize('NFD') }),
        row({ ma_ho_so: 'N2', ten_to_chuc_ca_nhan: 'Nhà xuất bản Hội Nhà văn' }),
      ]),
    );
    expect(await dossier('N1')).toMatchObject({
      applicant_name: 'Nguyễn Thị Hoà',
      applicant_kind: 'individual',
    });
    expect((await dossier('N2')).applicant_kind).toBe('organization');
  });

  it('reserves the daily number of an office-format code, so the desk never gives the same code again', async () => {
    await run(
      'hom-nay.csv',
      toCsv([
        row({
          ma_ho_so: '000.00.14.H20-261126-0007',
          ngay_tiep_nhan: '26/11/2026 08:00',
          ngay_hen_tra: '10/12/2026',
          ket_qua: 'dang_xu_ly',
          ngay_hoan_thanh: '',
          ngay_tra_ket_qua: '',
          so_giay_phep: '',
        }),
      ]),
    );
    const { makeReceiveInput } = await import('../../../test/helpers/test-backend');
    const received = await t.call('dossiers.receive', await makeReceiveInput(t));
    expect(received.code).toBe('000.00.14.H20-261126-0008');
  });

  it('warns (once per kind) about rows without an appointment and years without a calendar', async () => {
    const report = await run(
      'canh-bao.csv',
      toCsv([
        row({ ma_ho_so: 'W1', ngay_hen_tra: '' }),
        row({ ma_ho_so: 'W2', ngay_hen_tra: '' }),
        row({
          ma_ho_so: 'W3',
          ngay_tiep_nhan: '02/12/2019',
          ngay_hen_tra: '16/12/2019',
          ngay_hoan_thanh: '13/12/2019',
          ngay_tra_ket_qua: '',
        }),
        row({ ma_ho_so: 'W4', ket_qua: 'tu_choi', so_giay_phep: '99/GP' }),
      ]),
    );
    expect(report).toMatchObject({ outcome: 'imported', imported: 4 });
    const byCode = Object.fromEntries(report.warnings.map((w) => [w.code, w]));
    expect(byCode.NO_APPOINTMENT?.message).toContain('2 dòng: 2, 3.');
    expect(byCode.CALENDAR_MISSING?.message).toContain('Chưa có lịch làm việc năm 2019');
    expect(byCode.LICENCE_NUMBER_IGNORED).toMatchObject({ line: 5, column: 'so_giay_phep' });
    expect(await dossier('W1')).toMatchObject({ due_date: null, completion_class: null });
    expect(await dossier('W3')).toMatchObject({ processing_working_days: null, completion_class: 'early' });
    expect((await dossier('W4')).notes).toContain('Số giấy phép: 99/GP.');
  });
});

describe('bad rows: every one reported with its line and reason; nothing half-imported', () => {
  const bad: Array<[Partial<SampleRow>, string, string | null, string]> = [
    [
      { ngay_hoan_thanh: '31/02/2024' },
      'DATE_IMPOSSIBLE',
      'ngay_hoan_thanh',
      'ngay_hoan_thanh 31/02/2024 không tồn tại.',
    ],
    [
      { ngay_hoan_thanh: '01/03/2024' },
      'COMPLETION_BEFORE_RECEIPT',
      'ngay_hoan_thanh',
      'ngay_hoan_thanh 01/03/2024 trước ngay_tiep_nhan 04/03/2024.',
    ],
    [
      { ngay_hen_tra: '29/02/2024' },
      'APPOINTMENT_BEFORE_RECEIPT',
      'ngay_hen_tra',
      'ngay_hen_tra 29/02/2024 trước ngay_tiep_nhan 04/03/2024.',
    ],
    [
      { ma_thu_tuc: '9.999999' },
      'UNKNOWN_PROCEDURE',
      'ma_thu_tuc',
      'ma_thu_tuc «9.999999» không có trong danh mục thủ tục',
    ],
    [
      { ket_qua: 'duyet' },
      'INVALID_RESULT',
      'ket_qua',
      'ket_qua «duyet» không hợp lệ: chỉ nhận cap_phep, tu_choi, rut hoặc dang_xu_ly.',
    ],
    [
      { kenh_nop: 'email' },
      'INVALID_CHANNEL',
      'kenh_nop',
      'kenh_nop «email» không hợp lệ: chỉ nhận truc_tiep, buu_chinh hoặc truc_tuyen.',
    ],
    [{ ma_ho_so: '' }, 'REQUIRED', 'ma_ho_so', 'ma_ho_so là bắt buộc.'],
    [
      { ten_to_chuc_ca_nhan: 'Công ty\u0007 Sao Mai' },
      'CONTROL_CHARACTER',
      'ten_to_chuc_ca_nhan',
      'ten_to_chuc_ca_nhan chứa ký tự điều khiển',
    ],
    [
      {
        ngay_tiep_nhan: '2027-01-04',
        ngay_hen_tra: '',
        ngay_hoan_thanh: '',
        ngay_tra_ket_qua: '',
        ket_qua: 'dang_xu_ly',
        so_giay_phep: '',
      },
      'DATE_IN_FUTURE',
      'ngay_tiep_nhan',
      'ngay_tiep_nhan 04/01/2027 ở tương lai.',
    ],
    [
      { ket_qua: 'dang_xu_ly', so_giay_phep: '', ngay_tra_ket_qua: '' },
      'RESULT_INCONSISTENT',
      'ngay_hoan_thanh',
      'ngay_hoan_thanh phải để trống khi ket_qua = dang_xu_ly.',
    ],
    [
      { ngay_hoan_thanh: '', ngay_tra_ket_qua: '' },
      'REQUIRED',
      'ngay_hoan_thanh',
      'ngay_hoan_thanh là bắt buộc khi ket_qua = cap_phep.',
    ],
    [
      { ngay_tra_ket_qua: '14/03/2024' },
      'RETURN_BEFORE_COMPLETION',
      'ngay_tra_ket_qua',
      'ngay_tra_ket_qua 14/03/2024 trước ngay_hoan_thanh 15/03/2024.',
    ],
    [
      { ma_thu_tuc: 'IN-XBP-DOI' },
      'PROCEDURE_NOT_CONFIGURED',
      'ma_thu_tuc',
      'chưa được cấu hình thời hạn giải quyết',
    ],
    [
      { ngay_tiep_nhan: '15 tháng 3' },
      'DATE_FORMAT',
      'ngay_tiep_nhan',
      'ngay_tiep_nhan «15 tháng 3» không đúng định dạng ngày',
    ],
    [{ ma_ho_so: 'HS 01' }, 'CODE_FORMAT', 'ma_ho_so', 'ma_ho_so «HS 01» chỉ được gồm'],
    [
      { ten_to_chuc_ca_nhan: toTcvn3('Công ty TNHH Sách Đặng Hòa') },
      'LEGACY_TEXT',
      'ten_to_chuc_ca_nhan',
      'bảng mã TCVN3 (ABC)',
    ],
    [
      { ten_to_chuc_ca_nhan: toVni('Nhà xuất bản Lao động') },
      'LEGACY_TEXT',
      'ten_to_chuc_ca_nhan',
      'bảng mã VNI Windows',
    ],
    [
      { ngay_tiep_nhan: '04/03/1989', ngay_hen_tra: '', ngay_hoan_thanh: '05/03/1989', ngay_tra_ket_qua: '' },
      'DATE_OUT_OF_RANGE',
      'ngay_tiep_nhan',
      'trước năm 1990',
    ],
    [{ ghi_chu: 'x'.repeat(2001) }, 'TOO_LONG', 'ghi_chu', 'ghi_chu dài quá 2000 ký tự.'],
  ];

  function badFile() {
    const rows = [row({ ma_ho_so: 'TOT-1' })];
    bad.forEach(([overrides], i) => rows.push(row({ ma_ho_so: `BAD-${i}`, ...overrides })));
    rows.push(row({ ma_ho_so: 'TOT-2' }));
    return rows;
  }

  it('the dry run lists every bad row with its line number, column, code and Vietnamese reason', async () => {
    const report = await run('loi.csv', toCsv(badFile()), { dryRun: true });
    expect(report).toMatchObject({
      outcome: 'checked',
      totalRows: bad.length + 2,
      validRows: 2,
      invalidRows: bad.length,
    });
    bad.forEach(([, code, column, message], i) => {
      const line = i + 3; // header = 1, TOT-1 = 2
      const found = report.errors.filter((e) => e.line === line);
      expect(found, `line ${line}`).toEqual([
        expect.objectContaining({ code, column, message: expect.stringContaining(message) }),
      ]);
    });
    expect(report.errorCount).toBe(bad.length);
    expect(report.summary).toContain(`${bad.length}/${bad.length + 2} dòng có lỗi`);
  });

  it('the real import of a file with bad rows is refused and writes nothing', async () => {
    const before = await storeState();
    const report = await run('loi.csv', toCsv(badFile()));
    expect(report).toMatchObject({ outcome: 'refused', imported: 0, batchId: null, invalidRows: bad.length });
    expect(report.summary).toContain('Chưa nhập gì');
    expect(await storeState()).toEqual(before);
  });

  it('with skipInvalid, only the valid rows are written (still one transaction, one batch)', async () => {
    const report = await run('loi.csv', toCsv(badFile()), { skipInvalid: true });
    expect(report).toMatchObject({
      outcome: 'imported',
      imported: 2,
      invalidRows: bad.length,
      skipInvalid: true,
    });
    expect(await storeState()).toMatchObject({ dossiers: 2, batches: 1 });
    await expect(dossier('BAD-0')).rejects.toThrow();
  });

  it('reports every problem of a row, not just the first', async () => {
    const report = await run(
      'nhieu-loi.csv',
      toCsv([row({ ket_qua: 'duyet', ngay_hen_tra: '30/02/2024', kenh_nop: '' })]),
      {
        dryRun: true,
      },
    );
    expect(report.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'kenh_nop', 'REQUIRED'],
      [2, 'ket_qua', 'INVALID_RESULT'],
      [2, 'ngay_hen_tra', 'DATE_IMPOSSIBLE'],
    ]);
  });

  it('duplicate codes in the file: an exact repeat is skipped, different contents are both refused', async () => {
    const report = await run(
      'trung.csv',
      toCsv([
        row({ ma_ho_so: 'D-1' }),
        row({ ma_ho_so: 'D-1' }),
        row({ ma_ho_so: 'D-2' }),
        row({ ma_ho_so: 'D-2', ten_to_chuc_ca_nhan: 'Công ty khác' }),
      ]),
      { dryRun: true },
    );
    expect(report).toMatchObject({ validRows: 2, invalidRows: 2, skippedDuplicates: 1 });
    expect(report.errors.map((e) => [e.line, e.code, e.message])).toEqual([
      [4, 'DUPLICATE_IN_FILE', 'ma_ho_so «D-2» trùng với dòng 5 (nội dung khác nhau).'],
      [5, 'DUPLICATE_IN_FILE', 'ma_ho_so «D-2» trùng với dòng 4 (nội dung khác nhau).'],
    ]);
    expect(report.warnings.find((w) => w.code === 'DUPLICATE_IN_FILE')?.message).toContain('1 dòng: 3.');
  });

  it('a row already in the store is skipped, the rest of the file imported', async () => {
    await run('dot-1.csv', toCsv([row({ ma_ho_so: 'S-1' })]));
    const report = await run('dot-2.csv', toCsv([row({ ma_ho_so: 'S-1' }), row({ ma_ho_so: 'S-2' })]));
    expect(report).toMatchObject({ imported: 1, skippedDuplicates: 1 });
    expect(await storeState()).toMatchObject({ dossiers: 2, batches: 2 });
  });

  it('a failure in the middle of the write rolls everything back: row counts, counters, audit', async () => {
    const db = t.backend.ctx.db;
    await run('truoc.csv', toCsv([row({ ma_ho_so: 'OLD-1' })]));
    await failDossierInsert(db, 'X-150', 'disk trouble');
    const before = await storeState();
    const stats = JSON.stringify(await db.all('SELECT * FROM stats_daily ORDER BY day, procedure_id'));
    const { rows } = makeSampleRows({ count: 200, seed: 9 });
    rows.forEach((r, i) => (r.ma_ho_so = `X-${i}`));
    await expect(run('hong.csv', toCsv(rows))).rejects.toThrow('disk trouble');
    expect(await storeState()).toEqual(before);
    expect(JSON.stringify(await db.all('SELECT * FROM stats_daily ORDER BY day, procedure_id'))).toBe(stats);
    await removeDossierInsertFault(db);
  });
});

describe('bad files: refused as a whole, with the reason', () => {
  const header =
    'ma_ho_so,ma_thu_tuc,ten_to_chuc_ca_nhan,kenh_nop,ngay_tiep_nhan,ngay_hen_tra,ngay_hoan_thanh,ngay_tra_ket_qua,ket_qua,so_giay_phep,ghi_chu';
  const names = [
    'Nguyễn Văn An',
    'Công ty TNHH Sách Đặng Hòa',
    'Nhà xuất bản Lao động',
    'Lê Văn Tám',
    'Hội Văn học nghệ thuật tỉnh Bắc Ninh',
  ];
  const legacyCsv = (encode: (s: string) => string) =>
    `${header}\r\n${names.map((n, i) => `L-${i},XB-TLKKD,${encode(n)},truc_tiep,04/03/2024,18/03/2024,15/03/2024,,cap_phep,,${encode('Ghi chú cũ')}`).join('\r\n')}\r\n`;

  async function refused(name: string, bytes: Uint8Array, code: string) {
    const before = await storeState();
    const dry = await run(name, bytes, { dryRun: true });
    const real = await run(name, bytes);
    for (const report of [dry, real]) {
      expect(report.outcome).toBe('refused');
      expect(report.errors[0]?.code).toBe(code);
      expect(report.imported).toBe(0);
    }
    expect(await storeState()).toEqual(before);
    return real;
  }

  it('a TCVN3 CSV saved as ANSI', async () => {
    const report = await refused('tcvn3.csv', latin1Bytes(legacyCsv(toTcvn3)), 'ENCODING_TCVN3');
    expect(report.errors[0]?.message).toContain('Tệp dùng bảng mã TCVN3 (ABC)');
    expect(report.errors[0]?.message).toContain(
      'hãy chuyển tệp sang Unicode (UTF-8) bằng Unikey Toolkit'.replace('hãy', 'Hãy'),
    );
    expect(report.summary).toContain('Chưa nhập gì');
  });

  it('a TCVN3 CSV re-saved as UTF-8 (the mojibake is valid UTF-8)', async () => {
    await refused('tcvn3-utf8.csv', new TextEncoder().encode(legacyCsv(toTcvn3)), 'ENCODING_TCVN3');
  });

  it('a VNI CSV saved as ANSI, and a VNI workbook', async () => {
    await refused('vni.csv', latin1Bytes(legacyCsv(toVni)), 'ENCODING_VNI');
    const rows = names.map((n, i) =>
      row({ ma_ho_so: `V-${i}`, ten_to_chuc_ca_nhan: toVni(n), ghi_chu: toVni('Hồ sơ lưu trữ') }),
    );
    await refused('vni.xlsx', await toXlsx(rows), 'ENCODING_VNI');
  });

  it('a TCVN3 workbook', async () => {
    const rows = names.map((n, i) => row({ ma_ho_so: `T-${i}`, ten_to_chuc_ca_nhan: toTcvn3(n) }));
    await refused('tcvn3.xlsx', await toXlsx(rows), 'ENCODING_TCVN3');
  });

  it('a CSV that is not UTF-8 at all (Windows-1258)', async () => {
    const text = legacyCsv((s) => s);
    const report = await refused('ansi.csv', windows1258Bytes(text), 'ENCODING_NOT_UTF8');
    expect(report.errors[0]).toMatchObject({ line: 2 });
  });

  it('UTF-8 that was read as Windows-1252 and saved again', async () => {
    const twice = (s: string) => decodeWindows1252(new TextEncoder().encode(s));
    const rows = names.map((n, i) => row({ ma_ho_so: `U-${i}`, ten_to_chuc_ca_nhan: twice(n) }));
    await refused('hai-lan.csv', toCsv(rows), 'ENCODING_DOUBLE_UTF8');
  });

  it('empty files, a header without rows, missing or doubled columns, no header at all', async () => {
    await refused('rong.csv', new Uint8Array(), 'FILE_EMPTY');
    await refused('rong2.csv', new TextEncoder().encode('\r\n\r\n'), 'FILE_EMPTY');
    await refused('tieu-de.csv', new TextEncoder().encode(`${header}\r\n`), 'NO_DATA_ROWS');
    const missing = await refused(
      'thieu.csv',
      new TextEncoder().encode(
        'ma_ho_so,ma_thu_tuc,ten_to_chuc_ca_nhan,kenh_nop,ngay_tiep_nhan,ket_qua\r\nA,B,C,D,E,F\r\n',
      ),
      'HEADER_MISSING_COLUMNS',
    );
    expect(missing.errors[0]?.message).toContain(
      'thiếu cột: ngay_hen_tra, ngay_hoan_thanh, ngay_tra_ket_qua, so_giay_phep, ghi_chu',
    );
    await refused('doi.csv', new TextEncoder().encode(`${header},ma_ho_so\r\n`), 'HEADER_DUPLICATE_COLUMN');
    await refused('rac.csv', new TextEncoder().encode('xin chào\r\n1,2,3\r\n'), 'HEADER_NOT_FOUND');
    await refused('tab.csv', new TextEncoder().encode(`${header.replace(/,/g, '\t')}\r\n`), 'CSV_DELIMITER');
    await refused(
      'rong.xlsx',
      await toXlsx([], { sheetName: 'Trống', prepare: (s) => s.spliceRows(1, 1) }),
      'FILE_EMPTY',
    );
  });

  it('Vietnamese header labels are accepted and unknown columns ignored with a warning', async () => {
    const vietnameseHeader =
      'Mã hồ sơ,Mã thủ tục,Tên tổ chức cá nhân,Kênh nộp,Ngày tiếp nhận,Ngày hẹn trả,Ngày hoàn thành,Ngày trả kết quả,Kết quả,Số giấy phép,Ghi chú,Người nhập';
    const body = 'H-1,1.003868,Nguyễn Văn An,truc_tiep,04/03/2024,18/03/2024,15/03/2024,,cap_phep,,,Lan';
    const report = await run('nhan.csv', new TextEncoder().encode(`${vietnameseHeader}\r\n${body}\r\n`));
    expect(report).toMatchObject({ outcome: 'imported', imported: 1 });
    expect(report.warnings[0]).toMatchObject({ code: 'HEADER_UNKNOWN_COLUMN', line: 1 });
  });

  it('broken CSV quoting, and a row with more fields than the header', async () => {
    const broken = await refused(
      'ngoac.csv',
      new TextEncoder().encode(
        `${header}\r\nA,1.003868,"Công ty "Sao" Mai",truc_tiep,04/03/2024,,,,dang_xu_ly,,\r\n`,
      ),
      'CSV_MALFORMED',
    );
    expect(broken.errors[0]?.line).toBe(2);
    const extra = await run(
      'phay.csv',
      new TextEncoder().encode(
        `${header}\r\nA,1.003868,Công ty A, chi nhánh B,truc_tiep,04/03/2024,,,,dang_xu_ly,,\r\n`,
      ),
      { dryRun: true },
    );
    expect(extra.errors.map((e) => [e.line, e.code])).toContainEqual([2, 'CSV_MALFORMED']);
  });

  it('quoted line breaks do not shift the line numbers of later rows', async () => {
    const text = `${header}\r\nQ-1,1.003868,"Công ty A",truc_tiep,04/03/2024,18/03/2024,15/03/2024,,cap_phep,,"dòng 1\r\ndòng 2"\r\nQ-2,1.003868,Công ty B,truc_tiep,04/03/2024,18/03/2024,31/02/2024,,cap_phep,,\r\n`;
    const report = await run('xuong-dong.csv', new TextEncoder().encode(text), { dryRun: true });
    expect(report.errors).toEqual([expect.objectContaining({ line: 4, code: 'DATE_IMPOSSIBLE' })]);
  });

  it('Excel 97–2003, a damaged workbook, an oversized file', async () => {
    await refused(
      'cu.xls',
      Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0),
      'FILE_FORMAT',
    );
    const good = await toXlsx([row()]);
    await refused('hong.xlsx', good.slice(0, good.length - 200), 'FILE_UNREADABLE');
    await refused('gia.xlsx', new TextEncoder().encode('not a workbook'), 'FILE_UNREADABLE');
    await refused('lon.csv', new Uint8Array(MAX_IMPORT_BYTES + 1), 'FILE_TOO_LARGE');
  });

  it('a store without agency settings', async () => {
    const fresh = await makeTestBackend();
    try {
      const report = await importDossiers(
        fresh.backend.ctx,
        { name: 'a.csv', bytes: toCsv([row()]) },
        { dryRun: true, actor },
      );
      expect(report.errors[0]?.code).toBe('SETTINGS_NOT_CONFIGURED');
    } finally {
      await fresh.close();
    }
  });
});

describe('merged cells in a workbook', () => {
  it('refuses the rows a merge touches, naming the range; other rows are fine', async () => {
    const rows = [
      row({ ma_ho_so: 'M-1' }),
      row({ ma_ho_so: 'M-2' }),
      row({ ma_ho_so: 'M-3' }),
      row({ ma_ho_so: 'M-4' }),
    ];
    const file = await toXlsx(rows, {
      titleRows: ['DANH SÁCH HỒ SƠ'],
      prepare: (sheet) => {
        sheet.mergeCells('A1:K1'); // a merged title above the header is fine
        sheet.mergeCells('C4:C5'); // ten_to_chuc_ca_nhan of M-2 and M-3 ("same as above")
      },
    });
    const report = await run('gop-o.xlsx', file, { dryRun: true });
    expect(report).toMatchObject({ validRows: 2, invalidRows: 2 });
    expect(report.errors.map((e) => [e.line, e.code, e.column])).toEqual([
      [4, 'MERGED_CELL', 'ten_to_chuc_ca_nhan'],
      [5, 'MERGED_CELL', 'ten_to_chuc_ca_nhan'],
    ]);
    expect(report.errors[0]?.message).toContain('Ô C4:C5 được gộp (merge)');
  });
});

describe('the import.dossiers API method', () => {
  const encode = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

  it('runs a dry run and an import through dispatch', async () => {
    const base64 = encode(toCsv([row({ ma_ho_so: 'API-1' })]));
    const dry = await t.call('import.dossiers', { fileName: 'api.csv', base64, dryRun: true });
    expect(dry).toMatchObject({ outcome: 'checked', validRows: 1, skipInvalid: false });
    const real = await t.call('import.dossiers', { fileName: 'api.csv', base64, dryRun: false });
    expect(real).toMatchObject({ outcome: 'imported', imported: 1 });
    const audit = await t.backend.ctx.db.get(
      "SELECT actor_id FROM audit_events WHERE action = 'import.dossiers'",
    );
    expect(audit).toEqual({ actor_id: 'test:clerk' });
  });

  it('refuses a payload over 50 MB and one that is not base64, with a clear message', async () => {
    const big = await t.raw('import.dossiers', {
      fileName: 'lon.csv',
      base64: 'A'.repeat(MAX_IMPORT_BASE64_LENGTH + 4),
      dryRun: true,
    });
    expect(big).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(!big.ok && big.error.fieldErrors?.base64).toContain('tối đa 50 MB');
    const garbage = await t.raw('import.dossiers', { fileName: 'x.csv', base64: '###', dryRun: true });
    expect(garbage).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fieldErrors: { base64: expect.any(String) } },
    });
  });

  it('is for administrators only', async () => {
    const clerk = await makeUser(t, 'vt.lan', 'Nguyễn Thị Lan', ['clerk']);
    const reply = await t.raw(
      'import.dossiers',
      { fileName: 'a.csv', base64: encode(toCsv([row()])), dryRun: true },
      clerk.caller,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
