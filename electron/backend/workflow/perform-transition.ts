import type { BackendContext, CallSession } from '../context';
import type { ParsedInput } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import type { Settings } from '../../../shared/api/schemas/settings';
import {
  WORKFLOW_ACTIONS,
  isWorkflowAction,
  applyClockEffect,
  planTransition,
  type TransitionPlan,
  type WorkflowSettings,
  type WorkflowState,
} from '../../../shared/domain/workflow';
import { classifyCompletion, classifyPending } from '../../../shared/domain/deadline';
import { parseIsoDate } from '../../../shared/domain/calendar';
import { readSettings } from '../settings/settings-repo';
import { officeNow } from '../office-clock';
import { recordAudit } from '../audit/record-audit';
import { getDossier, type DossierRecord } from '../dossiers/dossier-repo';
import { pausesOf } from '../dossiers/pause-repo';
import { createDeadlineService, type DeadlineService } from '../calendar/deadline-service';
import { findUser, rolesOf } from '../auth/user-repo';
import {
  insertEvent,
  licenceOf,
  readWorkflowColumns,
  savePauses,
  updateDossierIfVersion,
  type WorkflowColumns,
} from './workflow-repo';
import { issueLicence, licenceSignersOf, missingLicenceFields } from './licence-service';
import { workflowRefusal } from './workflow-errors';
import { recordResultFile } from '../attachments/result-files';
import { contentStoreOf } from '../attachments/attach-file';
import { buildRefusalPdf } from '../documents/refusal-pdf';
import { refusalData } from '../documents/dossier-form-data';

export function workflowSettingsOf(settings: Settings): WorkflowSettings {
  return {
    requireTwoPeople: settings.workflow.requireTwoPeople,
    maxSupplementRequests: settings.workflow.maxSupplementRequests,
    signerRoles: settings.workflow.signerRoles,
  };
}

export async function loadDossier(ctx: BackendContext, id: number): Promise<DossierRecord> {
  const record = await getDossier(ctx.db, id);
  if (!record)
    throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ.', { logMessage: `dossier ${id} not found` });
  return record;
}

/**
 * The CONFLICT for an action on a stale dossier, naming who changed it last and when (from its last event), so
 * that two people on one dossier know whom to talk to instead of retrying blindly.
 */
export async function staleVersion(ctx: BackendContext, record: DossierRecord): Promise<AppError> {
  const last = await ctx.db.get<{ at: string; actor_name: string; kind: string }>(
    'SELECT at, actor_name, kind FROM dossier_events WHERE dossier_id = ? ORDER BY id DESC LIMIT 1',
    [record.id],
  );
  const by = last
    ? ` vừa được ${last.actor_name} cập nhật (${eventLabel(last.kind)}) lúc ${officeClockText(last.at)}`
    : ' vừa được người khác cập nhật';
  return new AppError(
    'CONFLICT',
    `Hồ sơ ${record.code}${by}. Vui lòng tải lại hồ sơ rồi thực hiện lại thao tác.`,
    {
      logMessage: `stale version for dossier ${record.id}${last ? ` (last change: ${last.kind} at ${last.at})` : ''}`,
    },
  );
}

/** 'HH:mm ngày dd/MM/yyyy' from an office-time ISO instant ('2026-11-26T09:30:00+07:00'). */
function officeClockText(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return match ? `${match[4]}:${match[5]} ngày ${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** The Vietnamese name of a dossier event kind, as the timeline shows it. */
export function eventLabel(kind: string): string {
  if (kind === 'received') return 'Tiếp nhận hồ sơ';
  if (kind === 'import') return 'Nhập từ dữ liệu cũ';
  return isWorkflowAction(kind) ? WORKFLOW_ACTIONS[kind].label : kind;
}

export async function workflowStateOf(
  ctx: BackendContext,
  record: DossierRecord,
  wf: WorkflowColumns,
  settings: Settings,
  deadlines: DeadlineService,
  nowIso: string,
): Promise<WorkflowState> {
  const isOverdue =
    record.due_at !== null &&
    classifyPending(
      nowIso,
      record.due_at,
      deadlines.calendar,
      settings.office.dueSoonWorkingDays,
      settings.office.classificationGranularity,
    ) === 'overdue';
  return {
    status: record.status,
    assigneeId: wf.assignee_id === null ? null : String(wf.assignee_id),
    proposerId: wf.proposer_id === null ? null : String(wf.proposer_id),
    proposal: wf.proposal,
    supplementRequests: wf.supplement_requests,
    apologies: wf.apology_due_at === null ? 0 : 1,
    isOverdue,
    isIssued: (await licenceOf(ctx.db, record.id)) !== null,
  };
}

export function actorOf(session: CallSession) {
  return {
    id: session.userId === null ? session.actor.id : String(session.userId),
    roles: session.actor.roles,
  };
}

/** Checks the workflow domain cannot make: they need other users, the clock or the licence template. */
async function checkAgainstStore(
  ctx: BackendContext,
  plan: TransitionPlan,
  record: DossierRecord,
  settings: Settings,
  wf: WorkflowColumns,
  nowIso: string,
) {
  if (plan.action === 'assign' || plan.action === 'reassign') {
    const assignee = await findUser(ctx.db, Number(plan.data.assigneeId));
    if (!assignee || assignee.is_active !== 1 || !rolesOf(assignee).includes('appraiser')) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Người được phân công phải là chuyên viên thẩm định đang hoạt động.',
        {
          fieldErrors: { assigneeId: 'Chọn một chuyên viên thẩm định đang hoạt động.' },
          logMessage: `bad assignee ${plan.data.assigneeId}`,
        },
      );
    }
  }
  if (
    plan.action === 'apologise' &&
    plan.data.newAppointment &&
    Date.parse(plan.data.newAppointment) <= Date.parse(nowIso)
  ) {
    throw new AppError('VALIDATION_FAILED', 'Ngày hẹn trả mới phải sau thời điểm hiện tại.', {
      fieldErrors: { newAppointment: 'Ngày hẹn trả mới phải sau thời điểm hiện tại.' },
      logMessage: 'apology appointment in the past',
    });
  }
  if (plan.action === 'issue') await checkLicenceSigner(ctx, plan, record, settings, wf);
  if (plan.action === 'issue') {
    const fields = wf.licence_fields ? (JSON.parse(wf.licence_fields) as Record<string, string>) : {};
    const missing = await missingLicenceFields(ctx.db, record, settings, fields);
    if (missing.length > 0) {
      const list = missing.map((m) => m.label).join('; ');
      throw new AppError('VALIDATION_FAILED', `Chưa đủ nội dung để in giấy phép: ${list}.`, {
        fieldErrors: Object.fromEntries(
          missing.map((m) => [`licenceFields.${m.key}`, `Chưa nhập ${m.label}.`]),
        ),
        logMessage: `licence fields missing: ${missing.map((m) => m.key).join(',')}`,
      });
    }
  }
}

/**
 * The licence is signed by its issuing authority's people (issue 12 §3): a chosen signer must be one of them,
 * and a licence of the UBND tỉnh cannot be issued before the UBND's signers are configured (the Sở's
 * approver never signs for the UBND). A licence of the Sở may still fall back to its approver.
 */
async function checkLicenceSigner(
  ctx: BackendContext,
  plan: TransitionPlan,
  record: DossierRecord,
  settings: Settings,
  wf: WorkflowColumns,
) {
  const candidates = await licenceSignersOf(ctx.db, record, settings, null);
  const chosen = plan.data.signer;
  if (chosen !== undefined && !candidates.signers.some((s) => s.name === chosen)) {
    const message = `${chosen} không có trong danh sách người ký của ${candidates.authorityName}.`;
    throw new AppError('VALIDATION_FAILED', message, {
      fieldErrors: { signer: message },
      logMessage: `signer not configured for ${candidates.issuer}`,
    });
  }
  if (candidates.signers.length === 0 && (candidates.issuer === 'ubnd' || wf.decided_by === null)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Chưa khai báo người ký giấy phép của ${candidates.authorityName}. Quản trị viên cần thêm người ký (họ tên, chức vụ) trong Cài đặt.`,
      { logMessage: `no signer for a licence of ${candidates.issuer}` },
    );
  }
}

/** The dossier columns an action writes, beyond status, clock and completion. */
function actionColumns(
  plan: TransitionPlan,
  session: CallSession,
  wf: WorkflowColumns,
): Record<string, string | number | null> {
  const userId = session.userId;
  const d = plan.data;
  switch (plan.action) {
    case 'assign':
    case 'reassign':
      return { assignee_id: Number(d.assigneeId) };
    case 'requestSupplement':
      return { supplement_requests: wf.supplement_requests + 1 };
    case 'propose':
      return { proposal: d.proposal ?? null, proposal_opinion: d.opinion ?? null, proposer_id: userId };
    case 'approve':
    case 'refuse':
      return { decided_by: userId, decision_reasons: d.reasons ? JSON.stringify(d.reasons) : null };
    case 'returnToAppraiser':
      return { proposal: null, proposal_opinion: null, proposer_id: null };
    case 'apologise':
      return { apology_due_at: d.newAppointment ?? null };
    case 'returnResult':
      return {
        returned_at: d.collectedAt ?? null,
        returned_to: d.collectedBy ?? null,
        return_channel: d.method ?? null,
      };
    default:
      return {};
  }
}

/** Plans with the pure workflow rules, then writes status, clock, completion, licence, event and audit at once. */
export async function performTransition(
  ctx: BackendContext,
  session: CallSession,
  input: ParsedInput<'workflow.perform'>,
): Promise<number> {
  const record = await loadDossier(ctx, input.dossierId);
  if (record.version !== input.version) throw await staleVersion(ctx, record);
  const settings = await readSettings(ctx.db);
  const now = await officeNow(ctx);
  const deadlines = await createDeadlineService(ctx.db, settings);
  const wf = await readWorkflowColumns(ctx.db, record.id);
  const state = await workflowStateOf(ctx, record, wf, settings, deadlines, now.iso);
  const plan = planTransition(
    state,
    input.action,
    actorOf(session),
    input.input,
    workflowSettingsOf(settings),
  );
  if (!plan.ok) throw workflowRefusal(plan.error);
  await checkAgainstStore(ctx, plan, record, settings, wf, now.iso);

  await ctx.db.transaction(async () => {
    const before = await pausesOf(ctx.db, record.id);
    const reason = plan.data.reason ?? plan.data.missingComponents?.join('; ') ?? '';
    const pauses = applyClockEffect(before, plan.clockEffect, now.iso, reason);
    await savePauses(ctx.db, record.id, before, pauses, session.actor.id);
    const changes: Record<string, string | number | null> = {
      status: plan.to,
      ...actionColumns(plan, session, wf),
    };
    let dueAt = record.due_at;
    if (plan.clockEffect !== 'none') {
      const outcome = deadlines.outcome(
        {
          receivedAt: record.received_at,
          amount: record.deadline_amount,
          unit: record.deadline_unit,
          pauseMode: record.pause_mode,
          pauses,
        },
        now.iso,
      );
      if (outcome.state === 'due') {
        dueAt = outcome.dueAt;
        Object.assign(changes, {
          due_date: outcome.dueDate,
          due_at: outcome.dueAt,
          due_ms: Date.parse(outcome.dueAt),
          count_from: outcome.countFrom,
        });
      } else if (outcome.state === 'paused') {
        // While the applicant supplements there is no due date, only how long the clock has stood.
        Object.assign(changes, { due_date: null, due_at: null, due_ms: null });
      }
    }
    const completes =
      plan.clockEffect === 'stop' || (plan.clockEffect === 'final' && wf.completed_at === null);
    if (completes && dueAt) {
      Object.assign(changes, {
        completed_at: now.iso,
        completed_ms: Date.parse(now.iso),
        completion_class: classifyCompletion(now.iso, dueAt, settings.office.classificationGranularity),
        processing_working_days: deadlines.calendar.workingDaysBetween(
          parseIsoDate(record.receipt_date),
          parseIsoDate(now.date),
        ),
      });
    }
    let licence: { id: number; formatted: string; resultSha256: string } | null = null;
    if (plan.requiresRegisterEntry) {
      const approver = wf.decided_by === null ? null : await findUser(ctx.db, wf.decided_by);
      const issued = await issueLicence(ctx.db, {
        record,
        settings,
        fields: wf.licence_fields ? (JSON.parse(wf.licence_fields) as Record<string, string>) : {},
        approverName: approver?.full_name ?? null,
        signerName: plan.data.signer ?? null,
        issuedBy: session.userId,
        now,
        dataDir: ctx.dataDir,
        fonts: ctx.resources.fonts(),
      });
      await recordResultFile(ctx, session, {
        dossierId: record.id,
        kind: 'licence',
        licenceId: issued.id,
        ...issued.result,
        at: now.iso,
      });
      licence = { id: issued.id, formatted: issued.formatted, resultSha256: issued.result.sha256 };
    }
    if (!(await updateDossierIfVersion(ctx.db, record.id, input.version, changes, now.iso)))
      throw await staleVersion(ctx, record);
    await insertEvent(ctx.db, {
      dossierId: record.id,
      at: now.iso,
      actorId: session.actor.id,
      actorName: session.actor.name,
      kind: plan.action,
      fromStatus: plan.from,
      toStatus: plan.to,
      note: plan.data.reason ?? plan.data.note ?? plan.data.opinion ?? null,
      data: {
        ...plan.data,
        clockEffect: plan.clockEffect,
        warnings: plan.warnings,
        prints: plan.prints,
        licence,
      },
    });
    // A refusal's notice is the dossier's result: stored as issued, from the refusal just recorded.
    let resultSha256 = licence?.resultSha256 ?? null;
    if (plan.prints.includes('refusal_notice')) {
      const refused = await loadDossier(ctx, record.id);
      const pdf = await buildRefusalPdf(await refusalData(ctx.db, refused, settings), ctx.resources.fonts());
      const stored = await contentStoreOf(ctx).putBytes(pdf);
      await recordResultFile(ctx, session, {
        dossierId: record.id,
        kind: 'refusal_notice',
        licenceId: null,
        sha256: stored.sha256,
        sizeBytes: stored.sizeBytes,
        fileName: `Phieu-tu-choi-${record.code}.pdf`,
        at: now.iso,
      });
      resultSha256 = stored.sha256;
    }
    await recordAudit(ctx, session, {
      action: `workflow.${plan.action}`,
      entityType: 'dossier',
      entityId: record.id,
      at: now.iso,
      payload: {
        code: record.code,
        from: plan.from,
        to: plan.to,
        data: plan.data,
        warnings: plan.warnings.map((w) => w.code),
        licence,
        ...(resultSha256 !== null ? { resultSha256 } : {}),
      },
    });
  });
  return record.id;
}
