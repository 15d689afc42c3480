import type { BlockStyle, DocumentWriter, RichText, TextAlign, TextBlock } from './document-layout';

export interface TableColumn {
  readonly header: RichText;
  /** Fixed width in points. Columns without one share the remaining width in proportion to `flex`. */
  readonly width?: number;
  readonly flex?: number;
  readonly align?: TextAlign;
}

export interface TableSpec {
  readonly columns: readonly TableColumn[];
  /** One array of cells per row; missing cells are left blank. */
  readonly rows: readonly (readonly RichText[])[];
  /** Cell text size; default 12 pt. */
  readonly size?: number;
  readonly padding?: number;
  readonly borderWidth?: number;
  /** Repeat the header row at the top of every continuation page (default true). */
  readonly repeatHeader?: boolean;
  /** Table width; default the full text width. */
  readonly width?: number;
}

interface LaidRow {
  readonly cells: readonly TextBlock[];
  readonly lines: number;
  readonly isHeader: boolean;
}

/**
 * A bordered table with wrapped cells, flowed at the cursor. A row that does not fit below the cursor moves
 * whole to the next page if it is short (up to a third of a page); taller rows are split between lines so
 * they do not leave a hole. The header row repeats on continuation pages.
 */
export function drawTable(w: DocumentWriter, spec: TableSpec): void {
  const size = spec.size ?? 12;
  const padding = spec.padding ?? 3;
  const border = spec.borderWidth ?? 0.5;
  const tableWidth = spec.width ?? w.contentWidth;
  const widths = columnWidths(spec.columns, tableWidth);
  const layoutRow = (cells: readonly RichText[], header: boolean): LaidRow => {
    const blocks = widths.map((width, i) => {
      const style: BlockStyle = header
        ? { size, bold: true, align: 'center' }
        : { size, align: spec.columns[i]?.align ?? 'left' };
      return w.layoutText(cells[i] ?? '', Math.max(1, width - 2 * padding), style);
    });
    return { cells: blocks, lines: Math.max(1, ...blocks.map((b) => b.lines.length)), isHeader: header };
  };
  const header = layoutRow(
    spec.columns.map((c) => c.header),
    true,
  );
  const lineHeight = w.lineHeight(size);
  const rowHeight = (lines: number): number => lines * lineHeight + 2 * padding;
  const headerHeight = rowHeight(header.lines);
  const repeatHeader = spec.repeatHeader ?? true;

  const drawSegment = (row: LaidRow, from: number, to: number): void => {
    const top = w.y;
    const height = rowHeight(to - from);
    let x = w.left;
    row.cells.forEach((block, i) => {
      const width = widths[i] ?? 0;
      const cellTo = Math.min(to, block.lines.length);
      // Header cells are centred vertically; body cells start at the top, as in a word processor.
      const drop = row.isHeader ? ((row.lines - block.lines.length) * lineHeight) / 2 : 0;
      if (from < cellTo) w.drawTextBlock(block, x + padding, top - padding - drop, from, cellTo);
      x += width;
    });
    drawRowBorders(w, widths, top, height, border);
    w.moveDown(height);
  };

  // Keep the header with the first row.
  const firstRow = spec.rows[0];
  const firstHeight = firstRow === undefined ? 0 : rowHeight(layoutRow(firstRow, false).lines);
  w.ensureSpace(headerHeight + firstHeight);
  drawSegment(header, 0, header.lines);

  for (const cells of spec.rows) {
    const row = layoutRow(cells, false);
    let from = 0;
    while (from < row.lines) {
      const left = row.lines - from;
      let fit = Math.floor((w.remainingHeight - 2 * padding + 0.01) / lineHeight);
      if (fit < left) {
        // Short rows move whole to the next page; a tall row fills this page first rather than leave a hole.
        // Either way no piece of a split row is a single line.
        const capacity = pageCapacity(w) - (repeatHeader ? headerHeight : 0);
        const isShort = rowHeight(left) <= capacity / 3;
        if (left - fit === 1) fit -= 1;
        if (isShort || fit < 2) {
          w.newPage();
          if (repeatHeader) drawSegment(header, 0, header.lines);
          fit = Math.max(1, Math.floor((w.remainingHeight - 2 * padding + 0.01) / lineHeight));
          if (fit < left && left - fit === 1 && fit > 2) fit -= 1;
        }
      }
      const to = Math.min(row.lines, from + fit);
      drawSegment(row, from, to);
      from = to;
    }
  }
}

function drawRowBorders(
  w: DocumentWriter,
  widths: readonly number[],
  top: number,
  height: number,
  border: number,
): void {
  const right = w.left + widths.reduce((a, b) => a + b, 0);
  const bottom = top - height;
  w.drawLine(w.left, top, right, top, border);
  w.drawLine(w.left, bottom, right, bottom, border);
  let x = w.left;
  w.drawLine(x, top, x, bottom, border);
  for (const width of widths) {
    x += width;
    w.drawLine(x, top, x, bottom, border);
  }
}

function pageCapacity(w: DocumentWriter): number {
  return w.contentTop - w.margins.bottom;
}

function columnWidths(columns: readonly TableColumn[], total: number): number[] {
  const fixed = columns.reduce((a, c) => a + (c.width ?? 0), 0);
  const flexTotal = columns.reduce((a, c) => a + (c.width === undefined ? (c.flex ?? 1) : 0), 0);
  const free = Math.max(0, total - fixed);
  return columns.map((c) => c.width ?? (flexTotal === 0 ? 0 : (free * (c.flex ?? 1)) / flexTotal));
}
