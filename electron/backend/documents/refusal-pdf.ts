import { mm } from './document-layout';
import type { FontSet } from './font-set';
import {
  drawSignedClosing,
  BODY_STYLE,
  FormProblems,
  createFormWriter,
  drawApplicantFields,
  drawFormHead,
  hasText,
  honorific,
  nfcTrim,
} from './one-stop-form';
import type { FormAgency, FormApplicant, FormProcedure, FormSigner } from './one-stop-form';

/**
 * PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ (Mẫu 03 of Thông tư 01/2018/TT-VPCP, title as in domain.md §2.2).
 * A refusal must give its reasons (NĐ 61/2018; every procedure page: "trường hợp từ chối phải nêu rõ lý do"),
 * so the builder refuses to print one without them.
 */
export interface RefusalData {
  readonly agency: FormAgency;
  /** e.g. 'Mẫu số 03 – Thông tư số 01/2018/TT-VPCP'. */
  readonly formRef: string;
  readonly number?: string;
  readonly issuedAt: string;
  /** Absent when the desk refuses a dossier it never received. */
  readonly dossierCode?: string;
  readonly applicant: FormApplicant;
  readonly procedure: FormProcedure;
  /** Each reason, one per line: at least one. */
  readonly reasons: readonly string[];
  /** Who refuses: 'Qua xem xét, <refusingBody> thông báo …'; default the desk, else the agency. */
  readonly refusingBody?: string;
  /** The desk clerk (['Người tiếp nhận hồ sơ']) or, after appraisal, the leader (['KT. GIÁM ĐỐC', …]). */
  readonly signer: FormSigner;
  /** Nơi nhận, for a refusal signed by the leader. */
  readonly recipients?: readonly string[];
}

/** Thrown for a refusal without reasons. */
export class RefusalWithoutReasonError extends RangeError {
  readonly code = 'REFUSAL_WITHOUT_REASON' as const;
  readonly userMessage = 'Phiếu từ chối phải nêu rõ lý do từ chối.';

  constructor() {
    super('Phiếu từ chối phải nêu rõ lý do từ chối. (A refusal needs at least one reason.)');
    this.name = 'RefusalWithoutReasonError';
  }
}

export async function buildRefusalPdf(data: RefusalData, fonts: FontSet): Promise<Uint8Array> {
  const reasons = data.reasons.map(nfcTrim).filter((reason) => reason !== '');
  if (reasons.length === 0) throw new RefusalWithoutReasonError();
  assertRefusal(data);
  const w = await createFormWriter(fonts, {
    title: `Phiếu từ chối tiếp nhận giải quyết hồ sơ${hasText(data.dossierCode) ? ` – ${data.dossierCode ?? ''}` : ''}`,
    author: data.agency.name,
    subject: data.procedure.name,
    keywords: [...(hasText(data.dossierCode) ? [data.dossierCode ?? ''] : []), data.formRef],
    issuedAt: data.issuedAt,
  });
  drawFormHead(w, {
    formRef: data.formRef,
    agency: data.agency,
    ...(data.number === undefined ? {} : { number: data.number }),
    issuedAt: data.issuedAt,
    title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
    ...(data.dossierCode === undefined ? {} : { dossierCode: data.dossierCode }),
  });

  const you = honorific(data.applicant);
  drawApplicantFields(w, data.applicant, data.procedure);
  const body = data.refusingBody ?? data.agency.deskName ?? data.agency.name;
  w.paragraph(
    `Qua xem xét, ${body} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`,
    { ...BODY_STYLE, spaceBefore: 4 },
  );
  const hanging = w.measure(`${reasons.length}. `);
  reasons.forEach((reason, i) => {
    const text = reasons.length === 1 ? reason : `${i + 1}. ${reason}`;
    w.paragraph(text, {
      ...BODY_STYLE,
      ...(reasons.length === 1 ? { indent: mm(5) } : { indent: mm(5) + hanging, firstLineIndent: -hanging }),
    });
  });
  w.paragraph(`Xin thông báo cho ${you} được biết và thực hiện./.`, BODY_STYLE);

  drawSignedClosing(w, data.signer, data.recipients, {
    defaultHint: '(Ký và ghi rõ họ tên)',
    signatureSpaceMm: 20,
  });
  return w.save();
}

function assertRefusal(data: RefusalData): void {
  const problems = new FormProblems('refusal');
  problems.requireText('applicant.name', data.applicant.name);
  problems.requireText('procedure.name', data.procedure.name);
  problems.requireDate('issuedAt', data.issuedAt);
  if (data.signer.titleLines.length === 0) problems.add('signer.titleLines is empty');
  problems.fail();
}
