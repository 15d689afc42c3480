import fs from 'node:fs';
import path from 'node:path';
import type { Sql } from '../store/sql';
import { AppError } from '../../../shared/api/errors';
import {
  backupSettingsInputSchema,
  type BackupSettings,
  type BackupSettingsView,
} from '../../../shared/api/schemas/backup';
import { DEFAULT_RETENTION } from './retention';

/** Stored apart from the office settings ('app'): the backup folder is a machine detail, not agency data. */
const KEY = 'backup';

export const defaultBackupSettings: BackupSettings = {
  folder: null,
  keepDaily: DEFAULT_RETENTION.keepDaily,
  keepMonthly: DEFAULT_RETENTION.keepMonthly,
  dailyEnabled: true,
};

export function defaultBackupFolder(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export async function readBackupSettings(db: Sql): Promise<BackupSettings> {
  const row = (await db.get('SELECT value FROM settings WHERE key = ?', [KEY])) as
    { value: string } | undefined;
  if (!row) return defaultBackupSettings;
  let parsed;
  try {
    parsed = backupSettingsInputSchema.safeParse(JSON.parse(row.value));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) {
    // Falling back to defaults would quietly move the backups somewhere the administrator did not choose.
    throw new AppError(
      'INTERNAL',
      'Cài đặt sao lưu đã lưu bị hỏng. Quản trị viên hãy mở Cài đặt sao lưu và lưu lại.',
      { logMessage: 'stored backup settings do not parse' },
    );
  }
  return parsed.data;
}

export async function writeBackupSettings(db: Sql, value: BackupSettings): Promise<void> {
  await db.run(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [KEY, JSON.stringify(value)],
  );
}

export function effectiveBackupFolder(settings: BackupSettings, dataDir: string): string {
  return settings.folder === null ? defaultBackupFolder(dataDir) : path.resolve(settings.folder);
}

export function backupSettingsView(settings: BackupSettings, dataDir: string): BackupSettingsView {
  const effectiveFolder = effectiveBackupFolder(settings, dataDir);
  return {
    ...settings,
    effectiveFolder,
    defaultFolder: defaultBackupFolder(dataDir),
    warning: sameDiskWarning(effectiveFolder, dataDir),
  };
}

/** A backup on the disk that holds the data does not survive that disk failing. */
function sameDiskWarning(folder: string, dataDir: string): string | null {
  try {
    const existing = nearestExisting(folder);
    if (existing !== null && fs.statSync(existing).dev === fs.statSync(dataDir).dev) {
      return 'Thư mục sao lưu nằm trên cùng ổ đĩa với dữ liệu: nếu ổ đĩa hỏng sẽ mất cả hai. Nên chọn ổ đĩa thứ hai, USB hoặc thư mục mạng (NAS).';
    }
  } catch {
    // A missing drive letter or an unplugged USB stick: nothing to compare yet.
  }
  return null;
}

function nearestExisting(folder: string): string | null {
  let dir = path.resolve(folder);
  for (;;) {
    if (fs.existsSync(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Checks that the folder exists or can be created, and that we can write into it. `field` names the form
 * field to mark when the folder comes from the settings form.
 */
export function assertWritableFolder(folder: string, field?: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.accessSync(folder, fs.constants.W_OK);
    if (!fs.statSync(folder).isDirectory()) throw new Error('not a directory');
  } catch (error) {
    const message = `Không ghi được vào thư mục sao lưu ${folder}. Hãy kiểm tra ổ đĩa/USB đã được cắm, đường dẫn đúng và có quyền ghi.`;
    throw new AppError('VALIDATION_FAILED', message, {
      ...(field ? { fieldErrors: { [field]: message } } : {}),
      logMessage: `backup folder not writable: ${folder}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}
