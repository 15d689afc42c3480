import {
  backupListInput,
  backupListOutput,
  backupRestoreInput,
  backupResultSchema,
  backupSettingsInputSchema,
  backupSettingsSchema,
  restoreResultSchema,
} from '../schemas/backup';
import { ADMIN, empty, type MethodSpec } from './method';

/**
 * Verified backups and restore (reliability.md §2.3). Administrators only: a backup is a full copy of every
 * record, and a restore creates a second data folder.
 */
export const backupContract = {
  /** "Sao lưu ngay": copies, verifies and publishes a backup, then applies the retention rule. */
  'backup.now': { access: ADMIN, input: empty, output: backupResultSchema },
  'backup.list': { access: ADMIN, input: backupListInput, output: backupListOutput },
  'backup.settings.get': { access: ADMIN, input: empty, output: backupSettingsSchema },
  'backup.settings.update': { access: ADMIN, input: backupSettingsInputSchema, output: backupSettingsSchema },
  /** Restores a backup of the backup folder into a fresh folder under the data folder; never overwrites. */
  'backup.restore': { access: ADMIN, input: backupRestoreInput, output: restoreResultSchema },
} as const satisfies Record<string, MethodSpec>;
