import type { Handlers } from '../dispatch';
import type { BackendContext, CallSession } from '../context';
import { AppError } from '../../../shared/api/errors';
import { availableActions, CLOCK_EFFECT_LABELS } from '../../../shared/domain/workflow';
import { readSettings } from '../settings/settings-repo';
import { officeNow } from '../office-clock';
import { recordAudit } from '../audit/record-audit';
import { createDeadlineService } from '../calendar/deadline-service';
import { findUser } from '../auth/user-repo';
import { dossierHandlers } from '../dossiers/dossier-handlers';
import { eventsOf, licenceOf, readWorkflowColumns, updateDossierIfVersion } from './workflow-repo';
import { licenceFieldSpec } from './licence-service';
import { publishDossiersChanged } from '../events/publish';
import {
  actorOf,
  loadDossier,
  performTransition,
  staleVersion,
  eventLabel,
  workflowSettingsOf,
  workflowStateOf,
} from './perform-transition';

async function view(ctx: BackendContext, session: CallSession, dossierId: number) {
  const record = await loadDossier(ctx, dossierId);
  const settings = await readSettings(ctx.db);
  const wf = await readWorkflowColumns(ctx.db, dossierId);
  const deadlines = await createDeadlineService(ctx.db, settings);
  const state = await workflowStateOf(ctx, record, wf, settings, deadlines, (await officeNow(ctx)).iso);
  const licence = await licenceOf(ctx.db, dossierId);
  const assignee = wf.assignee_id === null ? null : await findUser(ctx.db, wf.assignee_id);
  const prints = (await ctx.db.all(
    'SELECT kind, printed_at, printed_by, is_copy FROM document_prints WHERE dossier_id = ? ORDER BY id',
    [dossierId],
  )) as Array<{ kind: string; printed_at: string; printed_by: string; is_copy: number }>;
  return {
    dossierId,
    version: record.version,
    status: record.status,
    assignee: assignee ? { id: assignee.id, name: assignee.full_name } : null,
    proposal: wf.proposal,
    proposalOpinion: wf.proposal_opinion,
    supplementRequests: wf.supplement_requests,
    apologyDueAt: wf.apology_due_at,
    completedAt: wf.completed_at,
    completionClass: wf.completion_class,
    returnedAt: wf.returned_at,
    availableActions: availableActions(state, actorOf(session), workflowSettingsOf(settings)).map((a) => ({
      action: a.action,
      label: a.definition.label,
      buttonText: a.definition.buttonText,
      requiredFields: [...a.definition.requiredFields],
      optionalFields: [...a.definition.optionalFields],
      fieldLabels: { ...a.definition.fieldLabels } as Record<string, string>,
      needsAcknowledgement: [...a.needsAcknowledgement],
      prints: [...a.definition.prints],
    })),
    events: (await eventsOf(ctx.db, dossierId)).map((e) => {
      const data = e.data ? (JSON.parse(e.data) as { clockEffect?: keyof typeof CLOCK_EFFECT_LABELS }) : {};
      return {
        id: e.id,
        at: e.at,
        actorName: e.actor_name,
        kind: e.kind,
        label: eventLabel(e.kind),
        fromStatus: e.from_status,
        toStatus: e.to_status,
        note: e.note,
        clockEffect:
          data.clockEffect && data.clockEffect !== 'none' ? CLOCK_EFFECT_LABELS[data.clockEffect] : null,
      };
    }),
    licenceFieldSpec: (await licenceFieldSpec(ctx.db, record)).map((f) => ({
      key: f.key,
      label: f.label,
      required: f.required === true,
    })),
    licenceFields: wf.licence_fields ? (JSON.parse(wf.licence_fields) as Record<string, string>) : {},
    licence: licence
      ? {
          id: licence.id,
          number: licence.formatted,
          issuedAt: licence.issued_at,
          isVoid: licence.void_reason !== null,
          voidReason: licence.void_reason,
        }
      : null,
    prints: prints.map((p) => ({
      kind: p.kind,
      printedAt: p.printed_at,
      printedBy: p.printed_by,
      isCopy: p.is_copy === 1,
    })),
  };
}

export const workflowHandlers = {
  'workflow.view': async (input, ctx, session) => await view(ctx, session, input.dossierId),

  'workflow.perform': async (input, ctx, session) => {
    const id = await performTransition(ctx, session, input);
    publishDossiersChanged(ctx, session, { ids: [id], action: input.action });
    return dossierHandlers['dossiers.get']({ id }, ctx);
  },

  'workflow.setLicenceFields': async (input, ctx, session) => {
    const record = await loadDossier(ctx, input.dossierId);
    if (record.version !== input.version) throw await staleVersion(ctx, record);
    if (record.status !== 'appraising' && record.status !== 'pending_signature') {
      throw new AppError(
        'INVALID_TRANSITION',
        'Chỉ nhập nội dung giấy phép khi hồ sơ đang thẩm định hoặc chờ ký.',
        {
          logMessage: `licence fields in status ${record.status}`,
        },
      );
    }
    const wf = await readWorkflowColumns(ctx.db, record.id);
    const isLeader = session.actor.roles.some(
      (r) => r === 'unit_leader' || r === 'director' || r === 'admin',
    );
    if (!isLeader && wf.assignee_id !== session.userId) {
      throw new AppError(
        'FORBIDDEN',
        'Chỉ chuyên viên được phân công hoặc lãnh đạo mới nhập được nội dung giấy phép.',
      );
    }
    const known = new Set((await licenceFieldSpec(ctx.db, record)).map((f) => f.key));
    const fields = Object.fromEntries(
      Object.entries(input.fields)
        .filter(([key]) => known.has(key))
        .map(([key, value]) => [key, value.normalize('NFC').trim()]),
    );
    const now = (await officeNow(ctx)).iso;
    await ctx.db.transaction(async () => {
      if (
        !(await updateDossierIfVersion(
          ctx.db,
          record.id,
          input.version,
          { licence_fields: JSON.stringify(fields) },
          now,
        ))
      ) {
        throw await staleVersion(ctx, record);
      }
      await recordAudit(ctx, session, {
        action: 'workflow.setLicenceFields',
        entityType: 'dossier',
        entityId: record.id,
        payload: { fields },
      });
    });
    publishDossiersChanged(ctx, session, { ids: [record.id], action: 'setLicenceFields' });
    return await view(ctx, session, record.id);
  },

  'workflow.appraisers': async (_input, ctx) =>
    (
      (await ctx.db.all(
        'SELECT id, full_name, title, roles FROM users WHERE is_active = 1 ORDER BY full_name',
      )) as Array<{ id: number; full_name: string; title: string | null; roles: string }>
    )
      .filter((u) => (JSON.parse(u.roles) as string[]).includes('appraiser'))
      .map((u) => ({ id: u.id, fullName: u.full_name, title: u.title })),
} satisfies Pick<
  Handlers,
  'workflow.view' | 'workflow.perform' | 'workflow.setLicenceFields' | 'workflow.appraisers'
>;
