import type { Sql } from '../store/sql';
import { AppError } from '../../../shared/api/errors';
import { attachmentSettingsSchema, type AttachmentSettings } from '../../../shared/api/schemas/attachments';

const KEY = 'attachments';
const MB = 1024 * 1024;

/** Issue 13 defaults: 25 MB a file, 250 MB a dossier, no scanner folder until an administrator sets one. */
export const defaultAttachmentSettings: AttachmentSettings = {
  maxFileMb: 25,
  maxDossierMb: 250,
  dropFolders: [],
};

export async function readAttachmentSettings(db: Sql): Promise<AttachmentSettings> {
  const row = await db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [KEY]);
  if (!row) return defaultAttachmentSettings;
  let parsed;
  try {
    parsed = attachmentSettingsSchema.safeParse(JSON.parse(row.value));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) {
    throw new AppError(
      'INTERNAL',
      'Cài đặt tệp đính kèm đã lưu bị hỏng. Quản trị viên hãy mở Cài đặt và lưu lại.',
      {
        logMessage: 'stored attachment settings do not parse',
      },
    );
  }
  return parsed.data;
}

export async function writeAttachmentSettings(db: Sql, value: AttachmentSettings): Promise<void> {
  await db.run(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [KEY, JSON.stringify(value)],
  );
}

export function limitsOf(settings: AttachmentSettings) {
  return { maxFileBytes: settings.maxFileMb * MB, maxDossierBytes: settings.maxDossierMb * MB };
}
