import ExcelJS from 'exceljs';
import { headingOf } from '../../../shared/domain/authority-names';
import type { TableHeader } from '../../../shared/domain/statistics';
import { columnNumbers } from '../../../shared/domain/statistics';

/*
 * Shared XLSX styling for the printed forms: Times New Roman (what Vietnamese offices print administrative
 * documents in, NĐ 30/2020 Phụ lục I), thin borders, header cells merged exactly as on the paper form.
 */

export const FONT = 'Times New Roman';
const THIN = { style: 'thin' as const };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export function styleCell(
  cell: ExcelJS.Cell,
  style: {
    bold?: boolean;
    italic?: boolean;
    size?: number;
    align?: 'left' | 'center' | 'right';
    wrap?: boolean;
    border?: boolean;
  } = {},
): void {
  cell.font = {
    name: FONT,
    size: style.size ?? 12,
    bold: style.bold ?? false,
    italic: style.italic ?? false,
  };
  cell.alignment = {
    horizontal: style.align ?? 'left',
    vertical: 'middle',
    wrapText: style.wrap ?? true,
  };
  if (style.border === true) cell.border = BORDER;
}

/**
 * A workbook with one sheet laid out for print: A4 landscape, one page wide, the rows `printTitles` (the
 * table header) repeated on every printed page; `frozenRows` keeps the rows above them in view on screen.
 */
export function formWorkbook(
  createdAt: Date,
  sheetName: string,
  layout: { printTitles: readonly [number, number]; margins?: ExcelJS.Margins; frozenRows?: number },
): { wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet } {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LicenceDesk';
  wb.created = createdAt;
  wb.modified = createdAt;
  const ws = wb.addWorksheet(sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(layout.margins ? { margins: layout.margins } : {}),
      printTitlesRow: `${layout.printTitles[0]}:${layout.printTitles[1]}`,
    },
    ...(layout.frozenRows !== undefined ? { views: [{ state: 'frozen', ySplit: layout.frozenRows }] } : {}),
  });
  return { wb, ws };
}

/** The issuing body's two lines at the top left (rows 1 and 2), over columns [fromCol, toCol]. */
export function agencyLines(
  ws: ExcelJS.Worksheet,
  agency: { governingBody: string; name: string },
  fromCol: number,
  toCol: number,
): void {
  // Headings derived from the names as written in a sentence (issue 12 §4).
  mergedLine(ws, 1, fromCol, toCol, headingOf(agency.governingBody));
  mergedLine(ws, 2, fromCol, toCol, headingOf(agency.name), { bold: true });
}

/** A text line across columns [fromCol, toCol] of one row (1-based), merged. */
export function mergedLine(
  ws: ExcelJS.Worksheet,
  row: number,
  fromCol: number,
  toCol: number,
  text: string,
  style: Parameters<typeof styleCell>[1] = {},
): void {
  if (toCol > fromCol) ws.mergeCells(row, fromCol, row, toCol);
  const cell = ws.getCell(row, fromCol);
  cell.value = text;
  styleCell(cell, { align: 'center', ...style });
}

/**
 * Writes a form's header (merged cells) from `startRow`, then the '(1)…(n)' numbering row; returns the first
 * row after it. Every cell of the header area gets a border, merged or not, so the grid prints complete.
 */
export function writeHeader(ws: ExcelJS.Worksheet, header: TableHeader, startRow: number, size = 11): number {
  for (let r = 0; r < header.rows; r++) {
    for (let c = 0; c < header.columns; c++) ws.getCell(startRow + r, c + 1).border = BORDER;
  }
  for (const cell of header.cells) {
    const top = startRow + cell.row;
    const left = cell.col + 1;
    const bottom = top + (cell.rowSpan ?? 1) - 1;
    const right = left + (cell.colSpan ?? 1) - 1;
    if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
    const target = ws.getCell(top, left);
    target.value = cell.text;
    styleCell(target, { bold: true, size, align: 'center', border: true });
  }
  const numbersRow = startRow + header.rows;
  columnNumbers(header.columns).forEach((text, i) => {
    const cell = ws.getCell(numbersRow, i + 1);
    cell.value = text;
    styleCell(cell, { italic: true, size, align: 'center', border: true });
  });
  return numbersRow + 1;
}

/** A date cell that Excel shows as dd/mm/yyyy (a real date value, not text). */
export function dateValue(isoDate: string | null): Date | null {
  if (isoDate === null) return null;
  // UTC midnight: exceljs writes the serial from the UTC fields, so the calendar day survives any time zone.
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

export const DATE_FORMAT = 'dd/mm/yyyy';
