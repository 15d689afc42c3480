import { parse } from 'csv-parse/sync';
import type { ImportColumn, ImportIssue } from '../../../shared/api/schemas/import';
import { decodeCsvBytes } from './decode-text';
import {
  issue,
  knownColumnCount,
  looksLikeHeader,
  mapHeader,
  MAX_ROWS,
  type ReadResult,
  type SourceRow,
} from './source-table';

const DELIMITERS = [',', ';'] as const;
type Delimiter = (typeof DELIMITERS)[number];

interface CsvParseError extends Error {
  code?: string;
  lines?: number;
  bytes?: number;
}

const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'dấu ngoặc kép (") mở mà không đóng',
  CSV_INVALID_CLOSING_QUOTE: 'có ký tự ngay sau dấu ngoặc kép đóng (") — ô chứa dấu " phải viết thành ""',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'có ký tự ngay sau dấu ngoặc kép đóng (")',
  CSV_MAX_RECORD_SIZE: 'một dòng quá dài',
};

function splitFields(line: string, delimiter: Delimiter): string[] {
  try {
    const [record] = parse(line, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][];
    return record ?? [];
  } catch {
    return line.split(delimiter);
  }
}

/** The delimiter is the one that splits the header line into the most template column names. */
function detectDelimiter(headerLine: string): Delimiter | null {
  let best: Delimiter | null = null;
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const fields = splitFields(headerLine, delimiter);
    const count = knownColumnCount(fields);
    if (count > bestCount && looksLikeHeader(fields)) [best, bestCount] = [delimiter, count];
  }
  return best;
}

/** Byte offsets at which each line starts (CRLF, LF and CR each end a line). */
function lineStartsOf(data: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < data.length; i += 1) {
    const b = data[i];
    if (b === 0x0d) {
      if (data[i + 1] === 0x0a) i += 1;
      starts.push(i + 1);
    } else if (b === 0x0a) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line of a byte offset. */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/**
 * CSV in UTF-8 (BOM or not), comma- or semicolon-separated (Excel writes semicolons where the decimal
 * separator is a comma, as on Vietnamese Windows), RFC 4180 quoting. The header must be the first non-empty
 * line; each record's line number is the line it starts on.
 */
export function readCsv(bytes: Uint8Array): ReadResult {
  const decoded = decodeCsvBytes(bytes);
  const meta = { format: 'csv' as const, hasBom: decoded.hasBom, delimiter: null, sheetName: null };
  if (!decoded.ok) return { ok: false, issues: [decoded.issue], meta: { ...meta, ignoredSheets: [] } };
  const text = decoded.text;
  const lines = text.split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex < 0) {
    return {
      ok: false,
      issues: [issue('FILE_EMPTY', 'Tệp rỗng: không có dòng nào.')],
      meta: { ...meta, ignoredSheets: [] },
    };
  }
  const headerLine = lines[headerIndex] as string;
  const headerLineNo = headerIndex + 1;
  const delimiter = detectDelimiter(headerLine);
  if (!delimiter) {
    const isTab = headerLine.includes('\t') && looksLikeHeader(headerLine.split('\t'));
    return {
      ok: false,
      issues: [
        isTab
          ? issue(
              'CSV_DELIMITER',
              'Các cột được phân cách bằng dấu tab; chỉ nhận dấu phẩy (,) hoặc dấu chấm phẩy (;). Hãy lưu lại dưới dạng "CSV UTF-8".',
              headerLineNo,
            )
          : issue(
              'HEADER_NOT_FOUND',
              'Không nhận ra dòng tiêu đề: dòng đầu tiên phải là tên các cột của mẫu (ma_ho_so, ma_thu_tuc, ten_to_chuc_ca_nhan, …), phân cách bằng dấu phẩy hoặc dấu chấm phẩy.',
              headerLineNo,
            ),
      ],
      meta: { ...meta, ignoredSheets: [] },
    };
  }
  const headerFields = splitFields(headerLine, delimiter);
  const header = mapHeader(headerFields, headerLineNo);
  if (!header.ok)
    return { ok: false, issues: header.issues, meta: { ...meta, delimiter, ignoredSheets: [] } };

  // Line numbers are computed from byte offsets: csv-parse's own line count takes a CRLF inside quotes for
  // two lines, which would shift every later row.
  const data = new TextEncoder().encode(text);
  const lineStarts = lineStartsOf(data);
  let records: Array<{ record: string[]; info: { bytes: number } }>;
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      from_line: headerLineNo + 1,
      max_record_size: 1_000_000,
    }) as Array<{ record: string[]; info: { bytes: number } }>;
  } catch (error) {
    const e = error as CsvParseError;
    const reason = (e.code && CSV_ERRORS[e.code]) ?? 'cấu trúc CSV không hợp lệ';
    return {
      ok: false,
      issues: [
        issue(
          'CSV_MALFORMED',
          `Lỗi cấu trúc CSV: ${reason}. Không đọc tiếp được phần còn lại của tệp.`,
          typeof e.bytes === 'number' ? lineAt(lineStarts, e.bytes) : (e.lines ?? null),
        ),
      ],
      meta: { ...meta, delimiter, ignoredSheets: [] },
    };
  }
  if (records.length > MAX_ROWS) {
    return {
      ok: false,
      issues: [
        issue(
          'TOO_MANY_ROWS',
          `Tệp có ${records.length.toLocaleString('vi-VN')} dòng; mỗi lần nhập tối đa ${MAX_ROWS.toLocaleString('vi-VN')} dòng. Hãy chia tệp (ví dụ theo năm).`,
        ),
      ],
      meta: { ...meta, delimiter, ignoredSheets: [] },
    };
  }

  const width = headerFields.length;
  const rows: SourceRow[] = [];
  let offset = lineStarts[headerLineNo] ?? data.length;
  for (const { record, info } of records) {
    let start = offset;
    while (data[start] === 0x0d || data[start] === 0x0a) start += 1;
    offset = info.bytes;
    const line = lineAt(lineStarts, start);
    if (record.every((field) => field.trim() === '')) continue;
    const cells: Partial<Record<ImportColumn, string | null>> = {};
    for (const [column, position] of header.index) {
      const value = record[position];
      cells[column] = value === undefined || value.trim() === '' ? null : value;
    }
    const issues: ImportIssue[] = [];
    // More fields than the header: usually a name with an unquoted delimiter, which shifts every later
    // column — the row is refused rather than read shifted.
    if (record.length > width) {
      issues.push(
        issue(
          'CSV_MALFORMED',
          `Dòng có ${record.length} ô nhưng tiêu đề chỉ có ${width} cột; có thể một ô chứa dấu "${delimiter}" mà không đặt trong dấu ngoặc kép.`,
          line,
        ),
      );
    }
    rows.push({ line, cells, issues });
  }
  return {
    ok: true,
    table: {
      format: 'csv',
      delimiter,
      hasBom: decoded.hasBom,
      sheetName: null,
      ignoredSheets: [],
      rows,
      warnings: header.warnings,
    },
  };
}
