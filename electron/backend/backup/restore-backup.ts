import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../context';
import { AppError } from '../../../shared/api/errors';
import type { BackupManifest } from '../../../shared/api/schemas/backup';
import { openDatabase } from '../db/open-database';
import { SCHEMA_VERSION } from '../db/migrate';
import { DATABASE_FILE } from '../data-dir';
import { auditHead } from '../audit/audit-chain';
import { verifyStore } from '../store/verify-store';
import { isBackupFileName } from './backup-naming';
import { fsyncDir, fsyncFile, hashFile, removeIfPresent, writeFileDurably } from './durable-fs';
import { countRows, inspectDatabaseFile, type CopyInspection, type TableCount } from './inspect-copy';
import { SqliteStore } from '../store/sqlite/sqlite-store';
import { checkBackup } from './list-backups';
import { restoreFilesFromPool } from './backup-files';
import { filesDirOf } from '../files/content-store';

export interface RestoreOptions {
  /** A folder that does not exist yet or is empty: the restored store becomes its licence-desk.db. */
  targetDataDir: string;
  log?: Logger;
  /** For the provenance note written beside the restored store. */
  now?: Date;
}

export interface RestoreResult {
  dataDir: string;
  databaseFile: string;
  sourceFile: string;
  manifest: BackupManifest;
  /** Counted on the restored store after it was opened as the app opens it. */
  rowCounts: TableCount[];
  auditHead: { seq: number; hash: string } | null;
  schemaVersion: number;
  /** `licence-desk verify` lines for the restored store. */
  verifyLines: string[];
}

/** Written beside the restored store: where it came from, for whoever opens that folder later. */
export const PROVENANCE_FILE = 'restored-from.json';

/** A backup file named as ours, present, and matching its manifest (size and SHA-256): its manifest. */
export async function checkedBackup(
  backupFile: string,
): Promise<{ source: string; name: string; manifest: BackupManifest }> {
  const source = path.resolve(backupFile);
  const name = path.basename(source);
  const dir = path.dirname(source);
  if (!isBackupFileName(name)) {
    throw refused(
      `Tệp ${name} không phải bản sao lưu của LicenceDesk (tên phải có dạng licence-desk-YYYYMMDD-HHmmss.db hoặc .pgdump).`,
      `not a backup file name: ${name}`,
    );
  }
  if (!fs.existsSync(source)) {
    throw new AppError('NOT_FOUND', `Không tìm thấy tệp sao lưu ${source}.`, {
      logMessage: `backup file not found: ${source}`,
    });
  }
  const check = await checkBackup(dir, name, 'full');
  if ('problem' in check) {
    throw refused(
      `Không khôi phục từ ${name}: ${check.problem.message}`,
      `backup ${source}: ${check.problem.kind}`,
    );
  }
  return { source, name, manifest: check.manifest };
}

/**
 * Restores a backup into a FRESH data folder; the live database is never touched or overwritten. The backup
 * must match its manifest (size, SHA-256), pass integrity_check, foreign_key_check and the audit chain
 * re-walk, and its chain head must equal the head anchored in the manifest. The schema must not be newer than
 * this build understands. The copy is then opened exactly as the app opens a store (pragmas, quick_check,
 * pending migrations) and verified again: a restore is also the restore drill of reliability.md 2-B2.
 */
export async function restoreBackup(backupFile: string, options: RestoreOptions): Promise<RestoreResult> {
  const { source, name, manifest } = await checkedBackup(backupFile);
  if (manifest.engine === 'postgres') {
    throw refused(
      `${name} là bản sao lưu của cơ sở dữ liệu PostgreSQL: hãy khôi phục vào một cơ sở dữ liệu PostgreSQL trống (licence-desk restore ${name} --into-database postgres://…).`,
      `${source} is a PostgreSQL backup; restore it with --into-database`,
    );
  }
  if (manifest.schemaVersion > SCHEMA_VERSION) {
    throw refused(
      `Bản sao lưu ${name} được tạo bởi phiên bản LicenceDesk mới hơn (lược đồ ${manifest.schemaVersion}, phiên bản này hỗ trợ tối đa ${SCHEMA_VERSION}). Hãy cài phiên bản mới hơn để khôi phục.`,
      `backup schema ${manifest.schemaVersion} is newer than supported ${SCHEMA_VERSION}`,
    );
  }

  const target = path.resolve(options.targetDataDir);
  const createdTarget = prepareTarget(target);
  const temp = path.join(target, `.restoring-${DATABASE_FILE}`);
  const final = path.join(target, DATABASE_FILE);
  try {
    fs.copyFileSync(source, temp, fs.constants.COPYFILE_EXCL);
    fsyncFile(temp);
    // Checks run on the copy that will be used, not on the source it came from.
    const copied = await hashFile(temp);
    if (copied.sha256 !== manifest.sha256 || copied.sizeBytes !== manifest.sizeBytes) {
      throw refused(
        `Bản sao chép của ${name} không khớp mã SHA-256 trong tệp mô tả; ổ đĩa nguồn có thể bị lỗi.`,
        `copy of ${source} does not match the manifest sha256`,
      );
    }
    const inspection = await inspectDatabaseFile(temp);
    if (!inspection.ok) {
      options.log?.error('backup failed verification at restore', {
        file: source,
        problems: inspection.problems,
      });
      throw refused(
        `Bản sao lưu ${name} không vượt qua kiểm tra toàn vẹn hoặc chuỗi nhật ký kiểm tra (audit) bị đứt; không khôi phục. Hãy chọn bản sao lưu khác.`,
        `backup ${source} failed verification: ${inspection.problems.join(' | ')}`,
      );
    }
    const anchorProblem = compareWithManifest(inspection, manifest);
    if (anchorProblem !== null) {
      options.log?.error('backup does not match its manifest at restore', {
        file: source,
        detail: anchorProblem,
      });
      throw refused(
        `Nội dung bản sao lưu ${name} không khớp tệp mô tả (${anchorProblem}); tệp có thể đã bị thay đổi. Không khôi phục.`,
        `backup ${source} does not match its manifest: ${anchorProblem}`,
      );
    }
    fs.renameSync(temp, final);
    fsyncDir(target);
  } catch (error) {
    discard(target, createdTarget, [temp]);
    throw error;
  }
  // The attached files, each re-hashed as it is copied out of the backup folder's pool.
  try {
    await restoreFilesFromPool(path.dirname(source), manifest, filesDirOf(target));
  } catch (error) {
    discardFiles(target);
    discard(target, createdTarget, [final]);
    options.log?.error('backup files failed verification at restore', {
      file: source,
      detail: String(error),
    });
    throw refused(
      `Tệp đính kèm trong bản sao lưu ${name} bị thiếu hoặc đã bị thay đổi; không khôi phục. Hãy chọn bản sao lưu khác.`,
      `backup ${source} files: ${String(error)}`,
    );
  }

  // The drill: open it as the app would and verify again. A store that fails here is not left behind.
  let verifyLines: string[];
  let rowCounts: TableCount[];
  let head: { seq: number; hash: string } | null;
  let schemaVersion: number;
  try {
    const db = openDatabase(final);
    try {
      const store = SqliteStore.borrow(db, 'restored copy');
      const report = await verifyStore(store, { filesDir: filesDirOf(target) });
      verifyLines = report.lines;
      if (!report.ok) {
        throw new AppError(
          'INTERNAL',
          'Dữ liệu khôi phục không vượt qua kiểm tra sau khi mở nên đã bị huỷ; dữ liệu đang dùng không bị thay đổi. Xem nhật ký.',
          { logMessage: `restored store failed verification: ${report.lines.join(' | ')}` },
        );
      }
      rowCounts = await countRows(store);
      head = await auditHead(store);
      schemaVersion = db.pragma('user_version', { simple: true }) as number;
      // Fold the WAL back so the folder holds one complete file.
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
  } catch (error) {
    discardFiles(target);
    discard(
      target,
      createdTarget,
      ['', '-wal', '-shm', '-journal'].map((suffix) => `${final}${suffix}`),
    );
    throw error;
  }
  writeFileDurably(
    path.join(target, `.${PROVENANCE_FILE}.tmp`),
    path.join(target, PROVENANCE_FILE),
    `${JSON.stringify({ restoredAt: (options.now ?? new Date()).toISOString(), sourceFile: source, manifest }, null, 2)}\n`,
    target,
  );
  options.log?.info('backup restored', { from: source, into: target, auditHead: head });
  return {
    dataDir: target,
    databaseFile: final,
    sourceFile: source,
    manifest,
    rowCounts,
    auditHead: head,
    schemaVersion,
    verifyLines,
  };
}

/** What the clerk does next. Restoring never switches the running app to another folder by itself. */
export function restoreInstruction(dataDir: string): string {
  return (
    `Đã khôi phục dữ liệu vào thư mục mới: ${dataDir}. Dữ liệu đang dùng không bị thay đổi. ` +
    `Để làm việc trên dữ liệu đã khôi phục: đóng LicenceDesk rồi mở lại với tham số --data "${dataDir}" ` +
    `(bản web: licence-desk serve --data "${dataDir}"), hoặc đặt biến môi trường LICENCE_DESK_DATA="${dataDir}". ` +
    'Hãy kiểm tra vài hồ sơ gần nhất trước khi tiếp tục làm việc.'
  );
}

function compareWithManifest(inspection: CopyInspection, manifest: BackupManifest): string | null {
  const head = inspection.auditHead;
  const anchored = manifest.auditHead;
  if (
    (head === null) !== (anchored === null) ||
    (head && anchored && (head.seq !== anchored.seq || head.hash !== anchored.hash))
  ) {
    return `đầu chuỗi nhật ký #${head?.seq ?? 0} khác #${anchored?.seq ?? 0} trong tệp mô tả`;
  }
  if (inspection.schemaVersion !== manifest.schemaVersion) return 'phiên bản lược đồ khác';
  const counts = (list: readonly TableCount[]) =>
    JSON.stringify([...list].sort((a, b) => (a.table < b.table ? -1 : 1)));
  if (counts(inspection.rowCounts) !== counts(manifest.rowCounts)) return 'số bản ghi khác';
  return null;
}

/** Creates the target, or accepts an existing empty folder. Returns whether we created it. */
function prepareTarget(target: string): boolean {
  if (fs.existsSync(target)) {
    const stat = fs.statSync(target);
    if (!stat.isDirectory() || fs.readdirSync(target).length > 0) {
      throw new AppError(
        'CONFLICT',
        `Thư mục đích ${target} đã có dữ liệu. Khôi phục chỉ ghi vào một thư mục mới hoặc trống, không bao giờ ghi đè dữ liệu đang có.`,
        { logMessage: `restore target is not empty: ${target}` },
      );
    }
    return false;
  }
  fs.mkdirSync(target, { recursive: true });
  return true;
}

/** The files folder of a failed restore: the folder is new (prepareTarget refuses a non-empty one). */
function discardFiles(target: string): void {
  try {
    fs.rmSync(filesDirOf(target), { recursive: true, force: true });
  } catch {
    // best effort, as below
  }
}

/** Undoes a failed restore: only the files it made, and the folder if it made it (never recursively). */
function discard(target: string, createdTarget: boolean, files: string[]): void {
  try {
    for (const file of files) removeIfPresent(file);
    if (createdTarget) fs.rmdirSync(target);
  } catch {
    // Best effort: the folder is new and holds no live data; the error that got us here matters more.
  }
}

export function refused(userMessage: string, logMessage: string): AppError {
  return new AppError('VALIDATION_FAILED', userMessage, { fieldErrors: { file: userMessage }, logMessage });
}
