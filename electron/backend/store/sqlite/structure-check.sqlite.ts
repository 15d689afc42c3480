import type { Sql } from '../sql';
import { SqliteStore } from './sqlite-store';
import { checkFileInWorker } from './integrity-worker';

/**
 * SQLite's own checks: the slow page-level integrity_check and the foreign-key scan. On a store file and outside
 * a transaction they run in a worker thread (integrity-worker.ts), so a running server keeps answering.
 */
export async function checkStructureSqlite(
  db: Sql,
): Promise<{ integrity: string[]; danglingReferences: number }> {
  const file = db instanceof SqliteStore ? db.native.name : '';
  if (file !== '' && file !== ':memory:' && !db.inTransaction) return checkFileInWorker(file);
  const integrity = (await db.all<{ integrity_check: string }>('PRAGMA integrity_check')).map(
    (r) => r.integrity_check,
  );
  const fk = await db.all('PRAGMA foreign_key_check');
  return { integrity, danglingReferences: fk.length };
}
