import type ExcelJS from 'exceljs';
import {
  formatPeriod,
  REGISTER_FORM,
  REGISTER_HEADER,
  REGISTER_TITLE,
} from '../../../shared/domain/statistics';
import type { RegisterDocument } from './report-document';
import {
  agencyLines,
  DATE_FORMAT,
  dateValue,
  formWorkbook,
  mergedLine,
  styleCell,
  writeHeader,
} from './xlsx-layout';

export const REGISTER_XLSX = {
  sheetName: 'Sổ theo dõi hồ sơ',
  headerRow: 6,
  numbersRow: 8,
  firstDataRow: 9,
} as const;

/** Sổ theo dõi hồ sơ (Mẫu 06) for a period: one row per dossier received, dates as real dates. */
export async function buildRegisterXlsx(doc: RegisterDocument, createdAt: Date): Promise<Uint8Array> {
  const { wb, ws } = formWorkbook(createdAt, REGISTER_XLSX.sheetName, {
    printTitles: [REGISTER_XLSX.headerRow, REGISTER_XLSX.numbersRow],
    // A register is read scrolling down: keep its header in view.
    frozenRows: REGISTER_XLSX.numbersRow,
  });
  ws.columns = [6, 24, 36, 9, 28, 32, 22, 12, 12, 14, 14, 14, 28].map((width) => ({ width }));

  agencyLines(ws, doc.agency, 1, 4);
  mergedLine(ws, 1, 10, 13, REGISTER_FORM, { italic: true, size: 11 });
  mergedLine(ws, 3, 1, 13, REGISTER_TITLE, { bold: true, size: 14 });
  mergedLine(ws, 4, 1, 13, `(${formatPeriod(doc.period)})`, { italic: true });

  let row = writeHeader(ws, REGISTER_HEADER, REGISTER_XLSX.headerRow);
  ws.getRow(REGISTER_XLSX.headerRow + 1).height = 45;
  for (const r of doc.rows) {
    const values: ExcelJS.CellValue[] = [
      r.stt,
      r.code,
      r.procedure,
      r.setCount,
      r.applicant,
      r.addressPhone,
      r.handlingBody,
      dateValue(r.receivedOn),
      dateValue(r.dueOn),
      dateValue(r.forwardedOn),
      dateValue(r.resultOn),
      dateValue(r.returnedOn),
      r.note,
    ];
    values.forEach((value, i) => {
      const cell = ws.getCell(row, i + 1);
      cell.value = value;
      const isDate = i >= 7 && i <= 11;
      styleCell(cell, { size: 11, align: i === 0 || i === 3 || isDate ? 'center' : 'left', border: true });
      if (isDate) cell.numFmt = DATE_FORMAT;
    });
    row += 1;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
