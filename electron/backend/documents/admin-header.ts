import { headingOf } from '../../../shared/domain/authority-names';
import { mm, nfc } from './document-layout';
import type { DocumentWriter, StackItem } from './document-layout';
import { formatPlaceDateLine } from './vietnamese-date';

/*
 * The fixed parts of an administrative document, positioned as NĐ 30/2020/NĐ-CP Phụ lục I lays them out:
 * the two-column header (tên cơ quan | Quốc hiệu và Tiêu ngữ, then số | địa danh và thời gian), the title
 * (tên loại and trích yếu), signature blocks and "Nơi nhận".
 */

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export interface AdminHeader {
  /** Tên cơ quan chủ quản trực tiếp, e.g. 'UBND tỉnh Bắc Ninh'. Printed upper case, not bold. */
  readonly governingBody?: string;
  /** Tên cơ quan ban hành, e.g. 'Sở Văn hóa, Thể thao và Du lịch'. Printed upper case, bold; '\n' breaks. */
  readonly issuingBody: string;
  /** Số và ký hiệu, e.g. '12/GP-SVHTTDL', printed as 'Số: 12/GP-SVHTTDL'. Omit on forms that have none. */
  readonly number?: string;
  /** Địa danh, e.g. 'Bắc Ninh'. */
  readonly place: string;
  /** 'YYYY-MM-DD', or an ISO date-time with offset (its local date is printed). */
  readonly date: string;
}

export interface AdminHeaderOptions {
  /** Quốc hiệu and agency names: 12–13 pt (Phụ lục I); 12 keeps the Quốc hiệu on one line beside the agency. */
  readonly titleSize?: number;
  /** Tiêu ngữ: 13–14 pt. */
  readonly mottoSize?: number;
  /** Số, ký hiệu (13 pt) and địa danh, ngày tháng (13–14 pt). */
  readonly lineSize?: number;
}

/**
 * Draws the header at the cursor and moves the cursor below it.
 *
 * Left column (ô 2, 3 of Phụ lục I): governing body (upper case, regular), issuing body (upper case, bold), a
 * short centred rule 1/3–1/2 of the name's length, then 'Số: …'. Right column (ô 1, 4): Quốc hiệu (upper
 * case, bold), Tiêu ngữ (bold, initial capitals, ' - ' separators) with a solid rule exactly as long as the
 * motto, then the italic place-and-date line. The 'Số' line and the date line share one baseline.
 */
export function drawAdminHeader(
  w: DocumentWriter,
  header: AdminHeader,
  options: AdminHeaderOptions = {},
): void {
  const titleSize = options.titleSize ?? 12;
  const mottoSize = options.mottoSize ?? 13;
  const lineSize = options.lineSize ?? w.baseSize;
  const dateLine = formatPlaceDateLine(header.place, header.date);

  // The right column is as wide as its longest line plus some air; the agency column gets the rest, with a
  // floor so a long place name cannot squeeze the agency name into single words.
  const rightNatural = Math.max(
    w.measure(NATIONAL_TITLE, { size: titleSize, bold: true }),
    w.measure(NATIONAL_MOTTO, { size: mottoSize, bold: true }),
    w.measure(dateLine, { size: lineSize, italic: true }),
  );
  const rightWidth = Math.min(rightNatural + mm(6), w.contentWidth - mm(55));
  // On a landscape page the two blocks stay at the edges instead of spreading the agency name out.
  const leftWidth = Math.min(w.contentWidth - rightWidth, mm(80));
  const rightX = w.right - rightWidth;

  const measureBold = (text: string): number => w.measure(text, { size: titleSize, bold: true });
  const measureRegular = (text: string): number => w.measure(text, { size: titleSize });
  const left: StackItem[] = [];
  if (header.governingBody !== undefined && header.governingBody.trim() !== '') {
    const text = breakHeading(upper(header.governingBody), leftWidth, measureRegular);
    left.push({ kind: 'text', text, style: { size: titleSize } });
  }
  left.push({
    kind: 'text',
    text: breakHeading(upper(header.issuingBody), leftWidth, measureBold),
    style: { size: titleSize, bold: true },
  });
  left.push({ kind: 'rule', length: 0.4, spaceBefore: 1, thickness: 0.6 });

  const right: StackItem[] = [
    { kind: 'text', text: NATIONAL_TITLE, style: { size: titleSize, bold: true } },
    { kind: 'text', text: NATIONAL_MOTTO, style: { size: mottoSize, bold: true } },
    { kind: 'rule', length: 'text', spaceBefore: 1, thickness: 0.6 },
  ];

  const leftStack = w.layoutStack(left, leftWidth);
  const rightStack = w.layoutStack(right, rightWidth);
  const lineBlockLeft =
    header.number === undefined
      ? null
      : w.layoutText(`Số: ${header.number}`, leftWidth, { size: lineSize, align: 'center' });
  const lineBlockRight = w.layoutText(dateLine, rightWidth, {
    size: lineSize,
    italic: true,
    align: 'center',
  });
  const rowHeight = Math.max(lineBlockLeft?.height ?? 0, lineBlockRight.height);
  const total = Math.max(leftStack.height, rightStack.height) + 8 + rowHeight;
  w.ensureSpace(total);

  const top = w.y;
  w.drawStack(leftStack, w.left, top);
  w.drawStack(rightStack, rightX, top);
  const rowTop = top - Math.max(leftStack.height, rightStack.height) - 8;
  if (lineBlockLeft !== null) w.drawTextBlock(lineBlockLeft, w.left, rowTop);
  w.drawTextBlock(lineBlockRight, rightX, rowTop);
  w.moveTo(rowTop - rowHeight);
}

export interface DocumentTitle {
  /** Tên loại văn bản, e.g. 'Giấy phép hoạt động in'. Printed upper case, bold, centred. */
  readonly title: string;
  /** Trích yếu nội dung (bold, centred, sentence case as given). */
  readonly summary?: string;
  /** Short rule under the title block; defaults to true when there is a trích yếu. */
  readonly rule?: boolean;
  /** 13–14 pt (Phụ lục I); default 14. */
  readonly size?: number;
  /** Space above the title; default one body line. */
  readonly spaceBefore?: number;
}

export function drawDocumentTitle(w: DocumentWriter, title: DocumentTitle): void {
  const size = title.size ?? 14;
  const measure = (text: string): number => w.measure(text, { size, bold: true });
  const items: StackItem[] = [
    {
      kind: 'text',
      text: breakHeading(upper(title.title), w.contentWidth, measure),
      style: { size, bold: true },
    },
  ];
  if (title.summary !== undefined) {
    items.push({ kind: 'text', text: title.summary, style: { size, bold: true } });
  }
  if (title.rule ?? title.summary !== undefined) {
    // Phụ lục I: a solid rule under the trích yếu, 1/3–1/2 of the line's length.
    items.push({ kind: 'rule', length: 0.4, spaceBefore: 2, thickness: 0.6 });
  }
  const stack = w.layoutStack(items, w.contentWidth);
  if (!w.isAtPageTop) w.moveDown(title.spaceBefore ?? w.lineHeight());
  w.ensureSpace(stack.height + w.lineHeight() * 2);
  w.drawStack(stack, w.left, w.y);
  w.moveDown(stack.height);
}

export interface SignatureBlock {
  /**
   * Authority and position, one per line, printed upper case bold: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'] (ký thay,
   * NĐ 30/2020 Điều 13), ['GIÁM ĐỐC'], or a role on a form: ['NGƯỜI NỘP HỒ SƠ'].
   */
  readonly titleLines: readonly string[];
  /** Italic instruction under the title, e.g. '(Ký và ghi rõ họ tên)' or '(Chữ ký, dấu)'. */
  readonly hint?: string;
  /** Full name, bold, as written (title case). Left blank when unknown, for a handwritten name. */
  readonly name?: string;
  /** Room for the signature (and seal); default 25 mm. */
  readonly signatureSpace?: number;
}

export interface RecipientList {
  /** Default 'Nơi nhận:'. */
  readonly label?: string;
  /**
   * One recipient each. Phụ lục I: each item starts with '-' and ends with ';', the last ('Lưu: VT, …') with
   * '.'; this punctuation is added where missing.
   */
  readonly items: readonly string[];
}

/** Signature blocks, one (right-hand side) or two side by side, kept together on one page. */
export function drawSignatures(
  w: DocumentWriter,
  blocks: readonly [SignatureBlock] | readonly [SignatureBlock, SignatureBlock],
  options: { readonly size?: number; readonly spaceBefore?: number } = {},
): void {
  const size = options.size ?? w.baseSize;
  const [first, second] = blocks;
  if (second === undefined) {
    drawClosing(w, { signature: first }, options);
    return;
  }
  const half = w.contentWidth / 2;
  const leftStack = w.layoutStack(signatureItems(first, size), half);
  const rightStack = w.layoutStack(signatureItems(second, size), half);
  placeSideBySide(w, leftStack, rightStack, half, options.spaceBefore);
}

/**
 * The closing of a letter-style document: 'Nơi nhận' on the left, the signature block on the right, with
 * their first lines level (Phụ lục I, ô 8 and ô 9).
 */
export function drawClosing(
  w: DocumentWriter,
  closing: { readonly recipients?: RecipientList; readonly signature: SignatureBlock },
  options: { readonly size?: number; readonly spaceBefore?: number } = {},
): void {
  const size = options.size ?? w.baseSize;
  const signatureWidth = w.contentWidth * 0.55;
  const leftWidth = w.contentWidth - signatureWidth;
  const leftStack = w.layoutStack(
    closing.recipients === undefined ? [] : recipientItems(w, closing.recipients),
    leftWidth,
  );
  const rightStack = w.layoutStack(signatureItems(closing.signature, size), signatureWidth);
  placeSideBySide(w, leftStack, rightStack, leftWidth, options.spaceBefore);
}

function placeSideBySide(
  w: DocumentWriter,
  leftStack: ReturnType<DocumentWriter['layoutStack']>,
  rightStack: ReturnType<DocumentWriter['layoutStack']>,
  rightOffset: number,
  spaceBefore: number | undefined,
): void {
  if (!w.isAtPageTop) w.moveDown(spaceBefore ?? w.lineHeight() * 0.75);
  const height = Math.max(leftStack.height, rightStack.height);
  w.ensureSpace(height);
  const top = w.y;
  w.drawStack(leftStack, w.left, top);
  w.drawStack(rightStack, w.left + rightOffset, top);
  w.moveTo(top - height);
}

/** Stack items of a signature block (for layouts that place it themselves, e.g. beside a QR code). */
export function signatureItems(block: SignatureBlock, size: number): StackItem[] {
  const items: StackItem[] = block.titleLines.map((line) => ({
    kind: 'text',
    text: upper(line),
    style: { size, bold: true },
  }));
  if (block.hint !== undefined) items.push({ kind: 'text', text: block.hint, style: { size, italic: true } });
  items.push({ kind: 'space', height: block.signatureSpace ?? mm(25) });
  // An empty name keeps the block's height, so two blocks side by side stay level.
  items.push({ kind: 'text', text: block.name ?? '', style: { size, bold: true } });
  return items;
}

/** Stack items of a 'Nơi nhận' list (for layouts that place it themselves). */
export function recipientItems(w: DocumentWriter, recipients: RecipientList): StackItem[] {
  // Phụ lục I: 'Nơi nhận:' 12 pt bold italic; the list 11 pt upright.
  const items: StackItem[] = [
    {
      kind: 'text',
      text: recipients.label ?? 'Nơi nhận:',
      style: { size: 12, bold: true, italic: true, align: 'left' },
    },
  ];
  const dash = w.measure('- ', { size: 11 });
  punctuateRecipients(recipients.items).forEach((item) => {
    items.push({
      kind: 'text',
      text: item,
      style: { size: 11, align: 'left', indent: dash, firstLineIndent: -dash, lineSpacing: 1 },
    });
  });
  return items;
}

/** '- Như trên;' … '- Lưu: VT, QLBC.' */
export function punctuateRecipients(items: readonly string[]): string[] {
  return items.map((raw, index) => {
    const last = index === items.length - 1;
    let text = nfc(raw).trim();
    if (!text.startsWith('-')) text = `- ${text}`;
    text = text.replace(/[;.,]+$/, '');
    return `${text}${last ? '.' : ';'}`;
  });
}

/** Headings are derived from names stored as written in a sentence (issue 12 §4). */
function upper(text: string): string {
  return headingOf(text);
}

/**
 * Chooses where an upper-case heading (an agency name, a document title) breaks when it does not fit on one
 * line. Greedy wrapping leaves one word on the last line ('SỞ VĂN HÓA, THỂ THAO VÀ DU' / 'LỊCH'); the
 * convention is to break at a phrase boundary — before 'VÀ', after a comma, before 'TỈNH'/'THÀNH PHỐ' — with
 * lines of similar length ('SỞ VĂN HÓA, THỂ THAO' / 'VÀ DU LỊCH'). Text with an explicit '\n' is left alone.
 * Headings that need more than two lines fall back to normal wrapping.
 */
export function breakHeading(text: string, width: number, measure: (text: string) => number): string {
  const normalized = nfc(text).trim().replace(/ +/g, ' ');
  if (normalized.includes('\n') || measure(normalized) <= width) return normalized;
  const words = normalized.split(' ');
  let best: { text: string; score: number } | null = null;
  for (let i = 1; i < words.length; i++) {
    const head = words.slice(0, i).join(' ');
    const tail = words.slice(i).join(' ');
    const longest = Math.max(measure(head), measure(tail));
    if (longest > width) continue;
    const next = (words[i] ?? '').toLocaleUpperCase('vi');
    let bonus = 0;
    if (next === 'VÀ') bonus = 0.3;
    else if (head.endsWith(',')) bonus = 0.2;
    else if (next === 'TỈNH' || next === 'THÀNH') bonus = 0.15;
    const score = longest - bonus * width;
    if (best === null || score < best.score) best = { text: `${head}\n${tail}`, score };
  }
  return best?.text ?? normalized;
}
