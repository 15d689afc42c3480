import { fill, popGraphicsState, pushGraphicsState, rectangle, setFillingGrayscaleColor } from 'pdf-lib';
import type { PDFOperator, PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';

/*
 * QR codes drawn as vector rectangles straight from the encoder's module matrix: no PNG round trip, so the
 * code stays sharp at any print resolution and costs a few kilobytes of path operators instead of an image.
 */

/** Modules of white border the QR specification asks for around the symbol (ISO/IEC 18004 "quiet zone"). */
export const QR_QUIET_ZONE_MODULES = 4;

export interface QrMatrix {
  /** Modules per side. */
  readonly size: number;
  /** True for a dark module, row-major from the top-left. */
  readonly isDark: (row: number, column: number) => boolean;
}

/**
 * Encodes text with error-correction level M (15 % recovery: enough for a scuffed paper licence while
 * keeping the symbol small enough for ~25 mm).
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (row, column) => Boolean(modules.get(row, column)) };
}

/**
 * Draws the symbol with its top-left corner at (x, top) in PDF points, `size` points wide (modules only: the
 * caller keeps a quiet zone of `QR_QUIET_ZONE_MODULES` modules clear around it). Each horizontal run of
 * dark modules becomes one rectangle, and all of them are filled as one path, so no hairline seams appear
 * between neighbouring modules.
 */
export function drawQrCode(page: PDFPage, matrix: QrMatrix, x: number, top: number, size: number): void {
  const module = size / matrix.size;
  const operators: PDFOperator[] = [pushGraphicsState(), setFillingGrayscaleColor(0)];
  for (let row = 0; row < matrix.size; row++) {
    const y = top - (row + 1) * module;
    let column = 0;
    while (column < matrix.size) {
      if (!matrix.isDark(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < matrix.size && matrix.isDark(row, column)) column += 1;
      operators.push(
        rectangle(round(x + start * module), round(y), round((column - start) * module), round(module)),
      );
    }
  }
  operators.push(fill(), popGraphicsState());
  page.pushOperators(...operators);
}

/** Three decimals of a point (~0.35 µm) are plenty and keep the content stream short. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
