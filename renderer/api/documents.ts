// The one-stop forms and the licence as PDFs (documents.* in the contract). Every print is logged by the
// backend; the first licence print is the original, later ones carry "BẢN SAO".
import type { formKinds } from '../../shared/api/contracts/document-contract';
import type { PrintedDocument } from '../../shared/domain/workflow/workflow-actions';
import { api } from './client';
import type { PdfDocument } from './open-document';

export type FormKind = (typeof formKinds)[number];

/** Everything the dossier page can print: the receipt, the forms and the licence. */
export type PrintableKind = FormKind | 'licence' | 'receipt';

/** List wording for each printable document (TT 01/2018/TT-VPCP form names). */
export const PRINTABLE_LABELS: Record<PrintableKind, string> = {
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  supplementRequest: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  refusal: 'Phiếu từ chối giải quyết hồ sơ',
  apology: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  controlSheet: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  licence: 'Giấy phép',
};

/** Button text: "In phiếu yêu cầu bổ sung". */
export const PRINT_BUTTON_TEXT: Record<PrintableKind, string> = {
  receipt: 'In giấy tiếp nhận',
  supplementRequest: 'In phiếu yêu cầu bổ sung',
  refusal: 'In phiếu từ chối',
  apology: 'In phiếu xin lỗi, hẹn lại',
  controlSheet: 'In phiếu kiểm soát',
  licence: 'In giấy phép',
};

/**
 * What a workflow action prints (its `prints` list) -> the document to ask the backend for; null where the
 * backend has no generator for it yet (the stop notice, whose official form is unverified).
 */
export const PRINTED_DOCUMENT_KIND: Record<PrintedDocument, Exclude<PrintableKind, 'receipt'> | null> = {
  supplement_request: 'supplementRequest',
  refusal_notice: 'refusal',
  apology_letter: 'apology',
  licence: 'licence',
  stop_notice: null,
};

/** A row of `workflow.view` prints names its document; unknown kinds show as stored. */
export function printKindLabel(kind: string): string {
  if (kind in PRINTABLE_LABELS) return PRINTABLE_LABELS[kind as PrintableKind];
  if (kind in PRINTED_DOCUMENT_KIND) {
    const mapped = PRINTED_DOCUMENT_KIND[kind as PrintedDocument];
    if (mapped) return PRINTABLE_LABELS[mapped];
  }
  return kind;
}

export function fetchDocument(dossierId: number, kind: PrintableKind): Promise<PdfDocument> {
  if (kind === 'receipt') return api['documents.receipt']({ dossierId, copies: 1 });
  if (kind === 'licence') return api['documents.licence']({ dossierId });
  return api['documents.form']({ dossierId, kind });
}
