import type { Handlers } from '../dispatch';
import type { BackendContext } from '../context';
import { AppError } from '../../../shared/api/errors';
import { WorkingCalendar } from '../../../shared/domain/calendar';
import { PAUSE_RULES, pauseRuleIds, type PauseRuleId } from '../../../shared/domain/deadline';
import { appendAudit } from '../audit/audit-chain';
import { officeNow } from '../office-clock';
import { readSettings } from '../settings/settings-repo';
import { readCalendarSource } from './calendar-repo';
import {
  adoptPauseRule,
  countAwaitingSupplement,
  currentPauseRule,
  pauseRuleHistory,
} from './pause-rule-repo';
import { applyMovedWithAudit, findMovedDossiers, previewOfMoved } from './recompute-due-dates';

/** The open dossiers whose due date moves if `rule` is adopted now: the calendar change's own planner. */
async function planAdoption(ctx: BackendContext, rule: PauseRuleId) {
  const now = await officeNow(ctx);
  const calendar = WorkingCalendar.from(await readCalendarSource(ctx.db));
  const moved = await findMovedDossiers(ctx.db, await readSettings(ctx.db), calendar, now.iso, rule);
  return { now, moved };
}

export const pauseRuleHandlers = {
  'pauseRules.list': async (_input, ctx) => ({
    current: await currentPauseRule(ctx.db),
    versions: pauseRuleIds.map((id) => ({
      id,
      label: PAUSE_RULES[id].label,
      summary: PAUSE_RULES[id].summary,
    })),
    history: (await pauseRuleHistory(ctx.db)).map((row) => ({
      rule: row.rule,
      effectiveFrom: row.effective_from,
      adoptedAt: row.adopted_at,
      adoptedBy: row.adopted_by,
      reason: row.reason,
      legalDocument: row.legal_document,
      movedCount: row.moved_count,
    })),
  }),

  'pauseRules.preview': async (input, ctx) => {
    const { moved } = await planAdoption(ctx, input.rule);
    return { ...(await previewOfMoved(ctx.db, moved)), pausedCount: await countAwaitingSupplement(ctx.db) };
  },

  'pauseRules.apply': async (input, ctx, session) =>
    await ctx.db.transaction(async () => {
      const previous = await currentPauseRule(ctx.db);
      if (previous === input.rule) {
        throw new AppError('VALIDATION_FAILED', `${PAUSE_RULES[input.rule].label} đang được áp dụng.`, {
          fieldErrors: { rule: 'Phiên bản này đang được áp dụng.' },
          logMessage: `pause rule ${input.rule} already in force`,
        });
      }
      // Planned inside the write transaction so that no dossier received or resumed meanwhile is missed.
      const { now, moved } = await planAdoption(ctx, input.rule);
      const { frozenCount } = await adoptPauseRule(ctx.db, {
        rule: input.rule,
        effectiveFrom: now.date,
        adoptedAt: now.iso,
        adoptedBy: session.actor.name,
        reason: input.reason,
        legalDocument: input.legalDocument,
        movedCount: moved.length,
      });
      await appendAudit(ctx.db, {
        at: now.iso,
        actorId: session.actor.id,
        actorName: session.actor.name,
        action: 'pauseRules.apply',
        entityType: 'pause-rule',
        entityId: input.rule,
        payload: {
          rule: input.rule,
          previous,
          effectiveFrom: now.date,
          reason: input.reason,
          legalDocument: input.legalDocument,
          movedCount: moved.length,
          frozenCount,
        },
        appVersion: ctx.appVersion,
      });
      await applyMovedWithAudit(ctx, session, moved, now.iso, {
        reason: input.reason,
        pauseRule: input.rule,
      });
      return { rule: input.rule, effectiveFrom: now.date, movedCount: moved.length, frozenCount };
    }),
} satisfies Pick<Handlers, 'pauseRules.list' | 'pauseRules.preview' | 'pauseRules.apply'>;
