import { createHash } from 'node:crypto';
import type { Handlers } from '../dispatch';
import type { BackendContext, CallSession } from '../context';
import { AppError } from '../../../shared/api/errors';
import type { DrilldownRow, ExportOutput } from '../../../shared/api/schemas/statistics';
import { XLSX_MIME } from '../../../shared/api/schemas/statistics';
import { assertReportConsistent } from '../../../shared/domain/statistics';
import { readSettings } from '../settings/settings-repo';
import { createDeadlineService, type DeadlineService } from '../calendar/deadline-service';
import { officeNow } from '../office-clock';
import { recordAudit } from '../audit/record-audit';
import { toRow, type ViewClock } from '../dossiers/dossier-view';
import { pausesOf } from '../dossiers/pause-repo';
import { buildReportPdf } from '../documents/report-pdf';
import { buildRegisterPdf } from '../documents/register-pdf';
import {
  dossiersByIds,
  drilldownPage,
  pausesByIds,
  type DrilldownFilter,
  type DrilldownKey,
} from './drilldown-repo';
import {
  asAppError,
  computeFigures,
  computeReport,
  periodView,
  requestPeriod,
  type StatisticsPeriod,
} from './statistics-service';
import { countRegisterRows, documentAgency, registerRows, reportSignature } from './report-document';
import { buildReportXlsx } from './report-xlsx';
import { buildRegisterXlsx } from './register-xlsx';
import { dayNumberOf } from './summary-repo';
import { computeScorecard } from './scorecard-service';
import { scorecardMisses } from './scorecard-drilldown';

/** A register longer than this is refused rather than printed (thousands of pages) or built in memory. */
export const REGISTER_LIMITS = { pdf: 5_000, xlsx: 100_000 } as const;

async function viewClock(ctx: BackendContext): Promise<ViewClock> {
  const now = await officeNow(ctx);
  return { today: now.date, now: now.iso };
}

async function toDrilldownRows(
  ctx: BackendContext,
  keys: readonly DrilldownKey[],
  deadlines: DeadlineService,
  clock: ViewClock,
): Promise<DrilldownRow[]> {
  const records = await dossiersByIds(
    ctx.db,
    keys.map((k) => k.id),
  );
  const pauses = await pausesByIds(
    ctx.db,
    keys.flatMap((k) => (k.pauseId === null ? [] : [k.pauseId])),
  );
  return Promise.all(
    keys.map(async (key) => {
      const record = records.get(key.id);
      if (record === undefined) throw new Error(`dossier ${key.id} vanished during a read`);
      const pause = key.pauseId === null ? undefined : pauses.get(key.pauseId);
      return {
        ...toRow(
          record,
          deadlines,
          clock,
          record.status === 'awaiting_supplement' ? await pausesOf(ctx.db, record.id) : [],
        ),
        completedAt: record.completed_at,
        completionClass: record.completion_class,
        assigneeId: record.assignee_id,
        assigneeName: record.assignee_name,
        apologyDueAt: record.apology_due_at,
        pause:
          pause === undefined
            ? null
            : {
                requestedAt: pause.requested_at,
                resumedAt: pause.resumed_at,
                daysWaited: dayNumberOf(pause.resumed_at ?? clock.today) - dayNumberOf(pause.requested_at),
              },
      };
    }),
  );
}

/** Today, the due-soon window and the calendar, for the alert lists and the rows' standing. */
async function alertContext(ctx: BackendContext, dueSoonWorkingDays: number | undefined) {
  const settings = await readSettings(ctx.db);
  const deadlines = await createDeadlineService(ctx.db, settings);
  const clock = await viewClock(ctx);
  const days = dueSoonWorkingDays ?? settings.office.dueSoonWorkingDays;
  return { deadlines, clock, days, until: deadlines.shiftWorkingDays(clock.today, days) };
}

/**
 * Runs the reads of one answer in one read transaction: every figure comes from the same snapshot, so the
 * numbers add up even while another process (the CLI, a second window) writes between two queries.
 */
function snapshot<T>(ctx: BackendContext, read: () => Promise<T>): Promise<T> {
  return ctx.db.snapshot(read);
}

async function withPeriod<T>(
  ctx: BackendContext,
  input: { from: string; to: string },
  run: (p: StatisticsPeriod) => Promise<T>,
): Promise<T> {
  const period = await requestPeriod(ctx, input);
  return snapshot(ctx, () => run(period));
}

function fileResult(fileName: string, format: 'xlsx' | 'pdf', bytes: Uint8Array): ExportOutput {
  return {
    fileName,
    mimeType: format === 'pdf' ? 'application/pdf' : XLSX_MIME,
    base64: Buffer.from(bytes).toString('base64'),
  };
}

async function auditExport(
  ctx: BackendContext,
  session: CallSession,
  action: string,
  period: StatisticsPeriod,
  format: 'xlsx' | 'pdf',
  bytes: Uint8Array,
  rows: number,
): Promise<void> {
  await ctx.db.transaction(async () => {
    await recordAudit(ctx, session, {
      action,
      entityType: 'report',
      entityId: `${period.from}..${period.to}`,
      payload: {
        from: period.from,
        to: period.to,
        requestedTo: period.requestedTo,
        format,
        rows,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      },
    });
  });
}

export const statisticsHandlers = {
  'stats.dashboard': async (input, ctx) =>
    await withPeriod(ctx, input, async (period) => {
      const alerts = await alertContext(ctx, input.dueSoonWorkingDays);
      const list = async (cell: 'alerts.dueSoon' | 'alerts.overdue') => {
        const page = await drilldownPage(
          ctx.db,
          { cell, from: period.from, to: period.to, today: alerts.clock.today, dueSoonUntil: alerts.until },
          { limit: input.alertLimit },
        );
        return {
          total: page.total,
          items: await toDrilldownRows(ctx, page.keys, alerts.deadlines, alerts.clock),
        };
      };
      return {
        period: periodView(period),
        ...(await computeFigures(ctx.db, period, alerts.clock.today)),
        alerts: {
          today: alerts.clock.today,
          dueSoonWorkingDays: alerts.days,
          dueSoonUntil: alerts.until,
          dueSoon: await list('alerts.dueSoon'),
          overdue: await list('alerts.overdue'),
        },
      };
    }),

  'stats.drilldown': async (input, ctx) =>
    await withPeriod(ctx, input, async (period) => {
      const alerts = await alertContext(ctx, input.dueSoonWorkingDays);
      const filter: DrilldownFilter = {
        cell: input.cell,
        from: period.from,
        to: period.to,
        today: alerts.clock.today,
        dueSoonUntil: alerts.until,
        procedureId: input.procedureId,
        sector: input.sector,
        appraiserId: input.appraiserId,
      };
      const page = await drilldownPage(ctx.db, filter, { cursor: input.cursor, limit: input.limit });
      const last = page.keys.length === input.limit ? page.keys[page.keys.length - 1] : undefined;
      return {
        items: await toDrilldownRows(ctx, page.keys, alerts.deadlines, alerts.clock),
        total: page.total,
        // The pause list pages on (received_ms, pause id): one row per supplement request.
        nextCursor: last ? { receivedMs: last.receivedMs, id: last.pauseId ?? last.id } : null,
      };
    }),

  'stats.scorecard': async (input, ctx) =>
    await withPeriod(ctx, input, (period) => computeScorecard(ctx.db, period)),

  'stats.scorecardDrilldown': async (input, ctx) =>
    await withPeriod(ctx, input, async (period) => {
      const page = await scorecardMisses(
        ctx.db,
        { indicator: input.indicator, from: period.from, to: period.to },
        { cursor: input.cursor, limit: input.limit },
      );
      const alerts = await alertContext(ctx, undefined);
      const records = await dossiersByIds(ctx.db, page.ids);
      const items = [];
      for (const id of page.ids) {
        const record = records.get(id);
        if (!record) continue;
        const pauses = record.status === 'awaiting_supplement' ? await pausesOf(ctx.db, record.id) : [];
        items.push(toRow(record, alerts.deadlines, alerts.clock, pauses));
      }
      return { items, total: page.total, nextCursor: page.last };
    }),

  'stats.report': async (input, ctx) =>
    await withPeriod(ctx, input, (period) => computeReport(ctx.db, period)),

  'stats.exportReport': async (input, ctx, session) => {
    const period = await requestPeriod(ctx, input);
    // One snapshot: the 766 sheet of the workbook counts the same dossiers as Biểu 06.
    const { report, scorecard } = await snapshot(ctx, async () => ({
      report: await computeReport(ctx.db, period),
      scorecard: await computeScorecard(ctx.db, period),
    }));
    try {
      assertReportConsistent(report.rows);
    } catch (error) {
      throw asAppError(error);
    }
    const settings = await readSettings(ctx.db);
    const createdAt = ctx.clock.now();
    const doc = {
      agency: documentAgency(settings),
      issuedOn: (await officeNow(ctx)).date,
      period,
      rows: report.rows,
      averageProcessingDays: report.averageProcessingDays,
      signature: reportSignature(settings),
      scorecard,
    };
    const bytes =
      input.format === 'pdf'
        ? await buildReportPdf(doc, ctx.resources.fonts(), createdAt)
        : await buildReportXlsx(doc, createdAt);
    await auditExport(ctx, session, 'stats.exportReport', period, input.format, bytes, report.rows.length);
    return fileResult(`Bieu-06-VPCP-KSTT_${period.from}_${period.to}.${input.format}`, input.format, bytes);
  },

  'stats.exportRegister': async (input, ctx, session) => {
    const period = await requestPeriod(ctx, input);
    const limit = REGISTER_LIMITS[input.format];
    const settings = await readSettings(ctx.db);
    const { count, rows } = await snapshot(ctx, async () => {
      const n = await countRegisterRows(ctx.db, period);
      // The Sở handles every procedure of this register itself; its short name keeps the column narrow.
      return {
        count: n,
        rows: n > limit ? null : await registerRows(ctx.db, period, settings.agency.shortSymbol),
      };
    });
    if (rows === null) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Kỳ đã chọn có ${count.toLocaleString('vi-VN')} hồ sơ, quá dài để xuất ${input.format.toUpperCase()} (tối đa ${limit.toLocaleString('vi-VN')}). Hãy chọn kỳ ngắn hơn${input.format === 'pdf' ? ' hoặc xuất Excel' : ''}.`,
        { logMessage: `register too long: ${count} rows for ${input.format}` },
      );
    }
    const createdAt = ctx.clock.now();
    const doc = { agency: documentAgency(settings), issuedOn: (await officeNow(ctx)).date, period, rows };
    const bytes =
      input.format === 'pdf'
        ? await buildRegisterPdf(doc, ctx.resources.fonts(), createdAt)
        : await buildRegisterXlsx(doc, createdAt);
    await auditExport(ctx, session, 'stats.exportRegister', period, input.format, bytes, doc.rows.length);
    return fileResult(`So-theo-doi-ho-so_${period.from}_${period.to}.${input.format}`, input.format, bytes);
  },
} satisfies Pick<
  Handlers,
  | 'stats.dashboard'
  | 'stats.drilldown'
  | 'stats.report'
  | 'stats.exportReport'
  | 'stats.exportRegister'
  | 'stats.scorecard'
  | 'stats.scorecardDrilldown'
>;
