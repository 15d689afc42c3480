import type { Handlers } from '../dispatch';
import { AppError } from '../../../shared/api/errors';
import { deadlineUnitLabels } from '../../../shared/api/schemas/procedures';
import { formSetOn } from '../../../shared/domain/one-stop-forms';
import { toOfficeIso } from '../../../shared/domain/office-time';
import { readSettings } from '../settings/settings-repo';
import { getDossier } from '../dossiers/dossier-repo';
import { buildReceiptPdf, type ReceiptData } from './receipt-pdf';
import type { DossierDetail } from '../../../shared/api/schemas/dossiers';
import { appendAudit } from '../audit/audit-chain';

function pdfResult(fileName: string, bytes: Uint8Array) {
  return { fileName, mimeType: 'application/pdf' as const, base64: Buffer.from(bytes).toString('base64') };
}

const optional = (value: string | null) => value ?? undefined;

export const documentHandlers = {
  'documents.receipt': async (input, ctx, session) => {
    const record = getDossier(ctx.db, input.dossierId);
    if (!record) {
      throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ.', {
        logMessage: `dossier ${input.dossierId} not found`,
      });
    }
    const settings = readSettings(ctx.db);
    const components = JSON.parse(record.components) as DossierDetail['components'];
    const data: ReceiptData = {
      agency: {
        governingBody: settings.agency.governingBody,
        name: settings.agency.name,
        deskName: settings.agency.deskName,
        place: settings.agency.placeName,
        address: optional(settings.agency.address),
        phone: optional(settings.agency.phone),
      },
      formRef: formSetOn(record.receipt_date).receipt,
      dossierCode: record.code,
      issuedAt: record.received_at,
      applicant: {
        kind: record.applicant_kind,
        name: record.applicant_name,
        idNumber: optional(record.applicant_id_number),
        address: optional(record.applicant_address),
        phone: optional(record.applicant_phone),
        email: optional(record.applicant_email),
      },
      procedure: { code: optional(record.procedure_code), name: record.procedure_name },
      components: components
        .filter((c) => c.isProvided)
        .map((c) => ({ name: c.name, copies: Math.max(1, c.copies), original: c.isOriginal })),
      setCount: record.set_count,
      deadline: { amount: record.deadline_amount, unitLabel: deadlineUnitLabels[record.deadline_unit] },
      receivedAt: record.received_at,
      dueAt: record.due_at ?? record.received_at,
      returnMethod: record.return_method === 'post' ? 'Qua dịch vụ bưu chính' : settings.agency.deskName,
      register: { book: record.receipt_date.slice(0, 4), entryNo: record.register_entry_no },
      receiver: { name: record.receiver_name },
      notes: optional(record.notes),
    };
    const bytes = await buildReceiptPdf(data, ctx.resources.fonts(), { copies: input.copies });
    ctx.db
      .transaction(() => {
        appendAudit(ctx.db, {
          at: toOfficeIso(ctx.clock.now(), settings.office.utcOffsetMinutes),
          actorId: session.actor.id,
          actorName: session.actor.name,
          action: 'documents.receipt',
          entityType: 'dossier',
          entityId: String(record.id),
          payload: { code: record.code, copies: input.copies, bytes: bytes.length },
          appVersion: ctx.appVersion,
        });
      })
      .immediate();
    return pdfResult(`Giay-tiep-nhan-${record.code}.pdf`, bytes);
  },
} satisfies Pick<Handlers, 'documents.receipt'>;
