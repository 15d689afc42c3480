import { drawSignatures } from './admin-header';
import { mm } from './document-layout';
import { drawTable } from './document-table';
import type { FontSet } from './font-set';
import {
  BODY_STYLE,
  FIELD_STYLE,
  FormProblems,
  createFormWriter,
  drawApplicantFields,
  drawField,
  drawFormHead,
  hasText,
  honorific,
  keepTogether,
} from './one-stop-form';
import type { FormAgency, FormApplicant, FormProcedure } from './one-stop-form';

/**
 * PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ (Mẫu 02 of Thông tư 01/2018/TT-VPCP; `formRef` names the form set
 * in force). NĐ 61/2018 asks that the applicant be guided once, in writing, with every missing or incorrect
 * component and the reason (domain.md §2.2, §2.3).
 */
export interface SupplementRequestData {
  readonly agency: FormAgency;
  /** e.g. 'Mẫu số 02 – Thông tư số 01/2018/TT-VPCP'. */
  readonly formRef: string;
  /** Số và ký hiệu, e.g. '15/PYCBS'. */
  readonly number?: string;
  /** Date of the request: ISO date-time with offset or 'YYYY-MM-DD'. */
  readonly issuedAt: string;
  readonly dossierCode: string;
  readonly applicant: FormApplicant;
  readonly procedure: FormProcedure;
  /** The components to add or correct: at least one. */
  readonly items: readonly {
    /** Tên thành phần hồ sơ. */
    readonly component: string;
    /** Nội dung cần bổ sung, hoàn thiện. */
    readonly requirement: string;
  }[];
  readonly reason: string;
  /** Who answers questions while the applicant completes the dossier. */
  readonly contact: { readonly name: string; readonly unit?: string; readonly phone?: string };
  /** NGƯỜI HƯỚNG DẪN: the official who guided the applicant. */
  readonly guide: { readonly name?: string };
}

export async function buildSupplementRequestPdf(
  data: SupplementRequestData,
  fonts: FontSet,
): Promise<Uint8Array> {
  assertSupplementRequest(data);
  const w = await createFormWriter(fonts, {
    title: `Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ – ${data.dossierCode}`,
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
    title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    dossierCode: data.dossierCode,
  });

  const you = honorific(data.applicant);
  drawApplicantFields(w, data.applicant, data.procedure);
  w.paragraph(`Yêu cầu ${you} bổ sung, hoàn thiện hồ sơ gồm những nội dung như sau:`, {
    ...FIELD_STYLE,
    spaceBefore: 4,
    keepWithNext: w.lineHeight(12) * 4,
  });
  w.moveDown(2);
  drawTable(w, {
    columns: [
      { header: 'TT', width: mm(11), align: 'center' },
      { header: 'Tên thành phần hồ sơ', flex: 1, align: 'left' },
      { header: 'Nội dung cần bổ sung, hoàn thiện', flex: 1.2, align: 'left' },
    ],
    rows: data.items.map((item, i) => [String(i + 1), item.component, item.requirement]),
    size: 12,
  });
  w.moveDown(6);
  drawField(w, 'Lý do', data.reason);

  const contact = data.contact;
  const who = hasText(contact.unit) ? `${contact.name} (${contact.unit ?? ''})` : contact.name;
  const phone = hasText(contact.phone) ? `, số điện thoại ${keepTogether(contact.phone ?? '')}` : '';
  w.paragraph(
    `Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, ${you} liên hệ với ${who}${phone} ` +
      'để được hướng dẫn.',
    BODY_STYLE,
  );

  drawSignatures(
    w,
    [
      {
        titleLines: ['Người hướng dẫn'],
        hint: '(Ký và ghi rõ họ tên)',
        ...(hasText(data.guide.name) ? { name: data.guide.name } : {}),
        signatureSpace: mm(20),
      },
    ],
    { spaceBefore: w.lineHeight() * 0.6 },
  );
  return w.save();
}

function assertSupplementRequest(data: SupplementRequestData): void {
  const problems = new FormProblems('supplement request');
  problems.requireText('dossierCode', data.dossierCode);
  problems.requireText('applicant.name', data.applicant.name);
  problems.requireText('procedure.name', data.procedure.name);
  problems.requireText('reason', data.reason);
  problems.requireText('contact.name', data.contact.name);
  problems.requireDate('issuedAt', data.issuedAt);
  if (data.items.length === 0) problems.add('items is empty: name at least one component to supplement');
  data.items.forEach((item, i) => {
    problems.requireText(`items[${i}].component`, item.component);
    problems.requireText(`items[${i}].requirement`, item.requirement);
  });
  problems.fail('Phiếu yêu cầu bổ sung phải nêu thành phần hồ sơ cần bổ sung, hoàn thiện và lý do.');
}
