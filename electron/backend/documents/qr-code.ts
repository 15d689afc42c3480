import { concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import type { PDFPage } from 'pdf-lib';
import { deflateSync } from 'node:zlib';
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
  // One byte-mode segment, stated rather than searched for: the library's optimal segmentation (a graph
  // search over mode switches) costs more than the rest of the encoding, and mixed-case base64url text ends
  // up in byte mode anyway.
  const { modules } = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
  });
  return { size: modules.size, isDark: (row, column) => Boolean(modules.get(row, column)) };
}

/**
 * Draws the symbol with its top-left corner at (x, top) in PDF points, `size` points wide (modules only: the
 * caller keeps a quiet zone of `QR_QUIET_ZONE_MODULES` modules clear around it).
 *
 * The modules go into a Form XObject drawn in module units (one unit per module, integers only) and scaled
 * into place: each horizontal run of dark modules is one rectangle and all of them are filled as one path, so
 * neighbouring modules show no hairline seams. Writing the path as text directly is ~10× faster than a
 * thousand pdf-lib operator objects, and the integer coordinates keep the stream to a few kilobytes.
 */
export function drawQrCode(page: PDFPage, matrix: QrMatrix, x: number, top: number, size: number): void {
  const n = matrix.size;
  const path: string[] = [];
  for (let row = 0; row < n; row++) {
    // Form space has y upwards: row 0 is the top row.
    const y = n - row - 1;
    let column = 0;
    while (column < n) {
      if (!matrix.isDark(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < n && matrix.isDark(row, column)) column += 1;
      path.push(`${start} ${y} ${column - start} 1 re`);
    }
  }
  const context = page.doc.context;
  // node:zlib rather than pdf-lib's pure-JS deflate: same bytes on the page, a fraction of the time.
  const form = context.stream(deflateSync(`0 g\n${path.join('\n')}\nf\n`), {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, n, n],
    Filter: 'FlateDecode',
  });
  const name = page.node.newXObject('QR', context.register(form));
  const scale = size / n;
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(scale, 0, 0, scale, x, top - size),
    drawObject(name),
    popGraphicsState(),
  );
}
