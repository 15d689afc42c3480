import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import type { Sql } from '../store/sql';
import { BACKUP_FILES_FOLDER, type BackupManifest } from '../../../shared/api/schemas/backup';
import { ContentStore, hashStoredFile, removeQuietly } from '../files/content-store';

export type FileEntry = { sha256: string; sizeBytes: number };

/** The files a database copy refers to: every stored content, by hash, in a stable order. */
export async function fileEntriesOf(db: Sql): Promise<FileEntry[]> {
  return (
    await db.all<{ sha256: string; size_bytes: number }>(
      'SELECT sha256, size_bytes FROM stored_files ORDER BY sha256',
    )
  ).map((r) => ({ sha256: r.sha256, sizeBytes: r.size_bytes }));
}

export function backupPoolOf(backupFolder: string): ContentStore {
  return new ContentStore(path.join(backupFolder, BACKUP_FILES_FOLDER));
}

/**
 * Copies `from` into `to`'s staging while hashing the bytes read, then adopts it under its hash. The source's
 * hash must equal its name: a live file that no longer matches is never carried into a backup (the backup
 * fails and says which file).
 */
export async function copyVerified(from: string, to: ContentStore, sha256: string): Promise<void> {
  const staging = to.stagingFile('copy');
  const hash = createHash('sha256');
  try {
    await pipeline(
      fs.createReadStream(from, { highWaterMark: 1 << 20 }),
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      }),
      fs.createWriteStream(staging, { flags: 'wx', mode: 0o600 }),
    );
  } catch (error) {
    removeQuietly(staging);
    throw error;
  }
  const actual = hash.digest('hex');
  if (actual !== sha256) {
    removeQuietly(staging);
    throw new FileCopyError(sha256, `source file ${from} hashes to ${actual}`);
  }
  await to.adopt(staging, sha256);
}

export class FileCopyError extends Error {
  constructor(
    readonly sha256: string,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * Brings the pool up to date for `entries`: files already there with the right size are kept (a pool file is
 * re-hashed by the full listing and at restore, not at every backup — that is what makes the daily backup of
 * 5 GB of scans take seconds); the others are copied from the live store, verified on the way.
 */
export async function copyFilesToPool(
  liveFilesDir: string,
  backupFolder: string,
  entries: readonly FileEntry[],
  onProgress?: (done: number, total: number) => void,
): Promise<{ copied: number; copiedBytes: number }> {
  const live = new ContentStore(liveFilesDir);
  const pool = backupPoolOf(backupFolder);
  let copied = 0;
  let copiedBytes = 0;
  for (const [i, entry] of entries.entries()) {
    const target = pool.pathOf(entry.sha256);
    let present = false;
    try {
      present = fs.statSync(target).size === entry.sizeBytes;
    } catch {
      present = false;
    }
    if (!present) {
      const source = live.pathOf(entry.sha256);
      if (!fs.existsSync(source)) throw new FileCopyError(entry.sha256, `live file missing: ${source}`);
      await copyVerified(source, pool, entry.sha256);
      copied += 1;
      copiedBytes += entry.sizeBytes;
    }
    onProgress?.(i + 1, entries.length);
  }
  return { copied, copiedBytes };
}

/** The first problem of a backup's files in the pool, or null: 'fast' checks presence and size, 'full' hashes. */
export async function checkPoolFiles(
  backupFolder: string,
  manifest: BackupManifest,
  verify: 'fast' | 'full',
  /** Hashes already checked in this listing: backups share the pool, so each file is re-hashed once. */
  checked: Map<string, boolean> = new Map(),
): Promise<string | null> {
  const pool = backupPoolOf(backupFolder);
  for (const entry of manifest.files?.entries ?? []) {
    if (checked.get(entry.sha256) === true) continue;
    const file = pool.pathOf(entry.sha256);
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      return `thiếu tệp đính kèm ${entry.sha256.slice(0, 12)}… trong thư mục ${BACKUP_FILES_FOLDER}`;
    }
    if (size !== entry.sizeBytes) return `tệp đính kèm ${entry.sha256.slice(0, 12)}… sai kích thước`;
    if (verify === 'full' && (await hashStoredFile(file)).sha256 !== entry.sha256) {
      return `tệp đính kèm ${entry.sha256.slice(0, 12)}… bị thay đổi (mã SHA-256 không khớp)`;
    }
    if (verify === 'full') checked.set(entry.sha256, true);
  }
  return null;
}

/** Copies a backup's files into a fresh data folder's store, each re-hashed on the way. */
export async function restoreFilesFromPool(
  backupFolder: string,
  manifest: BackupManifest,
  targetFilesDir: string,
): Promise<number> {
  const pool = backupPoolOf(backupFolder);
  const target = new ContentStore(targetFilesDir);
  for (const entry of manifest.files?.entries ?? []) {
    await copyVerified(pool.pathOf(entry.sha256), target, entry.sha256);
  }
  return manifest.files?.entries.length ?? 0;
}
