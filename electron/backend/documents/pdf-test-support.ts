import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFontSet } from './load-font-set';
import type { FontSet } from './font-set';

/*
 * Helpers for the PDF tests (architecture.md §6: assert on extracted text). Not imported by production code.
 * They need poppler-utils (pdftotext, pdfinfo) on PATH.
 */

export const FONTS_DIR = fileURLToPath(new URL('../../../resources/fonts', import.meta.url));

let fontSet: FontSet | undefined;

/** The committed fonts, loaded once per test file (as the backend does once per process). */
export function testFonts(): FontSet {
  fontSet ??= loadFontSet(FONTS_DIR);
  return fontSet;
}

function withTempPdf<T>(pdf: Uint8Array, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'licencedesk-pdf-'));
  try {
    const path = join(dir, 'document.pdf');
    writeFileSync(path, pdf);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PdfTextOptions {
  readonly firstPage?: number;
  readonly lastPage?: number;
}

/** `pdftotext -layout` of the document (or a page range), as UTF-8. */
export function pdfToText(pdf: Uint8Array, options: PdfTextOptions = {}): string {
  return withTempPdf(pdf, (path) => {
    const args = ['-layout', '-enc', 'UTF-8'];
    if (options.firstPage !== undefined) args.push('-f', String(options.firstPage));
    if (options.lastPage !== undefined) args.push('-l', String(options.lastPage));
    return execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8' });
  });
}

/** Extracted text with runs of spaces (layout padding, no-break spaces) folded to one space. */
export function pdfToFlatText(pdf: Uint8Array, options: PdfTextOptions = {}): string {
  return pdfToText(pdf, options).replace(/[ \u00a0]+/g, ' ');
}

/** `pdfinfo` fields (Title, Author, Pages, …). */
export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  return withTempPdf(pdf, (path) => {
    const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', path], { encoding: 'utf8' });
    const info: Record<string, string> = {};
    for (const line of out.split('\n')) {
      const m = /^([^:]+):\s*(.*)$/.exec(line);
      if (m?.[1] !== undefined && m[2] !== undefined) info[m[1]] = m[2];
    }
    return info;
  });
}

export interface PdfWord {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** Words of one page with their boxes (`pdftotext -bbox`; y grows downwards from the top of the page). */
export function pdfWords(pdf: Uint8Array, page: number): PdfWord[] {
  const html = withTempPdf(pdf, (path) =>
    execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), path, '-'], {
      encoding: 'utf8',
    }),
  );
  const words: PdfWord[] = [];
  const re = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(re)) {
    words.push({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: (m[5] ?? '')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"'),
    });
  }
  return words;
}

export interface PdfFont {
  readonly name: string;
  readonly type: string;
  readonly isEmbedded: boolean;
  readonly isSubset: boolean;
}

/**
 * `pdffonts` of the document: every font it uses, with whether it is embedded. The columns are cut where the
 * header's dashes are, so names with spaces (a non-embedded 'Times-Roman' alias, say) parse too.
 */
export function pdfFonts(pdf: Uint8Array): PdfFont[] {
  const out = withTempPdf(pdf, (path) => execFileSync('pdffonts', [path], { encoding: 'utf8' }));
  const lines = out.split('\n');
  const rule = lines.findIndex((line) => /^-+( -+)+$/.test(line.trim()));
  if (rule < 0) throw new Error(`unexpected pdffonts output:\n${out}`);
  const columns: Array<[number, number]> = [];
  for (const match of (lines[rule] ?? '').matchAll(/-+/g)) {
    columns.push([match.index, match.index + match[0].length]);
  }
  return lines
    .slice(rule + 1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cell = (i: number) => line.slice(columns[i]?.[0], columns[i]?.[1]).trim();
      return { name: cell(0), type: cell(1), isEmbedded: cell(3) === 'yes', isSubset: cell(4) === 'yes' };
    });
}
