import Database from 'better-sqlite3';
import { verifyAuditChain } from '../audit/audit-chain';
import type { Db } from '../db/open-database';
import { byDialect, type Sql } from '../store/sql';
import { checkFileInWorker, type FileIntegrity } from '../store/sqlite/integrity-worker';
import { SqliteStore } from '../store/sqlite/sqlite-store';

export interface TableCount {
  table: string;
  rows: number;
}

export interface CopyInspection {
  ok: boolean;
  /** English, for the log and the CLI; empty when ok. */
  problems: string[];
  rowCounts: TableCount[];
  auditHead: { seq: number; hash: string } | null;
  chainRoot: string | null;
  schemaVersion: number;
}

/**
 * Opens a database copy read-only and checks it as `licence-desk verify` checks the live store: the full
 * integrity_check, foreign keys and the audit chain from genesis. The copy may come from a USB stick, so it is
 * treated as untrusted: trusted_schema=OFF keeps a crafted schema from running functions through views or
 * triggers, and query_only forbids any write.
 */
export async function inspectDatabaseFile(file: string): Promise<CopyInspection> {
  let db: Db | null = null;
  try {
    const checked = await checkFileInWorker(file);
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('trusted_schema = OFF');
    db.pragma('query_only = ON');
    return await inspectOpen(db, checked);
  } catch (error) {
    return failed(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    db?.close();
  }
}

function failed(problem: string): CopyInspection {
  return {
    ok: false,
    problems: [problem],
    rowCounts: [],
    auditHead: null,
    chainRoot: null,
    schemaVersion: 0,
  };
}

async function inspectOpen(
  db: Db,
  { integrity, danglingReferences }: FileIntegrity,
): Promise<CopyInspection> {
  if (integrity.length !== 1 || integrity[0] !== 'ok') {
    // Counting rows or walking the chain of a damaged file can throw or mislead: stop here.
    return failed(`integrity_check: ${integrity.slice(0, 10).join('; ')}`);
  }
  const problems: string[] = [];
  if (danglingReferences > 0) problems.push(`foreign_key_check: ${danglingReferences} dangling reference(s)`);
  const store = SqliteStore.borrow(db, 'backup copy');
  const chain = await verifyAuditChain(store);
  if (!chain.ok) problems.push(`audit chain broken at entry #${chain.brokenSeq}: ${chain.reason}`);
  return {
    ok: problems.length === 0,
    problems,
    rowCounts: await countRows(store),
    auditHead: chain.ok ? chain.head : null,
    chainRoot: await chainRootOf(store),
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
  };
}

/** Rows of every ordinary table (not FTS shadow, virtual or bookkeeping tables), by name, in a stable order. */
export async function countRows(db: Sql): Promise<TableCount[]> {
  const tables = (await listTables(db)).sort();
  const counts: TableCount[] = [];
  for (const table of tables) {
    // Names come from the schema, not from input; quoting keeps any odd name a name.
    const row = await db.get<{ n: number }>(`SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}"`);
    counts.push({ table, rows: row?.n ?? 0 });
  }
  return counts;
}

/** Hash of audit entry #1, which identifies a database lineage (null while the chain is empty). */
export async function chainRootOf(db: Sql): Promise<string | null> {
  const row = (await db.get('SELECT hash FROM audit_events WHERE seq = 1')) as { hash: string } | undefined;
  return row?.hash ?? null;
}

/** The store's own tables, the same list on both engines. */
async function listTables(db: Sql): Promise<string[]> {
  return byDialect(db, {
    sqlite: async () =>
      (await db.all<{ schema: string; name: string; type: string }>('PRAGMA table_list'))
        .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
        .map((t) => t.name),
    postgres: async () =>
      (
        await db.all<{ name: string }>(
          `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'licence_desk_schema'`,
        )
      ).map((t) => t.name),
  })();
}
