import type { Sql } from '../store/sql';
import type { DossierRecord } from './dossier-repo';
import { COUNT_CAP, whereClause, type ListFilter } from './dossier-list-filter';

function ftsMatch(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '')}"*`).join(' ');
}

/**
 * A name search walks the full-text index newest-entered first and stops at the page: FTS5 yields rowids in
 * descending order without sorting, so a broad term ("nguyen", a third of all names) costs a page, not a
 * materialised list of every match. Results are ordered by entry (id), which follows receipt order except for
 * back-dated receipts and imports; the keyset cursor uses the id alone here.
 */
export async function searchByNameSqlite(
  db: Sql,
  filter: ListFilter,
): Promise<{ rows: DossierRecord[]; total: number; totalIsCapped: boolean }> {
  const where = whereClause(filter);
  const extra = where.sql ? `AND ${where.sql.slice('WHERE '.length)}` : '';
  const params: Record<string, unknown> = {
    ...where.params,
    match: ftsMatch(filter.terms),
    limit: filter.limit,
  };
  const cursor = filter.cursor ? 'AND f.rowid < @cursorId' : '';
  if (filter.cursor) params.cursorId = filter.cursor.id;
  const from = `FROM dossiers_fts f JOIN dossiers d ON d.id = f.rowid
    JOIN procedures p ON p.id = d.procedure_id
    JOIN procedure_versions v ON v.id = d.procedure_version_id
    WHERE dossiers_fts MATCH @match ${extra}`;
  const rows = (await db.all(
    `SELECT d.*, p.code AS procedure_code, p.name AS procedure_name, v.pause_mode ${from} ${cursor}
     ORDER BY f.rowid DESC LIMIT @limit`,
    params,
  )) as DossierRecord[];
  const countParams = { ...where.params, match: params.match };
  // Without other filters the index alone answers the count; no dossier row needs reading.
  const countSql = extra
    ? `SELECT count(*) AS n FROM (SELECT 1 ${from} LIMIT ${COUNT_CAP + 1}) AS capped`
    : `SELECT count(*) AS n FROM (SELECT 1 FROM dossiers_fts WHERE dossiers_fts MATCH @match LIMIT ${COUNT_CAP + 1}) AS capped`;
  const counted = ((await db.get(countSql, countParams)) as { n: number }).n;
  return { rows, total: Math.min(counted, COUNT_CAP), totalIsCapped: counted > COUNT_CAP };
}
