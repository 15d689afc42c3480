import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { Store } from '../store/sql';
import { requireSqlite } from '../store/sqlite/sqlite-store';
import type { Logger } from '../context';
import { AppError } from '../../../shared/api/errors';
import { MANIFEST_FORMAT, type BackupManifest } from '../../../shared/api/schemas/backup';
import { toOfficeIso } from '../../../shared/domain/office-time';
import { readSettings } from '../settings/settings-repo';
import { assertWritableFolder } from './backup-settings';
import { backupFileNameFor, manifestNameFor, partialBaseName, stampFromOfficeIso } from './backup-naming';
import { fsyncDir, fsyncFile, hashFile, removeIfPresent, writeAndSync } from './durable-fs';
import { inspectDatabaseFile } from './inspect-copy';
import { producePostgresDump } from './create-backup.postgres';
import { failedVerification, type ProducedCopy } from './backup-copy';
import { cleanupStalePartials } from './list-backups';
import { copyFilesToPool, fileEntriesOf, FileCopyError, type FileEntry } from './backup-files';
import { SqliteStore } from '../store/sqlite/sqlite-store';

async function filesOfCopy(file: string): Promise<FileEntry[]> {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return await fileEntriesOf(SqliteStore.borrow(copy, 'backup copy'));
  } finally {
    copy.close();
  }
}

export type BackupPhase = 'copy' | 'sync' | 'verify' | 'hash' | 'files' | 'publish' | 'done';

export interface BackupProgress {
  phase: BackupPhase;
  /** Pages copied for 'copy'; the step within the phase otherwise. */
  done: number;
  total: number;
  /** Vietnamese, for the progress bar. */
  label: string;
}

export interface CreateBackupOptions {
  destDir: string;
  now: Date;
  appVersion: string;
  reason: 'manual' | 'daily';
  onProgress?: (progress: BackupProgress) => void;
  /** Office offset for the file name and createdAt; read from the settings when omitted. */
  utcOffsetMinutes?: number;
  /** Pages copied per step of the online backup (the event loop runs between steps). */
  pagesPerStep?: number;
  log?: Logger;
  /** The live store's files folder: every file the copy refers to goes into the backup folder's pool. */
  filesDir?: string;
}

export interface BackupResult {
  manifest: BackupManifest;
  /** Absolute path of the published backup file. */
  path: string;
  folder: string;
  durationMs: number;
  /** Leftovers of earlier killed backups removed before this one started. */
  cleaned: string[];
}

const LABELS: Record<BackupPhase, string> = {
  copy: 'Đang sao chép dữ liệu',
  sync: 'Đang ghi xuống đĩa',
  verify: 'Đang kiểm tra bản sao lưu',
  hash: 'Đang tính mã kiểm tra SHA-256',
  files: 'Đang sao lưu tệp đính kèm',
  publish: 'Đang hoàn tất',
  done: 'Sao lưu xong',
};

type Progress = (phase: BackupPhase, done?: number, total?: number) => void;

/** An engine's way of writing a consistent, verified copy of the store into `staging` (synced to disk). */
type Producer = (
  db: Store,
  staging: string,
  folder: string,
  progress: Progress,
  options: CreateBackupOptions,
) => Promise<ProducedCopy>;

const ENGINES: Record<Store['dialect'], { extension: 'db' | 'pgdump'; produce: Producer }> = {
  sqlite: { extension: 'db', produce: produceSqliteCopy },
  postgres: { extension: 'pgdump', produce: producePostgresDump },
};

/**
 * Makes one verified backup of `db` in `destDir` (reliability.md §2.3):
 *   1. the engine writes a consistent copy into a staging file `.partial-…` — SQLite: the online backup API,
 *      switched to journal_mode=DELETE; PostgreSQL: pg_dump's custom format from an exported snapshot — and
 *      syncs it with its folder;
 *   2. the copy is verified (SQLite: reopened read-only, integrity_check, foreign keys and the audit chain;
 *      PostgreSQL: the archive's table of contents, and the chain, counts and head read in the very snapshot
 *      that was dumped);
 *   3. its SHA-256, size, row counts and audit head are taken;
 *   4. only then is it renamed to `licence-desk-YYYYMMDD-HHmmss.<db|pgdump>` and its manifest published (temp
 *      file, fsync, rename). A backup is "good" only when the manifest exists and matches, so a kill at any
 *      point leaves nothing that is listed as good (list-backups.ts).
 * The source database is only read.
 */
export async function createBackup(db: Store, options: CreateBackupOptions): Promise<BackupResult> {
  const started = performance.now();
  const engine = ENGINES[db.dialect];
  const folder = path.resolve(options.destDir);
  const progress: Progress = (phase, done = 0, total = 1) =>
    options.onProgress?.({ phase, done, total, label: LABELS[phase] });
  assertWritableFolder(folder);
  const cleaned = await cleanupStalePartials(folder);
  if (cleaned.length > 0)
    options.log?.info('removed leftovers of an interrupted backup', { folder, cleaned });

  const offset = options.utcOffsetMinutes ?? (await readSettings(db)).office.utcOffsetMinutes;
  const createdAt = toOfficeIso(options.now, offset);
  const stamp = stampFromOfficeIso(createdAt);
  const base = path.join(folder, partialBaseName(stamp, randomBytes(3).toString('hex')));
  const staging = `${base}.${engine.extension}`;
  const stagingManifest = `${base}.manifest.json`;
  let published: string | null = null;
  let manifestPublished = false;
  try {
    const inspection = await engine.produce(db, staging, folder, progress, options);

    progress('hash');
    const { sha256, sizeBytes } = await hashFile(staging);

    // The files the copy refers to, read in the copied state itself (a file attached after the snapshot belongs
    // to the next backup), then copied into the folder's pool and verified before anything is published.
    const files = inspection.files;
    if (files.length > 0) {
      if (options.filesDir === undefined) throw new Error('backup of a store with files needs filesDir');
      progress('files', 0, files.length);
      await copyFilesToPool(options.filesDir, folder, files, (done, total) => progress('files', done, total));
    }

    const fileName = freeName(folder, stamp, engine.extension);
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      file: fileName,
      sha256,
      sizeBytes,
      rowCounts: inspection.rowCounts,
      auditHead: inspection.auditHead,
      chainRoot: inspection.chainRoot,
      schemaVersion: inspection.schemaVersion,
      engine: db.dialect,
      appVersion: options.appVersion.slice(0, 64),
      createdAt,
      reason: options.reason,
      files: {
        count: files.length,
        totalBytes: files.reduce((a, f) => a + f.sizeBytes, 0),
        entries: files,
      },
    };
    progress('publish', 0, 2);
    // The manifest is written (and synced) before the file is published, then renamed after it: a kill
    // between the two renames is rolled forward by the next run (cleanupStalePartials).
    writeAndSync(stagingManifest, `${JSON.stringify(manifest, null, 2)}\n`);
    published = path.join(folder, fileName);
    fs.renameSync(staging, published);
    fsyncDir(folder);
    progress('publish', 1, 2);
    fs.renameSync(stagingManifest, path.join(folder, manifestNameFor(fileName)));
    manifestPublished = true;
    fsyncDir(folder);
    progress('done', 1, 1);
    const durationMs = Math.round(performance.now() - started);
    options.log?.info('backup created', {
      file: published,
      sizeBytes,
      sha256,
      reason: options.reason,
      durationMs,
    });
    return { manifest, path: published, folder, durationMs, cleaned };
  } catch (error) {
    // Everything this run created goes; a failed backup leaves nothing behind that could be mistaken for one.
    for (const suffix of ['db', 'db-journal', 'db-wal', 'db-shm', 'pgdump', 'manifest.json']) {
      try {
        removeIfPresent(`${base}.${suffix}`);
      } catch {
        // best effort; a leftover partial is never listed as good and is cleaned up next time
      }
    }
    if (published !== null && !manifestPublished) {
      try {
        removeIfPresent(published);
      } catch {
        // as above
      }
    }
    options.log?.error('backup failed', {
      folder,
      detail: error instanceof Error ? error.message : String(error),
    });
    throw mapBackupError(error, folder);
  }
}

/** The file name for `stamp`, with `-N` when a backup of the same second (another PC on a NAS) exists. */
function freeName(folder: string, stamp: string, extension: 'db' | 'pgdump'): string {
  for (let clash = 0; clash < 1000; clash += 1) {
    const name = backupFileNameFor(stamp, clash, extension);
    if (!fs.existsSync(path.join(folder, name)) && !fs.existsSync(path.join(folder, manifestNameFor(name)))) {
      return name;
    }
  }
  throw new AppError('CONFLICT', 'Có quá nhiều bản sao lưu trong cùng một giây; hãy thử lại.', {
    logMessage: `no free backup name for ${stamp}`,
  });
}

function mapBackupError(error: unknown, folder: string): unknown {
  if (error instanceof AppError) return error;
  const code = String((error as { code?: unknown }).code ?? '');
  if (error instanceof FileCopyError) {
    return new AppError(
      'INTERNAL',
      `Tệp đính kèm ${error.sha256.slice(0, 12)}… trong kho tệp bị thiếu hoặc đã bị thay đổi nên chưa tạo được bản sao lưu. Quản trị viên hãy chạy "licence-desk verify" để xem chi tiết.`,
      { logMessage: `backup refused: ${error.message}` },
    );
  }
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') {
    return new AppError(
      'STORAGE_FULL',
      `Ổ đĩa chứa thư mục sao lưu (${folder}) đã đầy nên chưa tạo được bản sao lưu. Dữ liệu đang dùng không bị ảnh hưởng; hãy giải phóng dung lượng hoặc chọn thư mục sao lưu khác.`,
      { logMessage: `backup destination full: ${folder}: ${String(error)}` },
    );
  }
  // better-sqlite3 reports extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DIRECTORY …).
  if (['EACCES', 'EPERM', 'EROFS'].includes(code) || /^SQLITE_(READONLY|CANTOPEN|IOERR)/.test(code)) {
    return new AppError(
      'VALIDATION_FAILED',
      `Không ghi được vào thư mục sao lưu ${folder}. Hãy kiểm tra ổ đĩa/USB đã được cắm, đường dẫn đúng và có quyền ghi.`,
      { logMessage: `backup destination not writable: ${folder}: ${String(error)}` },
    );
  }
  return error;
}

/** SQLite: the online backup API into the staging file, made self-contained, synced, reopened and checked. */
async function produceSqliteCopy(
  db: Store,
  staging: string,
  folder: string,
  progress: Progress,
  options: CreateBackupOptions,
): Promise<ProducedCopy> {
  progress('copy', 0, 1);
  const pagesPerStep = options.pagesPerStep ?? 500;
  await requireSqlite(db).native.backup(staging, {
    progress: ({ totalPages, remainingPages }) => {
      progress('copy', totalPages - remainingPages, totalPages);
      return pagesPerStep;
    },
  });

  progress('sync');
  // The copy carries the WAL flag of the source; read-only opens of a WAL file create -wal/-shm files
  // beside it. DELETE mode makes the backup one file that can be moved, hashed and opened anywhere.
  const copy = new Database(staging, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  fsyncFile(staging);
  fsyncDir(folder);

  progress('verify');
  const inspection = await inspectDatabaseFile(staging);
  if (!inspection.ok) throw failedVerification(inspection.problems);
  return { ...inspection, files: await filesOfCopy(staging) };
}
