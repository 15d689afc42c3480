import { rgb } from 'pdf-lib';
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
import type { RichText } from './document-layout';
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
  drawDocumentTitle(w, { title, rule: true });

  // Thẩm quyền ban hành: upper case, bold, centred (Phụ lục I; domain.md §5.2).
  const authorityMeasure = (text: string): number => w.measure(text, { bold: true });
  w.paragraph(breakHeading(upper(template.authority.authorityLine), w.contentWidth, authorityMeasure), {
    bold: true,
    align: 'center',
    spaceBefore: 8,
    spaceAfter: 6,
  });

  // Căn cứ and the considerations read as one sentence: each line ends with ';', the last with ','.
  const preamble = [
    ...template.legalBasis.map((text) => withPrefix(resolve(text), 'Căn cứ ')),
    ...template.considerations.map(resolve),
  ];
  punctuateSequence(preamble, ';', ',').forEach((line) => {
    w.paragraph(line, { italic: true, align: 'justify', firstLineIndent: mm(10), spaceAfter: 2 });
  });

  w.paragraph(upper(template.decisionWord), {
    bold: true,
    align: 'center',
    size: 14,
    spaceBefore: 6,
    spaceAfter: 6,
    keepWithNext: w.lineHeight() * 2,
  });

  let index = 0;
  for (const field of template.fields) {
    const value = fieldValue(data, field.key);
    if (!hasText(value)) continue;
    index += 1;
    const label = nfc(field.label).trim().replace(/:$/, '');
    const text: RichText = [{ text: `${index}. ${label}: ` }, { text: nfc(value ?? '').trim() }];
    w.paragraph(text, { align: 'justify', firstLineIndent: mm(10), spaceAfter: 2 });
  }

  const closing = template.closing.map((text) => nfc(resolve(text)).trim()).filter((t) => t !== '');
  closing.forEach((text, i) => {
    const isLast = i === closing.length - 1;
    // NĐ 30/2020 Phụ lục I: the body of a document ends with './.'.
    const line = isLast && !text.endsWith('./.') ? `${text.replace(/[.;,]+$/, '')}./.` : text;
    w.paragraph(line, {
      align: 'justify',
      firstLineIndent: mm(10),
      spaceBefore: i === 0 ? 4 : 0,
      spaceAfter: 2,
    });
  });

  drawClosingWithQr(w, template, data, payloadText, mm(options.qrSizeMm ?? 25));
  drawVerificationLine(w, payloadText);
  embedLicencePayload(w.doc, payloadText);
  return w.save();
}

/**
 * Nơi nhận (left) and the signature block (right) with their first lines level (Phụ lục I ô 8, ô 9), and the
 * QR code under Nơi nhận, where it does not compete with the seal and signature.
 */
function drawClosingWithQr(
  w: DocumentWriter,
  template: LicenceTemplate,
  data: LicenceData,
  payloadText: string,
  qrSize: number,
): void {
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
      { titleLines: lines, name: nfc(data.signerName).trim(), signatureSpace: mm(24) },
      w.baseSize,
    ),
    signatureWidth,
  );
  const matrix = qrMatrix(payloadText);
  const quietZone = (qrSize / matrix.size) * QR_QUIET_ZONE_MODULES;
  const gap = left.height === 0 ? 0 : Math.max(quietZone, 6);
  const height = Math.max(left.height + gap + qrSize + quietZone, right.height);

  if (!w.isAtPageTop) w.moveDown(w.lineHeight() * 0.5);
  w.ensureSpace(height);
  const top = w.y;
  w.drawStack(left, w.left, top);
  w.drawStack(right, w.left + leftWidth, top);
  drawQrCode(w.page, matrix, w.left, top - left.height - gap, qrSize);
  w.moveTo(top - height);
}

/**
 * The payload text again, in 6 pt at the foot of the page: honest (it is visibly there) and extractable by
 * pdftotext and by a clerk who retypes it, while the QR code serves phones.
 */
function drawVerificationLine(w: DocumentWriter, payloadText: string): void {
  const block = w.layoutText(`Mã xác thực: ${payloadText}`, w.contentWidth, { size: 6, align: 'left' });
  const atFoot = w.bottom + block.height;
  if (w.y - 2 >= atFoot) {
    w.drawTextBlock(block, w.left, atFoot);
  } else {
    w.ensureSpace(block.height + 2);
    w.moveDown(2);
    w.drawTextBlock(block, w.left, w.y);
  }
  w.moveDown(block.height);
}

/**
 * 'BẢN SAO' in a red frame at the top right, in the top margin above the Quốc hiệu: seen at a glance, it
 * shifts nothing on the page (a reprint lays out exactly like the original) and extracts as text.
 */
function drawCopyMark(w: DocumentWriter): void {
  const size = 14;
  const text = 'BẢN SAO';
  const font = w.font('bold');
  const textWidth = w.measure(text, { size, bold: true });
  const padX = 8;
  const padY = 4;
  const boxWidth = textWidth + 2 * padX;
  const boxHeight = font.heightAtSize(size) + 2 * padY;
  const boxTop = w.pageSize.height - mm(5);
  const x = w.right - boxWidth;
  w.page.drawRectangle({
    x,
    y: boxTop - boxHeight,
    width: boxWidth,
    height: boxHeight,
    borderColor: STAMP_RED,
    borderWidth: 1.5,
  });
  const descent = font.heightAtSize(size) - font.heightAtSize(size, { descender: false });
  w.page.drawText(nfc(text), {
    x: x + padX,
    y: boxTop - boxHeight + padY + descent,
    size,
    font,
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
  return nfc(text).toLocaleUpperCase('vi');
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
  if (problems.length > 0) {
    throw new RangeError(`The QR payload does not match the licence: ${problems.join('; ')}`);
  }
}
