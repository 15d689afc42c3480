import type { Sql } from '../sql';

/** SQLite's own checks: the slow page-level integrity_check and the foreign-key scan. */
export async function checkStructureSqlite(
  db: Sql,
): Promise<{ integrity: string[]; danglingReferences: number }> {
  const integrity = (await db.all<{ integrity_check: string }>('PRAGMA integrity_check')).map(
    (r) => r.integrity_check,
  );
  const fk = await db.all('PRAGMA foreign_key_check');
  return { integrity, danglingReferences: fk.length };
}
