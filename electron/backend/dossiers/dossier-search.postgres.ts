import type { Sql } from '../store/sql';
import { SELECT_DOSSIER, type DossierRecord } from './dossier-repo';
import { COUNT_CAP, whereClause, type ListFilter } from './dossier-list-filter';

const VECTOR = "to_tsvector('simple', d.applicant_folded)";

/** Every folded word as a prefix ("ngu:* & van:*"); characters tsquery would read as operators are dropped. */
export function prefixQuery(terms: readonly string[]): string {
  return terms
    .map((t) => t.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((t) => t !== '')
    .map((t) => `${t}:*`)
    .join(' & ');
}

/**
 * The PostgreSQL counterpart of the FTS5 search: word-prefix matching on the folded name through the GIN index
 * dossiers_fts, newest-entered first, with the same keyset on the id and the same capped count. The planner
 * chooses between walking the primary key backwards (a broad name: the page fills at once) and reading the
 * index's matches and sorting them (a rare name).
 */
export async function searchByNamePostgres(
  db: Sql,
  filter: ListFilter,
): Promise<{ rows: DossierRecord[]; total: number; totalIsCapped: boolean }> {
  const query = prefixQuery(filter.terms);
  if (query === '') return { rows: [], total: 0, totalIsCapped: false };
  const where = whereClause(filter);
  const extra = where.sql ? `AND ${where.sql.slice('WHERE '.length)}` : '';
  const match = `${VECTOR} @@ to_tsquery('simple', @match)`;
  const params: Record<string, unknown> = { ...where.params, match: query, limit: filter.limit };
  const cursor = filter.cursor ? 'AND d.id < @cursorId' : '';
  if (filter.cursor) params.cursorId = filter.cursor.id;
  const rows = await db.all<DossierRecord>(
    `${SELECT_DOSSIER} WHERE ${match} ${extra} ${cursor} ORDER BY d.id DESC LIMIT @limit`,
    params,
  );
  const counted =
    (
      await db.get<{ n: number }>(
        `SELECT count(*) AS n FROM (SELECT 1 FROM dossiers d WHERE ${match} ${extra} LIMIT ${COUNT_CAP + 1}) AS capped`,
        { ...where.params, match: query },
      )
    )?.n ?? 0;
  return { rows, total: Math.min(counted, COUNT_CAP), totalIsCapped: counted > COUNT_CAP };
}
