import ExcelJS from 'exceljs';
import type { ImportColumn, ImportIssue } from '../../../shared/api/schemas/import';
import {
  issue,
  looksLikeHeader,
  mapHeader,
  MAX_ROWS,
  type CellValue,
  type ReadResult,
  type SourceRow,
} from './source-table';

/** Uncompressed size cap: a 50 MB upload must not inflate into gigabytes (zip bomb, reliability.md 4-F1). */
const MAX_UNCOMPRESSED_BYTES = 600 * 1024 * 1024;
/** The header is looked for in the first rows of each sheet (a title may sit above it). */
const HEADER_SEARCH_ROWS = 20;

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

/** The OLE2 signature of Excel 97–2003 .xls files. */
export function isOle2(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}

/** Entry names and the total uncompressed size, read from the ZIP central directory; null if unreadable. */
export function inspectZip(bytes: Uint8Array): { names: string[]; uncompressed: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  let uncompressed = 0;
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    // ZIP64 entries (size 0xFFFFFFFF) are far beyond any plausible register: count them as too large.
    uncompressed += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { names, uncompressed };
}

function colLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

type Normalised = { value: CellValue } | { error: string };

/** exceljs cell values to plain values: formulas give their cached result, rich text its plain text. */
function normalise(value: ExcelJS.CellValue): Normalised {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'string' || typeof value === 'number') return { value };
  if (typeof value === 'boolean') return { value: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { value };
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return { value: value.richText.map((part) => part.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined) return { value: null };
    return normalise(result);
  }
  if ('text' in value) {
    // A hyperlink: its text is a string or rich text.
    const text: unknown = value.text;
    if (typeof text === 'string') return { value: text };
    if (text && typeof text === 'object' && 'richText' in text) {
      return { value: (text as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join('') };
    }
  }
  return { value: null };
}

function textOfCell(value: ExcelJS.CellValue): string {
  const n = normalise(value);
  if ('error' in n || n.value === null) return '';
  return n.value instanceof Date ? n.value.toISOString() : String(n.value);
}

function sheetsInOrder(workbook: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  // orderNo (the tab position) is in the model but missing from exceljs' typings.
  const order = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { orderNo?: number }).orderNo ?? sheet.id;
  return [...workbook.worksheets].sort((a, b) => order(a) - order(b));
}

interface MergeRange {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergeRangesOf(sheet: ExcelJS.Worksheet): MergeRange[] {
  const merges = (sheet.model as { merges?: string[] }).merges ?? [];
  const ranges: MergeRange[] = [];
  for (const ref of merges) {
    const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (!match) continue;
    const [, c1, r1, c2, r2] = match;
    const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    ranges.push({
      ref,
      top: Number(r1),
      left: col(c1 as string),
      bottom: Number(r2),
      right: col(c2 as string),
    });
  }
  return ranges;
}

/**
 * The first sheet (in tab order) that has the template's header row within its first 20 rows. Other sheets
 * are ignored and named in a warning. Merged cells in the data area are refused row by row: a vertical merge
 * usually means "same as above", which cannot be told from "unknown", so the user has to fill each row.
 */
export async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const meta = { format: 'xlsx' as const, delimiter: null, hasBom: false };
  const zip = inspectZip(bytes);
  if (!zip || !zip.names.includes('xl/workbook.xml')) {
    return {
      ok: false,
      issues: [
        issue(
          'FILE_UNREADABLE',
          'Tệp không phải bảng tính Excel .xlsx hợp lệ (tệp hỏng hoặc sai định dạng).',
        ),
      ],
      meta: { ...meta, sheetName: null, ignoredSheets: [] },
    };
  }
  if (zip.uncompressed > MAX_UNCOMPRESSED_BYTES) {
    return {
      ok: false,
      issues: [
        issue(
          'FILE_TOO_LARGE',
          `Bảng tính khi giải nén quá lớn (trên ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB). Hãy chia tệp thành nhiều phần (ví dụ theo năm).`,
        ),
      ],
      meta: { ...meta, sheetName: null, ignoredSheets: [] },
    };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    return {
      ok: false,
      issues: [issue('FILE_UNREADABLE', 'Không đọc được bảng tính Excel (tệp hỏng hoặc có mật khẩu).')],
      meta: { ...meta, sheetName: null, ignoredSheets: [] },
    };
  }
  const sheets = sheetsInOrder(workbook);
  let found: { sheet: ExcelJS.Worksheet; headerRow: number; cells: string[] } | null = null;
  for (const sheet of sheets) {
    const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
    for (let r = 1; r <= last; r += 1) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c += 1) cells.push(textOfCell(row.getCell(c).value));
      if (looksLikeHeader(cells)) {
        found = { sheet, headerRow: r, cells };
        break;
      }
    }
    if (found) break;
  }
  const allNames = sheets.map((s) => s.name);
  if (!found) {
    const empty = sheets.every((s) => s.actualRowCount === 0);
    return {
      ok: false,
      issues: [
        empty
          ? issue('FILE_EMPTY', 'Bảng tính rỗng: không có dòng nào.')
          : issue(
              'HEADER_NOT_FOUND',
              `Không tìm thấy dòng tiêu đề của mẫu (ma_ho_so, ma_thu_tuc, ten_to_chuc_ca_nhan, …) trong ${HEADER_SEARCH_ROWS} dòng đầu của trang tính nào (${allNames.map((n) => `«${n}»`).join(', ')}).`,
            ),
      ],
      meta: { ...meta, sheetName: null, ignoredSheets: [] },
    };
  }
  const { sheet, headerRow } = found;
  const ignoredSheets = allNames.filter((name) => name !== sheet.name);
  const header = mapHeader(found.cells, headerRow);
  if (!header.ok)
    return { ok: false, issues: header.issues, meta: { ...meta, sheetName: sheet.name, ignoredSheets } };

  const lastRow = sheet.rowCount;
  if (lastRow - headerRow > MAX_ROWS) {
    return {
      ok: false,
      issues: [
        issue(
          'TOO_MANY_ROWS',
          `Trang tính có ${(lastRow - headerRow).toLocaleString('vi-VN')} dòng; mỗi lần nhập tối đa ${MAX_ROWS.toLocaleString('vi-VN')} dòng. Hãy chia tệp (ví dụ theo năm).`,
        ),
      ],
      meta: { ...meta, sheetName: sheet.name, ignoredSheets },
    };
  }
  const columnAt = new Map<number, ImportColumn>();
  for (const [column, position] of header.index) columnAt.set(position + 1, column);
  const merges = mergeRangesOf(sheet).filter(
    (m) => m.bottom > headerRow && [...columnAt.keys()].some((c) => c >= m.left && c <= m.right),
  );

  const rows: SourceRow[] = [];
  for (let r = headerRow + 1; r <= lastRow; r += 1) {
    const row = sheet.getRow(r);
    const cells: Partial<Record<ImportColumn, CellValue>> = {};
    const issues: ImportIssue[] = [];
    let isEmpty = true;
    for (const [c, column] of columnAt) {
      const n = normalise(row.getCell(c).value);
      if ('error' in n) {
        issues.push(
          issue('CELL_ERROR', `${column}: ô ${colLetter(c)}${r} chứa lỗi Excel ${n.error}.`, r, column),
        );
        isEmpty = false;
        cells[column] = null;
        continue;
      }
      const value = typeof n.value === 'string' && n.value.trim() === '' ? null : n.value;
      if (value !== null) isEmpty = false;
      cells[column] = value;
    }
    const rowMerges = merges.filter((m) => r >= m.top && r <= m.bottom);
    for (const m of rowMerges) {
      const columns = [...columnAt].filter(([c]) => c >= m.left && c <= m.right).map(([, column]) => column);
      issues.push(
        issue(
          'MERGED_CELL',
          `Ô ${m.ref} được gộp (merge) qua cột ${columns.join(', ')}: hãy bỏ gộp ô và ghi đủ giá trị cho từng dòng.`,
          r,
          columns[0] ?? null,
        ),
      );
      isEmpty = false;
    }
    if (isEmpty) continue;
    rows.push({ line: r, cells, issues });
  }
  const warnings = [...header.warnings];
  if (ignoredSheets.length > 0) {
    warnings.push(
      issue(
        'EXTRA_SHEETS',
        `Chỉ đọc trang tính «${sheet.name}»; bỏ qua ${ignoredSheets.length} trang tính khác: ${ignoredSheets.map((n) => `«${n}»`).join(', ')}.`,
      ),
    );
  }
  return {
    ok: true,
    table: {
      format: 'xlsx',
      delimiter: null,
      hasBom: false,
      sheetName: sheet.name,
      ignoredSheets,
      rows,
      warnings,
    },
  };
}
