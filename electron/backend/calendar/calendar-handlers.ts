import type { Handlers } from '../dispatch';
import type { BackendContext } from '../context';
import type { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import type { calendarEditSchema } from '../../../shared/api/schemas/calendar';
import {
  applyCalendarEdits,
  canDraftYear,
  draftYear,
  isoDateFromParts,
  addDays,
  nextYearWarning,
  parseIsoDate,
  WorkingCalendar,
  type CalendarEdit,
} from '../../../shared/domain/calendar';
import { computeDeadline } from '../../../shared/domain/deadline';
import { officeDate, toOfficeIso } from '../../../shared/domain/office-time';
import { appendAudit } from '../audit/audit-chain';
import { readSettings } from '../settings/settings-repo';
import { findProcedure } from '../procedures/procedure-repo';
import { readCalendarSource, replaceCalendar } from './calendar-repo';
import { officeHoursOf, toLedgerLines } from './deadline-service';
import { applyMovedWithAudit, findMovedDossiers, previewOfMoved } from './recompute-due-dates';
import { currentPauseRule } from './pause-rule-repo';
import { publishDossiersChanged, publishJobProgress, throttleProgress } from '../events/publish';

type EditInput = z.output<typeof calendarEditSchema>;

function toDomainEdit(edit: EditInput): CalendarEdit {
  switch (edit.type) {
    case 'add':
      return {
        type: 'add',
        exception: {
          date: parseIsoDate(edit.date),
          kind: edit.kind,
          name: edit.name,
          status: 'confirmed',
          ...(edit.source ? { source: edit.source } : {}),
        },
      };
    case 'remove':
      return { type: 'remove', date: parseIsoDate(edit.date) };
    case 'confirm-year':
      return { type: 'confirm-year', year: edit.year };
    case 'draft-year':
      if (!canDraftYear(edit.year)) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Không thể lập lịch dự kiến cho năm ${edit.year}: chưa có dữ liệu âm lịch hoặc Bộ luật Lao động 2019 chưa áp dụng.`,
          { logMessage: `year ${edit.year} cannot be drafted` },
        );
      }
      return { type: 'set-year', year: edit.year, status: 'draft', exceptions: draftYear(edit.year) };
  }
}

/** The calendar as it would be after the edits; refuses an inconsistent result before anything is written. */
async function planEdits(ctx: BackendContext, edits: readonly EditInput[]) {
  const settings = await readSettings(ctx.db);
  const current = await readCalendarSource(ctx.db);
  const nextSource = applyCalendarEdits(current, edits.map(toDomainEdit));
  const next = WorkingCalendar.from(nextSource);
  const now = toOfficeIso(ctx.clock.now(), settings.office.utcOffsetMinutes);
  const moved = await findMovedDossiers(ctx.db, settings, next, now);
  return { settings, nextSource, moved, now };
}

export const calendarHandlers = {
  'calendar.year': async (input, ctx) => {
    const settings = await readSettings(ctx.db);
    const calendar = WorkingCalendar.from(await readCalendarSource(ctx.db));
    const status = calendar.yearStatus(input.year);
    const today = parseIsoDate(officeDate(ctx.clock.now(), settings.office.utcOffsetMinutes));
    const days = [];
    if (status !== 'missing') {
      const end = isoDateFromParts(input.year + 1, 1, 1);
      for (let d = isoDateFromParts(input.year, 1, 1); d < end; d = addDays(d, 1)) {
        const info = calendar.dayInfo(d);
        days.push({
          date: d,
          kind: info.kind,
          label: info.label,
          status: info.exception?.status ?? null,
          source: info.exception?.source ?? null,
          isUncertain: info.exception?.uncertain ?? false,
        });
      }
    }
    return {
      year: input.year,
      status,
      canDraft: canDraftYear(input.year),
      workingDays: status === 'missing' ? null : calendar.workingDaysInYear(input.year),
      days,
      warning: nextYearWarning(today, calendar),
    };
  },

  'calendar.previewEdits': async (input, ctx) => {
    const { moved } = await planEdits(ctx, input.edits);
    return previewOfMoved(ctx.db, moved);
  },

  'calendar.applyEdits': async (input, ctx, session) => {
    const movedCount = await ctx.db.transaction(async () => {
      // Planned inside the write transaction so that no dossier received meanwhile is missed.
      const { nextSource, moved, now } = await planEdits(ctx, input.edits);
      await replaceCalendar(ctx.db, nextSource, now, input.reason);
      await appendAudit(ctx.db, {
        at: now,
        actorId: session.actor.id,
        actorName: session.actor.name,
        action: 'calendar.applyEdits',
        entityType: 'calendar',
        entityId: 'working-calendar',
        payload: {
          edits: input.edits,
          reason: input.reason,
          legalDocument: input.legalDocument,
          movedCount: moved.length,
        },
        appVersion: ctx.appVersion,
      });
      // A change to a year with many open dossiers rewrites thousands of due dates: the one who applies it
      // sees the progress (job.progress on the event stream; progress is not data, so it may go out now).
      const progress = throttleProgress((p) => publishJobProgress(ctx, session, p));
      const label = 'Tính lại ngày hẹn trả';
      await applyMovedWithAudit(ctx, session, moved, now, { reason: input.reason }, (done, total) =>
        progress({ jobId: 'calendar', done, total, label }),
      );
      progress({ jobId: 'calendar', done: moved.length, total: moved.length, label });
      return moved.length;
    });
    if (movedCount > 0) publishDossiersChanged(ctx, session, { ids: [], isBulk: true, action: 'calendar' });
    return { movedCount };
  },

  'calendar.dueDate': async (input, ctx) => {
    const settings = await readSettings(ctx.db);
    const now = toOfficeIso(ctx.clock.now(), settings.office.utcOffsetMinutes);
    let rule: { amount: number; unit: 'wd' | 'cd' | 'h'; pauseMode: 'pause' | 'restart' };
    if (input.procedureId !== undefined) {
      const procedure = await findProcedure(
        ctx.db,
        input.procedureId,
        officeDate(ctx.clock.now(), settings.office.utcOffsetMinutes),
      );
      if (!procedure || procedure.deadline === null || procedure.deadlineUnit === null) {
        throw new AppError('VALIDATION_FAILED', 'Thủ tục không tồn tại hoặc chưa được cấu hình thời hạn.', {
          fieldErrors: { procedureId: 'Thủ tục không tồn tại hoặc chưa được cấu hình thời hạn.' },
          logMessage: `procedure ${input.procedureId} unknown or unconfigured`,
        });
      }
      rule = {
        amount: procedure.deadline,
        unit: procedure.deadlineUnit,
        pauseMode: input.restart ? 'restart' : procedure.pauseMode,
      };
    } else {
      rule = { amount: input.days ?? 0, unit: input.unit, pauseMode: input.restart ? 'restart' : 'pause' };
    }
    const result = computeDeadline({
      receivedAt: input.receivedAt,
      rule,
      pauses: input.pauses,
      pauseRule: await currentPauseRule(ctx.db),
      calendar: WorkingCalendar.from(await readCalendarSource(ctx.db)),
      office: officeHoursOf(settings),
      now,
      ...(input.eventAt ? { eventAt: input.eventAt } : {}),
    });
    return {
      state: result.state,
      receiptDay: result.state === 'event' ? null : result.receiptDay,
      countFrom: result.state === 'event' ? null : result.countFrom,
      dueDate: result.state === 'due' ? result.dueDate : null,
      dueAt: result.state === 'due' ? result.dueAt : result.state === 'event' ? result.latestFilingAt : null,
      pausedWorkingDays: result.state === 'paused' ? result.pausedWorkingDays : null,
      ledger: toLedgerLines(result.ledger),
    };
  },
} satisfies Pick<
  Handlers,
  'calendar.year' | 'calendar.previewEdits' | 'calendar.applyEdits' | 'calendar.dueDate'
>;
