import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

/** The fontkit shape pdf-lib accepts in `registerFontkit` (pdf-lib does not export the type itself). */
export type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type ParsedFont = ReturnType<Fontkit['create']>;

/**
 * Parsed fonts keyed by the identity of their byte array. A WeakMap, so a FontSet that is dropped takes its
 * parsed fonts with it; the key is identity, not content, so callers must not mutate font bytes in place.
 */
const parsedFonts = new WeakMap<Uint8Array, ParsedFont>();

/**
 * A fontkit stand-in for `PDFDocument.registerFontkit` that parses each font file once per process.
 *
 * pdf-lib calls `fontkit.create(bytes)` in every `embedFont`, and parsing dominates the cost of a small
 * document (toolchain.md §5). Handing the same parsed font to every document is NOT safe, though: fontkit
 * caches Glyph objects per font together with the code points they were first reached by, and the subsetter
 * creates the components of composite glyphs (e.g. "u" inside "ủ") with no code points. A later document that
 * draws a plain "u" then gets that cached glyph and pdf-lib writes an empty ToUnicode entry, so the letter
 * vanishes from copy/paste and pdftotext. (Verified: naive sharing changed the second document's bytes.)
 *
 * So each call returns a fresh per-document view: an object whose prototype is the parsed font, with its own
 * empty glyph cache. Everything parsed from the file (directory, decoded tables, the data stream) is shared;
 * everything that depends on what a document draws (glyphs, the layout engine and cmap processor, which
 * fontkit memoises on the receiving object) lives on the view. The output is byte-identical to a fresh
 * `fontkit.create` (font-cache.test.ts). The parsed base font itself is never used for layout, so nothing
 * glyph-related is ever memoised on it.
 *
 * Sharing the data stream is safe because fontkit seeks before every read and never awaits in between.
 */
export const cachingFontkit: Fontkit = {
  create(bytes: Uint8Array, postscriptName?: string): ParsedFont {
    // A font collection would need a parse per member; we only ship plain TTFs, so just don't cache those.
    if (postscriptName !== undefined) return fontkit.create(bytes, postscriptName);
    let base = parsedFonts.get(bytes);
    if (base === undefined) {
      base = fontkit.create(bytes);
      parsedFonts.set(bytes, base);
    }
    return createDocumentView(base);
  },
};

function createDocumentView(base: ParsedFont): ParsedFont {
  // `_glyphs` is fontkit's per-font glyph cache (TTFFont constructor). Shadowing it is all a view needs.
  const view: ParsedFont = Object.create(base, {
    _glyphs: { value: {}, writable: true, enumerable: false, configurable: true },
  });
  return view;
}

/**
 * Parses (and decodes the tables used for layout of) each font now, so the first document built after
 * start-up is as fast as the rest. Returns the views used, for callers that want to inspect the fonts.
 */
export function warmFontCache(fonts: Iterable<Uint8Array>, sample: string): ParsedFont[] {
  const views: ParsedFont[] = [];
  for (const bytes of fonts) {
    const view = cachingFontkit.create(bytes);
    view.layout(sample);
    views.push(view);
  }
  return views;
}
