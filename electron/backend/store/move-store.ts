import type { Logger } from '../context';
import type { Sql, Store } from './sql';
import type { SqliteStore } from './sqlite/sqlite-store';
import type { PostgresStore } from './postgres/postgres-store';
import { countRows, type TableCount } from '../backup/inspect-copy';
import { auditHead } from '../audit/audit-chain';
import { verifyStore } from './verify-store';
import { computeReport } from '../statistics/statistics-service';
import { calendarPeriod, resolvePeriod } from '../../../shared/domain/statistics';

/**
 * The counters of the statistics summary are a pure function of the dossier and pause rows (migration 0004),
 * so they are not copied: the target's own triggers rebuild them as the rows arrive, and the Biểu 06 of every
 * year is then compared — a stronger proof than copying the counters would be.
 */
const REBUILT_BY_TRIGGERS = new Set(['stats_daily', 'stats_assignee_daily', 'stats_digital_daily']);

/**
 * Columns the target's triggers derive from rows copied later (a dossier's scan count and electronic result
 * follow its dossier_files rows, migration 0008): copied as their starting value so the triggers rebuild them
 * instead of adding to the copied figure, then compared.
 */
const DERIVED_COLUMNS: Record<string, Record<string, unknown>> = {
  dossiers: { scans_attached: 0, e_result_sha256: null },
};
const BATCH = 1000;

export interface MoveProgress {
  table: string;
  done: number;
  total: number;
}

export interface MoveReport {
  ok: boolean;
  rowCounts: Array<TableCount & { target: number }>;
  auditHead: { source: { seq: number; hash: string } | null; target: { seq: number; hash: string } | null };
  years: Array<{ year: number; isEqual: boolean }>;
  /** English lines for the log and the command line. */
  lines: string[];
}

/**
 * Copies an office's SQLite store into an EMPTY PostgreSQL store (already migrated), in one transaction, and
 * proves the copy equal: every table's row count, the audit chain head, the licence register (verify on both)
 * and Biểu 06 for every year that has dossiers. The source is only read.
 */
export async function moveStore(
  source: SqliteStore,
  target: PostgresStore,
  options: { today: string; log?: Logger; onProgress?: (p: MoveProgress) => void },
): Promise<MoveReport> {
  const sourceCounts = await countRows(source);
  const existing = (await countRows(target)).filter((c) => c.rows > 0);
  if (existing.length > 0) {
    throw new Error(`target is not empty: ${existing.map((c) => `${c.table} ${c.rows}`).join(', ')}`);
  }
  const order = await insertOrder(
    target,
    sourceCounts.map((c) => c.table),
  );
  await target.transaction(async () => {
    for (const table of order) {
      if (REBUILT_BY_TRIGGERS.has(table)) continue;
      const total = sourceCounts.find((c) => c.table === table)?.rows ?? 0;
      await copyTable(source, target, table, total, options.onProgress);
    }
    await resetIdentities(target);
  });
  return compareStores(source, target, options.today);
}

/** Parents before children, from the target's foreign keys. */
async function insertOrder(target: Sql, tables: readonly string[]): Promise<string[]> {
  const edges = await target.all<{ child: string; parent: string }>(
    `SELECT t.relname AS child, p.relname AS parent FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class p ON p.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE c.contype = 'f' AND n.nspname = current_schema() AND t.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const pending = new Set(tables);
  while (pending.size > 0) {
    const ready = [...pending]
      .filter((t) => !edges.some((e) => e.child === t && pending.has(e.parent)))
      .sort();
    if (ready.length === 0) throw new Error(`circular foreign keys among ${[...pending].join(', ')}`);
    for (const t of ready) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  return ordered;
}

async function copyTable(
  source: Sql,
  target: Sql,
  table: string,
  total: number,
  onProgress?: (p: MoveProgress) => void,
): Promise<void> {
  // Generated columns (completed_date) are computed by the target itself.
  const columns = (
    await target.all<{ name: string }>(
      `SELECT a.attname AS name FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relname = ? AND n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped
         AND a.attgenerated = '' ORDER BY a.attnum`,
      [table],
    )
  ).map((c) => c.name);
  const list = columns.map((c) => `"${c}"`).join(', ');
  let after = -1;
  let done = 0;
  for (;;) {
    // Every copied SQLite table has a rowid (only the WITHOUT ROWID summary tables lack one, and they are rebuilt).
    const rows = await source.all<Record<string, unknown>>(
      `SELECT rowid AS "__rowid", ${list} FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT ${BATCH}`,
      [after],
    );
    if (rows.length === 0) break;
    const values: unknown[] = [];
    const derived = DERIVED_COLUMNS[table] ?? {};
    const tuples = rows.map((row) => {
      const marks = columns.map((c) => {
        values.push(c in derived ? derived[c] : (row[c] ?? null));
        return '?';
      });
      return `(${marks.join(', ')})`;
    });
    await target.run(`INSERT INTO "${table}" (${list}) VALUES ${tuples.join(', ')}`, values);
    after = Number(rows[rows.length - 1]?.__rowid);
    done += rows.length;
    onProgress?.({ table, done, total });
  }
}

/** Identity columns continue after the copied ids, so the next row gets max + 1 as it would have in SQLite. */
async function resetIdentities(target: Sql): Promise<void> {
  const identities = await target.all<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND is_identity = 'YES'`,
  );
  for (const { table_name: table, column_name: column } of identities) {
    await target.get(
      `SELECT setval(pg_get_serial_sequence('"${table}"', '${column}'),
         coalesce((SELECT max("${column}") FROM "${table}"), 0) + 1, false)`,
    );
  }
}

/** Totals of the trigger-derived columns: scans attached, dossiers with an electronic result, distinct results. */
async function derivedTotals(db: Sql): Promise<string> {
  const row = await db.get<{ scans: number | null; results: number; distinct: number }>(
    `SELECT sum(scans_attached) AS scans, count(e_result_sha256) AS results,
       count(DISTINCT e_result_sha256) AS "distinct" FROM dossiers`,
  );
  return `scans_attached ${Number(row?.scans ?? 0)}, e_result_sha256 ${Number(row?.results ?? 0)} (${Number(row?.distinct ?? 0)} distinct)`;
}

const SUMMARY_KEYS = new Set(['procedure_id', 'assignee_id', 'day']);

/** Live rows (any counter non-zero) and every counter's total of a summary table. */
async function summaryTotals(db: Sql, table: string): Promise<{ live: number; totals: string }> {
  const sample = await db.get<Record<string, unknown>>(`SELECT * FROM "${table}" LIMIT 1`);
  if (!sample) return { live: 0, totals: '' };
  const counters = Object.keys(sample).filter((k) => !SUMMARY_KEYS.has(k));
  const live = counters.map((k) => `"${k}" <> 0`).join(' OR ');
  const sums = counters.map((k) => `sum("${k}") AS "${k}"`).join(', ');
  const row = await db.get<Record<string, unknown>>(
    `SELECT sum(CASE WHEN ${live} THEN 1 ELSE 0 END) AS "liveRows", ${sums} FROM "${table}"`,
  );
  const { liveRows, ...totals } = row ?? {};
  const parts = counters.map((k) => `${k}=${Number(totals[k] ?? 0)}`);
  return { live: Number(liveRows ?? 0), totals: parts.join(', ') };
}

export async function compareStores(source: Store, target: Store, today: string): Promise<MoveReport> {
  const lines: string[] = [];
  const from = await countRows(source);
  const to = new Map((await countRows(target)).map((c) => [c.table, c.rows]));
  const rowCounts = from.map((c) => ({ ...c, target: to.get(c.table) ?? -1 }));
  let ok = true;
  for (const c of rowCounts) {
    if (REBUILT_BY_TRIGGERS.has(c.table)) {
      // A decrement leaves an all-zero row behind, so these compare by their live rows and counter totals.
      const [a, b] = [await summaryTotals(source, c.table), await summaryTotals(target, c.table)];
      const isEqual = a.live === b.live && a.totals === b.totals;
      ok &&= isEqual;
      const totals =
        a.totals === b.totals ? 'counter totals equal' : `counter totals ${a.totals} → ${b.totals}`;
      lines.push(`${c.table}: ${a.live} → ${b.live} live rows, ${totals}${isEqual ? '' : '  DIFFERENT'}`);
      continue;
    }
    const isEqual = c.rows === c.target;
    ok &&= isEqual;
    lines.push(`${c.table}: ${c.rows} → ${c.target}${isEqual ? '' : '  DIFFERENT'}`);
  }
  const [derivedFrom, derivedTo] = [await derivedTotals(source), await derivedTotals(target)];
  ok &&= derivedFrom === derivedTo;
  lines.push(
    `rebuilt columns: ${derivedFrom} → ${derivedTo}${derivedFrom === derivedTo ? '' : '  DIFFERENT'}`,
  );
  const head = { source: await auditHead(source), target: await auditHead(target) };
  const sameHead = head.source?.seq === head.target?.seq && head.source?.hash === head.target?.hash;
  ok &&= sameHead;
  lines.push(
    `audit head: #${head.source?.seq ?? 0} → #${head.target?.seq ?? 0}${sameHead ? ' (same hash)' : '  DIFFERENT'}`,
  );
  for (const [name, store] of [
    ['source', source],
    ['target', target],
  ] as const) {
    const verdict = await verifyStore(store);
    ok &&= verdict.ok;
    lines.push(...verdict.lines.map((l) => `${name} ${l}`));
  }
  const years: MoveReport['years'] = [];
  const span = await source.get<{ first: string | null; last: string | null }>(
    'SELECT min(receipt_date) AS first, max(receipt_date) AS last FROM dossiers',
  );
  if (span?.first && span.last) {
    for (let year = Number(span.first.slice(0, 4)); year <= Number(span.last.slice(0, 4)); year += 1) {
      const calendar = calendarPeriod('year', year);
      if (calendar.from > today) break;
      const period = { ...resolvePeriod(calendar, today), label: calendar.label };
      const a = await computeReport(source, period);
      const b = await computeReport(target, period);
      const isEqual = JSON.stringify(a) === JSON.stringify(b);
      ok &&= isEqual;
      years.push({ year, isEqual });
      lines.push(`Biểu 06 ${year}: ${isEqual ? 'equal' : 'DIFFERENT'}`);
    }
  }
  return { ok, rowCounts, auditHead: head, years, lines };
}
