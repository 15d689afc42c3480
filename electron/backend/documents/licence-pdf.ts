import { rgb } from 'pdf-lib';
import type { PDFFont } from 'pdf-lib';
import { headingOf } from '../../../shared/domain/authority-names';
import { decodeLicencePayload } from '../signing/licence-signature';
import { embedLicencePayload } from '../signing/licence-pdf-payload';
import {
  breakHeading,
  drawAdminHeader,
  drawDocumentTitle,
  recipientItems,
  signatureItems,
} from './admin-header';
import { DocumentWriter, mm, nfc } from './document-layout';
import type { ParagraphStyle, RichText } from './document-layout';
import type { FontSet } from './font-set';
import { LicenceFieldsMissingError, RESERVED_LICENCE_LABELS, licenceSignature } from './licence-template';
import type {
  LicenceTemplate,
  MissingLicenceField,
  ReservedLicenceKey,
  SignerCapacity,
} from './licence-template';
import { QR_QUIET_ZONE_MODULES, drawQrCode, qrMatrix } from './qr-code';
import { formatDocumentDate, parseCalendarDate, twoDigits } from './vietnamese-date';

/**
 * One issued licence: the register's number, the dossier's licence fields (entered during appraisal) and the
 * signed QR payload. Strings may be in any Unicode normalisation form; they are printed as NFC.
 */
export interface LicenceData {
  /** Số và ký hiệu from the register, e.g. '12/GP-SVHTTDL'. */
  readonly number: string;
  /** Địa danh of the date line, e.g. 'Bắc Ninh'. */
  readonly place: string;
  /** 'YYYY-MM-DD' (or an ISO date-time with offset: its local date is printed). */
  readonly issueDate: string;
  /** The licensee as named on the licence (and in the QR payload). */
  readonly holder: string;
  /** Date of the đơn đề nghị, 'YYYY-MM-DD' ({applicationDate} in the template). */
  readonly applicationDate?: string;
  /** Last day of validity, 'YYYY-MM-DD' ({validUntil}), for licences with a term. */
  readonly validUntil?: string;
  /** Licence field key -> value as entered; '\n' breaks a value into lines. */
  readonly fieldValues: Readonly<Record<string, string>>;
  readonly signerName: string;
  /** Overrides the template's signature lines with those of this signer (NĐ 30/2020 Điều 13). */
  readonly signerCapacity?: SignerCapacity;
  /** A reprint after the first print: marked 'BẢN SAO'. */
  readonly isCopy: boolean;
  /** The signed payload text (licence-signature.ts), printed as a QR code and stored in the PDF. */
  readonly qr: { readonly payloadText: string };
}

export interface LicenceOptions {
  /** Side of the QR code in millimetres (default 25). */
  readonly qrSizeMm?: number;
}

/** The values a template can ask for, keyed as its placeholders and fields. */
export type LicenceValues = Pick<LicenceData, 'fieldValues'> &
  Partial<Pick<LicenceData, 'holder' | 'applicationDate' | 'validUntil'>>;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;
/** Assigned when the licence is issued (register, settings), so never "missing" before that. */
const ASSIGNED_AT_ISSUE: ReadonlySet<string> = new Set<ReservedLicenceKey>(['number', 'issueDate', 'place']);
const DATE_KEYS: ReadonlySet<string> = new Set<ReservedLicenceKey>(['applicationDate', 'validUntil']);
const STAMP_RED = rgb(0.78, 0.05, 0.05);

/**
 * Which required values a template still lacks: required fields without a value and placeholders nothing
 * fills. Empty when the licence can be printed. Run it before taking a register number, so a refusal leaves
 * nothing behind.
 */
export function findMissingLicenceFields(
  template: LicenceTemplate,
  values: LicenceValues,
): MissingLicenceField[] {
  const missing = new Map<string, MissingLicenceField>();
  const labelOf = (key: string): string =>
    template.fields.find((f) => f.key === key)?.label ??
    (RESERVED_LICENCE_LABELS as Readonly<Record<string, string>>)[key] ??
    key;
  for (const field of template.fields) {
    if (field.required === true && !hasText(fieldValue(values, field.key))) {
      missing.set(field.key, { key: field.key, label: field.label });
    }
  }
  for (const text of templateTexts(template)) {
    for (const match of text.matchAll(PLACEHOLDER)) {
      const key = match[1] ?? '';
      if (ASSIGNED_AT_ISSUE.has(key) || missing.has(key)) continue;
      if (!hasText(reservedOrFieldValue(values, key))) missing.set(key, { key, label: labelOf(key) });
    }
  }
  return [...missing.values()];
}

/**
 * Builds the licence PDF: NĐ 30/2020 header, title and thẩm quyền line, 'Căn cứ' lines, the decision word,
 * the numbered licence fields, closing clauses, Nơi nhận with the QR code below it, and the signature block.
 * Throws LicenceFieldsMissingError when values are missing and RangeError for data it cannot print
 * truthfully (e.g. a QR payload naming another licence).
 */
export async function buildLicencePdf(
  template: LicenceTemplate,
  data: LicenceData,
  fonts: FontSet,
  options: LicenceOptions = {},
): Promise<Uint8Array> {
  assertLicenceData(template, data);
  const missing = findMissingLicenceFields(template, data);
  if (missing.length > 0) throw new LicenceFieldsMissingError(missing);
  const payloadText = data.qr.payloadText.replace(/\s+/g, '');
  assertPayloadMatches(payloadText, data);

  const issued = parseCalendarDate(data.issueDate);
  const title = nfc(template.title).trim();
  const w = await DocumentWriter.create(fonts, {
    metadata: {
      title: `${title} số ${nfc(data.number).trim()}`,
      author: template.authority.issuingBody,
      subject: nfc(data.holder).trim(),
      keywords: [data.number, ...(data.isCopy ? ['BẢN SAO'] : [])],
      createdAt: /T/.test(data.issueDate)
        ? new Date(data.issueDate)
        : new Date(Date.UTC(issued.year, issued.month - 1, issued.day)),
    },
  });
  const resolve = (text: string): string => fillPlaceholders(text, data);

  if (data.isCopy) drawCopyMark(w);
  drawAdminHeader(w, {
    ...(template.authority.governingBody === undefined
      ? {}
      : { governingBody: template.authority.governingBody }),
    issuingBody: template.authority.issuingBody,
    number: nfc(data.number).trim(),
    place: data.place,
    date: data.issueDate,
  });
  drawDocumentTitle(w, { title, rule: true, spaceBefore: 10 });

  // Thẩm quyền ban hành: upper case, bold, centred (Phụ lục I; domain.md §5.2).
  const authorityMeasure = (text: string): number => w.measure(text, { bold: true });
  w.paragraph(breakHeading(upper(template.authority.authorityLine), w.contentWidth, authorityMeasure), {
    bold: true,
    align: 'center',
    spaceBefore: 6,
    spaceAfter: 4,
  });

  const body = bodyParagraphs(template, data, resolve).map((part) => ({
    ...part,
    height: w.layoutText(part.text, w.contentWidth, part.style).height,
  }));
  const closing = prepareClosing(w, template, data, payloadText, mm(options.qrSizeMm ?? 25));
  // A licence is a one-page document whenever it can be: take the most generous spacing that still fits
  // (NĐ 30/2020 Phụ lục I asks ≥ 6 pt between paragraphs; the tighter levels are the fallback), and keep the
  // generous one when the text needs a second page anyway.
  const available = w.y - w.bottom;
  const textHeight = body.reduce((total, part) => total + part.height, 0);
  const spacing =
    SPACINGS.find((s) => textHeight + spacingTotal(body, s) + s.closing + closing.height <= available) ??
    GENEROUS;
  body.forEach((part, i) => {
    const space = spacingOf(part.role, spacing);
    // NĐ 30/2020: the signature must not stand alone on a page; the last clause goes with it.
    const keepWithNext = i === body.length - 1 ? spacing.closing + closing.height : part.style.keepWithNext;
    w.paragraph(part.text, {
      ...part.style,
      spaceBefore: space.before,
      spaceAfter: space.after,
      ...(keepWithNext === undefined ? {} : { keepWithNext }),
    });
  });
  closing.draw(spacing.closing);
  drawVerificationLines(w, payloadText, await w.monoFont());
  embedLicencePayload(w.doc, payloadText);
  return w.save();
}

type BodyRole = 'preamble' | 'decision' | 'item' | 'closing';

interface BodyParagraph {
  readonly role: BodyRole;
  readonly text: RichText;
  readonly style: ParagraphStyle;
}

interface Spacing {
  /** Above Nơi nhận and the signature. */
  readonly closing: number;
  /** After each 'Căn cứ' line and closing clause. */
  readonly paragraph: number;
  /** After each numbered field. */
  readonly item: number;
  /** Above and below the decision word. */
  readonly decision: number;
}

const GENEROUS: Spacing = { closing: 8, paragraph: 6, item: 3, decision: 8 };
const SPACINGS: readonly Spacing[] = [
  GENEROUS,
  { closing: 6, paragraph: 3, item: 2, decision: 6 },
  { closing: 4, paragraph: 1.5, item: 1, decision: 4 },
  { closing: 3, paragraph: 0, item: 0, decision: 3 },
];
/** Between the text area and the verification lines in the bottom margin. */
const VERIFICATION_GAP = 5;

function spacingOf(role: BodyRole, spacing: Spacing): { before: number; after: number } {
  switch (role) {
    case 'preamble':
      return { before: 0, after: spacing.paragraph };
    case 'decision':
      return { before: spacing.decision, after: spacing.decision };
    case 'item':
      return { before: 0, after: spacing.item };
    case 'closing':
      return { before: 0, after: spacing.paragraph };
  }
}

function spacingTotal(body: readonly BodyParagraph[], spacing: Spacing): number {
  return body.reduce((total, part) => {
    const space = spacingOf(part.role, spacing);
    return total + space.before + space.after;
  }, 0);
}

function bodyParagraphs(
  template: LicenceTemplate,
  data: LicenceData,
  resolve: (text: string) => string,
): BodyParagraph[] {
  const parts: BodyParagraph[] = [];
  const indented: ParagraphStyle = { align: 'justify', firstLineIndent: mm(10) };
  // Căn cứ and the considerations read as one sentence: each line ends with ';', the last with ','.
  const preamble = [
    ...template.legalBasis.map((text) => withPrefix(resolve(text), 'Căn cứ ')),
    ...template.considerations.map(resolve),
  ];
  for (const line of punctuateSequence(preamble, ';', ',')) {
    parts.push({ role: 'preamble', text: line, style: { ...indented, italic: true } });
  }
  parts.push({
    role: 'decision',
    text: upper(template.decisionWord),
    style: { bold: true, align: 'center', size: 14, keepWithNext: 30 },
  });
  let index = 0;
  for (const field of template.fields) {
    const value = fieldValue(data, field.key);
    if (!hasText(value)) continue;
    index += 1;
    const label = nfc(field.label).trim().replace(/:$/, '');
    parts.push({
      role: 'item',
      text: [{ text: `${index}. ${label}: ` }, { text: nfc(value ?? '').trim() }],
      // 'Label: value' items are ragged-right like form fields: justifying a long label followed by a
      // number or an address stretches the gaps far more than in running text.
      style: { ...indented, align: 'left' },
    });
  }
  const closing = template.closing.map((text) => nfc(resolve(text)).trim()).filter((t) => t !== '');
  closing.forEach((text, i) => {
    // NĐ 30/2020 Phụ lục I: the body of a document ends with './.'.
    const isLast = i === closing.length - 1;
    const line = isLast && !text.endsWith('./.') ? `${text.replace(/[.;,]+$/, '')}./.` : text;
    parts.push({ role: 'closing', text: line, style: indented });
  });
  return parts;
}

interface PreparedClosing {
  readonly height: number;
  readonly draw: (spaceBefore: number) => void;
}

/**
 * Nơi nhận (left) and the signature block (right) with their first lines level (Phụ lục I ô 8, ô 9), and the
 * QR code under Nơi nhận, where it does not compete with the seal and signature.
 */
function prepareClosing(
  w: DocumentWriter,
  template: LicenceTemplate,
  data: LicenceData,
  payloadText: string,
  qrSize: number,
): PreparedClosing {
  const signatureWidth = w.contentWidth * 0.55;
  const leftWidth = w.contentWidth - signatureWidth;
  const recipients = template.recipients.map((text) => fillPlaceholders(text, data));
  const left = w.layoutStack(
    recipients.length === 0 ? [] : recipientItems(w, { items: recipients }),
    leftWidth,
  );
  const lines =
    data.signerCapacity === undefined
      ? template.signature.lines
      : licenceSignature(template.authority.issuer, data.signerCapacity).lines;
  const right = w.layoutStack(
    signatureItems(
      { titleLines: lines, name: nfc(data.signerName).trim(), signatureSpace: mm(22) },
      w.baseSize,
    ),
    signatureWidth,
  );
  const matrix = qrMatrix(payloadText);
  const quietZone = (qrSize / matrix.size) * QR_QUIET_ZONE_MODULES;
  // The quiet zone above the symbol; below it lies the gap to the bottom margin, which is wider.
  const gap = left.height === 0 ? 0 : quietZone + 1;
  const height = Math.max(left.height + gap + qrSize, right.height);
  return {
    height,
    draw: (spaceBefore) => {
      if (!w.isAtPageTop) w.moveDown(spaceBefore);
      w.ensureSpace(height);
      const top = w.y;
      w.drawStack(left, w.left, top);
      w.drawStack(right, w.left + leftWidth, top);
      drawQrCode(w.page, matrix, w.left, top - left.height - gap, qrSize);
      w.moveTo(top - height);
    },
  };
}

/**
 * The payload text again, in 6 pt in the bottom margin of the last page: honest (it is visibly there) and
 * extractable by pdftotext, while the QR code serves phones. Kept out of the text area so it never pushes the
 * signature to a second page; it stays well inside the printable area.
 *
 * The code itself is set in Liberation Mono, embedded like every other font (issue 12 §5: a standard
 * Courier is not embedded and prints differently from viewer to viewer): monospaced, so it is cut into lines
 * without measuring, and easy for a clerk to retype (0/O, 1/l/I are distinct).
 */
function drawVerificationLines(w: DocumentWriter, payloadText: string, mono: PDFFont): void {
  const size = 6;
  const label = 'Mã xác thực: ';
  const charWidth = mono.widthOfTextAtSize('0', size);
  const labelWidth = w.measure(label, { size });
  const ascent = w.font('regular').heightAtSize(size, { descender: false });
  let baseline = w.margins.bottom - VERIFICATION_GAP - ascent;
  w.drawTextAt(label.trim(), w.left, baseline, { size });
  let rest = payloadText;
  let x = w.left + labelWidth;
  while (rest.length > 0) {
    const length = Math.max(1, Math.floor((w.right - x) / charWidth));
    w.page.drawText(rest.slice(0, length), { x, y: baseline, size, font: mono, color: rgb(0, 0, 0) });
    rest = rest.slice(length);
    baseline -= w.lineHeight(size);
    x = w.left;
  }
}

/**
 * 'BẢN SAO' in a red frame at the top right, in the top margin above the Quốc hiệu: seen at a glance, it
 * shifts nothing on the page (a reprint lays out exactly like the original) and extracts as text.
 */
function drawCopyMark(w: DocumentWriter): void {
  const size = 15;
  const text = 'BẢN SAO';
  const textWidth = w.measure(text, { size, bold: true });
  const padX = 9;
  const boxWidth = textWidth + 2 * padX;
  const boxHeight = size * 1.7;
  const boxTop = w.pageSize.height - mm(4);
  const x = w.right - boxWidth;
  w.page.drawRectangle({
    x,
    y: boxTop - boxHeight,
    width: boxWidth,
    height: boxHeight,
    borderColor: STAMP_RED,
    borderWidth: 1.8,
  });
  // Centre the capitals (cap height ≈ 0.66 em in a Times face); the hook of 'Ả' rises into the upper half.
  w.page.drawText(nfc(text), {
    x: x + padX,
    y: boxTop - boxHeight + (boxHeight - size * 0.66) / 2 - size * 0.04,
    size,
    font: w.font('bold'),
    color: STAMP_RED,
  });
}

function fillPlaceholders(text: string, data: LicenceData): string {
  return nfc(text).replace(PLACEHOLDER, (whole, key: string) => {
    const value = reservedOrFieldValue(data, key);
    // findMissingLicenceFields ran first, so a hole here is a bug, not a user error.
    if (!hasText(value)) throw new Error(`Unfilled placeholder ${whole}`);
    return value ?? '';
  });
}

function reservedOrFieldValue(values: LicenceValues | LicenceData, key: string): string | undefined {
  const full = values as Partial<LicenceData>;
  switch (key) {
    case 'number':
      return full.number;
    case 'place':
      return full.place;
    case 'holder':
      return values.holder;
    case 'issueDate':
      return full.issueDate === undefined ? undefined : formatDocumentDate(full.issueDate);
    default:
      if (DATE_KEYS.has(key)) {
        const raw = key === 'applicationDate' ? values.applicationDate : values.validUntil;
        return raw === undefined || raw.trim() === '' ? undefined : formatDocumentDate(raw);
      }
      return fieldValue(values, key);
  }
}

function fieldValue(values: LicenceValues, key: string): string | undefined {
  return Object.hasOwn(values.fieldValues, key) ? values.fieldValues[key] : undefined;
}

function hasText(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

function templateTexts(template: LicenceTemplate): string[] {
  return [...template.legalBasis, ...template.considerations, ...template.closing, ...template.recipients];
}

function withPrefix(text: string, prefix: string): string {
  const trimmed = nfc(text).trim();
  return trimmed.toLocaleLowerCase('vi').startsWith(prefix.trim().toLocaleLowerCase('vi'))
    ? trimmed
    : `${prefix}${trimmed}`;
}

/** Every item ends with `separator`, the last with `final` (existing ; , . are replaced). */
function punctuateSequence(items: readonly string[], separator: string, final: string): string[] {
  return items
    .map((item) => nfc(item).trim())
    .filter((item) => item !== '')
    .map((item, i, all) => `${item.replace(/[;,.]+$/, '')}${i === all.length - 1 ? final : separator}`);
}

function upper(text: string): string {
  return headingOf(text);
}

function isoDateOf(value: string): string {
  const d = parseCalendarDate(value);
  return `${d.year}-${twoDigits(d.month)}-${twoDigits(d.day)}`;
}

function assertLicenceData(template: LicenceTemplate, data: LicenceData): void {
  const problems: string[] = [];
  for (const [name, value] of [
    ['number', data.number],
    ['place', data.place],
    ['holder', data.holder],
    ['signerName', data.signerName],
    ['template.title', template.title],
    ['template.authority.issuingBody', template.authority.issuingBody],
    ['template.authority.authorityLine', template.authority.authorityLine],
  ] as const) {
    if (value.trim() === '') problems.push(`${name} is empty`);
  }
  if (template.signature.lines.length === 0 && data.signerCapacity === undefined) {
    problems.push('template.signature.lines is empty');
  }
  for (const [name, value] of [
    ['issueDate', data.issueDate],
    ['applicationDate', data.applicationDate],
    ['validUntil', data.validUntil],
  ] as const) {
    if (value === undefined || (name !== 'issueDate' && value.trim() === '')) continue;
    try {
      parseCalendarDate(value);
    } catch {
      problems.push(`${name} is not a date: "${value}"`);
    }
  }
  if (problems.length > 0) throw new RangeError(`Invalid licence data: ${problems.join('; ')}`);
}

/** What is printed must be what was signed: the QR payload must name this licence. */
function assertPayloadMatches(payloadText: string, data: LicenceData): void {
  const payload = decodeLicencePayload(payloadText);
  if (payload === null) throw new RangeError('qr.payloadText is not a signed licence payload');
  const problems: string[] = [];
  if (payload.no !== nfc(data.number).trim()) problems.push(`number ${payload.no} ≠ ${data.number}`);
  if (payload.holder !== nfc(data.holder).trim()) problems.push('holder differs');
  if (payload.issuedOn !== isoDateOf(data.issueDate)) problems.push(`issuedOn ${payload.issuedOn} differs`);
  const validUntil = hasText(data.validUntil) ? isoDateOf(data.validUntil ?? '') : undefined;
  if (payload.validUntil !== validUntil) problems.push('validUntil differs');
  if (payload.signer !== undefined && payload.signer !== nfc(data.signerName).trim()) {
    problems.push('signer differs');
  }
  if (problems.length > 0) {
    throw new RangeError(`The QR payload does not match the licence: ${problems.join('; ')}`);
  }
}
