import { publishDossiersChanged } from '../events/publish';
import { cachedList } from './list-cache';
import type { Handlers } from '../dispatch';
import type { BackendContext, CallSession } from '../context';
import { AppError } from '../../../shared/api/errors';
import type { ParsedInput } from '../../../shared/api/contract';
import { formatDossierCode, MAX_DAILY_SEQUENCE } from '../../../shared/domain/dossier-code';
import { foldedSearchTerms, foldVietnamese } from '../../../shared/domain/text-fold';
import { officeDate, toOfficeIso } from '../../../shared/domain/office-time';
import { appendAudit } from '../audit/audit-chain';
import { takeNext } from '../store/counters';
import { readSettings } from '../settings/settings-repo';
import { findProcedure, procedureExists } from '../procedures/procedure-repo';
import { createDeadlineService } from '../calendar/deadline-service';
import { DomainError } from '../../../shared/domain/calendar';
import {
  findByRequestId,
  findPossibleDuplicates,
  getDossier,
  insertDossier,
  listDossiers,
} from './dossier-repo';
import { toDetail, toRow, type ViewClock } from './dossier-view';
import { pausesOf } from './pause-repo';

/** A receipt time a few seconds ahead is clock skew between the desk PC and the server, not the future. */
const FUTURE_TOLERANCE_MS = 60_000;

async function requireConfigured(ctx: BackendContext) {
  const settings = await readSettings(ctx.db);
  if (!settings.isConfigured) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Chưa thiết lập thông tin cơ quan (Cài đặt). Quản trị viên cần hoàn tất thiết lập ban đầu trước khi tiếp nhận hồ sơ.',
      { logMessage: 'settings are not configured' },
    );
  }
  return settings;
}

function fieldError(field: string, message: string, logMessage: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { fieldErrors: { [field]: message }, logMessage });
}

/** Resolves the receipt instant and the procedure version in force that day; refuses what cannot be received. */
async function resolveReceipt(
  ctx: BackendContext,
  procedureId: string,
  receivedAtInput: string | null | undefined,
) {
  const settings = await requireConfigured(ctx);
  const offset = settings.office.utcOffsetMinutes;
  const now = ctx.clock.now();
  const receivedMs = receivedAtInput ? Date.parse(receivedAtInput) : now.getTime();
  if (receivedMs > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw fieldError(
      'receivedAt',
      'Thời điểm tiếp nhận không được ở tương lai.',
      `receipt time in the future: ${receivedAtInput}`,
    );
  }
  const receivedAt = toOfficeIso(new Date(receivedMs), offset);
  const receiptDate = officeDate(new Date(receivedMs), offset);
  if (!(await procedureExists(ctx.db, procedureId))) {
    throw fieldError('procedureId', 'Thủ tục hành chính không tồn tại.', `unknown procedure ${procedureId}`);
  }
  const procedure = await findProcedure(ctx.db, procedureId, receiptDate);
  if (!procedure) {
    throw fieldError(
      'procedureId',
      `Thủ tục này không có phiên bản áp dụng vào ngày ${receiptDate}.`,
      `procedure ${procedureId} has no version in force on ${receiptDate}`,
    );
  }
  if (!procedure.isConfigured || procedure.deadline === null || procedure.deadlineUnit === null) {
    throw fieldError(
      'procedureId',
      `Thủ tục "${procedure.name}" chưa được cấu hình thời hạn giải quyết (cần cấu hình). Quản trị viên cần thiết lập thời hạn trước khi tiếp nhận.`,
      `procedure ${procedureId} has no deadline configured`,
    );
  }
  const deadlines = await createDeadlineService(ctx.db, settings);
  const rule = { amount: procedure.deadline, unit: procedure.deadlineUnit, pauseMode: procedure.pauseMode };
  let due;
  try {
    due = deadlines.computeForReceipt({ receivedAt, ...rule });
  } catch (error) {
    if (error instanceof DomainError) {
      throw fieldError('receivedAt', error.messageVi, error.messageEn);
    }
    throw error;
  }
  return { settings, now, receivedAt, receivedMs, receiptDate, procedure, rule, due, deadlines };
}

async function receive(ctx: BackendContext, input: ParsedInput<'dossiers.receive'>, session: CallSession) {
  const earlier = await findByRequestId(ctx.db, input.requestId);
  if (earlier) return earlier.id;

  const r = await resolveReceipt(ctx, input.procedureId, input.receivedAt);
  const missing = r.procedure.components.filter(
    (c) => c.required && !input.components.some((given) => given.name === c.name && given.isProvided),
  );
  if (missing.length > 0) {
    throw fieldError(
      'components',
      `Hồ sơ chưa đủ thành phần bắt buộc: ${missing.map((c) => c.name).join('; ')}. Hãy hướng dẫn người nộp bổ sung (Phiếu yêu cầu bổ sung) thay vì tiếp nhận.`,
      `missing required components: ${missing.length}`,
    );
  }

  const settings = r.settings;
  const nowIso = toOfficeIso(r.now, settings.office.utcOffsetMinutes);
  const receiverName = settings.receiverName ?? session.actor.name;
  return await ctx.db.transaction(async () => {
    // Checked again under the write lock: a double-click sends two requests that both passed the first check.
    const raced = await findByRequestId(ctx.db, input.requestId);
    if (raced) return raced.id;
    const sequence = await takeNext(ctx.db, `dossier-code:${r.receiptDate}`);
    if (sequence > MAX_DAILY_SEQUENCE) {
      throw new AppError('CONFLICT', 'Đã hết số thứ tự hồ sơ trong ngày (tối đa 9999).', {
        logMessage: `daily sequence exhausted on ${r.receiptDate}`,
      });
    }
    const code = formatDossierCode(settings.agency.agencyCode, r.receiptDate, sequence);
    const entryNo = await takeNext(ctx.db, `register:${r.receiptDate.slice(0, 4)}`);
    const id = await insertDossier(ctx.db, {
      code,
      request_id: input.requestId,
      procedure_id: r.procedure.id,
      procedure_version_id: r.procedure.versionId,
      applicant_kind: input.applicant.kind,
      applicant_name: input.applicant.name,
      applicant_folded: foldVietnamese(input.applicant.name),
      applicant_id_number: input.applicant.idNumber,
      applicant_address: input.applicant.address,
      applicant_phone: input.applicant.phone,
      applicant_email: input.applicant.email,
      channel: input.channel,
      received_at: r.receivedAt,
      received_ms: r.receivedMs,
      receipt_date: r.receiptDate,
      count_from: r.due.countFrom,
      deadline_amount: r.rule.amount,
      deadline_unit: r.rule.unit,
      due_date: r.due.dueDate,
      due_at: r.due.dueAt,
      due_ms: Date.parse(r.due.dueAt),
      status: 'received',
      set_count: input.setCount,
      components: JSON.stringify(input.components),
      return_method: input.returnMethod,
      notes: input.notes,
      receiver_name: receiverName,
      register_entry_no: entryNo,
      created_at: nowIso,
    });
    await ctx.db.run(
      `INSERT INTO dossier_events (dossier_id, at, actor_id, actor_name, kind, from_status, to_status, note)
           VALUES (?, ?, ?, ?, 'received', NULL, 'received', NULL)`,
      [id, nowIso, session.actor.id, session.actor.name],
    );
    await appendAudit(ctx.db, {
      at: nowIso,
      actorId: session.actor.id,
      actorName: session.actor.name,
      action: 'dossiers.receive',
      entityType: 'dossier',
      entityId: String(id),
      payload: {
        code,
        procedureId: r.procedure.id,
        procedureVersionId: r.procedure.versionId,
        applicant: input.applicant,
        channel: input.channel,
        receivedAt: r.receivedAt,
        dueAt: r.due.dueAt,
        components: input.components,
        setCount: input.setCount,
        notes: input.notes,
      },
      appVersion: ctx.appVersion,
    });
    return id;
  });
}

function viewClock(ctx: BackendContext, offset: number): ViewClock {
  const now = ctx.clock.now();
  return { today: officeDate(now, offset), now: toOfficeIso(now, offset) };
}

async function detail(ctx: BackendContext, id: number) {
  const record = await getDossier(ctx.db, id);
  if (!record) {
    throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ.', { logMessage: `dossier ${id} not found` });
  }
  const settings = await readSettings(ctx.db);
  const deadlines = await createDeadlineService(ctx.db, settings);
  const duplicates = await findPossibleDuplicates(
    ctx.db,
    id,
    record.applicant_folded,
    record.applicant_id_number,
  );
  return toDetail(
    record,
    deadlines,
    viewClock(ctx, settings.office.utcOffsetMinutes),
    await pausesOf(ctx.db, id),
    duplicates.map((d) => ({ id: d.id, code: d.code, applicantName: d.applicant_name })),
  );
}

/** A query that looks like a dossier code (no spaces, has a digit and a '-') searches codes, not names. */
function looksLikeCode(query: string): boolean {
  return /^[A-Za-z0-9.]*\d[A-Za-z0-9.]*-[0-9-]*$/.test(query) || /^[A-Za-z0-9.]+-\d/.test(query);
}

export const dossierHandlers = {
  'dossiers.receive': async (input, ctx, session) => {
    const id = await receive(ctx, input, session);
    publishDossiersChanged(ctx, session, { ids: [id], action: 'receive' });
    return await detail(ctx, id);
  },

  'dossiers.previewDueDate': async (input, ctx) => {
    const r = await resolveReceipt(ctx, input.procedureId, input.receivedAt);
    return { countFrom: r.due.countFrom, dueDate: r.due.dueDate, dueAt: r.due.dueAt, deadline: r.rule };
  },

  'dossiers.get': async (input, ctx) => await detail(ctx, input.id),

  'dossiers.list': async (input, ctx) => await cachedList(ctx, JSON.stringify(input), () => list(input, ctx)),
} satisfies Pick<Handlers, 'dossiers.receive' | 'dossiers.previewDueDate' | 'dossiers.get' | 'dossiers.list'>;

/** The list and its total; shared through the office list cache (list-cache.ts). */
async function list(input: ParsedInput<'dossiers.list'>, ctx: BackendContext) {
  const settings = await readSettings(ctx.db);
  const deadlines = await createDeadlineService(ctx.db, settings);
  const clock = viewClock(ctx, settings.office.utcOffsetMinutes);
  const query = (input.query ?? '').normalize('NFC').trim();
  const isCode = looksLikeCode(query);
  const { rows, total, totalIsCapped } = await listDossiers(ctx.db, {
    status: input.status,
    procedureId: input.procedureId,
    terms: isCode ? [] : foldedSearchTerms(query),
    codePrefix: isCode ? query : undefined,
    cursor: input.cursor,
    limit: input.limit,
  });
  const last = rows.length === input.limit ? rows[rows.length - 1] : undefined;
  return {
    items: await Promise.all(
      rows.map(async (row) =>
        toRow(
          row,
          deadlines,
          clock,
          row.status === 'awaiting_supplement' ? await pausesOf(ctx.db, row.id) : [],
        ),
      ),
    ),
    total,
    totalIsCapped,
    nextCursor: last ? { receivedMs: last.received_ms, id: last.id } : null,
  };
}
