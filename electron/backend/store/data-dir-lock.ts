import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { StartupError } from '../db/startup-error';

// One LicenceDesk process per data folder. Electron also holds app.requestSingleInstanceLock(), but the web
// edition (`licence-desk serve`) and a second copy of the app started with another profile would not see that
// lock: two backends on one database each keep their own login sessions and in-memory state, and a clerk
// would see one window silently miss the other's work. This guard is Electron-free so both editions use it.

export const LOCK_FILE = 'licence-desk.lock';

export interface DataDirLockInfo {
  pid: number;
  /** When the holder started, ISO-8601 UTC. */
  startedAt: string;
  hostname: string;
  edition: string;
  /** Random per acquisition: release() removes the file only if it still holds this token. */
  token: string;
}

export interface DataDirLock {
  file: string;
  info: DataDirLockInfo;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

export interface AcquireOptions {
  edition?: string;
  now?: () => Date;
  /** Injected by tests; defaults to a signal-0 probe of the pid. */
  isProcessAlive?: (pid: number) => boolean;
  /** When this machine booted (ms). A lock written before the last boot is stale whatever its pid says. */
  bootTimeMs?: number;
  /** Remove the lock when the process exits normally (default true). */
  releaseOnExit?: boolean;
}

/** A lock file that is still empty this long after it was created was left by a crash mid-write. */
const EMPTY_LOCK_GRACE_MS = 10_000;
/** Slack between the recorded start time and the kernel's idea of boot time. */
const BOOT_SLACK_MS = 60_000;

/**
 * Takes the data folder for this process or throws StartupError('DB_LOCKED') naming the holder. A lock left
 * by a process that is gone (killed, crashed, power cut) is taken over.
 */
export function acquireDataDirLock(dataDir: string, options: AcquireOptions = {}): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const now = options.now ?? (() => new Date());
  const isAlive = options.isProcessAlive ?? isProcessAlive;
  const bootTimeMs = options.bootTimeMs ?? Date.now() - os.uptime() * 1000;
  const info: DataDirLockInfo = {
    pid: process.pid,
    startedAt: now().toISOString(),
    hostname: os.hostname(),
    edition: options.edition ?? 'cli',
    token: randomBytes(12).toString('hex'),
  };
  const text = `${JSON.stringify(info)}\n`;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (tryCreate(file, text)) return held(file, info, options.releaseOnExit ?? true);
    const existing = readLock(file);
    if (existing === 'missing') continue; // released between our create and our read: try again
    const verdict = judge(existing, file, { isAlive, bootTimeMs, nowMs: now().getTime() });
    if (verdict === 'held') throw lockedError(dataDir, file, existing === 'unreadable' ? null : existing);
    takeOverStale(file, existing);
  }
  throw lockedError(dataDir, file, null);
}

/** What is in the lock file now (for diagnostics and the error message). */
export function readDataDirLock(dataDir: string): DataDirLockInfo | null {
  const existing = readLock(path.join(dataDir, LOCK_FILE));
  return existing === 'missing' || existing === 'unreadable' ? null : existing;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another account.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(file: string, text: string): boolean {
  let fd: number;
  try {
    // 'wx' = O_CREAT | O_EXCL: exactly one process can create the file.
    fd = fs.openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    fs.writeFileSync(fd, text, 'utf8');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

type Existing = DataDirLockInfo | 'missing' | 'unreadable';

function readLock(file: string): Existing {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<DataDirLockInfo>;
    if (
      typeof value.pid === 'number' &&
      Number.isInteger(value.pid) &&
      value.pid > 0 &&
      typeof value.startedAt === 'string' &&
      typeof value.hostname === 'string' &&
      typeof value.token === 'string'
    ) {
      return {
        pid: value.pid,
        startedAt: value.startedAt,
        hostname: value.hostname,
        edition: typeof value.edition === 'string' ? value.edition : '?',
        token: value.token,
      };
    }
  } catch {
    // fall through
  }
  return 'unreadable';
}

function judge(
  existing: DataDirLockInfo | 'unreadable',
  file: string,
  env: { isAlive: (pid: number) => boolean; bootTimeMs: number; nowMs: number },
): 'held' | 'stale' {
  if (existing === 'unreadable') {
    // Empty or garbled: either a crash between create and write, or a holder writing right now.
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      return 'stale';
    }
    return env.nowMs - mtimeMs > EMPTY_LOCK_GRACE_MS ? 'stale' : 'held';
  }
  // A data folder on another machine's disk is refused elsewhere (network path); a lock from another host we
  // cannot probe, so we do not guess.
  if (existing.hostname !== os.hostname()) return 'held';
  const started = Date.parse(existing.startedAt);
  // After a power cut pids are handed out again from the start: a lock older than this boot is stale even if
  // some unrelated process now has that pid.
  if (Number.isFinite(started) && started < env.bootTimeMs - BOOT_SLACK_MS) return 'stale';
  if (existing.pid === process.pid) {
    // Our own pid: held by this very process, unless it was written before we started (an earlier process
    // that had the same pid).
    const ourStartMs = Date.now() - process.uptime() * 1000;
    return Number.isFinite(started) && started < ourStartMs - BOOT_SLACK_MS ? 'stale' : 'held';
  }
  return env.isAlive(existing.pid) ? 'held' : 'stale';
}

/**
 * Removes a stale lock without ever removing a live one: rename is atomic, so of two processes racing to take
 * over, one moves the stale file and the other finds nothing. If what we moved turns out not to be the file we
 * judged (someone took over in between), it is put back.
 */
function takeOverStale(file: string, judged: DataDirLockInfo | 'unreadable'): void {
  const tomb = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(file, tomb);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readLock(tomb);
  const same =
    judged === 'unreadable'
      ? moved === 'unreadable'
      : typeof moved === 'object' && moved.token === judged.token;
  if (!same) {
    try {
      fs.linkSync(tomb, file);
    } catch {
      // A third process holds the folder now; the next attempt reports it.
    }
  }
  fs.rmSync(tomb, { force: true });
}

function held(file: string, info: DataDirLockInfo, releaseOnExit: boolean): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    const current = readLock(file);
    if (typeof current === 'object' && current.token === info.token) fs.rmSync(file, { force: true });
  };
  if (releaseOnExit) process.once('exit', release);
  return { file, info, release };
}

function lockedError(dataDir: string, file: string, holder: DataDirLockInfo | null): StartupError {
  const who = holder
    ? ` (tiến trình số ${holder.pid}${holder.edition === 'web' ? ', bản web' : ''}, mở lúc ${formatLocal(holder.startedAt)})`
    : '';
  return new StartupError(
    'DB_LOCKED',
    `Thư mục dữ liệu ${dataDir} đang được một chương trình LicenceDesk khác sử dụng${who}. ` +
      'Hãy đóng cửa sổ hoặc chương trình đó rồi mở lại. ' +
      `Nếu chắc chắn không còn chương trình nào đang chạy, quản trị viên có thể xoá tệp ${file}.`,
    `data folder ${dataDir} is locked by ${holder ? `pid ${holder.pid} (${holder.edition}) on ${holder.hostname} since ${holder.startedAt}` : 'another process'}`,
  );
}

function formatLocal(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  // Office time is +07:00; the lock has no access to the settings, so the message names the offset.
  const local = new Date(ms + 7 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} ngày ${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} (giờ +07:00)`;
}
