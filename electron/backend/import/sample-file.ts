import ExcelJS from 'exceljs';
import { importColumns, type ImportColumn, type ImportResultValue } from '../../../shared/api/schemas/import';
import { addDays, parseIsoDate } from '../../../shared/domain/calendar';
import { createRandom } from '../demo/random';
import { organizationName, personName } from '../demo/vietnamese-names';

// Generated legacy files for the round-trip tests and the import benchmark: realistic Vietnamese names,
// the four outcomes, early / on-time / late completions, codes in the office format and in a portal format.

export type SampleRow = Record<ImportColumn, string>;

export interface SampleExpectation {
  status: 'appraising' | 'approved' | 'refused' | 'returned' | 'withdrawn';
  completionClass: 'early' | 'on_time' | 'late' | null;
}

export interface SampleOptions {
  count: number;
  seed?: number;
  /** Receipts are spread over the working days of [from, to] (office-local dates). */
  from?: string;
  to?: string;
  /** Agency code for office-format dossier codes (others get a portal-style code). */
  agencyCode?: string;
}

const PROCEDURE_KEYS = ['1.003868', 'XB-TLKKD', 'IN-DK', '2.001740', 'PH-DK', '1.003114', 'PH-NK', 'BC-BT'];
const CHANNELS = ['truc_tiep', 'buu_chinh', 'truc_tuyen'] as const;

function vn(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Sample rows plus what each row must become once imported. Dates alternate between the two formats. */
export function makeSampleRows(options: SampleOptions): { rows: SampleRow[]; expected: SampleExpectation[] } {
  const random = createRandom(options.seed ?? 5);
  const from = options.from ?? '2023-01-02';
  const to = options.to ?? '2025-12-31';
  const span = dayCount(from, to);
  const agency = options.agencyCode ?? '000.00.14.H20';
  const rows: SampleRow[] = [];
  const expected: SampleExpectation[] = [];
  const perDay = new Map<string, number>();
  for (let i = 0; i < options.count; i += 1) {
    let receipt = addDays(parseIsoDate(from), random.int(0, span));
    // Receipts on weekdays only, as at a real desk.
    while ([0, 6].includes(new Date(`${receipt}T00:00:00Z`).getUTCDay())) receipt = addDays(receipt, 1);
    const seq = (perDay.get(receipt) ?? 0) + 1;
    perDay.set(receipt, seq);
    const yymmdd = receipt.slice(2).replace(/-/g, '');
    const code =
      i % 3 === 0
        ? `H20.14-${yymmdd}-${String(seq).padStart(4, '0')}`
        : `${agency}-${yymmdd}-${String(seq).padStart(4, '0')}`;
    const appointment = addDays(receipt, 14);
    const result = random.weighted<ImportResultValue>([
      ['cap_phep', 80],
      ['tu_choi', 6],
      ['rut', 4],
      ['dang_xu_ly', 10],
    ]);
    const lateness = random.weighted<number>([
      [-5, 40],
      [0, 35],
      [3, 25],
    ]);
    const completion = result === 'dang_xu_ly' ? null : addDays(appointment, lateness);
    const isReturned = result !== 'dang_xu_ly' && result !== 'rut' && random.next() < 0.7;
    const returned = isReturned && completion ? addDays(completion, random.int(0, 3)) : null;
    const useVietnamese = i % 2 === 1;
    const date = (value: string | null, time?: string) =>
      value === null ? '' : `${useVietnamese ? vn(value) : value}${time ? ` ${time}` : ''}`;
    const isOrganization = random.next() < 0.7;
    rows.push({
      ma_ho_so: code,
      ma_thu_tuc: random.pick(PROCEDURE_KEYS),
      ten_to_chuc_ca_nhan: isOrganization ? organizationName(random) : personName(random),
      kenh_nop: random.pick(CHANNELS),
      ngay_tiep_nhan: date(
        receipt,
        i % 4 === 0 ? `${String(random.int(8, 15)).padStart(2, '0')}:15` : undefined,
      ),
      ngay_hen_tra: date(appointment),
      ngay_hoan_thanh: date(completion),
      ngay_tra_ket_qua: date(returned),
      ket_qua: result,
      so_giay_phep: result === 'cap_phep' ? `${random.int(1, 999)}/GP-STTTT` : '',
      ghi_chu: random.next() < 0.2 ? 'Hồ sơ lưu tại kho lưu trữ, hộp số 12' : '',
    });
    expected.push({
      status:
        result === 'dang_xu_ly'
          ? 'appraising'
          : result === 'rut'
            ? 'withdrawn'
            : returned
              ? 'returned'
              : result === 'cap_phep'
                ? 'approved'
                : 'refused',
      completionClass:
        completion === null ? null : lateness < 0 ? 'early' : lateness === 0 ? 'on_time' : 'late',
    });
  }
  return { rows, expected };
}

function csvField(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV file as Excel writes it: CRLF line ends, quotes only where needed, optional BOM. */
export function toCsv(
  rows: readonly Record<string, string>[],
  options: { delimiter?: ',' | ';'; bom?: boolean; columns?: readonly string[] } = {},
): Uint8Array {
  const delimiter = options.delimiter ?? ',';
  const columns = options.columns ?? importColumns;
  const lines = [columns.join(delimiter)];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c] ?? '', delimiter)).join(delimiter));
  const text = `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
  return new TextEncoder().encode(text);
}

function excelDate(text: string): Date | string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(text);
  const vnDate = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}):(\d{2}))?$/.exec(text);
  if (iso) {
    const [, y, m, d, hh, mm] = iso;
    return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0)));
  }
  if (vnDate) {
    const [, d, m, y, hh, mm] = vnDate;
    return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0)));
  }
  return text;
}

/**
 * An XLSX workbook: the data sheet first (or after `sheetsBefore`), with dates as real Excel dates on even
 * rows and as text on odd rows, like a register typed by hand over the years.
 */
export async function toXlsx(
  rows: readonly Record<string, string>[],
  options: {
    sheetName?: string;
    sheetsBefore?: string[];
    sheetsAfter?: string[];
    realDates?: boolean;
    titleRows?: string[];
    prepare?: (sheet: ExcelJS.Worksheet, headerRow: number) => void;
  } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const name of options.sheetsBefore ?? []) workbook.addWorksheet(name).addRow(['Ghi chú', name]);
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Du_lieu');
  for (const title of options.titleRows ?? []) sheet.addRow([title]);
  sheet.addRow([...importColumns]);
  const headerRow = sheet.rowCount;
  const dateColumns = new Set(['ngay_tiep_nhan', 'ngay_hen_tra', 'ngay_hoan_thanh', 'ngay_tra_ket_qua']);
  rows.forEach((row, index) => {
    sheet.addRow(
      importColumns.map((c) => {
        const value = row[c] ?? '';
        if (value === '') return null;
        if (dateColumns.has(c) && (options.realDates ?? true) && index % 2 === 0) {
          const date = excelDate(value);
          return date;
        }
        return value;
      }),
    );
  });
  for (const column of dateColumns) {
    const position = importColumns.indexOf(column as ImportColumn) + 1;
    sheet.getColumn(position).numFmt = 'dd/mm/yyyy hh:mm';
  }
  options.prepare?.(sheet, headerRow);
  for (const name of options.sheetsAfter ?? []) workbook.addWorksheet(name).addRow(['Ghi chú', name]);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
