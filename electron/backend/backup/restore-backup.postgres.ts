import type { Logger } from '../context';
import type { BackupManifest } from '../../../shared/api/schemas/backup';
import { AppError } from '../../../shared/api/errors';
import { auditHead } from '../audit/audit-chain';
import { verifyStore } from '../store/verify-store';
import { findPgTool, runPgTool, toolConnection } from '../store/postgres/pg-tools';
import { openPostgresStore, redactUrl } from '../store/postgres/open-postgres-store';
import { POSTGRES_SCHEMA_VERSION } from '../store/postgres/migrations';
import pg from 'pg';
import path from 'node:path';
import { countRows, type TableCount } from './inspect-copy';
import { restoreFilesFromPool } from './backup-files';
import { checkedBackup, refused } from './restore-backup';

export interface PostgresRestoreResult {
  /** Where the data now lives (password hidden). */
  database: string;
  sourceFile: string;
  manifest: BackupManifest;
  rowCounts: TableCount[];
  auditHead: { seq: number; hash: string } | null;
  schemaVersion: number;
  verifyLines: string[];
}

/**
 * Restores a pg_dump backup into an EMPTY PostgreSQL database (never over one that holds data): the archive must
 * match its manifest (size, SHA-256), pg_restore loads it in one transaction, and the restored store is opened
 * as the server opens it and verified — structure, foreign keys, the audit chain, the licence register — and
 * its row counts and audit head must equal those anchored in the manifest. A restore is also the restore drill.
 */
export async function restorePostgresBackup(
  backupFile: string,
  options: {
    targetDatabaseUrl: string;
    /** The server's files folder: the backup's attached files are put back there (content-addressed, so
     * files already present stay as they are). */
    filesDir: string;
    log?: Logger;
  },
): Promise<PostgresRestoreResult> {
  const { source, name, manifest } = await checkedBackup(backupFile);
  const shown = redactUrl(options.targetDatabaseUrl);
  if (manifest.engine !== 'postgres') {
    throw refused(
      `${name} là bản sao lưu của tệp dữ liệu SQLite: hãy khôi phục vào một thư mục mới (licence-desk restore ${name} --into THƯ_MỤC), hoặc chuyển sang PostgreSQL bằng licence-desk move-store.`,
      `${source} is a SQLite backup, not a pg_dump archive`,
    );
  }
  if (manifest.schemaVersion > POSTGRES_SCHEMA_VERSION) {
    throw refused(
      `Bản sao lưu ${name} được tạo bởi phiên bản LicenceDesk mới hơn (lược đồ ${manifest.schemaVersion}, phiên bản này hỗ trợ tối đa ${POSTGRES_SCHEMA_VERSION}). Hãy cài phiên bản mới hơn để khôi phục.`,
      `backup schema ${manifest.schemaVersion} is newer than supported ${POSTGRES_SCHEMA_VERSION}`,
    );
  }
  await assertEmptyDatabase(options.targetDatabaseUrl, shown);
  const { dbname, env } = toolConnection(options.targetDatabaseUrl);
  const restored = await runPgTool(
    findPgTool('pg_restore'),
    [
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${dbname}`,
      source,
    ],
    env,
  );
  if (restored.code !== 0) {
    options.log?.error('pg_restore failed', { file: source, into: shown, detail: restored.stderr.trim() });
    throw new AppError(
      'INTERNAL',
      `Không khôi phục được ${name} vào ${shown}: pg_restore báo lỗi (chi tiết trong nhật ký). Cơ sở dữ liệu đích không bị thay đổi.`,
      { logMessage: `pg_restore of ${source} into ${shown} failed: ${restored.stderr.trim()}` },
    );
  }
  try {
    await restoreFilesFromPool(path.dirname(source), manifest, options.filesDir);
  } catch (error) {
    options.log?.error('backup files failed verification at restore', {
      file: source,
      detail: String(error),
    });
    throw refused(
      `Tệp đính kèm trong bản sao lưu ${name} bị thiếu hoặc đã bị thay đổi; dữ liệu đã nạp vào ${shown} KHÔNG được dùng — hãy xoá cơ sở dữ liệu đó và khôi phục từ bản sao lưu khác.`,
      `backup ${source} files: ${String(error)}`,
    );
  }
  const store = await openPostgresStore(options.targetDatabaseUrl, { poolSize: 2 });
  try {
    const report = await verifyStore(store, { filesDir: options.filesDir });
    const counts = await countRows(store);
    const head = await auditHead(store);
    const problems: string[] = [];
    if (!report.ok) problems.push(...report.lines.filter((l) => /FAILED|BROKEN/.test(l)));
    if (JSON.stringify(sorted(counts)) !== JSON.stringify(sorted(manifest.rowCounts)))
      problems.push('row counts differ from the manifest');
    if ((head?.hash ?? null) !== (manifest.auditHead?.hash ?? null))
      problems.push('audit head differs from the manifest');
    if (problems.length > 0) {
      options.log?.error('restored PostgreSQL store failed verification', { into: shown, problems });
      throw new AppError(
        'INTERNAL',
        `Dữ liệu khôi phục vào ${shown} không vượt qua kiểm tra sau khi nạp (${problems.length} lỗi, chi tiết trong nhật ký): KHÔNG dùng cơ sở dữ liệu này; hãy xoá nó và khôi phục từ bản sao lưu khác.`,
        { logMessage: `restored store ${shown} failed verification: ${problems.join(' | ')}` },
      );
    }
    options.log?.info('backup restored', { from: source, into: shown, auditHead: head });
    return {
      database: shown,
      sourceFile: source,
      manifest,
      rowCounts: counts,
      auditHead: head,
      schemaVersion: POSTGRES_SCHEMA_VERSION,
      verifyLines: report.lines,
    };
  } finally {
    await store.close();
  }
}

function sorted(list: readonly TableCount[]): TableCount[] {
  return [...list].sort((a, b) => (a.table < b.table ? -1 : a.table > b.table ? 1 : 0));
}

/** Restoring over data would merge two offices' records: the target must have no table in its schema. */
async function assertEmptyDatabase(url: string, shown: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Không kết nối được cơ sở dữ liệu đích ${shown}. Hãy kiểm tra địa chỉ, tài khoản và mật khẩu.`,
      { logMessage: `cannot connect to restore target ${shown}: ${String(error)}` },
    );
  }
  try {
    const row = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'S')`,
    );
    if (Number(row.rows[0]?.n ?? 0) > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Cơ sở dữ liệu đích ${shown} không trống. Chỉ khôi phục vào một cơ sở dữ liệu mới tạo (CREATE DATABASE …); dữ liệu đang có không bao giờ bị ghi đè.`,
        { logMessage: `restore target ${shown} is not empty` },
      );
    }
  } finally {
    await client.end();
  }
}
