import { z } from '../zod-vi';
import { id } from './common';
import { mediaTypes } from '../../domain/attachments/file-content';
import { findTextProblem } from '../../domain/text-rules';

/*
 * Attachments (issue 13): scans of dossier components and the electronic result. Files travel through the API
 * only (Electron IPC, the web edition, the office server alike): uploads in chunks of at most 1 MiB (base64 in
 * the JSON body, under every transport's body limit), committed with the SHA-256 the client computed;
 * downloads in slices.
 */

/** Decoded bytes per upload chunk and per download slice. */
export const CHUNK_BYTES = 1024 * 1024;
export const READ_SLICE_BYTES = 4 * 1024 * 1024;
export const MAX_UPLOAD_CHUNKS = 2048;

export const sha256Hex = z
  .string({ error: 'Thiếu mã SHA-256 của tệp.' })
  .regex(/^[0-9a-f]{64}$/, { error: 'Mã SHA-256 của tệp không hợp lệ.' });

/** The name as the clerk's computer gave it; cleaned (no folders, NFC) before it is kept. */
export const rawFileName = z
  .string({ error: 'Thiếu tên tệp.' })
  .min(1, { error: 'Thiếu tên tệp.' })
  .max(1000, { error: 'Tên tệp quá dài.' });

export const componentNo = z
  .number({ error: 'Chọn thành phần hồ sơ.' })
  .int({ error: 'Số thứ tự thành phần hồ sơ không hợp lệ.' })
  .min(1, { error: 'Số thứ tự thành phần hồ sơ không hợp lệ.' })
  .max(50, { error: 'Số thứ tự thành phần hồ sơ không hợp lệ.' });

export const fileSources = ['upload', 'drop_folder', 'bulk', 'issue'] as const;
export const resultKinds = ['licence', 'refusal_notice', 'stop_notice'] as const;

export const dossierFileSchema = z.object({
  id,
  dossierId: id,
  role: z.enum(['component', 'result']),
  componentNo: z.number().int().nullable(),
  resultKind: z.enum(resultKinds).nullable(),
  version: z.number().int(),
  /** The later version that replaced this one; null for a current file. */
  supersededById: z.number().int().nullable(),
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  mediaType: z.enum(mediaTypes),
  source: z.enum(fileSources),
  addedAt: z.string(),
  addedByName: z.string(),
});
export type DossierFileView = z.output<typeof dossierFileSchema>;

export const attachmentLimitsSchema = z.object({
  maxFileBytes: z.number().int(),
  maxDossierBytes: z.number().int(),
});

export const attachmentListOutput = z.object({
  dossierId: id,
  components: z.array(
    z.object({
      no: z.number().int(),
      name: z.string(),
      isProvided: z.boolean(),
      /** Every version, oldest first; the current ones have supersededById null. */
      files: z.array(dossierFileSchema),
    }),
  ),
  results: z.array(dossierFileSchema),
  /** Provided components without any scan. */
  scansMissing: z.number().int(),
  usedBytes: z.number().int(),
  limits: attachmentLimitsSchema,
});
export type AttachmentList = z.output<typeof attachmentListOutput>;

export const beginInput = z
  .object({
    dossierId: id,
    componentNo,
    fileName: rawFileName,
    sizeBytes: z
      .number({ error: 'Thiếu kích thước tệp.' })
      .int()
      .min(0)
      .max(MAX_UPLOAD_CHUNKS * CHUNK_BYTES, { error: 'Tệp quá lớn.' }),
    sha256: sha256Hex,
    /** The current file this one replaces (a new version); omitted = an additional file. */
    replacesId: id.optional(),
  })
  .strict();

export const beginOutput = z.object({ uploadId: z.uuid(), chunkBytes: z.number().int() });

export const chunkInput = z
  .object({
    uploadId: z.uuid({ error: 'Mã phiên tải lên không hợp lệ.' }),
    index: z.number().int().min(0).max(MAX_UPLOAD_CHUNKS),
    // base64 of at most CHUNK_BYTES bytes
    base64: z
      .string()
      .max(Math.ceil(CHUNK_BYTES / 3) * 4, { error: 'Mỗi phần tải lên tối đa 1 MB.' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'Dữ liệu tải lên không phải base64.' }),
  })
  .strict();

export const uploadIdInput = z
  .object({ uploadId: z.uuid({ error: 'Mã phiên tải lên không hợp lệ.' }) })
  .strict();

export const readInput = z
  .object({
    fileId: id,
    offset: z.number().int().min(0).default(0),
    length: z.number().int().min(1).max(READ_SLICE_BYTES).default(READ_SLICE_BYTES),
  })
  .strict();

export const readOutput = z.object({
  fileName: z.string(),
  mediaType: z.enum(mediaTypes),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  offset: z.number().int(),
  base64: z.string(),
});

const folderPath = z
  .string()
  .transform((value) => value.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, { error: 'Thư mục không được để trống.' })
      .max(1000, { error: 'Đường dẫn quá dài.' })
      .regex(/^(\/|[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+)/, {
        error: 'Thư mục phải là đường dẫn đầy đủ trên máy chạy LicenceDesk (ví dụ D:\\MayQuet).',
      })
      .refine((value) => findTextProblem(value, false) === null, {
        error: 'Đường dẫn chứa ký tự không được phép.',
      }),
  );

export const attachmentSettingsSchema = z
  .object({
    maxFileMb: z
      .number({ error: 'Giới hạn mỗi tệp phải là số.' })
      .int({ error: 'Giới hạn mỗi tệp phải là số nguyên (MB).' })
      .min(1, { error: 'Giới hạn mỗi tệp ít nhất 1 MB.' })
      .max(1024, { error: 'Giới hạn mỗi tệp tối đa 1024 MB.' }),
    maxDossierMb: z
      .number({ error: 'Giới hạn mỗi hồ sơ phải là số.' })
      .int({ error: 'Giới hạn mỗi hồ sơ phải là số nguyên (MB).' })
      .min(1, { error: 'Giới hạn mỗi hồ sơ ít nhất 1 MB.' })
      .max(20480, { error: 'Giới hạn mỗi hồ sơ tối đa 20480 MB.' }),
    /**
     * Scanner drop folders, on the machine that runs the backend (the desk's own PC for the desktop app; the
     * office server for the web/office editions). `userId` null = every user of this backend.
     */
    dropFolders: z
      .array(z.object({ userId: id.nullable(), folder: folderPath }).strict())
      .max(100, { error: 'Tối đa 100 thư mục máy quét.' }),
  })
  .strict()
  .refine((s) => s.maxDossierMb >= s.maxFileMb, {
    error: 'Giới hạn mỗi hồ sơ phải lớn hơn hoặc bằng giới hạn mỗi tệp.',
    path: ['maxDossierMb'],
  });
export type AttachmentSettings = z.output<typeof attachmentSettingsSchema>;

export const dropFolderListOutput = z.object({
  /** The folder offered to this user, or null when none is configured. */
  folder: z.string().nullable(),
  /** Vietnamese, when the folder cannot be read (unplugged drive, no permission). */
  problem: z.string().nullable(),
  files: z.array(z.object({ name: z.string(), sizeBytes: z.number().int(), modifiedAt: z.string() })),
});

export const dropFolderAttachInput = z
  .object({
    dossierId: id,
    componentNo,
    name: rawFileName,
    replacesId: id.optional(),
  })
  .strict();
