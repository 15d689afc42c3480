import type { BackendContext, CallSession } from '../context';
import { AppError } from '../../../shared/api/errors';
import type { DossierFileView } from '../../../shared/api/schemas/attachments';
import {
  cleanFileName,
  contentProblemMessage,
  type MediaType,
} from '../../../shared/domain/attachments/file-content';
import { getDossier, type DossierRecord } from '../dossiers/dossier-repo';
import { officeNow } from '../office-clock';
import { recordAudit } from '../audit/record-audit';
import { ContentStore, ContentStoreError, filesDirOf, removeQuietly } from '../files/content-store';
import { inspectFile } from '../files/inspect-file';
import { insertEvent } from '../workflow/workflow-repo';
import { currentFileWithHash, dossierUsedBytes, fileById, insertDossierFile } from './attachment-repo';
import { limitsOf, readAttachmentSettings } from './attachment-settings';

export function contentStoreOf(ctx: BackendContext): ContentStore {
  return new ContentStore(filesDirOf(ctx.dataDir));
}

export interface AttachTarget {
  dossierId: number;
  componentNo: number;
  fileName: string;
  replacesId?: number | undefined;
}

const formatMb = (bytes: number) =>
  `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

function refused(message: string, logMessage: string, field = 'file'): AppError {
  return new AppError('VALIDATION_FAILED', message, { fieldErrors: { [field]: message }, logMessage });
}

export async function loadDossierFor(ctx: BackendContext, dossierId: number): Promise<DossierRecord> {
  const record = await getDossier(ctx.db, dossierId);
  if (!record)
    throw new AppError('NOT_FOUND', 'Không tìm thấy hồ sơ.', {
      logMessage: `dossier ${dossierId} not found`,
    });
  return record;
}

/**
 * The checks that need no file content: the dossier and component exist, the file replaced is a current file of
 * that component, the size fits both limits. Run before an upload starts (nothing is sent for a file that
 * would be refused) and again at commit, under the write lock.
 */
export async function checkTarget(
  ctx: BackendContext,
  target: AttachTarget,
  sizeBytes: number,
  sha256: string | null,
): Promise<{ record: DossierRecord; componentName: string }> {
  const record = await loadDossierFor(ctx, target.dossierId);
  const components = JSON.parse(record.components) as Array<{ name: string }>;
  const component = components[target.componentNo - 1];
  if (!component) {
    throw refused(
      `Hồ sơ ${record.code} không có thành phần số ${target.componentNo} (có ${components.length} thành phần).`,
      `component ${target.componentNo} out of range for dossier ${record.id}`,
      'componentNo',
    );
  }
  const name = cleanFileName(target.fileName);
  if (sizeBytes === 0) {
    throw refused(contentProblemMessage({ kind: 'empty' }, name), `empty file ${name}`);
  }
  const limits = limitsOf(await readAttachmentSettings(ctx.db));
  if (sizeBytes > limits.maxFileBytes) {
    throw refused(
      `Tệp "${name}" dung lượng ${formatMb(sizeBytes)}, vượt giới hạn ${formatMb(limits.maxFileBytes)} cho mỗi tệp. Hãy quét ở độ phân giải thấp hơn hoặc tách thành nhiều tệp.`,
      `file too large: ${sizeBytes}`,
    );
  }
  const used = await dossierUsedBytes(ctx.db, record.id);
  if (used + sizeBytes > limits.maxDossierBytes) {
    throw refused(
      `Hồ sơ ${record.code} đã có ${formatMb(used)} tệp đính kèm; thêm tệp "${name}" (${formatMb(sizeBytes)}) sẽ vượt giới hạn ${formatMb(limits.maxDossierBytes)} mỗi hồ sơ.`,
      `dossier limit: ${used} + ${sizeBytes}`,
    );
  }
  if (sha256 !== null) {
    const same = await currentFileWithHash(ctx.db, record.id, sha256);
    if (same) {
      const where =
        same.role === 'result'
          ? 'là kết quả điện tử của hồ sơ'
          : `đã đính kèm cho thành phần số ${same.component_no}`;
      throw new AppError(
        'CONFLICT',
        `Tệp "${name}" có nội dung giống hệt một tệp ${where}; không cần đính kèm lại.`,
        {
          fieldErrors: { file: 'Tệp này đã được đính kèm.' },
          logMessage: `duplicate content ${sha256} in dossier ${record.id}`,
        },
      );
    }
  }
  if (target.replacesId !== undefined) {
    const old = await fileById(ctx.db, target.replacesId);
    if (
      !old ||
      old.dossierId !== record.id ||
      old.role !== 'component' ||
      old.componentNo !== target.componentNo
    ) {
      throw refused(
        'Tệp cần thay thế không thuộc thành phần hồ sơ này.',
        `bad replacesId ${target.replacesId}`,
      );
    }
    if (old.supersededById !== null) {
      throw new AppError(
        'CONFLICT',
        `Tệp "${old.fileName}" đã được thay bằng phiên bản mới hơn; hãy tải lại hồ sơ.`,
        {
          logMessage: `replacing superseded file ${old.id}`,
        },
      );
    }
  }
  return { record, componentName: component.name };
}

export interface AttachOutcome {
  file: DossierFileView | null;
  /** What would be stored (dry run) or was stored. */
  sha256: string;
  sizeBytes: number;
  mediaType: MediaType;
  fileName: string;
}

/**
 * The one way a scan enters a dossier (upload, scanner folder, bulk command): inspect the staged file (hash,
 * real type, truncation, PDF password), check the target, move it into the content store, then record it and
 * its audit event in one transaction. Any refusal leaves the dossier unchanged; the staged file is always
 * removed. A crash between the move and the commit leaves an unreferenced file in the store, which is harmless
 * (content-addressed, never served) and reported by verify as unreferenced.
 */
export async function attachStagedFile(
  ctx: BackendContext,
  session: CallSession,
  args: AttachTarget & {
    stagingFile: string;
    source: DossierFileView['source'];
    expectedSha256?: string;
    dryRun?: boolean;
  },
): Promise<AttachOutcome> {
  const store = contentStoreOf(ctx);
  let adopted = false;
  try {
    const inspected = await inspectFile(args.stagingFile, cleanFileName(args.fileName));
    if (args.expectedSha256 !== undefined && inspected.sha256 !== args.expectedSha256) {
      throw refused(
        `Tệp "${cleanFileName(args.fileName)}" nhận được không khớp mã kiểm tra SHA-256 do máy gửi tính (đường truyền bị lỗi hoặc tệp thay đổi trong lúc gửi). Hãy đính kèm lại.`,
        `upload sha256 ${inspected.sha256} != declared ${args.expectedSha256}`,
      );
    }
    if (!inspected.verdict.ok) {
      const name = cleanFileName(args.fileName);
      throw refused(
        contentProblemMessage(inspected.verdict.problem, name),
        `refused content: ${inspected.verdict.problem.kind}`,
      );
    }
    const mediaType = inspected.verdict.type;
    const fileName = cleanFileName(args.fileName, mediaType);
    await checkTarget(ctx, args, inspected.sizeBytes, inspected.sha256);
    const outcome = { sha256: inspected.sha256, sizeBytes: inspected.sizeBytes, mediaType, fileName };
    if (args.dryRun) return { ...outcome, file: null };

    await store.adopt(args.stagingFile, inspected.sha256);
    adopted = true;
    const now = await officeNow(ctx);
    const id = await ctx.db.transaction(async () => {
      // Re-checked under the write lock: two desks attaching at once cannot both pass the limits or duplicate.
      const { record, componentName } = await checkTarget(ctx, args, inspected.sizeBytes, inspected.sha256);
      const inserted = await insertDossierFile(ctx.db, {
        dossierId: record.id,
        role: 'component',
        componentNo: args.componentNo,
        resultKind: null,
        licenceId: null,
        sha256: inspected.sha256,
        sizeBytes: inspected.sizeBytes,
        mediaType,
        fileName,
        supersedesId: args.replacesId ?? null,
        source: args.source,
        at: now.iso,
        actorId: session.actor.id,
        actorName: session.actor.name,
      });
      const action = args.replacesId === undefined ? 'attach' : 'replace';
      await insertEvent(ctx.db, {
        dossierId: record.id,
        at: now.iso,
        actorId: session.actor.id,
        actorName: session.actor.name,
        kind: `attachment.${action}`,
        fromStatus: null,
        toStatus: null,
        note: `${componentName}: ${fileName}`,
        data: { componentNo: args.componentNo, sha256: inspected.sha256, version: inserted.version },
      });
      await recordAudit(ctx, session, {
        action: `attachments.${action}`,
        entityType: 'dossier',
        entityId: record.id,
        at: now.iso,
        payload: {
          code: record.code,
          fileId: inserted.id,
          componentNo: args.componentNo,
          sha256: inspected.sha256,
          sizeBytes: inspected.sizeBytes,
          mediaType,
          fileName,
          version: inserted.version,
          replaces: args.replacesId ?? null,
          source: args.source,
        },
      });
      return inserted.id;
    });
    ctx.log.info('file attached', {
      dossierId: args.dossierId,
      sha256: inspected.sha256,
      source: args.source,
    });
    return { ...outcome, file: await fileById(ctx.db, id) };
  } catch (error) {
    throw mapFileError(error, ctx);
  } finally {
    if (!adopted) removeQuietly(args.stagingFile);
  }
}

/** Disk full and other file-system faults, in the clerk's words; the full error goes to the log. */
export function mapFileError(error: unknown, ctx: BackendContext): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof ContentStoreError && error.kind === 'altered-existing') {
    ctx.log.error('content store: existing file altered', { detail: error.message });
    return new AppError(
      'INTERNAL',
      'Kho tệp có một tệp đã bị thay đổi ngoài ứng dụng nên không lưu thêm được. Quản trị viên hãy chạy "licence-desk verify".',
      { logMessage: error.message },
    );
  }
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    ctx.log.error('disk full while storing a file', { detail: String(error) });
    return new AppError(
      'STORAGE_FULL',
      'Ổ đĩa lưu tệp đính kèm đã đầy nên tệp chưa được lưu; hồ sơ không thay đổi. Hãy báo quản trị viên giải phóng dung lượng rồi đính kèm lại.',
      { logMessage: `ENOSPC storing a file: ${String(error)}` },
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    ctx.log.error('files folder not writable', { detail: String(error) });
    return new AppError(
      'INTERNAL',
      'Không ghi được vào thư mục lưu tệp đính kèm (không có quyền ghi). Hãy báo quản trị viên; hồ sơ không thay đổi.',
      { logMessage: `files folder not writable: ${String(error)}` },
    );
  }
  return error;
}
