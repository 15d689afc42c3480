import type { Sql } from '../store/sql';
import type { Period, SummarySums } from '../../../shared/domain/statistics';

/*
 * Range sums over the daily summary tables kept by the triggers of migration 0004; never a read of the
 * dossiers table. Two queries per table, each a primary-key range per group (key IN (...) AND day range, so
 * SQLite seeks each procedure's or appraiser's days in key order and groups without sorting):
 * - history before S: what was received and resolved, which due days passed and how they ended;
 * - the period [S, E]: received, resolved by class, processing days, and due days before E.
 * report-arithmetic.ts turns them into Biểu 06. A year over five years of history reads ~35,000 summary rows
 * per table, whatever the number of dossiers.
 */

type Key = 'procedure_id' | 'assignee_id';

const KEYS: Record<Key, { table: string; domain: string }> = {
  procedure_id: { table: 'stats_daily', domain: 'SELECT id FROM procedures' },
  // 0 = not assigned; users are never deleted, so every assignee of a dossier is in this list.
  assignee_id: { table: 'stats_assignee_daily', domain: 'SELECT 0 UNION ALL SELECT id FROM users' },
};

function beforeSql(key: Key): string {
  const { table, domain } = KEYS[key];
  return `SELECT ${key} AS k,
    sum(received_online + received_other) AS received,
    sum(completed_early + completed_on_time + completed_late) AS resolved,
    sum(due_total) AS due, sum(due_met) AS "dueMet", sum(done_past_due) AS "pastDue"
    FROM ${table} WHERE ${key} IN (${domain}) AND day < @from GROUP BY ${key}`;
}

function periodSql(key: Key, extra = ''): string {
  const { table, domain } = KEYS[key];
  return `SELECT ${key} AS k,
    sum(received_online) AS "receivedOnline", sum(received_other) AS "receivedOther",
    sum(completed_early) AS early, sum(completed_on_time) AS "onTime", sum(completed_late) AS late,
    sum(CASE WHEN day < @to THEN due_total ELSE 0 END) AS due,
    sum(CASE WHEN day < @to THEN due_met ELSE 0 END) AS "dueMet",
    sum(done_past_due) AS "pastDue",
    sum(processing_wd_sum) AS "processingDaysSum", sum(processing_wd_count) AS "processingDaysCount"${extra}
    FROM ${table} WHERE ${key} IN (${domain}) AND day >= @from AND day <= @to GROUP BY ${key}`;
}

const PAUSE_SUMS = `,
    sum(pause_count) AS "pauseCount", sum(pause_closed_days) AS "pauseClosedDays",
    sum(pause_open_count) AS "pauseOpen", sum(pause_open_day_sum) AS "pauseOpenDaySum"`;

/** The hot queries, exported for the query-plan tests and the benchmark. */
export const SUMMARY_SQL = {
  procedureBefore: beforeSql('procedure_id'),
  procedurePeriod: periodSql('procedure_id'),
  assigneeBefore: beforeSql('assignee_id'),
  assigneePeriod: periodSql('assignee_id', PAUSE_SUMS),
} as const;

interface BeforeRow {
  k: string | number;
  received: number;
  resolved: number;
  due: number;
  dueMet: number;
  pastDue: number;
}

interface PeriodRow {
  k: string | number;
  receivedOnline: number;
  receivedOther: number;
  early: number;
  onTime: number;
  late: number;
  due: number;
  dueMet: number;
  pastDue: number;
  processingDaysSum: number;
  processingDaysCount: number;
  pauseCount?: number;
  pauseClosedDays?: number;
  pauseOpen?: number;
  pauseOpenDaySum?: number;
}

const NO_BEFORE: Omit<BeforeRow, 'k'> = { received: 0, resolved: 0, due: 0, dueMet: 0, pastDue: 0 };
const NO_PERIOD: Omit<PeriodRow, 'k'> = {
  receivedOnline: 0,
  receivedOther: 0,
  early: 0,
  onTime: 0,
  late: 0,
  due: 0,
  dueMet: 0,
  pastDue: 0,
  processingDaysSum: 0,
  processingDaysCount: 0,
};

function combine(before: Omit<BeforeRow, 'k'>, inside: Omit<PeriodRow, 'k'>): SummarySums {
  return {
    receivedOnline: inside.receivedOnline,
    receivedOther: inside.receivedOther,
    receivedBefore: before.received,
    resolvedBefore: before.resolved,
    early: inside.early,
    onTime: inside.onTime,
    late: inside.late,
    dueBeforeEnd: before.due + inside.due,
    dueMetBeforeEnd: before.dueMet + inside.dueMet,
    pastDueByEnd: before.pastDue + inside.pastDue,
    processingDaysSum: inside.processingDaysSum,
    processingDaysCount: inside.processingDaysCount,
  };
}

async function sumsBy(db: Sql, before: string, inside: string, period: Period) {
  const beforeRows = (await db.all(before, { from: period.from })) as BeforeRow[];
  const periodRows = (await db.all(inside, { from: period.from, to: period.to })) as PeriodRow[];
  const keys = new Map<string | number, { before?: BeforeRow; inside?: PeriodRow }>();
  for (const row of beforeRows) keys.set(row.k, { before: row });
  for (const row of periodRows) keys.set(row.k, { ...keys.get(row.k), inside: row });
  return [...keys].map(([k, { before: b, inside: p }]) => ({
    k,
    sums: combine(b ?? NO_BEFORE, p ?? NO_PERIOD),
    inside: p,
  }));
}

export interface ProcedureSums extends SummarySums {
  readonly procedureId: string;
}

export interface AssigneeSums extends SummarySums {
  readonly assigneeId: number;
  readonly pauseCount: number;
  readonly pauseClosedDays: number;
  readonly pauseOpen: number;
  /** Σ of the request day numbers (days since 1970-01-01) of the pauses still open. */
  readonly pauseOpenDaySum: number;
}

export async function sumsByProcedure(db: Sql, period: Period): Promise<ProcedureSums[]> {
  return (await sumsBy(db, SUMMARY_SQL.procedureBefore, SUMMARY_SQL.procedurePeriod, period)).map(
    ({ k, sums }) => ({
      ...sums,
      procedureId: String(k),
    }),
  );
}

const SUM_KEYS = Object.keys(zeroSums()) as Array<keyof SummarySums>;

function zeroSums(): Record<keyof SummarySums, number> {
  return combine(NO_BEFORE, NO_PERIOD) as Record<keyof SummarySums, number>;
}

/** Field-wise a + sign × b: every Biểu 06 number is linear in these sums. */
export function addSums(a: SummarySums, b: SummarySums, sign: 1 | -1 = 1): SummarySums {
  const out = zeroSums();
  for (const key of SUM_KEYS) out[key] = a[key] + sign * b[key];
  return out;
}

/**
 * Per appraiser (assignee 0 = not assigned). The summary holds assigned dossiers only, so the unassigned
 * figures are `total` (the office's, from sumsByProcedure) minus every appraiser's; their supplement pauses
 * are kept under 0.
 */
export async function sumsByAssignee(db: Sql, period: Period, total: SummarySums): Promise<AssigneeSums[]> {
  const rows = await sumsBy(db, SUMMARY_SQL.assigneeBefore, SUMMARY_SQL.assigneePeriod, period);
  const pausesOf = (inside: PeriodRow | undefined) => ({
    pauseCount: inside?.pauseCount ?? 0,
    pauseClosedDays: inside?.pauseClosedDays ?? 0,
    pauseOpen: inside?.pauseOpen ?? 0,
    pauseOpenDaySum: inside?.pauseOpenDaySum ?? 0,
  });
  const assigned = rows
    .filter(({ k }) => Number(k) !== 0)
    .map(({ k, sums, inside }) => ({ ...sums, assigneeId: Number(k), ...pausesOf(inside) }));
  const unassigned = assigned.reduce<SummarySums>((rest, a) => addSums(rest, a, -1), total);
  const zero = rows.find(({ k }) => Number(k) === 0);
  return [...assigned, { ...unassigned, assigneeId: 0, ...pausesOf(zero?.inside) }];
}

/** The office total: the sum over every procedure. */
export function totalSums(perProcedure: readonly SummarySums[]): SummarySums {
  return perProcedure.reduce<SummarySums>((acc, s) => addSums(acc, s), zeroSums());
}

/** Days since 1970-01-01 of an office-local date, as the triggers compute them (unixepoch / 86400). */
export function dayNumberOf(date: string): number {
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/** Calendar days waited by the pauses of one appraiser: closed ones in full, open ones until today. */
export function pauseDaysWaited(sums: AssigneeSums, today: string): number {
  return sums.pauseClosedDays + sums.pauseOpen * dayNumberOf(today) - sums.pauseOpenDaySum;
}

export interface ProcedureInfo {
  id: string;
  code: string | null;
  name: string;
  sector: 'bao_chi' | 'xuat_ban';
}

export async function procedureInfos(db: Sql): Promise<ProcedureInfo[]> {
  return (await db.all(
    'SELECT id, code, name, sector FROM procedures ORDER BY sector, id',
  )) as ProcedureInfo[];
}

export async function userNames(db: Sql, ids: readonly number[]): Promise<Map<number, string>> {
  const wanted = ids.filter((id) => id > 0);
  if (wanted.length === 0) return new Map();
  const rows = (await db.all(
    `SELECT id, full_name FROM users WHERE id IN (${wanted.map(() => '?').join(', ')})`,
    [...wanted],
  )) as Array<{ id: number; full_name: string }>;
  return new Map(rows.map((r) => [r.id, r.full_name]));
}
