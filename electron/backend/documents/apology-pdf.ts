import { mm } from './document-layout';
import type { FontSet } from './font-set';
import {
  drawSignedClosing,
  BODY_STYLE,
  FormProblems,
  createFormWriter,
  drawField,
  drawFormHead,
  honorific,
  instantOf,
  keepTogether,
  procedureText,
} from './one-stop-form';
import type { FormAgency, FormApplicant, FormProcedure, FormSigner } from './one-stop-form';
import { formatDocumentDateTime } from './vietnamese-date';

/**
 * PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ (Mẫu 04 of Thông tư 01/2018/TT-VPCP). Sent when a dossier is
 * overdue, with the reason and a new appointment that may be set only once; the dossier still counts as quá
 * hạn (NĐ 61/2018 Điều 18 [R]; domain.md §2.2, §2.3). Signed by the head of the processing body.
 */
export interface ApologyData {
  readonly agency: FormAgency;
  /** e.g. 'Mẫu số 04 – Thông tư số 01/2018/TT-VPCP'. */
  readonly formRef: string;
  readonly number?: string;
  readonly issuedAt: string;
  readonly dossierCode: string;
  readonly applicant: FormApplicant;
  readonly procedure: FormProcedure;
  /** When the dossier was received (ISO date-time with offset). */
  readonly receivedAt: string;
  /** The appointment on the receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả). */
  readonly originalDueAt: string;
  /** The new appointment: later than the original one. */
  readonly newDueAt: string;
  readonly reason: string;
  /** The body that apologises, e.g. 'Sở Văn hóa, Thể thao và Du lịch'; default the agency. */
  readonly processingBody?: string;
  /** The head of the processing body, e.g. ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'] (signatureLines()). */
  readonly signer: FormSigner;
  readonly recipients?: readonly string[];
}

export async function buildApologyPdf(data: ApologyData, fonts: FontSet): Promise<Uint8Array> {
  assertApology(data);
  const w = await createFormWriter(fonts, {
    title: `Phiếu xin lỗi và hẹn lại ngày trả kết quả – ${data.dossierCode}`,
    author: data.agency.name,
    subject: data.procedure.name,
    keywords: [data.dossierCode, data.formRef],
    issuedAt: data.issuedAt,
  });
  drawFormHead(w, {
    formRef: data.formRef,
    agency: data.agency,
    ...(data.number === undefined ? {} : { number: data.number }),
    issuedAt: data.issuedAt,
    title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  });

  const you = honorific(data.applicant);
  const body = data.processingBody ?? data.agency.name;
  const { applicant } = data;
  w.paragraph([{ text: 'Kính gửi: ' }, { text: applicant.name, bold: true }], {
    align: 'center',
    spaceAfter: 2,
  });
  drawField(w, 'Địa chỉ', applicant.address);
  drawField(w, 'Số điện thoại', applicant.phone === undefined ? undefined : keepTogether(applicant.phone));
  w.moveDown(4);

  const indent = { ...BODY_STYLE, firstLineIndent: mm(10) };
  w.paragraph(
    [
      { text: `Vào lúc ${formatDocumentDateTime(data.receivedAt)}, ${body} ` },
      { text: `tiếp nhận hồ sơ của ${you}, mã hồ sơ: ` },
      { text: data.dossierCode, bold: true },
      { text: '.' },
    ],
    indent,
  );
  w.paragraph(`Nội dung yêu cầu giải quyết: ${procedureText(data.procedure, false)}.`, indent);
  w.paragraph(
    'Thời gian hẹn trả kết quả giải quyết hồ sơ ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả: ' +
      `${formatDocumentDateTime(data.originalDueAt)}.`,
    indent,
  );
  w.paragraph(
    `Tuy nhiên, đến nay ${body} chưa trả kết quả giải quyết hồ sơ cho ${you} đúng thời hạn nêu trên.`,
    indent,
  );
  w.paragraph([{ text: 'Lý do: ', bold: true }, { text: data.reason.trim() }], indent);
  w.paragraph(
    [
      { text: `Sự chậm trễ này đã gây phiền hà cho ${you}. ${body} xin lỗi ${you} ` },
      { text: 'và hẹn lại thời gian trả kết quả giải quyết hồ sơ vào: ' },
      { text: formatDocumentDateTime(data.newDueAt), bold: true },
      { text: '.' },
    ],
    indent,
  );
  w.paragraph(`Xin trân trọng cảm ơn sự thông cảm và hợp tác của ${you}./.`, indent);

  drawSignedClosing(w, data.signer, data.recipients, { signatureSpaceMm: 22 });
  return w.save();
}

function assertApology(data: ApologyData): void {
  const problems = new FormProblems('apology');
  problems.requireText('dossierCode', data.dossierCode);
  problems.requireText('applicant.name', data.applicant.name);
  problems.requireText('procedure.name', data.procedure.name);
  problems.requireText('reason', data.reason);
  problems.requireDate('issuedAt', data.issuedAt);
  problems.requireInstant('receivedAt', data.receivedAt);
  problems.requireInstant('originalDueAt', data.originalDueAt);
  problems.requireInstant('newDueAt', data.newDueAt);
  if (data.signer.titleLines.length === 0) problems.add('signer.titleLines is empty');
  problems.fail('Phiếu xin lỗi phải có lý do, ngày hẹn cũ và ngày hẹn mới hợp lệ.');
  if (instantOf(data.newDueAt).getTime() <= instantOf(data.originalDueAt).getTime()) {
    problems.add('newDueAt must be later than originalDueAt');
  }
  problems.fail('Ngày hẹn trả kết quả mới phải sau ngày hẹn cũ.');
}
