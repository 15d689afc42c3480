import type ExcelJS from 'exceljs';
import {
  BIEU06_BASIS,
  BIEU06_FORM,
  BIEU06_HEADER,
  BIEU06_TITLE,
  BIEU06_UNIT,
  bieu06Keys,
  formatPeriod,
  summaryLine,
} from '../../../shared/domain/statistics';
import { NATIONAL_MOTTO, NATIONAL_TITLE } from '../documents/admin-header';
import { formatPlaceDateLine } from '../documents/vietnamese-date';
import type { Bieu06Document } from './report-document';
import { agencyLines, FONT, formWorkbook, mergedLine, styleCell, writeHeader } from './xlsx-layout';
import { writeScorecardSheet } from './scorecard-xlsx';

/** Where the table starts; tests and readers of the file rely on this layout. */
export const BIEU06_XLSX = {
  sheetName: 'Biểu 06',
  titleRow: 6,
  periodRow: 7,
  headerRow: 9,
  /** The '(1)…(13)' row. */
  numbersRow: 12,
  firstDataRow: 13,
} as const;

const LEFT = [1, 5] as const;
const RIGHT = [8, 13] as const;

/**
 * Biểu 06/VPCP/KSTT as a real workbook: the title block, the header with its merged cells as on the form,
 * numbers as numbers (so the province can add them up), then the signature block.
 */
export async function buildReportXlsx(doc: Bieu06Document, createdAt: Date): Promise<Uint8Array> {
  const { wb, ws } = formWorkbook(createdAt, BIEU06_XLSX.sheetName, {
    margins: { left: 1.18, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
    // The header and column numbers repeat on every printed page, as drawTable does in the PDF.
    printTitles: [BIEU06_XLSX.headerRow, BIEU06_XLSX.numbersRow],
  });
  ws.columns = [{ width: 6 }, { width: 46 }, ...Array.from({ length: 11 }, () => ({ width: 11 }))];
  ws.properties.defaultRowHeight = 18;

  agencyLines(ws, doc.agency, LEFT[0], LEFT[1]);
  mergedLine(ws, 3, LEFT[0], LEFT[1], BIEU06_FORM, { bold: true, size: 11 });
  mergedLine(ws, 4, LEFT[0], LEFT[1], BIEU06_BASIS, { italic: true, size: 10 });
  mergedLine(ws, 1, RIGHT[0], RIGHT[1], NATIONAL_TITLE, { bold: true });
  mergedLine(ws, 2, RIGHT[0], RIGHT[1], NATIONAL_MOTTO, { bold: true });
  mergedLine(ws, 3, RIGHT[0], RIGHT[1], formatPlaceDateLine(doc.agency.place, doc.issuedOn), {
    italic: true,
  });
  ws.getRow(4).height = 30;

  mergedLine(ws, BIEU06_XLSX.titleRow, 1, 13, BIEU06_TITLE, { bold: true, size: 14 });
  ws.getRow(BIEU06_XLSX.titleRow).height = 40;
  mergedLine(ws, BIEU06_XLSX.periodRow, 1, 13, `(${formatPeriod(doc.period)})`, { italic: true });
  mergedLine(ws, 8, 1, 13, BIEU06_UNIT, { italic: true, align: 'right' });

  let row = writeHeader(ws, BIEU06_HEADER, BIEU06_XLSX.headerRow);
  ws.getRow(BIEU06_XLSX.headerRow + 1).height = 30;
  ws.getRow(BIEU06_XLSX.headerRow + 2).height = 45;

  for (const report of doc.rows) {
    const isBold = report.kind !== 'procedure';
    const values: ExcelJS.CellValue[] = [report.stt, report.label, ...bieu06Keys.map((k) => report[k])];
    values.forEach((value, i) => {
      const cell = ws.getCell(row, i + 1);
      cell.value = value;
      styleCell(cell, { bold: isBold, align: i === 1 ? 'left' : 'center', border: true });
      if (i >= 2) cell.numFmt = '#,##0';
    });
    row += 1;
  }

  row += 1;
  const rate = doc.rows.at(-1)?.rate ?? null;
  mergedLine(ws, row, 1, 13, summaryLine(rate, doc.averageProcessingDays), { italic: true, align: 'left' });
  row += 2;

  mergedLine(ws, row, LEFT[0], LEFT[1], 'NGƯỜI LẬP BIỂU', { bold: true });
  doc.signature.titleLines.forEach((line, i) => {
    mergedLine(ws, row + i, RIGHT[0], RIGHT[1], line.toLocaleUpperCase('vi'), { bold: true });
  });
  const hintRow = row + Math.max(1, doc.signature.titleLines.length);
  mergedLine(ws, row + 1, LEFT[0], LEFT[1], '(Ký, ghi rõ họ tên)', { italic: true });
  mergedLine(ws, hintRow, RIGHT[0], RIGHT[1], '(Ký, ghi rõ họ tên, đóng dấu)', { italic: true });
  mergedLine(ws, hintRow + 5, RIGHT[0], RIGHT[1], doc.signature.name, { bold: true });

  // The whole sheet in the form's typeface, including cells the layout did not style.
  ws.eachRow((r) =>
    r.eachCell((c) => {
      if (c.font?.name !== FONT) c.font = { ...c.font, name: FONT };
    }),
  );
  if (doc.scorecard) writeScorecardSheet(wb, doc.scorecard);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
