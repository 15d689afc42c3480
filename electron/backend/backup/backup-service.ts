import fs from 'node:fs';
import path from 'node:path';
import type { BackendContext, CallSession } from '../context';
import { AppError } from '../../../shared/api/errors';
import { officeNow } from '../office-clock';
import { recordAudit } from '../audit/record-audit';
import { effectiveBackupFolder, readBackupSettings } from './backup-settings';
import { createBackup, type BackupProgress, type BackupResult } from './create-backup';
import { chainRootOf } from './inspect-copy';
import { listBackups } from './list-backups';
import { applyRetention } from './retention';
import { stampFromOfficeIso } from './backup-naming';
import { filesDirOf } from '../files/content-store';

// Per-backend state kept beside the context rather than in it: BackendContext has no event emitter yet, and
// a WeakMap keyed by the context keeps two backends in one process (tests) apart without module singletons.
const running = new WeakMap<BackendContext, Promise<unknown>>();
const progressSinks = new WeakMap<BackendContext, (progress: BackupProgress) => void>();

/**
 * Where backup progress goes for this backend. Electron main forwards it to the window as a 'job.progress'
 * event; the web edition has no push channel, so its button shows a spinner until `backup.now` returns.
 */
export function setBackupProgressSink(
  ctx: BackendContext,
  sink: ((progress: BackupProgress) => void) | null,
): void {
  if (sink) progressSinks.set(ctx, sink);
  else progressSinks.delete(ctx);
}

export interface BackupRun {
  result: BackupResult;
  /** Older backups removed by the retention rule. */
  removed: string[];
}

export interface BackupRunOptions {
  /** Another folder than the configured one (the command line's --out). */
  destDir?: string;
  /** Apply the retention rule in the folder; by default only when it is the configured one. */
  prune?: boolean;
  /** Where progress goes instead of this backend's progress sink. */
  onProgress?: (progress: BackupProgress) => void;
}

/**
 * One backup of the live store into the configured folder (or `options.destDir`), then retention. One at a
 * time per backend.
 */
export async function runBackup(
  ctx: BackendContext,
  reason: 'manual' | 'daily',
  options: BackupRunOptions = {},
): Promise<BackupRun> {
  if (running.has(ctx)) {
    throw new AppError('CONFLICT', 'Đang có một bản sao lưu được tạo; vui lòng đợi hoàn tất rồi thử lại.', {
      logMessage: 'a backup is already running',
    });
  }
  const job = (async (): Promise<BackupRun> => {
    const settings = await readBackupSettings(ctx.db);
    const folder = options.destDir ?? effectiveBackupFolder(settings, ctx.dataDir);
    const sink = options.onProgress ?? progressSinks.get(ctx);
    const result = await createBackup(ctx.db, {
      destDir: folder,
      now: ctx.clock.now(),
      appVersion: ctx.appVersion,
      reason,
      utcOffsetMinutes: (await officeNow(ctx)).offset,
      log: ctx.log,
      filesDir: filesDirOf(ctx.dataDir),
      ...(sink ? { onProgress: sink } : {}),
    });
    let removed: string[] = [];
    if (!(options.prune ?? options.destDir === undefined)) return { result, removed };
    try {
      removed = await applyRetention(folder, settings, result.manifest.chainRoot);
      if (removed.length > 0) ctx.log.info('old backups removed by retention', { folder, removed });
    } catch (error) {
      // The new backup is already safe; failing to prune must not report the backup as failed.
      ctx.log.warn('backup retention failed', { folder, detail: String(error) });
    }
    return { result, removed };
  })();
  running.set(ctx, job);
  try {
    return await job;
  } finally {
    running.delete(ctx);
  }
}

/** The backup itself is a record: who made it, and the file's hash, enter the audit chain. */
export async function recordBackupCreated(
  ctx: BackendContext,
  session: CallSession,
  run: BackupRun,
): Promise<void> {
  const { result, removed } = run;
  await ctx.db.transaction(
    async () =>
      await recordAudit(ctx, session, {
        action: 'backup.create',
        entityType: 'backup',
        entityId: result.manifest.file,
        payload: {
          file: result.manifest.file,
          folder: result.folder,
          sha256: result.manifest.sha256,
          sizeBytes: result.manifest.sizeBytes,
          auditHead: result.manifest.auditHead,
          removed,
        },
      }),
  );
}

export async function currentBackupFolder(ctx: BackendContext): Promise<string> {
  return effectiveBackupFolder(await readBackupSettings(ctx.db), ctx.dataDir);
}

export type DailyOutcome =
  | { status: 'created'; file: string; removed: string[] }
  | { status: 'skipped'; reason: 'disabled' | 'done-today' | 'busy' }
  | { status: 'failed'; message: string };

/**
 * Makes the day's automatic backup unless one already exists for this office-local day (found by listing
 * the folder, so no extra state is written). Called at start-up and hourly; never throws.
 */
export async function runDailyBackupIfDue(ctx: BackendContext): Promise<DailyOutcome> {
  try {
    const settings = await readBackupSettings(ctx.db);
    if (!settings.dailyEnabled) return { status: 'skipped', reason: 'disabled' };
    if (running.has(ctx)) return { status: 'skipped', reason: 'busy' };
    const today = (await officeNow(ctx)).date;
    const listing = await listBackups(effectiveBackupFolder(settings, ctx.dataDir), {
      verify: 'fast',
      currentChainRoot: await chainRootOf(ctx.db),
    });
    const done = listing.good.some(
      (b) => b.reason === 'daily' && b.isThisDatabase && b.createdAt.slice(0, 10) === today,
    );
    if (done) return { status: 'skipped', reason: 'done-today' };
    const run = await runBackup(ctx, 'daily');
    return { status: 'created', file: run.result.manifest.file, removed: run.removed };
  } catch (error) {
    const message = error instanceof AppError ? error.userMessage : String(error);
    ctx.log.error('daily backup failed', {
      detail: error instanceof Error ? error.message : String(error),
    });
    return { status: 'failed', message };
  }
}

/**
 * Runs runDailyBackupIfDue shortly after start-up and then hourly. Returns a stop function (call it before
 * closing the backend). Timers are unref'd so they never keep a process alive.
 */
export function startDailyBackups(
  ctx: BackendContext,
  options: { initialDelayMs?: number; intervalMs?: number; onOutcome?: (outcome: DailyOutcome) => void } = {},
): () => void {
  const tick = () => {
    void runDailyBackupIfDue(ctx).then((outcome) => options.onOutcome?.(outcome));
  };
  // A short delay keeps the start-up check (quick_check, window) ahead of the backup's integrity_check.
  const first = setTimeout(tick, options.initialDelayMs ?? 10_000);
  const hourly = setInterval(tick, options.intervalMs ?? 3_600_000);
  first.unref();
  hourly.unref();
  return () => {
    clearTimeout(first);
    clearInterval(hourly);
  };
}

/** A fresh `<dataDir>/restored-YYYYMMDD-HHmmss[-N]` folder name (not created here). */
export async function freshRestoreDir(ctx: BackendContext): Promise<string> {
  const stamp = stampFromOfficeIso((await officeNow(ctx)).iso);
  for (let n = 0; ; n += 1) {
    const dir = path.join(ctx.dataDir, n === 0 ? `restored-${stamp}` : `restored-${stamp}-${n}`);
    if (!fs.existsSync(dir)) return dir;
  }
}
