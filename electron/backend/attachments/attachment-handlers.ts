import fs from 'node:fs';
import type { Handlers } from '../dispatch';
import { AppError } from '../../../shared/api/errors';
import { CHUNK_BYTES } from '../../../shared/api/schemas/attachments';
import { recordAudit } from '../audit/record-audit';
import { filesOfDossier, dossierUsedBytes, fileById } from './attachment-repo';
import { limitsOf, readAttachmentSettings, writeAttachmentSettings } from './attachment-settings';
import { attachStagedFile, checkTarget, contentStoreOf, loadDossierFor } from './attach-file';
import { appendChunk, closeSession, findUpload, finishUpload, openUpload } from './upload-sessions';
import { dropFolderOf, listDropFolder, setAsideDropFile, stageDropFile } from './drop-folder';

export const attachmentHandlers = {
  'attachments.list': async (input, ctx) =>
    await ctx.db.snapshot(async () => {
      const record = await loadDossierFor(ctx, input.dossierId);
      const files = await filesOfDossier(ctx.db, record.id);
      const components = (JSON.parse(record.components) as Array<{ name: string; isProvided: boolean }>).map(
        (c, i) => ({
          no: i + 1,
          name: c.name,
          isProvided: c.isProvided,
          files: files.filter((f) => f.role === 'component' && f.componentNo === i + 1),
        }),
      );
      return {
        dossierId: record.id,
        components,
        results: files.filter((f) => f.role === 'result'),
        scansMissing: components.filter((c) => c.isProvided && c.files.length === 0).length,
        usedBytes: await dossierUsedBytes(ctx.db, record.id),
        limits: limitsOf(await readAttachmentSettings(ctx.db)),
      };
    }),

  'attachments.begin': async (input, ctx, session) => {
    // Refuse before any byte is sent: unknown dossier or component, over a limit, already attached.
    await checkTarget(ctx, input, input.sizeBytes, input.sha256);
    const upload = openUpload(ctx, session, input, input.sizeBytes, input.sha256);
    return { uploadId: upload.id, chunkBytes: CHUNK_BYTES };
  },

  'attachments.chunk': async (input, ctx, session) => {
    const upload = findUpload(ctx, session, input.uploadId);
    return { receivedBytes: appendChunk(ctx, upload, input.index, input.base64) };
  },

  'attachments.commit': async (input, ctx, session) => {
    const upload = findUpload(ctx, session, input.uploadId);
    finishUpload(ctx, upload);
    const outcome = await attachStagedFile(ctx, session, {
      ...upload.target,
      stagingFile: upload.stagingFile,
      expectedSha256: upload.sha256,
      source: 'upload',
    });
    return outcome.file!;
  },

  'attachments.abort': async (input, ctx, session) => {
    closeSession(ctx, findUpload(ctx, session, input.uploadId));
    return {};
  },

  'attachments.read': async (input, ctx) => {
    const file = await fileById(ctx.db, input.fileId);
    if (!file)
      throw new AppError('NOT_FOUND', 'Không tìm thấy tệp.', {
        logMessage: `file ${input.fileId} not found`,
      });
    const location = contentStoreOf(ctx).pathOf(file.sha256);
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(location, 'r');
    } catch {
      ctx.log.error('stored file missing', { sha256: file.sha256, fileId: file.id });
      throw new AppError(
        'INTERNAL',
        `Không đọc được tệp "${file.fileName}" trong kho tệp (tệp bị thiếu). Quản trị viên hãy chạy "licence-desk verify" và khôi phục từ bản sao lưu.`,
        { logMessage: `stored file missing: ${file.sha256}` },
      );
    }
    try {
      const length = Math.max(0, Math.min(input.length, file.sizeBytes - input.offset));
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, input.offset);
      return {
        fileName: file.fileName,
        mediaType: file.mediaType,
        sha256: file.sha256,
        sizeBytes: file.sizeBytes,
        offset: input.offset,
        base64: buffer.subarray(0, bytesRead).toString('base64'),
      };
    } finally {
      await handle.close();
    }
  },

  'attachments.dropFolder.list': async (_input, ctx, session) => {
    const folder = await dropFolderOf(ctx, session);
    if (folder === null) return { folder: null, problem: null, files: [] };
    try {
      return { folder, problem: null, files: listDropFolder(folder).slice(0, 200) };
    } catch (error) {
      ctx.log.warn('drop folder unreadable', { folder, detail: String(error) });
      return {
        folder,
        problem: `Không đọc được thư mục máy quét ${folder} (ổ đĩa chưa cắm, đường dẫn sai hoặc không có quyền).`,
        files: [],
      };
    }
  },

  'attachments.dropFolder.attach': async (input, ctx, session) => {
    const folder = await dropFolderOf(ctx, session);
    if (folder === null) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Chưa cấu hình thư mục máy quét cho bạn. Hãy nhờ quản trị viên cài đặt.',
        {
          logMessage: 'no drop folder configured',
        },
      );
    }
    await checkTarget(ctx, { ...input, fileName: input.name }, 1, null);
    const staging = stageDropFile(ctx, folder, input.name);
    const outcome = await attachStagedFile(ctx, session, {
      dossierId: input.dossierId,
      componentNo: input.componentNo,
      fileName: input.name,
      replacesId: input.replacesId,
      stagingFile: staging,
      source: 'drop_folder',
    });
    setAsideDropFile(ctx, folder, input.name);
    return outcome.file!;
  },

  'attachments.settings.get': async (_input, ctx) => await readAttachmentSettings(ctx.db),

  'attachments.settings.update': async (input, ctx, session) => {
    const before = await readAttachmentSettings(ctx.db);
    await ctx.db.transaction(async () => {
      await writeAttachmentSettings(ctx.db, input);
      await recordAudit(ctx, session, {
        action: 'attachments.settings.update',
        entityType: 'settings',
        entityId: 'attachments',
        payload: { before, after: input },
      });
    });
    return await readAttachmentSettings(ctx.db);
  },
} satisfies Pick<
  Handlers,
  | 'attachments.list'
  | 'attachments.begin'
  | 'attachments.chunk'
  | 'attachments.commit'
  | 'attachments.abort'
  | 'attachments.read'
  | 'attachments.dropFolder.list'
  | 'attachments.dropFolder.attach'
  | 'attachments.settings.get'
  | 'attachments.settings.update'
>;
