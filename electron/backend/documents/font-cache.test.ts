import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { cachingFontkit } from './font-cache';
import type { Fontkit } from './font-cache';
import { pdfToFlatText, testFonts } from './pdf-test-support';

async function makePdf(kit: Fontkit, lines: readonly string[]): Promise<Uint8Array> {
  const fonts = testFonts();
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(kit);
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  const page = doc.addPage([595, 842]);
  lines.forEach((text, i) => {
    page.drawText(text, { x: 50, y: 780 - i * 20, size: 12, font: i % 2 === 0 ? regular : bold });
  });
  return doc.save();
}

const DOCUMENTS: readonly (readonly string[])[] = [
  ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Cộng hòa xã hội chủ nghĩa Việt Nam, chủ nghĩa'],
  ['Nguyễn Thị Thủy Ngân', 'u ư ủ ữ ặ ẩ ợ Đ ơ ỹ', 'Quyển số 3 – Số thứ tự 07'],
  ['plain ascii: nut, bun, cup', 'Hồ sơ đầy đủ'],
];

describe('cachingFontkit', () => {
  it('produces byte-identical PDFs to a fresh fontkit parse, however documents interleave', async () => {
    const cached: Uint8Array[] = [];
    for (let round = 0; round < 2; round++) {
      for (const lines of DOCUMENTS) cached.push(await makePdf(cachingFontkit, lines));
    }
    // Also concurrently: embedding is async, so documents can be built in parallel.
    cached.push(...(await Promise.all(DOCUMENTS.map((lines) => makePdf(cachingFontkit, lines)))));
    for (const [i, pdf] of cached.entries()) {
      const lines = DOCUMENTS[i % DOCUMENTS.length] ?? [];
      const fresh = await makePdf(fontkit, lines);
      expect(Buffer.from(pdf).equals(Buffer.from(fresh)), `document ${i}`).toBe(true);
    }
  });

  it('keeps every letter extractable after other documents used composite glyphs', async () => {
    // "ủ" is a composite glyph built on "u"; sharing one fontkit font naively made a later "u" unextractable.
    await makePdf(cachingFontkit, ['chủ nghĩa, thủ tục, Thủy']);
    const text = pdfToFlatText(await makePdf(cachingFontkit, ['plain ascii: nut, bun, cup']));
    expect(text).toContain('plain ascii: nut, bun, cup');
  });

  it('parses a font once and hands each document its own view', () => {
    const bytes = testFonts().regular;
    const a = cachingFontkit.create(bytes);
    const b = cachingFontkit.create(bytes);
    expect(a).not.toBe(b);
    expect(Object.getPrototypeOf(a)).toBe(Object.getPrototypeOf(b));
    expect(a.postscriptName).toBe('LiberationSerif');
  });
});
