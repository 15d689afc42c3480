import fs from 'node:fs';
import path from 'node:path';
import {
  backupInfoOf,
  backupManifestSchema,
  type BackupInfo,
  type BackupManifest,
  type BackupProblem,
} from '../../../shared/api/schemas/backup';
import { AppError } from '../../../shared/api/errors';
import { isProcessAlive } from '../store/data-dir-lock';
import {
  backupNamesForManifest,
  hostTag,
  isBackupFileName,
  manifestNameFor,
  parsePartialName,
  type PartialName,
} from './backup-naming';
import { fsyncDir, hashFile, removeIfPresent } from './durable-fs';
import { checkPoolFiles } from './backup-files';

export interface ListOptions {
  /**
   * 'full' (default) also re-hashes every file, so a flipped byte is caught; 'fast' checks the manifest and
   * the size only (for the hourly "is today's backup done" check and retention).
   */
  verify?: 'fast' | 'full';
  /** The live database's chain root, to mark backups of this database (see manifest.chainRoot). */
  currentChainRoot?: string | null;
}

export interface BackupListing {
  folder: string;
  /** Backups whose manifest exists, parses and matches the file: newest first. */
  good: BackupInfo[];
  problems: BackupProblem[];
}

/** A manifest lists every attached file (~90 bytes each): room for about a million files. */
const MAX_MANIFEST_BYTES = 128 * 1024 * 1024;

/**
 * Lists the backups in `folder`. A backup is good only if its manifest exists, is valid, names this file and
 * matches its size (and, in full mode, its SHA-256). Partial files, files without a manifest and mismatches
 * are reported as problems and never listed as good. Files that are not ours are ignored.
 */
export async function listBackups(folder: string, options: ListOptions = {}): Promise<BackupListing> {
  const dir = path.resolve(folder);
  const names = readNames(dir);
  const good: BackupInfo[] = [];
  const problems: BackupProblem[] = [];
  const nameSet = new Set(names);
  const poolChecked = new Map<string, boolean>();
  for (const name of names) {
    const partial = parsePartialName(name);
    if (partial) {
      if (partial.suffix === 'db' || partial.suffix === 'pgdump') {
        problems.push({
          file: name,
          kind: 'partial',
          message:
            'Bản sao lưu dở dang (bị ngắt giữa chừng); không dùng được và sẽ được dọn ở lần sao lưu sau.',
        });
      }
      continue;
    }
    const owners = backupNamesForManifest(name);
    if (owners !== null && !owners.some((owner) => nameSet.has(owner))) {
      problems.push({
        file: name,
        kind: 'missing-file',
        message: `Có tệp mô tả nhưng không còn tệp sao lưu ${owners[0] ?? name}.`,
      });
      continue;
    }
    if (!isBackupFileName(name) || !isRegularFile(path.join(dir, name))) continue;
    const result = await checkBackup(dir, name, options.verify ?? 'full', poolChecked);
    if ('problem' in result) {
      problems.push(result.problem);
    } else {
      good.push(
        backupInfoOf(
          result.manifest,
          path.join(dir, name),
          options.currentChainRoot !== undefined && result.manifest.chainRoot === options.currentChainRoot,
        ),
      );
    }
  }
  good.sort(newestFirst);
  return { folder: dir, good, problems };
}

/**
 * Two backups made in the same second are told apart by the "-N" suffix of the later one; comparing the names
 * as strings would rank "…-181434-1.db" before "…-181434.db" ('-' < '.') and let retention delete the newer.
 */
function sameSecondRank(file: string): number {
  const match = /-(\d{6})(?:-(\d+))?\.(?:db|pgdump)$/.exec(file);
  return match?.[2] === undefined ? 0 : Number(match[2]);
}

export function newestFirst(a: { createdAt: string; file: string }, b: { createdAt: string; file: string }) {
  return (
    Date.parse(b.createdAt) - Date.parse(a.createdAt) ||
    sameSecondRank(b.file) - sameSecondRank(a.file) ||
    (a.file < b.file ? 1 : a.file > b.file ? -1 : 0)
  );
}

type Check = { manifest: BackupManifest } | { problem: BackupProblem };

/** Verifies one backup file against its manifest. */
export async function checkBackup(
  dir: string,
  name: string,
  verify: 'fast' | 'full',
  poolChecked?: Map<string, boolean>,
): Promise<Check> {
  const manifestName = manifestNameFor(name);
  const manifest = readManifest(path.join(dir, manifestName));
  if (manifest === 'missing') {
    return {
      problem: {
        file: name,
        kind: 'no-manifest',
        message: 'Tệp sao lưu không có tệp mô tả (manifest): chưa được kiểm tra, không dùng để khôi phục.',
      },
    };
  }
  if (manifest === 'invalid' || manifest.file !== name) {
    return {
      problem: {
        file: name,
        kind: 'manifest-invalid',
        message: `Tệp mô tả ${manifestName} không hợp lệ hoặc không khớp tên tệp sao lưu.`,
      },
    };
  }
  const file = path.join(dir, name);
  const size = fs.statSync(file).size;
  if (size !== manifest.sizeBytes) {
    return {
      problem: {
        file: name,
        kind: 'size-mismatch',
        message: `Kích thước tệp sao lưu (${size} byte) khác với tệp mô tả (${manifest.sizeBytes} byte): tệp bị cắt cụt hoặc bị thay đổi.`,
      },
    };
  }
  const filesProblem = await checkPoolFiles(dir, manifest, verify, poolChecked);
  if (filesProblem !== null) {
    return {
      problem: {
        file: name,
        kind: 'files-missing',
        message: `Bản sao lưu thiếu hoặc hỏng tệp đính kèm: ${filesProblem}. Không dùng để khôi phục.`,
      },
    };
  }
  if (verify === 'full') {
    const { sha256 } = await hashFile(file);
    if (sha256 !== manifest.sha256) {
      return {
        problem: {
          file: name,
          kind: 'sha256-mismatch',
          message: 'Mã kiểm tra SHA-256 của tệp sao lưu không khớp tệp mô tả: tệp bị hỏng hoặc bị thay đổi.',
        },
      };
    }
  }
  return { manifest };
}

/** Parses a manifest as untrusted input: bounded size, strict schema. */
export function readManifest(file: string): BackupManifest | 'missing' | 'invalid' {
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_MANIFEST_BYTES) return 'invalid';
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'invalid';
  }
  try {
    const parsed = backupManifestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'invalid';
  } catch {
    return 'invalid';
  }
}

/** Partials older than this are removed even if their pid is alive again (pid reuse). */
const PARTIAL_MAX_AGE_MS = 24 * 3_600_000;

/**
 * Removes the leftovers of backups that were killed mid-way (their process is gone). One case is rolled
 * forward instead: a run killed after renaming the verified file into place but before renaming its manifest
 * leaves `licence-desk-….db` plus a partial manifest naming it; if size and SHA-256 still match, the manifest
 * is published, because the copy had passed every check before the rename.
 */
export async function cleanupStalePartials(folder: string, nowMs = Date.now()): Promise<string[]> {
  const dir = path.resolve(folder);
  const removed: string[] = [];
  const groups = new Map<string, PartialName[]>();
  for (const name of readNames(dir)) {
    const partial = parsePartialName(name);
    if (!partial) continue;
    const list = groups.get(partial.base) ?? [];
    list.push(partial);
    groups.set(partial.base, list);
  }
  for (const [base, parts] of groups) {
    const first = parts[0];
    if (!first) continue;
    const ageMs = ageOf(path.join(dir, `${base}.${first.suffix}`), nowMs);
    // A pid can only be probed on its own machine; another PC's partial goes by age alone.
    const abandoned = first.host === hostTag() && first.pid !== process.pid && !isProcessAlive(first.pid);
    if (!abandoned && ageMs < PARTIAL_MAX_AGE_MS) continue;
    const hasData = parts.some((p) => p.suffix === 'db' || p.suffix === 'pgdump');
    if (parts.some((p) => p.suffix === 'manifest.json') && !hasData) {
      await rollForward(dir, `${base}.manifest.json`);
    }
    for (const part of parts) {
      const name = `${base}.${part.suffix}`;
      if (fs.existsSync(path.join(dir, name))) {
        removeIfPresent(path.join(dir, name));
        removed.push(name);
      }
    }
  }
  if (removed.length > 0) fsyncDir(dir);
  return removed;
}

async function rollForward(dir: string, partialManifest: string): Promise<void> {
  const manifest = readManifest(path.join(dir, partialManifest));
  if (typeof manifest !== 'object') return;
  const target = path.join(dir, manifestNameFor(manifest.file));
  if (fs.existsSync(target) || !fs.existsSync(path.join(dir, manifest.file))) return;
  const { sha256, sizeBytes } = await hashFile(path.join(dir, manifest.file));
  if (sha256 !== manifest.sha256 || sizeBytes !== manifest.sizeBytes) return;
  fs.renameSync(path.join(dir, partialManifest), target);
  fsyncDir(dir);
}

function readNames(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch (error) {
    // No folder yet means no backups yet; anything else (a file in the way, no permission, an unplugged
    // drive) is something the administrator has to fix.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new AppError(
      'VALIDATION_FAILED',
      `Không đọc được thư mục sao lưu ${dir}. Hãy kiểm tra ổ đĩa/USB đã được cắm, đường dẫn đúng và có quyền truy cập.`,
      { logMessage: `cannot read backup folder ${dir}: ${String(error)}` },
    );
  }
}

function isRegularFile(file: string): boolean {
  try {
    // lstat: a symbolic link named like a backup is not one of our files.
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}

function ageOf(file: string, nowMs: number): number {
  try {
    return nowMs - fs.statSync(file).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
