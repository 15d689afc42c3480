import { z } from '../zod-vi';
import { id } from './common';
import { dossierRowSchema } from './dossiers';
import { bieu06Keys, periodShapeIssues, sectors, statCells } from '../../domain/statistics';
import type { Bieu06Key } from '../../domain/statistics';
import { indicatorKeys } from '../../domain/scorecard/scorecard-766';

/*
 * Statistics API shapes (issue 5). Periods are office-local dates, both ends included. The shape rules run
 * here (the form and the backend give the same field messages); "in the future" needs the office's today and
 * is checked by the handler.
 */

interface PeriodFields {
  from?: string | null;
  to?: string | null;
}

function periodSchema<T extends z.ZodRawShape>(extra: T) {
  return z
    .object({ from: z.string().nullish(), to: z.string().nullish(), ...extra })
    .superRefine((value, ctx) => {
      const { from, to } = value as PeriodFields;
      for (const issue of periodShapeIssues(from, to)) {
        ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
      }
    })
    .transform((value) => ({
      ...value,
      from: (value as PeriodFields).from as string,
      to: (value as PeriodFields).to as string,
    }));
}

export const periodInput = periodSchema({});

export const resolvedPeriodSchema = z.object({
  from: z.string(),
  to: z.string(),
  requestedTo: z.string(),
  isTruncated: z.boolean(),
  /** Shown with the figures when the period was cut at today. */
  notice: z.string().nullable(),
  /** '(Từ ngày … đến ngày …)'. */
  label: z.string(),
});

const count = z.number().int();
const countsShape = Object.fromEntries(bieu06Keys.map((k) => [k, count])) as Record<Bieu06Key, typeof count>;
/** Biểu 06 columns (3)–(13): c3 … c13. */
export const bieu06CountsSchema = z.object(countsShape);

export const sectorSchema = z.enum(sectors);

/** The dashboard's reading of the same thirteen numbers, plus the rate and the mean processing time. */
export const figuresSchema = z.object({
  received: z.object({ total: count, online: count, other: count, carriedOver: count }),
  resolved: z.object({ total: count, early: count, onTime: count, late: count }),
  pending: z.object({ total: count, inTime: count, overdue: count }),
  /** (trước hạn + đúng hạn) / đã giải quyết, 0–1; null when nothing was resolved (shown "—"). */
  rate: z.number().nullable(),
  /** Mean processing time in working days of the dossiers resolved in the period; null when none. */
  averageProcessingDays: z.number().nullable(),
});
export type Figures = z.output<typeof figuresSchema>;

export const pauseFiguresSchema = z.object({
  /** Supplement requests made in the period. */
  count,
  /** Calendar days waited for those supplements (until received, or until today if still waiting). */
  daysWaited: count,
  /** Of those, still waiting today. */
  open: count,
});

export const drilldownRowSchema = dossierRowSchema.extend({
  completedAt: z.string().nullable(),
  completionClass: z.enum(['early', 'on_time', 'late']).nullable(),
  assigneeId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  /** The new appointment of an apology letter (the dossier is still judged against dueDate). */
  apologyDueAt: z.string().nullable(),
  /** For the supplement-pause list: the pause this row stands for. */
  pause: z
    .object({ requestedAt: z.string(), resumedAt: z.string().nullable(), daysWaited: count })
    .nullable(),
});
export type DrilldownRow = z.output<typeof drilldownRowSchema>;

const cursorSchema = z.object({ receivedMs: z.number().int(), id });

const alertListSchema = z.object({ total: count, items: z.array(drilldownRowSchema) });

export const dashboardInput = periodSchema({
  /** "Sắp đến hạn" window in working days; defaults to the office setting. */
  dueSoonWorkingDays: z.number().int().min(0).max(30).optional(),
  /** Rows of the due-soon and overdue lists returned with the dashboard (the rest via stats.drilldown). */
  alertLimit: z.number().int().min(0).max(100).default(20),
});

export const dashboardOutput = z.object({
  period: resolvedPeriodSchema,
  totals: figuresSchema,
  bySector: z.array(z.object({ sector: sectorSchema, label: z.string(), figures: figuresSchema })),
  byProcedure: z.array(
    z.object({
      procedureId: z.string(),
      code: z.string().nullable(),
      name: z.string(),
      sector: sectorSchema,
      figures: figuresSchema,
    }),
  ),
  /** appraiserId 0 = not assigned yet; rows add up to the totals. */
  byAppraiser: z.array(
    z.object({
      appraiserId: z.number().int(),
      name: z.string(),
      figures: figuresSchema,
      pauses: pauseFiguresSchema,
    }),
  ),
  /** Relative to today, whatever the period: open dossiers due within N working days, and overdue ones. */
  alerts: z.object({
    today: z.string(),
    dueSoonWorkingDays: count,
    dueSoonUntil: z.string(),
    dueSoon: alertListSchema,
    overdue: alertListSchema,
  }),
});
export type DashboardOutput = z.output<typeof dashboardOutput>;

export const drilldownCells = [...statCells, 'pauses', 'alerts.dueSoon', 'alerts.overdue'] as const;
export type DrilldownCell = (typeof drilldownCells)[number];

export const drilldownInput = periodSchema({
  cell: z.enum(drilldownCells, { error: 'Chỉ tiêu thống kê không hợp lệ.' }),
  procedureId: z.string().min(1).max(40).optional(),
  sector: sectorSchema.optional(),
  /** 0 = dossiers not assigned yet. */
  appraiserId: z.number().int().min(0).optional(),
  dueSoonWorkingDays: z.number().int().min(0).max(30).optional(),
  cursor: cursorSchema.optional(),
  limit: z.number().int().min(1).max(500).default(50),
});

export const drilldownOutput = z.object({
  items: z.array(drilldownRowSchema),
  /** Equals the dashboard number the list was opened from. */
  total: count,
  nextCursor: cursorSchema.nullable(),
});

export const reportRowSchema = bieu06CountsSchema.extend({
  kind: z.enum(['sector', 'procedure', 'total']),
  stt: z.string(),
  label: z.string(),
  sector: sectorSchema.nullable(),
  procedureId: z.string().nullable(),
  procedureCode: z.string().nullable(),
  procedure: z.string().nullable(),
  rate: z.number().nullable(),
});

export const reportOutput = z.object({
  period: resolvedPeriodSchema,
  /** Sector rows (I, II) each followed by its procedures, then the total row (also in `total`). */
  rows: z.array(reportRowSchema),
  total: reportRowSchema,
  averageProcessingDays: z.number().nullable(),
  /** Broken identities ((3)=(4)+(5)+(6), …), in Vietnamese; export refuses while this is not empty. */
  problems: z.array(z.string()),
});
export type ReportOutput = z.output<typeof reportOutput>;

export const exportFormats = ['xlsx', 'pdf'] as const;

export const exportInput = periodSchema({
  format: z.enum(exportFormats, { error: 'Chọn định dạng: xlsx hoặc pdf.' }),
});

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const exportOutput = z.object({
  fileName: z.string(),
  mimeType: z.enum(['application/pdf', XLSX_MIME]),
  base64: z.string(),
});
export type ExportOutput = z.output<typeof exportOutput>;

/** The "Chỉ số 766" scorecard (issue 13): QĐ 766/QĐ-TTg indicators an office computes from its own dossiers. */
export const scorecardIndicatorSchema = z.object({
  key: z.enum(indicatorKeys),
  label: z.string(),
  rule: z.string(),
  source: z.string(),
  fullAt: z.number(),
  met: count,
  total: count,
  rate: z.number().nullable(),
  pointsShare: z.number().nullable(),
  isFull: z.boolean(),
  missed: count,
});
export type ScorecardIndicator = z.output<typeof scorecardIndicatorSchema>;

export const scorecardOutput = z.object({
  period: resolvedPeriodSchema,
  indicators: z.array(scorecardIndicatorSchema),
  /** "Thời gian giải quyết TTHC trung bình" per procedure, beside its legal deadline. */
  byProcedure: z.array(
    z.object({
      procedureId: z.string(),
      code: z.string().nullable(),
      name: z.string(),
      resolved: count,
      averageProcessingDays: z.number().nullable(),
      deadline: z.object({ amount: count, unit: z.string() }).nullable(),
      onTimeRate: z.number().nullable(),
      eResultRate: z.number().nullable(),
      digitisedRate: z.number().nullable(),
    }),
  ),
});
export type ScorecardOutput = z.output<typeof scorecardOutput>;

export const scorecardDrilldownInput = periodSchema({
  indicator: z.enum(indicatorKeys, { error: 'Chỉ số không hợp lệ.' }),
  cursor: cursorSchema.optional(),
  limit: z.number().int().min(1).max(500).default(50),
});

export const scorecardDrilldownOutput = z.object({
  items: z.array(dossierRowSchema),
  total: count,
  nextCursor: cursorSchema.nullable(),
});
