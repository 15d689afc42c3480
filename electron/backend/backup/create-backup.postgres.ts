import fs from 'node:fs';
import type { Store } from '../store/sql';
import { requirePostgres } from '../store/postgres/postgres-store';
import { findPgTool, runPgTool, toolConnection } from '../store/postgres/pg-tools';
import { POSTGRES_SCHEMA_VERSION } from '../store/postgres/migrations';
import { auditHead, verifyAuditChain } from '../audit/audit-chain';
import { chainRootOf, countRows } from './inspect-copy';
import { fileEntriesOf } from './backup-files';
import { fsyncDir, fsyncFile } from './durable-fs';
import type { BackupPhase } from './create-backup';
import { failedVerification, type ProducedCopy } from './backup-copy';

/**
 * PostgreSQL: pg_dump's custom-format archive of exactly the snapshot in which the manifest's facts are read.
 * A read-only REPEATABLE READ transaction exports its snapshot; pg_dump dumps that snapshot while the same
 * transaction re-walks the audit chain and counts every table, so the head and counts in the manifest are the
 * archive's own, however many desks write meanwhile. pg_restore --list then proves the archive readable.
 */
export async function producePostgresDump(
  db: Store,
  staging: string,
  folder: string,
  progress: (phase: BackupPhase, done?: number, total?: number) => void,
): Promise<ProducedCopy> {
  const store = requirePostgres(db);
  const pgDump = findPgTool('pg_dump');
  const pgRestore = findPgTool('pg_restore');
  const { dbname, env } = toolConnection(store.url);
  progress('copy', 0, 1);
  const produced = await store.snapshot(async () => {
    const exported = await store.get<{ id: string }>('SELECT pg_export_snapshot() AS id');
    const dump = runPgTool(
      pgDump,
      [
        '--format=custom',
        `--snapshot=${exported?.id ?? ''}`,
        '--no-owner',
        '--no-privileges',
        `--file=${staging}`,
        `--dbname=${dbname}`,
      ],
      env,
    );
    progress('verify');
    const chain = await verifyAuditChain(store);
    const facts = {
      rowCounts: await countRows(store),
      head: await auditHead(store),
      chainRoot: await chainRootOf(store),
      files: await fileEntriesOf(store),
    };
    const result = await dump;
    if (result.code !== 0) throw new Error(`pg_dump failed (${result.code}): ${result.stderr.trim()}`);
    return { chain, facts };
  });
  progress('sync');
  fsyncFile(staging);
  fsyncDir(folder);
  const listed = await runPgTool(pgRestore, ['--list', staging], env);
  const problems: string[] = [];
  if (listed.code !== 0 || !/TABLE DATA \S+ audit_events/.test(listed.stdout)) {
    problems.push(
      `pg_restore --list: ${listed.stderr.trim() || 'audit_events data missing from the archive'}`,
    );
  }
  if (!produced.chain.ok) {
    problems.push(`audit chain broken at entry #${produced.chain.brokenSeq}: ${produced.chain.reason}`);
  }
  if (problems.length > 0) throw failedVerification(problems);
  if (fs.statSync(staging).size === 0) throw failedVerification(['empty archive']);
  return {
    rowCounts: produced.facts.rowCounts,
    auditHead: produced.facts.head,
    chainRoot: produced.facts.chainRoot,
    schemaVersion: POSTGRES_SCHEMA_VERSION,
    files: produced.facts.files,
  };
}
