import { PDFDocument, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { cachingFontkit } from './font-cache';
import { fontStyleOf } from './font-set';
import type { FontSet, FontStyle } from './font-set';

/*
 * A small text-flow layer over pdf-lib for Vietnamese administrative documents (NĐ 30/2020/NĐ-CP, Phụ lục I):
 * A4 pages with the decree's margins, word-wrapped paragraphs (left, centre, right, justified), bold/italic
 * runs, automatic page breaks and page numbers. Coordinates are PDF points with y growing upwards; the writer
 * keeps a cursor `y` at the top edge of the next line box.
 *
 * Every string is normalised to NFC before it is measured or drawn: pdf-lib does not position combining marks,
 * so decomposed input (NFD, common from macOS and some web forms) would print floating accents.
 */

export const POINTS_PER_MM = 72 / 25.4;

export function mm(millimetres: number): number {
  return millimetres * POINTS_PER_MM;
}

export interface PageSize {
  readonly width: number;
  readonly height: number;
}

/** NĐ 30/2020 Phụ lục I: A4 (210 × 297 mm); landscape is allowed for tables in annexes and reports. */
export const A4_PORTRAIT: PageSize = { width: mm(210), height: mm(297) };
export const A4_LANDSCAPE: PageSize = { width: mm(297), height: mm(210) };

export interface PageMargins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/**
 * NĐ 30/2020 Phụ lục I allows top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm; we take the
 * lower bound of each range (the wide left margin is the binding edge).
 */
export const ND30_MARGINS: PageMargins = { top: mm(20), right: mm(15), bottom: mm(20), left: mm(30) };

/**
 * "Single" line spacing of a Times-metric face: Liberation Serif's (ascender + descender + lineGap) / em =
 * (1825 + 443 + 87) / 2048 ≈ 1.15, the same advance word processors use for Times New Roman. NĐ 30 allows
 * single to 1.5 lines.
 */
export const SINGLE_LINE = 1.15;

/** Body text size: NĐ 30/2020 Phụ lục I gives 13–14 pt for the body. */
export const BODY_SIZE = 13;

export type TextAlign = 'left' | 'center' | 'right' | 'justify';

export interface TextRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

/** Plain text, or runs with their own emphasis. '\n' forces a line break in either. */
export type RichText = string | readonly TextRun[];

export interface TextStyle {
  /** Font size in points; defaults to the writer's base size. */
  readonly size?: number;
  /** Defaults for plain strings and for runs that leave them unset. */
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly align?: TextAlign;
  /** Multiple of single line spacing (SINGLE_LINE × size). */
  readonly lineSpacing?: number;
}

/** Styling of a laid-out block of text (no vertical spacing: that belongs to the flow). */
export interface BlockStyle extends TextStyle {
  /** Extra indent of the first line, relative to `indent`; negative for a hanging indent. */
  readonly firstLineIndent?: number;
  readonly indent?: number;
  readonly rightIndent?: number;
}

export interface ParagraphStyle extends BlockStyle {
  readonly spaceBefore?: number;
  readonly spaceAfter?: number;
  /** Move the whole paragraph to the next page rather than split it. */
  readonly keepTogether?: boolean;
  /** Points that must still fit below the paragraph on the same page (e.g. a heading before a table). */
  readonly keepWithNext?: number;
}

interface Piece {
  readonly text: string;
  readonly font: FontStyle;
  readonly underline: boolean;
  readonly width: number;
}

/** A run of text drawn with one drawText call. */
interface Span {
  text: string;
  readonly font: FontStyle;
  readonly underline: boolean;
  readonly x: number;
  width: number;
}

interface Word {
  readonly pieces: readonly Piece[];
  readonly width: number;
  /** Width of the space in front of the word (dropped at the start of a line). */
  readonly gap: number;
  readonly gapFont: FontStyle;
}

export interface TextLine {
  readonly words: readonly Word[];
  /** Natural width: words plus one space between each. */
  readonly width: number;
  /** Offset of the line box from the block's left edge (indents). */
  readonly indent: number;
  /** Width available to the line (for centring, right alignment and justification). */
  readonly available: number;
  /** Last line of a paragraph or followed by '\n': never stretched when justifying. */
  readonly isHardEnd: boolean;
}

/** A paragraph laid out for a given width, ready to be drawn anywhere (or split across pages). */
export interface TextBlock {
  readonly lines: readonly TextLine[];
  readonly size: number;
  readonly lineHeight: number;
  readonly align: TextAlign;
  readonly height: number;
  /** Widest natural line, for rules that must match the text length. */
  readonly maxLineWidth: number;
}

export type StackItem =
  | {
      readonly kind: 'text';
      readonly text: RichText;
      readonly style?: BlockStyle;
      readonly spaceBefore?: number;
    }
  /**
   * A solid rule centred under the previous text item: `length` 'text' = as long as its widest line,
   * a number below 1 = that fraction of it, otherwise points.
   */
  | {
      readonly kind: 'rule';
      readonly length: 'text' | number;
      readonly thickness?: number;
      readonly spaceBefore?: number;
      readonly spaceAfter?: number;
    }
  | { readonly kind: 'space'; readonly height: number };

type StackPart =
  | { readonly kind: 'text'; readonly block: TextBlock; readonly offset: number }
  | {
      readonly kind: 'rule';
      readonly from: number;
      readonly to: number;
      readonly offset: number;
      readonly thickness: number;
    };

/** A column of text blocks and rules laid out for one width (header columns, signature blocks, Nơi nhận). */
export interface Stack {
  readonly width: number;
  readonly height: number;
  readonly parts: readonly StackPart[];
}

export interface DocumentMetadata {
  readonly title: string;
  readonly author: string;
  readonly subject?: string;
  readonly keywords?: readonly string[];
  /** Defaults to 'LicenceDesk'. */
  readonly creator?: string;
  /** BCP 47 tag for /Lang; defaults to 'vi'. */
  readonly language?: string;
  /** Creation and modification date; pass the document's own timestamp so output is reproducible. */
  readonly createdAt?: Date;
}

export interface DocumentWriterOptions {
  readonly page?: PageSize;
  readonly margins?: PageMargins;
  readonly baseSize?: number;
  /** Page numbers centred in the top margin from the second page of each section (default true). */
  readonly pageNumbers?: boolean;
  readonly metadata?: DocumentMetadata;
}

const BLACK = rgb(0, 0, 0);
const EPSILON = 0.01;

export function nfc(text: string): string {
  // Tabs and carriage returns would print as .notdef boxes; fold them into the two separators we lay out.
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
}

/**
 * Lays out and draws text on A4 pages. Create one per document with `DocumentWriter.create`, draw, then
 * `save()`. Not reusable across documents.
 */
const sharedWidths = new WeakMap<FontSet, Map<string, number>>();
/** Widths are kept for at most this many distinct strings per font set (a long-running app prints for years). */
const MAX_SHARED_WIDTHS = 50_000;

function widthCacheFor(fontSet: FontSet): Map<string, number> {
  let cache = sharedWidths.get(fontSet);
  if (!cache || cache.size > MAX_SHARED_WIDTHS) {
    cache = new Map();
    sharedWidths.set(fontSet, cache);
  }
  return cache;
}

export class DocumentWriter {
  readonly doc: PDFDocument;
  readonly pageSize: PageSize;
  readonly margins: PageMargins;
  readonly baseSize: number;
  private readonly fonts: Readonly<Record<FontStyle, PDFFont>>;
  private readonly pageNumbers: boolean;
  private currentPage: PDFPage;
  private cursor: number;
  private pageBottom: number;
  private sectionPage = 1;
  private readonly widths: Map<string, number>;
  private fontSet: FontSet | null = null;
  private mono: Promise<PDFFont> | null = null;

  private constructor(
    doc: PDFDocument,
    fonts: Record<FontStyle, PDFFont>,
    options: DocumentWriterOptions,
    widths: Map<string, number>,
  ) {
    this.doc = doc;
    this.fonts = fonts;
    this.widths = widths;
    this.pageSize = options.page ?? A4_PORTRAIT;
    this.margins = options.margins ?? ND30_MARGINS;
    this.baseSize = options.baseSize ?? BODY_SIZE;
    this.pageNumbers = options.pageNumbers ?? true;
    this.currentPage = doc.addPage([this.pageSize.width, this.pageSize.height]);
    this.cursor = this.contentTop;
    this.pageBottom = this.margins.bottom;
  }

  static async create(fontSet: FontSet, options: DocumentWriterOptions = {}): Promise<DocumentWriter> {
    // updateMetadata: false keeps pdf-lib from stamping the wall clock into the file; dates come from the data.
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(cachingFontkit);
    // Subsetting keeps a one-page receipt under 50 KB; whole faces cost ~220 KB each (toolchain.md §5).
    const embed = (style: FontStyle): Promise<PDFFont> => doc.embedFont(fontSet[style], { subset: true });
    const [regular, bold, italic, boldItalic] = await Promise.all([
      embed('regular'),
      embed('bold'),
      embed('italic'),
      embed('boldItalic'),
    ]);
    const fonts: Record<FontStyle, PDFFont> = { regular, bold, italic, boldItalic };
    if (options.metadata !== undefined) applyMetadata(doc, options.metadata);
    const writer = new DocumentWriter(doc, fonts, options, widthCacheFor(fontSet));
    writer.fontSet = fontSet;
    return writer;
  }

  /**
   * The monospaced face, embedded (as a subset) the first time a document asks for it: for codes a person
   * may retype, where 0/O and 1/l/I must differ. Never a standard PDF font, which would not be embedded.
   */
  monoFont(): Promise<PDFFont> {
    if (this.fontSet === null) throw new Error('DocumentWriter has no font set');
    this.mono ??= this.doc.embedFont(this.fontSet.mono, { subset: true });
    return this.mono;
  }

  // ---- geometry -------------------------------------------------------------------------------------------

  get page(): PDFPage {
    return this.currentPage;
  }

  /** 1-based page number within the current section. */
  get pageInSection(): number {
    return this.sectionPage;
  }

  get left(): number {
    return this.margins.left;
  }

  get right(): number {
    return this.pageSize.width - this.margins.right;
  }

  get contentWidth(): number {
    return this.right - this.left;
  }

  get contentTop(): number {
    return this.pageSize.height - this.margins.top;
  }

  /** Top of the next line box. */
  get y(): number {
    return this.cursor;
  }

  /** Lowest y content may reach on this page (raised by a footer). */
  get bottom(): number {
    return this.pageBottom;
  }

  get remainingHeight(): number {
    return this.cursor - this.pageBottom;
  }

  get isAtPageTop(): boolean {
    return this.cursor >= this.contentTop - EPSILON;
  }

  moveDown(points: number): void {
    this.cursor -= points;
  }

  moveTo(y: number): void {
    this.cursor = y;
  }

  // ---- pages ----------------------------------------------------------------------------------------------

  newPage(): void {
    this.addPage();
    this.sectionPage += 1;
    if (this.pageNumbers && this.sectionPage >= 2) this.drawPageNumber(this.sectionPage);
  }

  /** Starts a new page whose numbering restarts at 1 (e.g. the second copy of a receipt). */
  newSection(): void {
    this.addPage();
    this.sectionPage = 1;
  }

  /** Breaks the page unless `height` fits below the cursor. Never breaks at the top of a page. */
  ensureSpace(height: number): boolean {
    if (height <= this.remainingHeight + EPSILON || this.isAtPageTop) return false;
    this.newPage();
    return true;
  }

  private addPage(): void {
    this.currentPage = this.doc.addPage([this.pageSize.width, this.pageSize.height]);
    this.cursor = this.contentTop;
    this.pageBottom = this.margins.bottom;
  }

  /** NĐ 30/2020 Phụ lục I: page numbers in Arabic numerals, 13–14 pt, centred in the top margin, not on page 1. */
  private drawPageNumber(n: number): void {
    const size = this.baseSize;
    const text = String(n);
    const width = this.measure(text, { size });
    const baseline = this.pageSize.height - this.margins.top / 2 - size * 0.35;
    this.currentPage.drawText(text, {
      x: this.left + (this.contentWidth - width) / 2,
      y: baseline,
      size,
      font: this.fonts.regular,
      color: BLACK,
    });
  }

  /**
   * Draws a footer at the bottom of the current page — a full-width rule and small text — and keeps body text
   * above it. NĐ 30/2020 Phụ lục I puts the optional address/phone/e-mail element at the foot of the first
   * page, 11–12 pt, separated by a solid line as wide as the text area.
   */
  placeFooter(text: RichText, style: TextStyle = {}): void {
    const block = this.layoutText(text, this.contentWidth, { size: 11, align: 'center', ...style });
    const top = this.margins.bottom + block.height;
    this.drawTextBlock(block, this.left, top);
    const ruleY = top + 3;
    this.drawLine(this.left, ruleY, this.right, ruleY, 0.5);
    this.pageBottom = ruleY + 10;
  }

  // ---- measuring ------------------------------------------------------------------------------------------

  font(style: FontStyle): PDFFont {
    return this.fonts[style];
  }

  measure(text: string, style: Pick<TextStyle, 'size' | 'bold' | 'italic'> = {}): number {
    return this.widthOf(
      fontStyleOf(style.bold ?? false, style.italic ?? false),
      nfc(text),
      style.size ?? this.baseSize,
    );
  }

  /**
   * Advance width of NFC text. Memoised per font set, across documents: every measurement runs fontkit's
   * OpenType shaper, forms repeat the same words, and consecutive licences repeat most of their text. A width
   * depends only on the font and the text, so sharing it cannot change a layout.
   */
  private widthOf(style: FontStyle, text: string, size: number): number {
    const key = `${style}\u0000${text}`;
    let perPoint = this.widths.get(key);
    if (perPoint === undefined) {
      perPoint = this.fonts[style].widthOfTextAtSize(text, 1000) / 1000;
      this.widths.set(key, perPoint);
    }
    return perPoint * size;
  }

  lineHeight(size: number = this.baseSize, lineSpacing = 1): number {
    return size * SINGLE_LINE * lineSpacing;
  }

  /** Breaks text into lines of at most `width` points. */
  layoutText(text: RichText, width: number, style: BlockStyle = {}): TextBlock {
    const size = style.size ?? this.baseSize;
    const lineHeight = this.lineHeight(size, style.lineSpacing ?? 1);
    const indent = style.indent ?? 0;
    const firstIndent = indent + (style.firstLineIndent ?? 0);
    const available = Math.max(1, width - indent - (style.rightIndent ?? 0));
    const firstAvailable = Math.max(1, width - firstIndent - (style.rightIndent ?? 0));
    const tokens = this.tokenize(text, style, size);
    const lines: TextLine[] = [];
    let words: Word[] = [];
    let lineWidth = 0;
    const lineAvailable = (): number => (lines.length === 0 ? firstAvailable : available);
    const flush = (isHardEnd: boolean): void => {
      const first = lines.length === 0;
      lines.push({
        words,
        width: lineWidth,
        indent: first ? firstIndent : indent,
        available: first ? firstAvailable : available,
        isHardEnd,
      });
      words = [];
      lineWidth = 0;
    };
    for (const token of tokens) {
      if (token === 'break') {
        flush(true);
        continue;
      }
      for (const word of this.splitOverlong(token, Math.min(available, firstAvailable), size)) {
        const added = words.length === 0 ? word.width : word.gap + word.width;
        if (words.length > 0 && lineWidth + added > lineAvailable() + EPSILON) flush(false);
        lineWidth += words.length === 0 ? word.width : word.gap + word.width;
        words.push(word);
      }
    }
    if (words.length > 0 || lines.length === 0) flush(true);
    const last = lines[lines.length - 1];
    if (last !== undefined && !last.isHardEnd) lines[lines.length - 1] = { ...last, isHardEnd: true };
    return {
      lines,
      size,
      lineHeight,
      align: style.align ?? 'left',
      height: lines.length * lineHeight,
      maxLineWidth: Math.max(0, ...lines.map((line) => line.width)),
    };
  }

  private tokenize(text: RichText, style: TextStyle, size: number): Array<Word | 'break'> {
    const runs: readonly TextRun[] = typeof text === 'string' ? [{ text }] : text;
    const tokens: Array<Word | 'break'> = [];
    let pieces: Piece[] = [];
    let gap = 0;
    let gapFont: FontStyle = 'regular';
    const flushWord = (): void => {
      if (pieces.length === 0) return;
      tokens.push({ pieces, width: sum(pieces.map((p) => p.width)), gap, gapFont });
      pieces = [];
      gap = 0;
    };
    for (const run of runs) {
      const font = fontStyleOf(run.bold ?? style.bold ?? false, run.italic ?? style.italic ?? false);
      const underline = run.underline ?? style.underline ?? false;
      for (const part of nfc(run.text).split(/(\n| +)/)) {
        if (part === '') continue;
        if (part === '\n') {
          flushWord();
          tokens.push('break');
        } else if (part.startsWith(' ')) {
          flushWord();
          gap = this.widthOf(font, ' ', size);
          gapFont = font;
        } else {
          pieces.push({ text: part, font, underline, width: this.widthOf(font, part, size) });
        }
      }
    }
    flushWord();
    return tokens;
  }

  /** A word wider than the line (a long e-mail address, a code) is cut between characters. */
  private splitOverlong(word: Word, available: number, size: number): Word[] {
    if (word.width <= available + EPSILON) return [word];
    const result: Word[] = [];
    let pieces: Piece[] = [];
    const push = (): void => {
      // Only the first chunk keeps the space in front; the rest continue the same word on new lines.
      const gap = result.length === 0 ? word.gap : 0;
      result.push({ pieces, width: sum(pieces.map((p) => p.width)), gap, gapFont: word.gapFont });
      pieces = [];
    };
    for (const piece of word.pieces) {
      const width = (text: string): number => this.widthOf(piece.font, text, size);
      let text = '';
      for (const char of Array.from(piece.text)) {
        const used = sum(pieces.map((p) => p.width));
        const overflows = used + width(text + char) > available + EPSILON;
        if (overflows && (text !== '' || pieces.length > 0)) {
          if (text !== '') pieces.push({ ...piece, text, width: width(text) });
          push();
          text = char;
        } else {
          text += char;
        }
      }
      if (text !== '') pieces.push({ ...piece, text, width: width(text) });
    }
    if (pieces.length > 0) push();
    return result;
  }

  // ---- drawing --------------------------------------------------------------------------------------------

  /**
   * Draws lines [from, to) of a block with its top edge at `top`, left edge at `x`. Justified lines are set
   * word by word: Type0 (Identity-H) fonts ignore the PDF word-spacing operator, so stretching spaces
   * with Tw is not an option.
   */
  drawTextBlock(block: TextBlock, x: number, top: number, from = 0, to = block.lines.length): void {
    const regular = this.fonts.regular;
    const ascent = regular.heightAtSize(block.size, { descender: false });
    const glyphHeight = regular.heightAtSize(block.size);
    const baselineOffset = (block.lineHeight - glyphHeight) / 2 + ascent;
    for (let i = from; i < to; i++) {
      const line = block.lines[i];
      if (line === undefined) break;
      const baseline = top - (i - from) * block.lineHeight - baselineOffset;
      this.drawLineOfText(line, block, x, baseline);
    }
  }

  private drawLineOfText(line: TextLine, block: TextBlock, x: number, baseline: number): void {
    const slack = line.available - line.width;
    const stretch = block.align === 'justify' && !line.isHardEnd && line.words.length > 1 && slack > 0;
    const extraGap = stretch ? slack / (line.words.length - 1) : 0;
    let cursor = x + line.indent;
    if (block.align === 'center') cursor += slack / 2;
    else if (block.align === 'right') cursor += slack;

    // Merge consecutive pieces of one font into a single drawText call (smaller content streams, and text
    // extraction sees real spaces); justified lines break the merge at every gap.
    const spans: Span[] = [];
    let open: Span | undefined;
    for (const [index, word] of line.words.entries()) {
      if (index > 0) {
        const first = word.pieces[0];
        const joins =
          !stretch &&
          open !== undefined &&
          first !== undefined &&
          open.font === word.gapFont &&
          open.font === first.font &&
          open.underline === first.underline;
        if (joins && open !== undefined) {
          open.text += ' ';
          open.width += word.gap;
        } else {
          open = undefined;
        }
        cursor += word.gap + extraGap;
      }
      for (const piece of word.pieces) {
        if (open !== undefined && open.font === piece.font && open.underline === piece.underline) {
          open.text += piece.text;
          open.width += piece.width;
        } else {
          open = {
            text: piece.text,
            font: piece.font,
            underline: piece.underline,
            x: cursor,
            width: piece.width,
          };
          spans.push(open);
        }
        cursor += piece.width;
      }
    }
    for (const span of spans) this.drawSpan(span, block.size, baseline);
  }

  private drawSpan(span: Span, size: number, baseline: number): void {
    this.currentPage.drawText(span.text, {
      x: span.x,
      y: baseline,
      size,
      font: this.fonts[span.font],
      color: BLACK,
    });
    if (span.underline) {
      const y = baseline - size * 0.12;
      this.drawLine(span.x, y, span.x + span.width, y, Math.max(0.5, size * 0.05));
    }
  }

  drawLine(x1: number, y1: number, x2: number, y2: number, thickness = 0.5): void {
    this.currentPage.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness, color: BLACK });
  }

  /** Draws one line of text at an absolute baseline (no wrapping), aligned within [x, x + width]. */
  drawTextAt(
    text: string,
    x: number,
    baseline: number,
    style: Pick<TextStyle, 'size' | 'bold' | 'italic'> & {
      readonly align?: 'left' | 'center' | 'right';
      readonly width?: number;
    } = {},
  ): void {
    const size = style.size ?? this.baseSize;
    const font = fontStyleOf(style.bold ?? false, style.italic ?? false);
    const normalized = nfc(text);
    const textWidth = this.widthOf(font, normalized, size);
    const box = style.width ?? 0;
    const dx =
      style.align === 'center' ? (box - textWidth) / 2 : style.align === 'right' ? box - textWidth : 0;
    this.currentPage.drawText(normalized, {
      x: x + dx,
      y: baseline,
      size,
      font: this.fonts[font],
      color: BLACK,
    });
  }

  // ---- flowing content ------------------------------------------------------------------------------------

  /** Adds a paragraph at the cursor across the full text width, breaking pages between lines as needed. */
  paragraph(text: RichText, style: ParagraphStyle = {}): void {
    const block = this.layoutText(text, this.contentWidth, style);
    if (!this.isAtPageTop) this.moveDown(style.spaceBefore ?? 0);
    const keepWithNext = style.keepWithNext ?? 0;
    if (style.keepTogether === true || keepWithNext > 0) this.ensureSpace(block.height + keepWithNext);
    let i = 0;
    while (i < block.lines.length) {
      if (block.lineHeight > this.remainingHeight + EPSILON && !this.isAtPageTop) this.newPage();
      // Draw as many lines as fit in one go.
      const fit = Math.max(1, Math.floor((this.remainingHeight + EPSILON) / block.lineHeight));
      const to = Math.min(block.lines.length, i + fit);
      this.drawTextBlock(block, this.left, this.cursor, i, to);
      this.cursor -= (to - i) * block.lineHeight;
      i = to;
    }
    this.moveDown(style.spaceAfter ?? 0);
  }

  layoutStack(items: readonly StackItem[], width: number): Stack {
    const parts: StackPart[] = [];
    let offset = 0;
    let previous: { block: TextBlock; offset: number } | null = null;
    for (const item of items) {
      if (item.kind === 'space') {
        offset += item.height;
      } else if (item.kind === 'text') {
        offset += item.spaceBefore ?? 0;
        const block = this.layoutText(item.text, width, { align: 'center', ...item.style });
        parts.push({ kind: 'text', block, offset });
        previous = { block, offset };
        offset += block.height;
      } else {
        offset += item.spaceBefore ?? 0;
        const basis = previous?.block.maxLineWidth ?? width;
        const length = item.length === 'text' ? basis : item.length <= 1 ? basis * item.length : item.length;
        const centre = previous === null ? width / 2 : blockCentre(previous.block, width);
        const thickness = item.thickness ?? 0.5;
        parts.push({ kind: 'rule', from: centre - length / 2, to: centre + length / 2, offset, thickness });
        offset += thickness + (item.spaceAfter ?? 0);
      }
    }
    return { width, height: offset, parts };
  }

  drawStack(stack: Stack, x: number, top: number): void {
    for (const part of stack.parts) {
      if (part.kind === 'text') {
        this.drawTextBlock(part.block, x, top - part.offset);
      } else {
        const y = top - part.offset - part.thickness / 2;
        this.drawLine(x + part.from, y, x + part.to, y, part.thickness);
      }
    }
  }

  async save(): Promise<Uint8Array> {
    return this.doc.save({ useObjectStreams: true });
  }
}

function applyMetadata(doc: PDFDocument, meta: DocumentMetadata): void {
  doc.setTitle(nfc(meta.title), { showInWindowTitleBar: true });
  doc.setAuthor(nfc(meta.author));
  if (meta.subject !== undefined) doc.setSubject(nfc(meta.subject));
  if (meta.keywords !== undefined) doc.setKeywords(meta.keywords.map(nfc));
  doc.setCreator(meta.creator ?? 'LicenceDesk');
  doc.setProducer('LicenceDesk (pdf-lib)');
  doc.setLanguage(meta.language ?? 'vi');
  if (meta.createdAt !== undefined) {
    doc.setCreationDate(meta.createdAt);
    doc.setModificationDate(meta.createdAt);
  }
}

/** Horizontal centre of a block's text within its box (for rules under centred or aligned text). */
function blockCentre(block: TextBlock, width: number): number {
  const line = block.lines[0];
  if (line === undefined) return width / 2;
  if (block.align === 'center') return line.indent + line.available / 2;
  if (block.align === 'right') return line.indent + line.available - block.maxLineWidth / 2;
  return line.indent + block.maxLineWidth / 2;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
