import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { contentStoreOf } from '../attachments/attach-file';
import { licenceFileName } from '../workflow/licence-service';
import { publishDossiersChanged } from '../events/publish';
import type { Handlers } from '../dispatch';
import type { BackendContext, CallSession } from '../context';
import { AppError } from '../../../shared/api/errors';
import { deadlineUnitLabels } from '../../../shared/api/schemas/procedures';
import { formRefOn } from '../../../shared/domain/one-stop-forms';
import type { DossierDetail } from '../../../shared/api/schemas/dossiers';
import { readSettings } from '../settings/settings-repo';
import { getDossier, type DossierRecord } from '../dossiers/dossier-repo';
import { recordAudit } from '../audit/record-audit';
import { officeNow } from '../office-clock';
import { licenceOf } from '../workflow/workflow-repo';
import { auditHead, verifyAuditChain } from '../audit/audit-chain';
import { buildDailyRegisterPdf } from './daily-register-pdf';
import { buildReceiptPdf, type ReceiptData } from './receipt-pdf';
import { buildSupplementRequestPdf } from './supplement-request-pdf';
import { buildRefusalPdf } from './refusal-pdf';
import { buildApologyPdf } from './apology-pdf';
import { buildControlSheetPdf } from './control-sheet-pdf';
import { buildLicencePdf, type LicenceData } from './licence-pdf';
import type { LicenceTemplate } from './licence-template';
import {
  apologyData,
  controlSheetData,
  formAgency,
  FormNotApplicableError,
  refusalData,
  supplementRequestData,
} from './dossier-form-data';

const optional = (value: string | null) => value ?? undefined;

async function loadDossier(ctx: BackendContext, dossierId: number): Promise<DossierRecord> {
  const record = await getDossier(ctx.db, dossierId);
  if (!record)
    throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ.', {
      logMessage: `dossier ${dossierId} not found`,
    });
  return record;
}

/** Logs the print (audit + print register) and hands the PDF to the transport. */
async function delivered(
  ctx: BackendContext,
  session: CallSession,
  record: DossierRecord,
  print: { kind: string; fileName: string; bytes: Uint8Array; licenceId?: number; isCopy?: boolean },
) {
  const sha256 = createHash('sha256').update(print.bytes).digest('hex');
  const now = (await officeNow(ctx)).iso;
  await ctx.db.transaction(async () => {
    await ctx.db.run(
      `INSERT INTO document_prints (dossier_id, licence_id, kind, printed_at, printed_by, is_copy, sha256)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [record.id, print.licenceId ?? null, print.kind, now, session.actor.name, print.isCopy ? 1 : 0, sha256],
    );
    await recordAudit(ctx, session, {
      action: `documents.${print.kind}`,
      entityType: 'dossier',
      entityId: record.id,
      at: now,
      payload: { code: record.code, sha256, isCopy: print.isCopy ?? false },
    });
  });
  publishDossiersChanged(ctx, session, { ids: [record.id], action: 'print' });
  return {
    fileName: print.fileName,
    mimeType: 'application/pdf' as const,
    base64: Buffer.from(print.bytes).toString('base64'),
  };
}

async function receiptData(record: DossierRecord, ctx: BackendContext): Promise<ReceiptData> {
  const settings = await readSettings(ctx.db);
  const components = JSON.parse(record.components) as DossierDetail['components'];
  const agency = formAgency(settings);
  return {
    agency: { ...agency, deskName: settings.agency.deskName },
    formRef: formRefOn('receipt', record.receipt_date),
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
}

const FORM_FILES = {
  supplementRequest: 'Phieu-yeu-cau-bo-sung',
  refusal: 'Phieu-tu-choi',
  apology: 'Phieu-xin-loi-hen-lai',
  controlSheet: 'Phieu-kiem-soat',
} as const;

export const documentHandlers = {
  'documents.receipt': async (input, ctx, session) => {
    const record = await loadDossier(ctx, input.dossierId);
    const bytes = await buildReceiptPdf(await receiptData(record, ctx), ctx.resources.fonts(), {
      copies: input.copies,
    });
    return await delivered(ctx, session, record, {
      kind: 'receipt',
      fileName: `Giay-tiep-nhan-${record.code}.pdf`,
      bytes,
    });
  },

  'documents.form': async (input, ctx, session) => {
    const record = await loadDossier(ctx, input.dossierId);
    const settings = await readSettings(ctx.db);
    const fonts = ctx.resources.fonts();
    let bytes: Uint8Array;
    try {
      switch (input.kind) {
        case 'supplementRequest':
          bytes = await buildSupplementRequestPdf(
            await supplementRequestData(ctx.db, record, settings),
            fonts,
          );
          break;
        case 'refusal':
          bytes = await buildRefusalPdf(await refusalData(ctx.db, record, settings), fonts);
          break;
        case 'apology':
          bytes = await buildApologyPdf(await apologyData(ctx.db, record, settings), fonts);
          break;
        case 'controlSheet':
          bytes = await buildControlSheetPdf(await controlSheetData(ctx.db, record, settings), fonts);
          break;
      }
    } catch (error) {
      if (error instanceof FormNotApplicableError) {
        throw new AppError('INVALID_TRANSITION', error.userMessage, {
          logMessage: `form ${input.kind} not applicable`,
        });
      }
      throw error;
    }
    return await delivered(ctx, session, record, {
      kind: input.kind,
      fileName: `${FORM_FILES[input.kind]}-${record.code}.pdf`,
      bytes,
    });
  },

  'documents.licence': async (input, ctx, session) => {
    const record = await loadDossier(ctx, input.dossierId);
    const licence = await licenceOf(ctx.db, record.id);
    if (!licence) {
      throw new AppError('INVALID_TRANSITION', 'Hồ sơ chưa được cấp số giấy phép.', {
        logMessage: 'no licence to print',
      });
    }
    if (licence.void_reason !== null) {
      throw new AppError(
        'INVALID_TRANSITION',
        `Giấy phép ${licence.formatted} đã bị hủy: ${licence.void_reason}`,
        {
          logMessage: 'void licence print refused',
        },
      );
    }
    const printed = (
      (await ctx.db.get('SELECT count(*) AS n FROM document_prints WHERE licence_id = ?', [licence.id])) as {
        n: number;
      }
    ).n;
    // What is printed is the snapshot taken when the number was issued; only the BẢN SAO mark can differ.
    const content = JSON.parse(licence.content) as {
      template: LicenceTemplate;
      data: Omit<LicenceData, 'isCopy' | 'qr'>;
    };
    // The original is the electronic licence stored at issue time, served as stored; copies are rebuilt.
    const stored =
      printed === 0 && licence.result_sha256 !== null
        ? await fs.promises.readFile(contentStoreOf(ctx).pathOf(licence.result_sha256))
        : null;
    const bytes =
      stored ??
      (await buildLicencePdf(
        content.template,
        { ...content.data, isCopy: printed > 0, qr: { payloadText: licence.payload } },
        ctx.resources.fonts(),
      ));
    return await delivered(ctx, session, record, {
      kind: 'licence',
      fileName: licenceFileName(licence.formatted),
      bytes,
      licenceId: licence.id,
      isCopy: printed > 0,
    });
  },

  'documents.dailyRegister': async (input, ctx, session) => {
    const now = await officeNow(ctx);
    const date = input.date ?? now.date;
    if (date > now.date) {
      throw new AppError('VALIDATION_FAILED', 'Không thể in bản kê cho một ngày trong tương lai.', {
        fieldErrors: { date: 'Ngày không được ở tương lai.' },
      });
    }
    const settings = await readSettings(ctx.db);
    const received = (await ctx.db.all(
      'SELECT code, channel FROM dossiers WHERE receipt_date = ? ORDER BY id',
      [date],
    )) as Array<{
      code: string;
      channel: string;
    }>;
    const classes = (await ctx.db.all(
      'SELECT completion_class AS c, count(*) AS n FROM dossiers WHERE completed_date = ? GROUP BY completion_class',
      [date],
    )) as Array<{ c: string | null; n: number }>;
    const count = (c: string) => classes.find((row) => row.c === c)?.n ?? 0;
    // Who signed and for which authority come from the issue-time snapshot the licence is printed from (read in
    // JS: the snapshot is JSON text, and the two stores have different JSON functions).
    const licences = await ctx.db.all<{
      formatted: string;
      holder: string;
      is_void: number;
      content: string;
    }>(
      `SELECT l.formatted, l.holder, CASE WHEN v.licence_id IS NULL THEN 0 ELSE 1 END AS is_void, l.content
       FROM licences l LEFT JOIN licence_voids v ON v.licence_id = l.id
       WHERE substr(l.issued_at, 1, 10) = ? ORDER BY l.id`,
      [date],
    );
    const chain = await verifyAuditChain(ctx.db);
    const bytes = await buildDailyRegisterPdf(
      {
        agency: formAgency(settings),
        date,
        printedAt: now.iso,
        received: {
          total: received.length,
          online: received.filter((r) => r.channel === 'online').length,
          codes: received.map((r) => r.code),
        },
        resolved: { early: count('early'), onTime: count('on_time'), late: count('late') },
        licences: licences.map((l) => {
          const snapshot = JSON.parse(l.content) as {
            data?: { signerName?: string };
            template?: { authority?: { fullName?: string; issuingBody?: string } };
          };
          return {
            number: l.formatted,
            holder: l.holder,
            signer: snapshot.data?.signerName ?? '',
            issuingBody:
              snapshot.template?.authority?.fullName ?? snapshot.template?.authority?.issuingBody ?? '',
            isVoid: l.is_void === 1,
          };
        }),
        auditHead: await auditHead(ctx.db),
        isChainVerified: chain.ok,
        preparedBy: session.actor.name,
      },
      ctx.resources.fonts(),
    );
    const head = await auditHead(ctx.db);
    await ctx.db.transaction(
      async () =>
        await recordAudit(ctx, session, {
          action: 'documents.dailyRegister',
          entityType: 'register',
          entityId: date,
          payload: { printedHead: head, isChainVerified: chain.ok },
        }),
    );
    return {
      fileName: `Ban-ke-ngay-${date}.pdf`,
      mimeType: 'application/pdf' as const,
      base64: Buffer.from(bytes).toString('base64'),
    };
  },
} satisfies Pick<
  Handlers,
  'documents.receipt' | 'documents.form' | 'documents.licence' | 'documents.dailyRegister'
>;
