import { z } from '../zod-vi';
import { isoDateTime } from './common';
import { findTextProblem } from '../../domain/text-rules';

// Backups: the manifest written beside every backup file, the backup settings, and what the API returns.
// A manifest is read back from a USB stick or a NAS folder, so it is parsed as untrusted input (strict
// objects, bounded strings, no free-form keys: row counts are a list, never a record keyed by table name).

/**
 * Our backup files, and only them: `licence-desk-YYYYMMDD-HHmmss.db` (a copy of the SQLite store) or
 * `….pgdump` (a pg_dump archive of the PostgreSQL store), `-N` added on a same-second clash.
 */
export const BACKUP_FILE_PATTERN = /^licence-desk-(\d{8})-(\d{6})(?:-([1-9]\d{0,2}))?\.(db|pgdump)$/;
export const MANIFEST_SUFFIX = '.manifest.json';
/**
 * /2 (issue 13) adds `files`: every attached file the backup's database refers to, by SHA-256 and size. The
 * files themselves sit once in the backup folder's `files/ab/cd/<sha256>` pool, shared by every backup there
 * (content-addressed, so a file scanned once is copied once). /1 manifests (no files) still list and restore.
 */
export const MANIFEST_FORMAT = 'licence-desk-backup/2';
export const MANIFEST_FORMATS = ['licence-desk-backup/1', MANIFEST_FORMAT] as const;
/** Folder of the backup folder holding the content-addressed file pool. */
export const BACKUP_FILES_FOLDER = 'files';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Mã SHA-256 không hợp lệ.' });

export const backupFileName = z
  .string({ error: 'Chọn một bản sao lưu.' })
  .max(64, { error: 'Tên tệp sao lưu không hợp lệ.' })
  .regex(BACKUP_FILE_PATTERN, {
    error: 'Tên tệp sao lưu không hợp lệ (dạng licence-desk-YYYYMMDD-HHmmss.db hoặc .pgdump).',
  });

export const auditHeadSchema = z.object({ seq: z.number().int().positive(), hash: sha256Hex }).strict();

export const tableCountSchema = z
  .object({
    table: z
      .string()
      .max(64)
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
    rows: z.number().int().nonnegative(),
  })
  .strict();

export const backupReasons = ['manual', 'daily'] as const;

export const backupFileEntrySchema = z
  .object({ sha256: sha256Hex, sizeBytes: z.number().int().positive() })
  .strict();

export const backupManifestSchema = z
  .object({
    format: z.enum(MANIFEST_FORMATS),
    file: backupFileName,
    sha256: sha256Hex,
    sizeBytes: z.number().int().positive(),
    rowCounts: z.array(tableCountSchema).max(500),
    /** The audit chain head inside the backup: the chain's anchor outside the machine (reliability.md §3.2). */
    auditHead: auditHeadSchema.nullable(),
    /** Hash of audit entry #1: identifies the database lineage, so retention never prunes another office's files. */
    chainRoot: sha256Hex.nullable(),
    /** The store's schema version (SQLite: PRAGMA user_version; PostgreSQL: its own migration history). */
    schemaVersion: z.number().int().nonnegative(),
    /** Which store the backup comes from; absent in manifests written before PostgreSQL support (SQLite). */
    engine: z.enum(['sqlite', 'postgres']).optional(),
    appVersion: z.string().max(64),
    /** Office wall-clock time with its offset. */
    createdAt: isoDateTime,
    reason: z.enum(backupReasons),
    files: z
      .object({
        count: z.number().int().nonnegative(),
        totalBytes: z.number().int().nonnegative(),
        entries: z.array(backupFileEntrySchema).max(10_000_000),
      })
      .strict()
      .optional(),
  })
  .strict();
export type BackupManifest = z.output<typeof backupManifestSchema>;

/** A backup as listed: the manifest without its (possibly long) file list, with that list's totals. */
export const backupInfoSchema = backupManifestSchema.omit({ files: true }).extend({
  filesCount: z.number().int().nonnegative(),
  filesBytes: z.number().int().nonnegative(),
  /** Absolute path of the backup file. */
  path: z.string(),
  /** True when the backup comes from this database's lineage (same first audit entry). */
  isThisDatabase: z.boolean(),
});
export type BackupInfo = z.output<typeof backupInfoSchema>;

export const backupProblemKinds = [
  'partial',
  'no-manifest',
  'manifest-invalid',
  'missing-file',
  'size-mismatch',
  'sha256-mismatch',
  'files-missing',
] as const;

export const backupProblemSchema = z.object({
  file: z.string(),
  kind: z.enum(backupProblemKinds),
  /** Vietnamese, shown to the administrator. */
  message: z.string(),
});
export type BackupProblem = z.output<typeof backupProblemSchema>;

export const backupListInput = z
  .object({
    /** 'full' also re-hashes every file (catches a flipped byte; slow on a NAS); 'fast' checks manifest and size. */
    verify: z.enum(['fast', 'full']).default('full'),
  })
  .strict();

export const backupListOutput = z.object({
  folder: z.string(),
  good: z.array(backupInfoSchema),
  problems: z.array(backupProblemSchema),
});

export const backupResultSchema = backupInfoSchema.extend({
  durationMs: z.number().int().nonnegative(),
  /** Older backups removed by the retention rule after this one was verified. */
  removed: z.array(z.string()),
});
export type BackupResultView = z.output<typeof backupResultSchema>;

/** An absolute folder: /…, C:\… or a network share \\server\share (allowed for backups, unlike the database). */
const ABSOLUTE_FOLDER = /^(\/|[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+)/;

const folder = z
  .string({ error: 'Thư mục sao lưu phải là một đường dẫn.' })
  .transform((value) => value.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'Thư mục sao lưu không được để trống.' })
      .max(1000, { error: 'Đường dẫn thư mục sao lưu quá dài (tối đa 1000 ký tự).' })
      .regex(ABSOLUTE_FOLDER, {
        error: 'Thư mục sao lưu phải là đường dẫn đầy đủ (ví dụ D:\\SaoLuu, E:\\ hoặc \\\\may-chu\\thu-muc).',
      })
      .refine((value) => findTextProblem(value, false) === null, {
        error: 'Đường dẫn thư mục sao lưu chứa ký tự không được phép.',
      }),
  );

export const backupSettingsInputSchema = z
  .object({
    /** null = the default `<data folder>/backups`; a second disk, USB stick or NAS path is better. */
    folder: folder.nullable(),
    keepDaily: z
      .number({ error: 'Số bản sao lưu hằng ngày cần giữ phải là số.' })
      .int({ error: 'Số bản sao lưu hằng ngày cần giữ phải là số nguyên.' })
      .min(1, { error: 'Giữ ít nhất 1 bản sao lưu hằng ngày.' })
      .max(366, { error: 'Giữ tối đa 366 bản sao lưu hằng ngày.' }),
    keepMonthly: z
      .number({ error: 'Số bản sao lưu hằng tháng cần giữ phải là số.' })
      .int({ error: 'Số bản sao lưu hằng tháng cần giữ phải là số nguyên.' })
      .min(0, { error: 'Số bản sao lưu hằng tháng không được âm.' })
      .max(120, { error: 'Giữ tối đa 120 bản sao lưu hằng tháng.' }),
    /** Automatic backup once per office day (checked at start-up and hourly). */
    dailyEnabled: z.boolean({ error: 'Chọn bật hoặc tắt sao lưu tự động hằng ngày.' }),
  })
  .strict();
export type BackupSettings = z.output<typeof backupSettingsInputSchema>;

export const backupSettingsSchema = backupSettingsInputSchema.extend({
  /** The folder actually used (the default one when `folder` is null). */
  effectiveFolder: z.string(),
  defaultFolder: z.string(),
  /** Vietnamese advice, e.g. when the backups sit on the same disk as the data. */
  warning: z.string().nullable(),
});
export type BackupSettingsView = z.output<typeof backupSettingsSchema>;

export const backupRestoreInput = z.object({ file: backupFileName }).strict();

export const restoreResultSchema = z.object({
  /** The fresh data folder holding the restored licence-desk.db. */
  dataDir: z.string(),
  databaseFile: z.string(),
  sourceFile: z.string(),
  rowCounts: z.array(tableCountSchema),
  auditHead: auditHeadSchema.nullable(),
  schemaVersion: z.number().int(),
  backupCreatedAt: z.string(),
  /** Vietnamese: how to start working on the restored data. */
  instruction: z.string(),
});
export type RestoreResultView = z.output<typeof restoreResultSchema>;

/** The listing view of a manifest: its file list reduced to totals. */
export function backupInfoOf(manifest: BackupManifest, file: string, isThisDatabase: boolean): BackupInfo {
  const { files, ...rest } = manifest;
  return {
    ...rest,
    filesCount: files?.count ?? 0,
    filesBytes: files?.totalBytes ?? 0,
    path: file,
    isThisDatabase,
  };
}
