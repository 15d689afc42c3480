import type { Sql } from '../store/sql';
import type { ScorecardOutput } from '../../../shared/api/schemas/statistics';
import {
  countedOnTimeByDates,
  indicatorKeys,
  indicatorsOf,
  RULES_766,
  type IndicatorKey,
  type ScorecardSums,
} from '../../../shared/domain/scorecard/scorecard-766';
import { averageProcessingDays, countsFromSums } from '../../../shared/domain/statistics';
import { procedureInfos, sumsByProcedure } from './summary-repo';
import { periodView, type StatisticsPeriod } from './statistics-service';

/*
 * The scorecard reads the daily summaries only (stats_daily of migration 0004 and stats_digital_daily of 0008),
 * plus the few dossiers with more than one supplement request (partial index): no scan of the dossiers table,
 * so a year over 1,000,000 dossiers costs what Biểu 06 costs.
 */

export const SCORECARD_SQL = {
  digital: `SELECT procedure_id AS k, sum(results_expected) AS expected, sum(e_results) AS "eResults",
      sum(digitised) AS digitised
    FROM stats_digital_daily WHERE procedure_id IN (SELECT id FROM procedures) AND day >= @from AND day <= @to
    GROUP BY procedure_id`,
  resupplemented: `SELECT procedure_id AS k, receipt_date AS "receiptDate", completed_date AS "completedDate",
      completion_class AS "completionClass", due_date AS "dueDate"
    FROM dossiers WHERE supplement_requests > 1 AND receipt_date <= @to`,
  deadlines: `SELECT procedure_id AS k, deadline AS amount, deadline_unit AS unit FROM procedure_versions
    WHERE effective_to IS NULL AND deadline IS NOT NULL`,
} as const;

interface DigitalRow {
  k: string;
  expected: number;
  eResults: number;
  digitised: number;
}

const ZERO: ScorecardSums = {
  toProcess: 0,
  onTimeByDueDate: 0,
  onTimeButResupplemented: 0,
  receivedOnline: 0,
  receivedTotal: 0,
  resultsExpected: 0,
  eResults: 0,
  digitised: 0,
  processingDaysSum: 0,
  processingDaysCount: 0,
};

function add(a: ScorecardSums, b: ScorecardSums): ScorecardSums {
  const out = { ...a } as Record<keyof ScorecardSums, number>;
  for (const key of Object.keys(ZERO) as Array<keyof ScorecardSums>) out[key] = a[key] + b[key];
  return out;
}

export async function computeScorecard(db: Sql, period: StatisticsPeriod): Promise<ScorecardOutput> {
  const bieu = await sumsByProcedure(db, period);
  const digital = new Map(
    (await db.all<DigitalRow>(SCORECARD_SQL.digital, { from: period.from, to: period.to })).map((r) => [
      r.k,
      r,
    ]),
  );
  const resupplemented = new Map<string, number>();
  for (const d of await db.all<{
    k: string;
    receiptDate: string;
    completedDate: string | null;
    completionClass: string | null;
    dueDate: string | null;
  }>(SCORECARD_SQL.resupplemented, { to: period.to })) {
    if (countedOnTimeByDates(d, period)) resupplemented.set(d.k, (resupplemented.get(d.k) ?? 0) + 1);
  }
  const deadlines = new Map(
    (await db.all<{ k: string; amount: number; unit: string }>(SCORECARD_SQL.deadlines)).map((r) => [r.k, r]),
  );
  const infos = await procedureInfos(db);
  const perProcedure = new Map<string, ScorecardSums>();
  for (const sums of bieu) {
    const c = countsFromSums(sums);
    const dig = digital.get(sums.procedureId);
    perProcedure.set(sums.procedureId, {
      toProcess: c.c3,
      onTimeByDueDate: c.c8 + c.c9 + c.c12,
      onTimeButResupplemented: resupplemented.get(sums.procedureId) ?? 0,
      receivedOnline: c.c4,
      receivedTotal: c.c4 + c.c5,
      resultsExpected: dig?.expected ?? 0,
      eResults: dig?.eResults ?? 0,
      digitised: dig?.digitised ?? 0,
      processingDaysSum: sums.processingDaysSum,
      processingDaysCount: sums.processingDaysCount,
    });
  }
  const total = [...perProcedure.values()].reduce(add, ZERO);
  const indicators = indicatorsOf(total);
  return {
    period: periodView(period),
    indicators: indicatorKeys.map((key: IndicatorKey) => ({
      ...indicators[key],
      label: RULES_766[key].label,
      rule: RULES_766[key].rule,
      source: RULES_766[key].source,
      fullAt: RULES_766[key].fullAt,
    })),
    byProcedure: infos
      .filter(
        (p) =>
          (perProcedure.get(p.id)?.toProcess ?? 0) > 0 || (perProcedure.get(p.id)?.resultsExpected ?? 0) > 0,
      )
      .map((p) => {
        const s = perProcedure.get(p.id) ?? ZERO;
        const one = indicatorsOf(s);
        const deadline = deadlines.get(p.id);
        return {
          procedureId: p.id,
          code: p.code,
          name: p.name,
          resolved: s.processingDaysCount,
          averageProcessingDays: averageProcessingDays(s.processingDaysSum, s.processingDaysCount),
          deadline: deadline ? { amount: deadline.amount, unit: deadline.unit } : null,
          onTimeRate: one.onTime.rate,
          eResultRate: one.eResult.rate,
          digitisedRate: one.digitised.rate,
        };
      }),
  };
}
