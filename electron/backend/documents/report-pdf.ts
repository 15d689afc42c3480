import { drawAdminHeader, drawSignatures } from './admin-header';
import { A4_LANDSCAPE, DocumentWriter, mm } from './document-layout';
import type { RichText, TextBlock } from './document-layout';
import { drawTable } from './document-table';
import type { TableColumn } from './document-table';
import type { FontSet } from './font-set';
import type { TableHeader } from '../../../shared/domain/statistics';
import {
  BIEU06_FORM,
  BIEU06_HEADER,
  BIEU06_TITLE,
  BIEU06_UNIT,
  bieu06Keys,
  columnNumbers,
  formatPeriod,
  summaryLine,
} from '../../../shared/domain/statistics';
import type { Bieu06Document } from '../statistics/report-document';

/*
 * Biểu số 06/VPCP/KSTT on A4 landscape (NĐ 30/2020 Phụ lục I allows landscape for tables): the administrative
 * header with the agency from settings, the form's title, period and unit, the table with its merged header
 * cells as on the form, and the signature block. The column-number row repeats on continuation pages.
 */

const TABLE_SIZE = 10.5;

/**
 * Draws a header with merged cells at the cursor and moves below it. Row heights fit the tallest single-row
 * cell; a cell spanning rows that needs more height stretches its last row.
 */
export function drawHeaderGrid(
  w: DocumentWriter,
  header: TableHeader,
  widths: readonly number[],
  options: { size?: number; padding?: number; border?: number } = {},
): void {
  const size = options.size ?? TABLE_SIZE;
  const padding = options.padding ?? 3;
  const border = options.border ?? 0.5;
  const lineHeight = w.lineHeight(size);
  const xs = widths.reduce<number[]>(
    (acc, width) => [...acc, (acc[acc.length - 1] ?? w.left) + width],
    [w.left],
  );
  const laid = header.cells.map((cell) => {
    const left = xs[cell.col] ?? w.left;
    const right = xs[cell.col + (cell.colSpan ?? 1)] ?? w.right;
    const block = w.layoutText(cell.text, Math.max(1, right - left - 2 * padding), {
      size,
      bold: true,
      align: 'center',
    });
    return { cell, left, right, block, need: block.lines.length * lineHeight + 2 * padding };
  });
  const heights = Array.from({ length: header.rows }, () => lineHeight + 2 * padding);
  for (const { cell, need } of laid) {
    if ((cell.rowSpan ?? 1) === 1) heights[cell.row] = Math.max(heights[cell.row] ?? 0, need);
  }
  for (const { cell, need } of laid) {
    const span = cell.rowSpan ?? 1;
    if (span === 1) continue;
    const have = heights.slice(cell.row, cell.row + span).reduce((a, b) => a + b, 0);
    const last = cell.row + span - 1;
    if (need > have) heights[last] = (heights[last] ?? 0) + need - have;
  }
  const total = heights.reduce((a, b) => a + b, 0);
  w.ensureSpace(total + lineHeight * 4);
  const top = w.y;
  const rowTop = (row: number) => top - heights.slice(0, row).reduce((a, b) => a + b, 0);
  for (const { cell, left, right, block } of laid) {
    const cellTop = rowTop(cell.row);
    const cellBottom = rowTop(cell.row + (cell.rowSpan ?? 1));
    w.drawLine(left, cellTop, right, cellTop, border);
    w.drawLine(left, cellBottom, right, cellBottom, border);
    w.drawLine(left, cellTop, left, cellBottom, border);
    w.drawLine(right, cellTop, right, cellBottom, border);
    drawCentred(w, block, left + padding, cellTop, cellTop - cellBottom);
  }
  w.moveTo(top - total);
}

function drawCentred(w: DocumentWriter, block: TextBlock, x: number, top: number, height: number): void {
  w.drawTextBlock(block, x, top - (height - block.height) / 2);
}

/** Columns for drawTable whose header row is the '(1)…(n)' numbering under a drawHeaderGrid header. */
export function numberedColumns(
  widths: readonly number[],
  aligns: readonly TableColumn['align'][],
): TableColumn[] {
  return columnNumbers(widths.length).map((text, i) => ({
    header: [{ text, bold: false, italic: true }],
    width: widths[i] ?? 0,
    align: aligns[i] ?? 'left',
  }));
}

export async function buildReportPdf(
  doc: Bieu06Document,
  fonts: FontSet,
  createdAt: Date,
): Promise<Uint8Array> {
  const period = formatPeriod(doc.period);
  const w = await DocumentWriter.create(fonts, {
    page: A4_LANDSCAPE,
    metadata: {
      title: `${BIEU06_FORM} – ${period}`,
      author: doc.agency.name,
      subject: BIEU06_TITLE,
      keywords: ['Biểu 06/VPCP/KSTT', 'thủ tục hành chính', doc.period.from, doc.period.to],
      createdAt,
    },
  });
  drawAdminHeader(w, {
    governingBody: doc.agency.governingBody,
    issuingBody: doc.agency.name,
    place: doc.agency.place,
    date: doc.issuedOn,
  });
  w.moveDown(w.lineHeight() * 0.5);
  w.paragraph(BIEU06_FORM, { size: 11, bold: true, align: 'right' });
  w.paragraph(BIEU06_TITLE, { size: 13, bold: true, align: 'center', spaceBefore: 4 });
  w.paragraph(`(${period})`, { size: 12, italic: true, align: 'center' });
  w.paragraph(BIEU06_UNIT, { size: 11, italic: true, align: 'right', spaceBefore: 2, spaceAfter: 4 });

  const numberWidth = mm(15.5);
  const sttWidth = mm(11);
  const widths = [sttWidth, w.contentWidth - sttWidth - numberWidth * 11, ...Array(11).fill(numberWidth)];
  drawHeaderGrid(w, BIEU06_HEADER, widths);
  const rows: RichText[][] = doc.rows.map((row) => {
    const cells = [row.stt, row.label, ...bieu06Keys.map((k) => row[k].toLocaleString('vi-VN'))];
    return row.kind === 'procedure' ? cells : cells.map((text) => [{ text, bold: true }]);
  });
  drawTable(w, {
    columns: numberedColumns(widths, ['center', 'left', ...Array(11).fill('right')]),
    rows,
    size: TABLE_SIZE,
  });

  const total = doc.rows.at(-1);
  w.paragraph(summaryLine(total?.rate ?? null, doc.averageProcessingDays), {
    size: 11,
    italic: true,
    spaceBefore: 4,
  });
  drawSignatures(
    w,
    [
      { titleLines: ['NGƯỜI LẬP BIỂU'], hint: '(Ký, ghi rõ họ tên)', signatureSpace: mm(20) },
      {
        titleLines: doc.signature.titleLines,
        hint: '(Ký, ghi rõ họ tên, đóng dấu)',
        name: doc.signature.name,
        signatureSpace: mm(20),
      },
    ],
    { size: 12 },
  );
  return w.save();
}
