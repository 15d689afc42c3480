// Verified backups and restore (reliability.md §2.3, §3.2): the public surface of this folder.
export { createBackup, type BackupPhase, type BackupProgress, type BackupResult } from './create-backup';
export { listBackups, cleanupStalePartials, type BackupListing } from './list-backups';
export { applyRetention, planRetention, DEFAULT_RETENTION, type RetentionPolicy } from './retention';
export { restoreBackup, restoreInstruction, type RestoreResult } from './restore-backup';
export { inspectDatabaseFile, countRows, chainRootOf, type TableCount } from './inspect-copy';
export {
  readBackupSettings,
  writeBackupSettings,
  defaultBackupSettings,
  defaultBackupFolder,
  effectiveBackupFolder,
} from './backup-settings';
export {
  runBackup,
  runDailyBackupIfDue,
  startDailyBackups,
  setBackupProgressSink,
  type DailyOutcome,
} from './backup-service';
export { backupHandlers } from './backup-handlers';
