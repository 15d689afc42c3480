import { drawAdminHeader, drawClosing, drawDocumentTitle } from './admin-header';
import { DocumentWriter, mm, nfc } from './document-layout';
import type { DocumentMetadata, ParagraphStyle, RichText, TextRun } from './document-layout';
import type { FontSet } from './font-set';
import { parseCalendarDate, parseOffsetDateTime } from './vietnamese-date';

/*
 * Parts shared by the one-stop forms of Thông tư 01/2018/TT-VPCP (Mẫu 02–05; the form set under NĐ
 * 118/2025/NĐ-CP renumbers them, so each form carries its reference as data): the agency header with the
 * form reference above it, the title and dossier code, the applicant's particulars and labelled fields.
 * Layout follows NĐ 30/2020/NĐ-CP Phụ lục I through the document toolkit.
 */

export interface FormAgency {
  /** Tên cơ quan chủ quản, e.g. 'UBND tỉnh Bắc Ninh' (printed upper case). */
  readonly governingBody: string;
  /** e.g. 'Sở Văn hóa, Thể thao và Du lịch' (printed upper case, bold; '\n' forces a break). */
  readonly name: string;
  /** Địa danh for the date line, e.g. 'Bắc Ninh'. */
  readonly place: string;
  /** e.g. 'Bộ phận tiếp nhận và trả kết quả'. */
  readonly deskName?: string;
  /** Printed at the foot of the page with the phone number. */
  readonly address?: string;
  readonly phone?: string;
}

export interface FormApplicant {
  /** Decides the form of address: 'Ông/Bà' for a person, 'Quý cơ quan, tổ chức' for an organisation. */
  readonly kind?: 'organization' | 'individual';
  readonly name: string;
  readonly address?: string;
  readonly phone?: string;
  readonly email?: string;
}

export interface FormProcedure {
  readonly code?: string;
  readonly name: string;
}

/** A signature block on a form: a role ('Người hướng dẫn') or an authority ('KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'). */
export interface FormSigner {
  readonly titleLines: readonly string[];
  /** Default '(Ký và ghi rõ họ tên)'. */
  readonly hint?: string;
  readonly name?: string;
}

/** Dotted blank left for a value the office does not have (filled in by hand). */
export const BLANK = '……………';

export interface FormHead {
  /** e.g. 'Mẫu số 02 – Thông tư số 01/2018/TT-VPCP'. */
  readonly formRef: string;
  readonly agency: FormAgency;
  /** Số và ký hiệu, e.g. '15/PYCBS'; the 'Số:' line is left out when absent. */
  readonly number?: string;
  /** Date of the form: 'YYYY-MM-DD' or an ISO date-time with offset. */
  readonly issuedAt: string;
  readonly title: string;
  readonly dossierCode?: string;
}

export async function createFormWriter(
  fonts: FontSet,
  metadata: Omit<DocumentMetadata, 'createdAt'> & { readonly issuedAt: string },
): Promise<DocumentWriter> {
  const { issuedAt, ...rest } = metadata;
  return DocumentWriter.create(fonts, { metadata: { ...rest, createdAt: instantOf(issuedAt) } });
}

/** Footer, form reference, NĐ 30 header, title and 'Mã hồ sơ'. */
export function drawFormHead(w: DocumentWriter, head: FormHead): void {
  const { agency } = head;
  const footer = [
    hasText(agency.address) ? `Địa chỉ: ${agency.address ?? ''}` : undefined,
    hasText(agency.phone) ? keepTogether(`Điện thoại: ${agency.phone ?? ''}`) : undefined,
  ].filter((part): part is string => part !== undefined);
  if (footer.length > 0) w.placeFooter(footer.join('. '));

  w.paragraph(head.formRef, { size: 11, italic: true, align: 'right', spaceAfter: 4 });
  drawAdminHeader(w, {
    governingBody: agency.governingBody,
    issuingBody: agency.name,
    ...(hasText(head.number) ? { number: head.number } : {}),
    place: agency.place,
    date: head.issuedAt,
  });
  drawDocumentTitle(w, { title: head.title });
  if (hasText(head.dossierCode)) {
    w.paragraph([{ text: 'Mã hồ sơ: ' }, { text: head.dossierCode ?? '', bold: true }], { align: 'center' });
  }
  w.moveDown(w.lineHeight() * 0.5);
}

/** Form fields read better ragged-right; free text (reasons) is justified as Phụ lục I asks of a body. */
export const FIELD_STYLE: ParagraphStyle = { align: 'left', spaceAfter: 2 };
export const BODY_STYLE: ParagraphStyle = { align: 'justify', spaceAfter: 3 };

/** 'Label: value', with a dotted blank when the value is missing. */
export function drawField(
  w: DocumentWriter,
  label: string,
  value: RichText | undefined,
  style: ParagraphStyle = {},
): void {
  const runs: TextRun[] = [{ text: `${label}: ` }];
  if (value === undefined || value === '') runs.push({ text: BLANK });
  else if (typeof value === 'string') runs.push({ text: value.trim() === '' ? BLANK : value });
  else runs.push(...value);
  w.paragraph(runs, { ...FIELD_STYLE, ...style });
}

/** 'Tiếp nhận hồ sơ của' (or `intro`), address, phone, e-mail, 'Nội dung yêu cầu giải quyết'. */
export function drawApplicantFields(
  w: DocumentWriter,
  applicant: FormApplicant,
  procedure: FormProcedure,
  intro = 'Tiếp nhận hồ sơ của',
): void {
  drawField(w, intro, [{ text: applicant.name, bold: true }]);
  drawField(w, 'Địa chỉ', applicant.address);
  drawField(w, 'Số điện thoại', applicant.phone === undefined ? undefined : keepTogether(applicant.phone));
  if (hasText(applicant.email)) drawField(w, 'Email', applicant.email);
  drawField(w, 'Nội dung yêu cầu giải quyết', procedureText(procedure));
}

/**
 * 'Name (mã thủ tục: 1.003868)'. The code is kept on one line in ragged-right fields; in justified text that
 * would stretch the line before it, so `keepCodeTogether` is off there.
 */
export function procedureText(procedure: FormProcedure, keepCodeTogether = true): string {
  if (!hasText(procedure.code)) return procedure.name;
  const code = `(mã thủ tục: ${procedure.code ?? ''})`;
  return `${procedure.name} ${keepCodeTogether ? keepTogether(code) : code}`;
}

/** How a form addresses the applicant. Persons are 'Ông/Bà' on TT 01/2018 forms. */
export function honorific(applicant: FormApplicant): string {
  return applicant.kind === 'organization' ? 'Quý cơ quan, tổ chức' : 'Ông/Bà';
}

/** No line break inside (a phone number, a time): spaces become no-break spaces. */
export function keepTogether(text: string): string {
  return text.replace(/ /g, '\u00a0');
}

export function hasText(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}

/**
 * Collects what makes form data unprintable; `fail` throws them as one RangeError with a Vietnamese summary
 * (for the clerk) followed by the English details (for the log).
 */
export class FormProblems {
  private readonly problems: string[] = [];

  constructor(private readonly form: string) {}

  requireText(name: string, value: string | undefined): void {
    if (!hasText(value)) this.problems.push(`${name} is empty`);
  }

  requireInstant(name: string, value: string): void {
    try {
      parseOffsetDateTime(value);
    } catch {
      this.problems.push(`${name} is not an ISO date-time with offset: "${value}"`);
    }
  }

  requireDate(name: string, value: string): void {
    try {
      parseCalendarDate(value);
    } catch {
      this.problems.push(`${name} is not a date: "${value}"`);
    }
  }

  add(problem: string): void {
    this.problems.push(problem);
  }

  fail(vietnamese = 'Dữ liệu chưa đủ để in phiếu.'): void {
    if (this.problems.length > 0) {
      throw new RangeError(`${vietnamese} (Invalid ${this.form} data: ${this.problems.join('; ')})`);
    }
  }
}

/** Milliseconds since the epoch of an ISO date-time with offset (or midnight UTC of a plain date). */
export function instantOf(value: string): Date {
  if (/T|\s\d/.test(value.trim())) return new Date(value);
  const d = parseCalendarDate(value);
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

export function nfcTrim(text: string): string {
  return nfc(text).trim();
}

/**
 * The closing of a form signed on behalf of the body (refusal, apology): "Nơi nhận" on the left when there is
 * one, the signer's title lines, hint and name on the right (NĐ 30/2020 Phụ lục I).
 */
export function drawSignedClosing(
  w: DocumentWriter,
  signer: FormSigner,
  recipients: readonly string[] | undefined,
  options: { defaultHint?: string; signatureSpaceMm: number },
): void {
  const hint = signer.hint ?? options.defaultHint;
  drawClosing(
    w,
    {
      ...(recipients === undefined || recipients.length === 0 ? {} : { recipients: { items: recipients } }),
      signature: {
        titleLines: signer.titleLines,
        ...(hint === undefined ? {} : { hint }),
        ...(hasText(signer.name) ? { name: signer.name } : {}),
        signatureSpace: mm(options.signatureSpaceMm),
      },
    },
    { spaceBefore: w.lineHeight() * 0.6 },
  );
}
