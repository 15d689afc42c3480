import { drawAdminHeader, drawDocumentTitle, drawSignatures } from './admin-header';
import { DocumentWriter, mm } from './document-layout';
import type { ParagraphStyle, RichText, TextRun } from './document-layout';
import { drawTable } from './document-table';
import type { TableColumn } from './document-table';
import type { FontSet } from './font-set';
import { formatDocumentDateTime, parseOffsetDateTime, twoDigits } from './vietnamese-date';

/**
 * Data printed on GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ (Mẫu 01 of Thông tư 01/2018/TT-VPCP for dossiers
 * received before 01/7/2025; the form set under NĐ 118/2025 renumbers it, hence `formRef` is data).
 * Fields follow domain.md §2.2. Instants are ISO-8601 strings with their offset; the wall-clock time written
 * in each string is the one printed.
 */
export interface ReceiptData {
  readonly agency: {
    /** Tên cơ quan chủ quản, e.g. 'UBND tỉnh Bắc Ninh' (printed upper case). */
    readonly governingBody: string;
    /** e.g. 'Sở Văn hóa, Thể thao và Du lịch' (printed upper case, bold; '\n' forces a break). */
    readonly name: string;
    /** e.g. 'Bộ phận tiếp nhận và trả kết quả'. */
    readonly deskName: string;
    /** Địa danh for the date line, e.g. 'Bắc Ninh'. */
    readonly place: string;
    /** The desk's address and phone, printed at the foot of the page. */
    readonly address?: string;
    readonly phone?: string;
  };
  /** e.g. 'Mẫu số 01 – Thông tư 01/2018/TT-VPCP'. */
  readonly formRef: string;
  readonly dossierCode: string;
  /** Date of the receipt (the date line). */
  readonly issuedAt: string;
  readonly applicant: {
    readonly kind: 'organization' | 'individual';
    readonly name: string;
    /** Số định danh cá nhân (individuals) or mã số thuế (organisations). */
    readonly idNumber?: string;
    readonly address?: string;
    readonly phone?: string;
    readonly email?: string;
  };
  /** The person who handed the dossier in, if not the applicant (signs as NGƯỜI NỘP HỒ SƠ). */
  readonly submitter?: { readonly name: string };
  readonly procedure: { readonly code?: string; readonly name: string };
  readonly components: readonly {
    readonly name: string;
    readonly copies: number;
    /** true: bản chính, false: bản sao; omitted: not stated. */
    readonly original?: boolean;
  }[];
  /** Số lượng hồ sơ (bộ). */
  readonly setCount: number;
  readonly deadline: { readonly amount: number; readonly unitLabel: string };
  readonly receivedAt: string;
  readonly dueAt: string;
  /** e.g. 'Bộ phận tiếp nhận và trả kết quả' or 'Qua dịch vụ bưu chính'. */
  readonly returnMethod: string;
  readonly register?: { readonly book?: string; readonly entryNo?: number };
  readonly receiver: { readonly name: string };
  readonly notes?: string;
}

export interface ReceiptOptions {
  /** 2 prints both liên (one page each): one stays at the desk, one goes to the applicant. */
  readonly copies?: 1 | 2;
}

const BLANK = '……………';

export async function buildReceiptPdf(
  data: ReceiptData,
  fonts: FontSet,
  options: ReceiptOptions = {},
): Promise<Uint8Array> {
  assertReceiptData(data);
  const copies = options.copies ?? 1;
  const w = await DocumentWriter.create(fonts, {
    metadata: {
      title: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả – ${data.dossierCode}`,
      author: data.agency.name,
      subject: data.procedure.name,
      keywords: [data.dossierCode, data.formRef],
      createdAt: new Date(data.issuedAt),
    },
  });
  for (let copy = 1; copy <= copies; copy++) {
    if (copy > 1) w.newSection();
    drawReceiptCopy(w, data, copies === 2 ? copy : null);
  }
  return w.save();
}

/**
 * TT 01/2018 Mẫu 01 is made in two liên: one goes with the Phiếu kiểm soát and stays at the desk, the other
 * to the applicant (domain.md §2.2).
 */
function copyLabel(data: ReceiptData, copy: number): string {
  return copy === 1 ? `Liên 1: Lưu tại ${data.agency.deskName}` : 'Liên 2: Giao người nộp hồ sơ';
}

function drawReceiptCopy(w: DocumentWriter, data: ReceiptData, copy: number | null): void {
  const { agency, applicant } = data;
  const footer = [
    agency.address === undefined ? undefined : `Địa chỉ: ${agency.address}`,
    agency.phone === undefined ? undefined : keepTogether(`Điện thoại: ${agency.phone}`),
  ].filter((part): part is string => part !== undefined && part.trim() !== '');
  if (footer.length > 0) w.placeFooter(footer.join('. '));

  w.paragraph(data.formRef, { size: 11, italic: true, align: 'right', spaceAfter: 4 });
  drawAdminHeader(w, {
    governingBody: agency.governingBody,
    issuingBody: agency.name,
    place: agency.place,
    date: data.issuedAt,
  });
  drawDocumentTitle(w, { title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' });
  w.paragraph([{ text: 'Mã hồ sơ: ' }, { text: data.dossierCode, bold: true }], { align: 'center' });
  if (copy !== null) w.paragraph(`(${copyLabel(data, copy)})`, { align: 'center', italic: true });
  w.moveDown(w.lineHeight() * 0.5);

  // Form fields read better ragged-right; free text (the note) is justified as NĐ 30 Phụ lục I asks of a body.
  const body: ParagraphStyle = { align: 'left', spaceAfter: 1 };
  const field = (label: string, value: RichText | undefined, style: ParagraphStyle = {}): void => {
    const runs: TextRun[] = [{ text: `${label}: ` }];
    if (value === undefined || value === '') runs.push({ text: BLANK });
    else if (typeof value === 'string') runs.push({ text: value });
    else runs.push(...value);
    w.paragraph(runs, { ...body, ...style });
  };

  field('Tiếp nhận hồ sơ của', [{ text: applicant.name, bold: true }]);
  if (applicant.idNumber !== undefined && applicant.idNumber !== '') {
    field(applicant.kind === 'organization' ? 'Mã số thuế' : 'Số định danh cá nhân', applicant.idNumber);
  }
  field('Địa chỉ', applicant.address);
  field('Số điện thoại', applicant.phone === undefined ? undefined : keepTogether(applicant.phone));
  if (applicant.email !== undefined && applicant.email !== '') field('Email', applicant.email);
  const procedure =
    data.procedure.code === undefined || data.procedure.code === ''
      ? data.procedure.name
      : `${data.procedure.name} ${keepTogether(`(mã thủ tục: ${data.procedure.code})`)}`;
  field('Nội dung yêu cầu giải quyết', procedure);

  const componentsTable = componentTable(data);
  w.paragraph('1. Thành phần hồ sơ nộp gồm:', {
    ...body,
    spaceBefore: 2,
    keepWithNext: w.lineHeight(12) * 3,
  });
  w.moveDown(2);
  drawTable(w, componentsTable);
  w.moveDown(4);

  field('2. Số lượng hồ sơ', `${twoDigits(data.setCount)} (bộ)`);
  field(
    '3. Thời gian giải quyết hồ sơ theo quy định là',
    `${twoDigits(data.deadline.amount)} ${data.deadline.unitLabel}`,
  );
  field('4. Thời gian nhận hồ sơ', formatDocumentDateTime(data.receivedAt));
  field('5. Thời gian trả kết quả giải quyết hồ sơ', [
    { text: formatDocumentDateTime(data.dueAt), bold: true },
  ]);
  field('6. Đăng ký nhận kết quả tại', data.returnMethod);
  const book = data.register?.book;
  const entry = data.register?.entryNo;
  w.paragraph(
    `Vào Sổ theo dõi hồ sơ, Quyển số: ${book === undefined || book === '' ? BLANK : book}, ` +
      `Số thứ tự: ${entry === undefined ? BLANK : twoDigits(entry)}`,
    body,
  );
  if (data.notes !== undefined && data.notes.trim() !== '') {
    w.paragraph([{ text: 'Ghi chú: ', italic: true, bold: true }, { text: data.notes }], {
      ...body,
      align: 'justify',
    });
  }

  const submitterName =
    data.submitter?.name ?? (applicant.kind === 'individual' ? applicant.name : undefined);
  drawSignatures(
    w,
    [
      {
        titleLines: ['Người nộp hồ sơ'],
        hint: '(Ký và ghi rõ họ tên)',
        ...(submitterName === undefined ? {} : { name: submitterName }),
        signatureSpace: mm(18),
      },
      {
        titleLines: ['Người tiếp nhận hồ sơ'],
        hint: '(Ký và ghi rõ họ tên)',
        name: data.receiver.name,
        signatureSpace: mm(18),
      },
    ],
    { spaceBefore: w.lineHeight() * 0.6 },
  );
}

function componentTable(data: ReceiptData): Parameters<typeof drawTable>[1] {
  const showKind = data.components.some((c) => c.original !== undefined);
  const columns: TableColumn[] = [
    { header: 'TT', width: mm(11), align: 'center' },
    { header: 'Tên giấy tờ', flex: 1, align: 'left' },
    ...(showKind ? [{ header: 'Hình thức', width: mm(26), align: 'center' as const }] : []),
    { header: 'Số bản', width: mm(18), align: 'center' },
  ];
  const rows =
    data.components.length === 0
      ? [['', '(Không có)', ...(showKind ? [''] : []), '']]
      : data.components.map((c, i) => [
          String(i + 1),
          c.name,
          ...(showKind ? [c.original === undefined ? '' : c.original ? 'Bản chính' : 'Bản sao'] : []),
          twoDigits(c.copies),
        ]);
  return { columns, rows, size: 12 };
}

/** No line break inside (a phone number, 'Điện thoại: …'): spaces become no-break spaces. */
function keepTogether(text: string): string {
  return text.replace(/ /g, '\u00a0');
}

function assertReceiptData(data: ReceiptData): void {
  const problems: string[] = [];
  if (data.dossierCode.trim() === '') problems.push('dossierCode is empty');
  if (data.applicant.name.trim() === '') problems.push('applicant.name is empty');
  if (!Number.isInteger(data.setCount) || data.setCount < 1)
    problems.push('setCount must be a positive integer');
  if (!Number.isInteger(data.deadline.amount) || data.deadline.amount < 0) problems.push('deadline.amount');
  for (const [name, value] of [
    ['issuedAt', data.issuedAt],
    ['receivedAt', data.receivedAt],
    ['dueAt', data.dueAt],
  ] as const) {
    try {
      parseOffsetDateTime(value);
    } catch {
      problems.push(`${name} is not an ISO date-time with offset: "${value}"`);
    }
  }
  data.components.forEach((c, i) => {
    if (!Number.isInteger(c.copies) || c.copies < 1) problems.push(`components[${i}].copies must be ≥ 1`);
  });
  if (problems.length > 0) throw new RangeError(`Invalid receipt data: ${problems.join('; ')}`);
}
