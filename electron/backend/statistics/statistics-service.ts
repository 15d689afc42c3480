import type { BackendContext } from '../context';
import type { Sql } from '../store/sql';
import { AppError } from '../../../shared/api/errors';
import type { DashboardOutput, Figures, ReportOutput } from '../../../shared/api/schemas/statistics';
import {
  averageProcessingDays,
  buildReportRows,
  countsFromSums,
  formatPeriod,
  onTimeRate,
  reportProblems,
  resolvePeriod,
  SECTOR_LABELS,
  sectors,
  StatisticsError,
  sumCounts,
  type Bieu06Counts,
  type ResolvedPeriod,
  type SummarySums,
} from '../../../shared/domain/statistics';
import { officeNow } from '../office-clock';
import {
  pauseDaysWaited,
  procedureInfos,
  sumsByAssignee,
  sumsByProcedure,
  totalSums,
  userNames,
} from './summary-repo';

export interface StatisticsPeriod extends ResolvedPeriod {
  label: string;
}

/** The period to compute, or a field-by-field refusal (empty, reversed, entirely in the future). */
export async function requestPeriod(
  ctx: BackendContext,
  input: { from: string; to: string },
): Promise<StatisticsPeriod> {
  try {
    const period = resolvePeriod(input, (await officeNow(ctx)).date);
    return { ...period, label: formatPeriod(period) };
  } catch (error) {
    throw asAppError(error);
  }
}

/** Statistics rule violations become VALIDATION_FAILED with the offending field, for the form. */
export function asAppError(error: unknown): unknown {
  if (!(error instanceof StatisticsError)) return error;
  return new AppError('VALIDATION_FAILED', error.messageVi, {
    ...(error.field !== null ? { fieldErrors: { [error.field]: error.messageVi } } : {}),
    logMessage: error.messageEn,
  });
}

export function figuresOf(
  counts: Bieu06Counts,
  processingDaysSum: number,
  processingDaysCount: number,
): Figures {
  return {
    received: { total: counts.c3, online: counts.c4, other: counts.c5, carriedOver: counts.c6 },
    resolved: { total: counts.c7, early: counts.c8, onTime: counts.c9, late: counts.c10 },
    pending: { total: counts.c11, inTime: counts.c12, overdue: counts.c13 },
    rate: onTimeRate(counts),
    averageProcessingDays: averageProcessingDays(processingDaysSum, processingDaysCount),
  };
}

interface Group {
  counts: Bieu06Counts;
  processingDaysSum: number;
  processingDaysCount: number;
}

const groupOf = (sums: SummarySums): Group => ({
  counts: countsFromSums(sums),
  processingDaysSum: sums.processingDaysSum,
  processingDaysCount: sums.processingDaysCount,
});

const mergeGroups = (groups: readonly Group[]): Group => ({
  counts: sumCounts(groups.map((g) => g.counts)),
  processingDaysSum: groups.reduce((a, g) => a + g.processingDaysSum, 0),
  processingDaysCount: groups.reduce((a, g) => a + g.processingDaysCount, 0),
});

/** Per-procedure groups with the catalogue's names and sectors (one summary query). */
async function procedureGroups(db: Sql, period: StatisticsPeriod) {
  const all = await sumsByProcedure(db, period);
  const sums = new Map(all.map((s) => [s.procedureId, s]));
  const groups = (await procedureInfos(db))
    .filter((p) => sums.has(p.id))
    .map((p) => ({ info: p, group: groupOf(sums.get(p.id) as SummarySums) }));
  return { groups, total: totalSums(all) };
}

export async function computeReport(db: Sql, period: StatisticsPeriod): Promise<ReportOutput> {
  const { groups } = await procedureGroups(db, period);
  const rows = buildReportRows(
    groups.map(({ info, group }) => ({
      procedureId: info.id,
      code: info.code,
      name: info.name,
      sector: info.sector,
      counts: group.counts,
    })),
  );
  const all = mergeGroups(groups.map((g) => g.group));
  const total = rows[rows.length - 1];
  if (total === undefined) throw new Error('report without a total row');
  return {
    period: periodView(period),
    rows,
    total,
    averageProcessingDays: averageProcessingDays(all.processingDaysSum, all.processingDaysCount),
    problems: reportProblems(rows),
  };
}

export function periodView(period: StatisticsPeriod): ReportOutput['period'] {
  return {
    from: period.from,
    to: period.to,
    requestedTo: period.requestedTo,
    isTruncated: period.isTruncated,
    notice: period.notice,
    label: period.label,
  };
}

export const UNASSIGNED_LABEL = 'Chưa phân công';

/** Everything of the dashboard except the alert lists (which depend on today, not on the period). */
export async function computeFigures(
  db: Sql,
  period: StatisticsPeriod,
  today: string,
): Promise<Omit<DashboardOutput, 'alerts' | 'period'>> {
  const { groups, total } = await procedureGroups(db, period);
  const totals = mergeGroups(groups.map((g) => g.group));
  const bySector = sectors.map((sector) => {
    const merged = mergeGroups(groups.filter((g) => g.info.sector === sector).map((g) => g.group));
    return {
      sector,
      label: SECTOR_LABELS[sector],
      figures: figuresOf(merged.counts, merged.processingDaysSum, merged.processingDaysCount),
    };
  });
  const byProcedure = groups
    .filter((g) => g.group.counts.c3 !== 0)
    .map(({ info, group }) => ({
      procedureId: info.id,
      code: info.code,
      name: info.name,
      sector: info.sector,
      figures: figuresOf(group.counts, group.processingDaysSum, group.processingDaysCount),
    }));
  const assignees = await sumsByAssignee(db, period, total);
  const names = await userNames(
    db,
    assignees.map((a) => a.assigneeId),
  );
  const byAppraiser = assignees
    .map((sums) => ({ sums, group: groupOf(sums) }))
    .filter(({ sums, group }) => group.counts.c3 !== 0 || sums.pauseCount !== 0)
    .map(({ sums, group }) => ({
      appraiserId: sums.assigneeId,
      name:
        sums.assigneeId === 0
          ? UNASSIGNED_LABEL
          : (names.get(sums.assigneeId) ?? `Người dùng #${sums.assigneeId}`),
      figures: figuresOf(group.counts, group.processingDaysSum, group.processingDaysCount),
      pauses: { count: sums.pauseCount, daysWaited: pauseDaysWaited(sums, today), open: sums.pauseOpen },
    }))
    // Appraisers by name, "not assigned" last.
    .sort((a, b) =>
      a.appraiserId === 0 ? 1 : b.appraiserId === 0 ? -1 : a.name.localeCompare(b.name, 'vi'),
    );
  return {
    totals: figuresOf(totals.counts, totals.processingDaysSum, totals.processingDaysCount),
    bySector,
    byProcedure,
    byAppraiser,
  };
}
