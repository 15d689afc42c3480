import type { Handlers } from '../dispatch';
import { AppError } from '../../../shared/api/errors';
import { officeDate, toOfficeIso } from '../../../shared/domain/office-time';
import { appendAudit } from '../audit/audit-chain';
import { readSettings } from '../settings/settings-repo';
import { addDeadlineVersion, findProcedure, listProcedures, procedureExists } from './procedure-repo';

export const procedureHandlers = {
  'procedures.list': async (input, ctx) => {
    const settings = await readSettings(ctx.db);
    const today = officeDate(ctx.clock.now(), settings.office.utcOffsetMinutes);
    const all = await listProcedures(ctx.db, today);
    return input.includeUnconfigured ? all : all.filter((p) => p.isConfigured);
  },

  'procedures.configure': async (input, ctx, session) => {
    if (!(await procedureExists(ctx.db, input.procedureId))) {
      throw new AppError('NOT_FOUND', 'Thủ tục hành chính không tồn tại.', {
        logMessage: `unknown procedure ${input.procedureId}`,
      });
    }
    const settings = await readSettings(ctx.db);
    const nowIso = toOfficeIso(ctx.clock.now(), settings.office.utcOffsetMinutes);
    const before = await findProcedure(ctx.db, input.procedureId, input.effectiveFrom);
    if (!before) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Không có phiên bản thủ tục áp dụng vào ngày hiệu lực đã chọn.',
        {
          fieldErrors: { effectiveFrom: 'Không có phiên bản thủ tục áp dụng vào ngày này.' },
          logMessage: `no version of ${input.procedureId} on ${input.effectiveFrom}`,
        },
      );
    }
    await ctx.db.transaction(async () => {
      const versionId = await addDeadlineVersion(
        ctx.db,
        input.procedureId,
        input.effectiveFrom,
        input.deadline,
        input.deadlineUnit,
        input.reason,
        nowIso,
      );
      await appendAudit(ctx.db, {
        at: nowIso,
        actorId: session.actor.id,
        actorName: session.actor.name,
        action: 'procedures.configure',
        entityType: 'procedure',
        entityId: input.procedureId,
        payload: {
          versionId,
          effectiveFrom: input.effectiveFrom,
          before: { deadline: before.deadline, unit: before.deadlineUnit },
          after: { deadline: input.deadline, unit: input.deadlineUnit },
          reason: input.reason,
        },
        appVersion: ctx.appVersion,
      });
    });
    const after = await findProcedure(ctx.db, input.procedureId, input.effectiveFrom);
    if (!after) throw new Error('procedure version vanished after configure');
    return after;
  },
} satisfies Pick<Handlers, 'procedures.list' | 'procedures.configure'>;
