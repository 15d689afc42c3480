import path from 'node:path';
import { publishJobProgress, throttleProgress } from '../events/publish';
import type { Handlers } from '../dispatch';
import { recordAudit } from '../audit/record-audit';
import { backupInfoOf, type BackupInfo, type BackupManifest } from '../../../shared/api/schemas/backup';
import {
  assertWritableFolder,
  backupSettingsView,
  effectiveBackupFolder,
  readBackupSettings,
  writeBackupSettings,
} from './backup-settings';
import { currentBackupFolder, freshRestoreDir, recordBackupCreated, runBackup } from './backup-service';
import { chainRootOf } from './inspect-copy';
import { listBackups } from './list-backups';
import { restoreBackup, restoreInstruction } from './restore-backup';

function info(manifest: BackupManifest, file: string, isThisDatabase: boolean): BackupInfo {
  return backupInfoOf(manifest, file, isThisDatabase);
}

export const backupHandlers = {
  'backup.now': async (_input, ctx, session) => {
    const progress = throttleProgress((p) => publishJobProgress(ctx, session, p));
    const run = await runBackup(ctx, 'manual', {
      onProgress: (p) => progress({ jobId: 'backup', done: p.done, total: p.total, label: p.label }),
    });
    await recordBackupCreated(ctx, session, run);
    const { result, removed } = run;
    return { ...info(result.manifest, result.path, true), durationMs: result.durationMs, removed };
  },

  'backup.list': async (input, ctx) => {
    const listing = await listBackups(await currentBackupFolder(ctx), {
      verify: input.verify,
      currentChainRoot: await chainRootOf(ctx.db),
    });
    return { folder: listing.folder, good: listing.good, problems: listing.problems };
  },

  'backup.settings.get': async (_input, ctx) =>
    backupSettingsView(await readBackupSettings(ctx.db), ctx.dataDir),

  'backup.settings.update': async (input, ctx, session) => {
    const before = await readBackupSettings(ctx.db);
    if (input.folder !== null) assertWritableFolder(effectiveBackupFolder(input, ctx.dataDir), 'folder');
    await ctx.db.transaction(async () => {
      await writeBackupSettings(ctx.db, input);
      await recordAudit(ctx, session, {
        action: 'backup.settings.update',
        entityType: 'settings',
        entityId: 'backup',
        payload: { before, after: input },
      });
    });
    return backupSettingsView(await readBackupSettings(ctx.db), ctx.dataDir);
  },

  'backup.restore': async (input, ctx, session) => {
    // Only a backup of the configured folder, by its strict name: the API never reads an arbitrary path.
    // Other folders (a USB stick from another office) go through `licence-desk restore FILE`.
    const source = path.join(await currentBackupFolder(ctx), input.file);
    const target = await freshRestoreDir(ctx);
    const restored = await restoreBackup(source, {
      targetDataDir: target,
      log: ctx.log,
      now: ctx.clock.now(),
    });
    await ctx.db.transaction(
      async () =>
        await recordAudit(ctx, session, {
          action: 'backup.restore',
          entityType: 'backup',
          entityId: restored.manifest.file,
          payload: {
            file: restored.manifest.file,
            sha256: restored.manifest.sha256,
            into: restored.dataDir,
            auditHead: restored.auditHead,
          },
        }),
    );
    return {
      dataDir: restored.dataDir,
      databaseFile: restored.databaseFile,
      sourceFile: restored.sourceFile,
      rowCounts: restored.rowCounts,
      auditHead: restored.auditHead,
      schemaVersion: restored.schemaVersion,
      backupCreatedAt: restored.manifest.createdAt,
      instruction: restoreInstruction(restored.dataDir),
    };
  },
} satisfies Pick<
  Handlers,
  'backup.now' | 'backup.list' | 'backup.settings.get' | 'backup.settings.update' | 'backup.restore'
>;
