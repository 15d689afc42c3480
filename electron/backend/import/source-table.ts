import {
  importColumns,
  type ImportColumn,
  type ImportIssue,
  type ImportIssueCode,
} from '../../../shared/api/schemas/import';
import { foldVietnamese } from '../../../shared/domain/text-fold';

/** A cell as the readers hand it over: text (CSV, XLSX text), a number or a date (XLSX), or empty. */
export type CellValue = string | number | Date | null;

export interface SourceRow {
  /** Line of the file as a spreadsheet shows it (header = 1 for CSV; the sheet's row number for XLSX). */
  line: number;
  cells: Partial<Record<ImportColumn, CellValue>>;
  /** Problems the reader already found in this row (merged cells, Excel error values, stray fields). */
  issues: ImportIssue[];
}

export interface SourceTable {
  format: 'csv' | 'xlsx';
  delimiter: ',' | ';' | null;
  hasBom: boolean;
  sheetName: string | null;
  ignoredSheets: string[];
  rows: SourceRow[];
  /** Notes about the file as a whole (extra sheets, unknown columns). */
  warnings: ImportIssue[];
}

export type ReadResult =
  | { ok: true; table: SourceTable }
  | {
      ok: false;
      issues: ImportIssue[];
      meta: Partial<
        Omit<SourceTable, 'rows' | 'warnings' | 'format'> & { format: SourceTable['format'] | null }
      >;
    };

/** Row cap: a file this long is not a provincial desk's history (and would not fit the time budget). */
export const MAX_ROWS = 500_000;

export function issue(
  code: ImportIssueCode,
  message: string,
  line: number | null = null,
  column: string | null = null,
): ImportIssue {
  return { line, column, code, message };
}

/**
 * A header cell to a column name: "ma_ho_so", "MA_HO_SO", "Mã hồ sơ" and "kenh_nop (truc_tiep|…)" all name
 * the same column (folded, spaces to underscores, a trailing explanation in brackets dropped).
 */
export function headerKey(text: string): string {
  return foldVietnamese(text.replace(/^\uFEFF/, '').replace(/\(.*\)\s*$/s, '')).replace(/ /g, '_');
}

const KNOWN = new Set<string>(importColumns);

/** How many cells of a candidate header row name template columns. */
export function knownColumnCount(cells: readonly string[]): number {
  return new Set(cells.map(headerKey).filter((key) => KNOWN.has(key))).size;
}

/** A row is taken as the header when it names ma_ho_so and at least three other template columns. */
export function looksLikeHeader(cells: readonly string[]): boolean {
  return cells.some((c) => headerKey(c) === 'ma_ho_so') && knownColumnCount(cells) >= 4;
}

export type HeaderMap =
  | { ok: true; index: Map<ImportColumn, number>; warnings: ImportIssue[] }
  | { ok: false; issues: ImportIssue[] };

/**
 * Maps the header cells to the template's columns. All eleven columns must be present (a misspelt optional
 * column would otherwise silently lose its data: every appointment date, say); unknown columns are ignored
 * with a warning; a column named twice is an error.
 */
export function mapHeader(cells: readonly string[], line: number): HeaderMap {
  const index = new Map<ImportColumn, number>();
  const issues: ImportIssue[] = [];
  const unknown: string[] = [];
  cells.forEach((cell, position) => {
    const key = headerKey(cell);
    if (key === '') return;
    if (!KNOWN.has(key)) {
      unknown.push(cell.trim());
      return;
    }
    const column = key as ImportColumn;
    if (index.has(column)) {
      issues.push(
        issue(
          'HEADER_DUPLICATE_COLUMN',
          `Cột ${column} xuất hiện hai lần trong dòng tiêu đề (cột thứ ${(index.get(column) ?? 0) + 1} và ${position + 1}).`,
          line,
          column,
        ),
      );
      return;
    }
    index.set(column, position);
  });
  const missing = importColumns.filter((column) => !index.has(column));
  if (missing.length > 0) {
    issues.push(
      issue(
        'HEADER_MISSING_COLUMNS',
        `Dòng tiêu đề thiếu cột: ${missing.join(', ')}. Tệp phải có đủ 11 cột của mẫu (ô có thể để trống ở các cột không bắt buộc); xem resources/templates/README-import.md.`,
        line,
      ),
    );
  }
  if (issues.length > 0) return { ok: false, issues };
  const warnings =
    unknown.length > 0
      ? [
          issue(
            'HEADER_UNKNOWN_COLUMN',
            `Các cột không thuộc mẫu bị bỏ qua: ${unknown.map((u) => `«${u}»`).join(', ')}.`,
            line,
          ),
        ]
      : [];
  return { ok: true, index, warnings };
}
