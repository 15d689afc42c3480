/**
 * The four faces of the document serif. Bytes are passed in (loaded once at start-up by `loadFontSet`) so the
 * PDF builders never touch the file system and can run in vitest, the CLI and the web edition alike.
 *
 * The byte arrays are also the cache key for the parsed fonts (see font-cache.ts): treat them as immutable and
 * keep one FontSet for the life of the process.
 */
export interface FontSet {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  readonly italic: Uint8Array;
  readonly boldItalic: Uint8Array;
}

export type FontStyle = keyof FontSet;

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
