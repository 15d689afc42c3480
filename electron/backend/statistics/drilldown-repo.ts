import type { Dialect, Sql } from '../store/sql';
import type { DossierRecord } from '../dossiers/dossier-repo';
import type { DrilldownCell } from '../../../shared/api/schemas/statistics';
import { openStatuses } from '../../../shared/domain/dossier-status';

/*
 * The dossiers behind each dashboard number. Every cell is written as disjoint branches, each one a plain
 * WHERE that one index of migration 0004 can serve (receipt date, completion date, not-completed, open by due
 * date, pause request time), so counting and paging never need an OR across indexes. The predicates state the
 * same rules as `contributionOf` (shared/domain/statistics/report-arithmetic.ts); the tests check that every
 * list's total equals its number.
 */

export interface DrilldownFilter {
  cell: DrilldownCell;
  from: string;
  to: string;
  /** Office-local today and the due-soon limit, for the alert cells. */
  today: string;
  dueSoonUntil: string;
  procedureId?: string | undefined;
  sector?: 'bao_chi' | 'xuat_ban' | undefined;
  /** 0 = not assigned. */
  appraiserId?: number | undefined;
}

export interface DrilldownPageRequest {
  cursor?: { receivedMs: number; id: number } | undefined;
  limit: number;
}

const OPEN = `d.status IN (${openStatuses.map((s) => `'${s}'`).join(', ')})`;
// `completed_at IS NOT NULL` is repeated so that the partial index on completed_date is usable.
const DONE_FROM = 'd.completed_at IS NOT NULL AND d.completed_date >= @from';
const NOT_DONE = 'd.completed_at IS NULL';
const DONE_AFTER_END = 'd.completed_at IS NOT NULL AND d.completed_date > @to';
// The due day as the summary counts it: the later of the due date and the receipt date (migration 0004).
// Written as a CASE, which both engines read the same way (SQLite's max(a, b) is GREATEST elsewhere).
const DUE_DAY = 'CASE WHEN d.due_date > d.receipt_date THEN d.due_date ELSE d.receipt_date END';
const OVERDUE_AT_END = `d.due_date IS NOT NULL AND ${DUE_DAY} < @to`;
const IN_TIME_AT_END = `(d.due_date IS NULL OR ${DUE_DAY} >= @to)`;
const RESOLVED = 'd.completed_at IS NOT NULL AND d.completed_date BETWEEN @from AND @to';
const RECEIVED = 'd.receipt_date BETWEEN @from AND @to';

interface Branch {
  where: string;
  /**
   * How a page is ordered: 'received' walks the received_ms index backwards (right when the newest dossiers
   * match, as for "received in the period"); 'sort' keeps the planner on the branch's own index and sorts its
   * matches (elsewhere a backward walk would wade through every newer dossier first). `index` pins the index.
   */
  order: 'received' | 'sort';
  index?: string;
}

const sorted = (where: string, index?: string): Branch => ({
  where,
  order: 'sort',
  ...(index ? { index } : {}),
});

/** Disjoint branches whose union is the cell. */
function branchesOf(cell: Exclude<DrilldownCell, 'pauses'>): Branch[] {
  const received = (extra = ''): Branch => ({ where: `${RECEIVED}${extra}`, order: 'received' });
  const carried = [
    sorted(`${NOT_DONE} AND d.receipt_date < @from`),
    sorted(`${DONE_FROM} AND d.receipt_date < @from`),
  ];
  const pending = (extra: string) => [
    sorted(`${NOT_DONE} AND d.receipt_date <= @to AND ${extra}`),
    sorted(`${DONE_AFTER_END} AND d.receipt_date <= @to AND ${extra}`),
  ];
  switch (cell) {
    case 'received.total':
      return [received(), ...carried];
    case 'received.online':
      return [received(" AND d.channel = 'online'")];
    case 'received.other':
      return [received(" AND d.channel <> 'online'")];
    case 'received.carriedOver':
      return carried;
    case 'resolved.total':
      return [sorted(RESOLVED)];
    case 'resolved.early':
      return [sorted(`${RESOLVED} AND d.completion_class = 'early'`)];
    case 'resolved.onTime':
      // A resolution without a class (no appointment) counts as on time, as in the summary.
      return [sorted(`${RESOLVED} AND (d.completion_class = 'on_time' OR d.completion_class IS NULL)`)];
    case 'resolved.late':
      return [sorted(`${RESOLVED} AND d.completion_class = 'late'`)];
    case 'pending.total':
      return pending('TRUE');
    case 'pending.inTime':
      return pending(IN_TIME_AT_END);
    case 'pending.overdue':
      return pending(OVERDUE_AT_END);
    // The planner prefers the older open-by-due index, which lacks received_ms and so sorts after a table
    // lookup per row; this one (migration 0004) orders from the index alone.
    case 'alerts.overdue':
      return [sorted(`${OPEN} AND d.due_date < @today`, 'dossiers_open_by_due_received')];
    case 'alerts.dueSoon':
      return [
        sorted(`${OPEN} AND d.due_date BETWEEN @today AND @dueSoonUntil`, 'dossiers_open_by_due_received'),
      ];
  }
}

function scopeOf(filter: DrilldownFilter): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.procedureId !== undefined) {
    parts.push('d.procedure_id = @procedureId');
    params.procedureId = filter.procedureId;
  }
  if (filter.sector !== undefined) {
    parts.push('d.procedure_id IN (SELECT id FROM procedures WHERE sector = @sector)');
    params.sector = filter.sector;
  }
  if (filter.appraiserId !== undefined) {
    if (filter.appraiserId === 0) {
      parts.push('d.assignee_id IS NULL');
    } else {
      parts.push('d.assignee_id = @appraiserId');
      params.appraiserId = filter.appraiserId;
    }
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/** The day after `date` ('YYYY-MM-DD'), for half-open ranges over ISO instants. */
function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export interface DrilldownKey {
  /** The dossier. */
  id: number;
  receivedMs: number;
  /** The pause, for the 'pauses' cell (one row per supplement request). */
  pauseId: number | null;
}

export interface DrilldownQuery {
  /** SELECT count(*) AS n … */
  count: string;
  /** SELECT id, receivedMs, pauseId … ORDER BY received_ms DESC … LIMIT @limit, after the cursor. */
  page: string;
}

/** The SQL behind one cell (one query pair per disjoint branch); exported for the query-plan tests. */
export function drilldownQueries(filter: DrilldownFilter, dialect: Dialect): DrilldownQuery[] {
  const scope = scopeOf(filter).sql;
  if (filter.cell === 'pauses') {
    // Requested on an office day in [from, to]: requested_at is office-local ISO, so a half-open text range.
    const where = `p.requested_at >= @requestedFrom AND p.requested_at < @requestedTo${scope}`;
    const source = 'dossier_pauses p JOIN dossiers d ON d.id = p.dossier_id';
    return [
      {
        count: `SELECT count(*) AS n FROM ${source} WHERE ${where}`,
        page: `SELECT d.id, d.received_ms AS "receivedMs", p.id AS "pauseId" FROM ${source}
          WHERE ${where} AND (+d.received_ms, p.id) < (@cursorMs, @cursorId)
          ORDER BY +d.received_ms DESC, p.id DESC LIMIT @limit`,
      },
    ];
  }
  return branchesOf(filter.cell).map((branch) => {
    const where = `${branch.where}${scope}`;
    // SQLite takes an index hint; PostgreSQL's planner picks from its statistics and has no hint syntax.
    const hint = branch.index && dialect === 'sqlite' ? ` INDEXED BY ${branch.index}` : '';
    const source = `dossiers d${hint}`;
    // The unary '+' stops the planner from ordering through the received_ms index.
    const ms = branch.order === 'received' ? 'd.received_ms' : '+d.received_ms';
    return {
      count: `SELECT count(*) AS n FROM ${source} WHERE ${where}`,
      page: `SELECT d.id, d.received_ms AS "receivedMs", NULL AS "pauseId" FROM ${source}
        WHERE ${where} AND (${ms}, d.id) < (@cursorMs, @cursorId)
        ORDER BY ${ms} DESC, d.id DESC LIMIT @limit`,
    };
  });
}

/** The parameters every drilldown query takes. */
export function drilldownParams(
  filter: DrilldownFilter,
  page: DrilldownPageRequest,
): Record<string, unknown> {
  return {
    from: filter.from,
    to: filter.to,
    today: filter.today,
    dueSoonUntil: filter.dueSoonUntil,
    requestedFrom: filter.from,
    requestedTo: nextDay(filter.to),
    ...scopeOf(filter).params,
    limit: page.limit,
    cursorMs: page.cursor?.receivedMs ?? Number.MAX_SAFE_INTEGER,
    cursorId: page.cursor?.id ?? Number.MAX_SAFE_INTEGER,
  };
}

/** Total and one keyset page (received_ms DESC, id DESC — the order of dossiers.list). */
export async function drilldownPage(
  db: Sql,
  filter: DrilldownFilter,
  page: DrilldownPageRequest,
): Promise<{ total: number; keys: DrilldownKey[] }> {
  const params = drilldownParams(filter, page);
  let total = 0;
  const merged: DrilldownKey[] = [];
  for (const query of drilldownQueries(filter, db.dialect)) {
    total += ((await db.get(query.count, params)) as { n: number }).n;
    merged.push(...((await db.all(query.page, params)) as DrilldownKey[]));
  }
  // Branches are disjoint: merging their first pages and cutting gives the union's first page.
  merged.sort((a, b) => b.receivedMs - a.receivedMs || (b.pauseId ?? b.id) - (a.pauseId ?? a.id));
  return { total, keys: merged.slice(0, page.limit) };
}

export interface DrilldownRecord extends DossierRecord {
  assignee_id: number | null;
  assignee_name: string | null;
  apology_due_at: string | null;
}

/** The full rows of one page, in the page's order. */
export async function dossiersByIds(db: Sql, ids: readonly number[]): Promise<Map<number, DrilldownRecord>> {
  if (ids.length === 0) return new Map();
  const rows = (await db.all(
    `SELECT d.*, p.code AS procedure_code, p.name AS procedure_name, v.pause_mode, u.full_name AS assignee_name
       FROM dossiers d
       JOIN procedures p ON p.id = d.procedure_id
       JOIN procedure_versions v ON v.id = d.procedure_version_id
       LEFT JOIN users u ON u.id = d.assignee_id
       WHERE d.id IN (${ids.map(() => '?').join(', ')})`,
    [...ids],
  )) as DrilldownRecord[];
  return new Map(rows.map((r) => [r.id, r]));
}

export interface PauseRecord {
  id: number;
  requested_at: string;
  resumed_at: string | null;
}

export async function pausesByIds(db: Sql, ids: readonly number[]): Promise<Map<number, PauseRecord>> {
  if (ids.length === 0) return new Map();
  const rows = (await db.all(
    `SELECT id, requested_at, resumed_at FROM dossier_pauses WHERE id IN (${ids.map(() => '?').join(', ')})`,
    [...ids],
  )) as PauseRecord[];
  return new Map(rows.map((r) => [r.id, r]));
}
