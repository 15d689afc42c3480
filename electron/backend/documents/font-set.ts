/**
 * The four faces of the document serif, and a monospaced face for codes meant to be read back and retyped.
 * Bytes are passed in (loaded once at start-up by `loadFontSet`) so the PDF builders never touch the file
 * system and can run in vitest, the CLI and the web edition alike.
 *
 * Every font a document uses is embedded from these files (issue 12 §5): a PDF that relied on a viewer's own
 * Courier or Times would print differently elsewhere and is not fit for archiving (PDF/A requires embedding).
 *
 * The byte arrays are also the cache key for the parsed fonts (see font-cache.ts): treat them as immutable and
 * keep one FontSet for the life of the process.
 */
export interface FontSet {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  readonly italic: Uint8Array;
  readonly boldItalic: Uint8Array;
  /** Liberation Mono 2.1.5 Regular: the licence's verification code (ASCII only). */
  readonly mono: Uint8Array;
}

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

export const FONT_STYLES: readonly FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

/**
 * File names of the committed faces (resources/fonts). Liberation Serif 2.x has Times New Roman metrics, which
 * NĐ 30/2020 Phụ lục I names as the document typeface, and covers all Vietnamese letters; 1.07 does not
 * (toolchain.md §4), so the loader checks coverage rather than trusting the name.
 */
export const FONT_FILE_NAMES: Readonly<Record<FontStyle, string>> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
};

export function fontStyleOf(bold: boolean, italic: boolean): FontStyle {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

/** The monospaced face (resources/fonts, from the same Liberation 2.1.5 family and licence as the serif). */
export const MONO_FONT_FILE_NAME = 'LiberationMono-Regular.ttf';
