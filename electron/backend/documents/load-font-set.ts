import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { warmFontCache } from './font-cache';
import { FONT_FILE_NAMES, FONT_STYLES, MONO_FONT_FILE_NAME } from './font-set';
import type { FontSet, FontStyle } from './font-set';

/**
 * Reads the four document faces from `fontsDir` (normally resources/fonts), checks that they are TrueType
 * files covering every Vietnamese letter, and parses them into the shared font cache. Call once at start-up
 * and pass the result to the PDF builders.
 *
 * The coverage check exists because Liberation Serif 1.07 (pulled in by Debian's chromium) has the same file
 * names but lacks 92 Vietnamese letters and would print tofu boxes (toolchain.md §4).
 */
export function loadFontSet(fontsDir: string): FontSet {
  const readFile = (name: string): Uint8Array => {
    const path = join(fontsDir, name);
    const bytes = readFileSync(path);
    if (!isTrueType(bytes)) throw new Error(`Not a TrueType font: ${path}`);
    return bytes;
  };
  const read = (style: FontStyle): Uint8Array => readFile(FONT_FILE_NAMES[style]);
  const fonts: FontSet = {
    regular: read('regular'),
    bold: read('bold'),
    italic: read('italic'),
    boldItalic: read('boldItalic'),
    mono: readFile(MONO_FONT_FILE_NAME),
  };
  const views = warmFontCache(
    FONT_STYLES.map((style) => fonts[style]),
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc 0123456789',
  );
  // The mono face prints signed payloads: ASCII base64url and dots, nothing else.
  const [mono] = warmFontCache([fonts.mono], PAYLOAD_ALPHABET);
  const missingAscii = [...PAYLOAD_ALPHABET].filter(
    (c) => !mono?.hasGlyphForCodePoint(c.codePointAt(0) ?? 0),
  );
  if (missingAscii.length > 0) {
    throw new Error(`${MONO_FONT_FILE_NAME} in ${fontsDir} lacks ${missingAscii.join(' ')}`);
  }
  views.forEach((font, index) => {
    const missing = VIETNAMESE_LETTERS.filter(
      (letter) => !font.hasGlyphForCodePoint(letter.codePointAt(0) ?? 0),
    );
    if (missing.length > 0) {
      const style = FONT_STYLES[index] ?? 'regular';
      throw new Error(
        `${FONT_FILE_NAMES[style]} in ${fontsDir} lacks ${missing.length} Vietnamese letters (${missing.slice(0, 10).join(' ')} …)`,
      );
    }
  });
  return fonts;
}

const PAYLOAD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';

function isTrueType(bytes: Uint8Array): boolean {
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  return tag === '\u0000\u0001\u0000\u0000' || tag === 'true';
}

/** The 134 letters with Vietnamese diacritics (67 lower-case, 67 upper-case), built from base + tone mark. */
export const VIETNAMESE_LETTERS: readonly string[] = (() => {
  const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const tones = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const lower = ['ă', 'â', 'đ', 'ê', 'ô', 'ơ', 'ư', ...vowels.flatMap((v) => tones.map((t) => `${v}${t}`))];
  return [...lower, ...lower.map((letter) => letter.toUpperCase())].map((letter) => letter.normalize('NFC'));
})();
