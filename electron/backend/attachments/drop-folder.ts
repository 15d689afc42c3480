import fs from 'node:fs';
import path from 'node:path';
import type { BackendContext, CallSession } from '../context';
import { AppError } from '../../../shared/api/errors';
import { typeClaimedByName } from '../../../shared/domain/attachments/file-content';
import { readAttachmentSettings } from './attachment-settings';
import { contentStoreOf, mapFileError } from './attach-file';

/** Where files of a drop folder go once attached, so that they are not offered again (kept, never deleted). */
export const ATTACHED_SUBFOLDER = 'da-dinh-kem';

/**
 * The scanner drop folder of the calling user: configured by an administrator per user (or for everyone),
 * always a folder of the machine that runs the backend — the desk's own PC in the desktop app, the office
 * server in the web and office editions (the scanner saves to a folder shared from there). Clients never read
 * it themselves: they list it and attach from it through the API.
 */
export async function dropFolderOf(ctx: BackendContext, session: CallSession): Promise<string | null> {
  const settings = await readAttachmentSettings(ctx.db);
  const own = settings.dropFolders.find((d) => d.userId !== null && d.userId === session.userId);
  const shared = settings.dropFolders.find((d) => d.userId === null);
  return (own ?? shared)?.folder ?? null;
}

export interface DropFile {
  name: string;
  sizeBytes: number;
  modifiedAt: string;
}

/** Regular files of the folder (newest first) that could be scans; sub-folders and hidden files are skipped. */
export function listDropFolder(folder: string): DropFile[] {
  const files: DropFile[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const ext = typeClaimedByName(entry.name);
    // Files with another known extension (.docx, .txt) are not scans; files without one may be.
    if (ext === null && /\.[A-Za-z0-9]{1,5}$/.test(entry.name)) continue;
    try {
      const stat = fs.statSync(path.join(folder, entry.name));
      files.push({ name: entry.name, sizeBytes: stat.size, modifiedAt: stat.mtime.toISOString() });
    } catch {
      // vanished between readdir and stat (the scanner moved it): not offered
    }
  }
  return files.sort((a, b) => (a.modifiedAt < b.modifiedAt ? 1 : -1));
}

/**
 * Copies a drop-folder file into staging (the scanner may still hold or rewrite the original, so we never
 * attach the folder's file in place). The name must be a plain name inside the folder.
 */
export function stageDropFile(ctx: BackendContext, folder: string, name: string): string {
  if (name !== path.basename(name) || name === '.' || name === '..' || /[\\/]/.test(name)) {
    throw new AppError('VALIDATION_FAILED', 'Tên tệp trong thư mục máy quét không hợp lệ.', {
      logMessage: `drop folder name with a path: ${name}`,
    });
  }
  const source = path.join(folder, name);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(source);
  } catch {
    throw new AppError(
      'NOT_FOUND',
      `Không còn tệp "${name}" trong thư mục máy quét (có thể đã được đính kèm hoặc chuyển đi).`,
      {
        logMessage: `drop file gone: ${source}`,
      },
    );
  }
  if (!stat.isFile()) {
    throw new AppError('VALIDATION_FAILED', `"${name}" không phải là tệp.`, {
      logMessage: `not a file: ${source}`,
    });
  }
  const staging = contentStoreOf(ctx).stagingFile('drop');
  try {
    fs.copyFileSync(source, staging, fs.constants.COPYFILE_EXCL);
  } catch (error) {
    throw mapFileError(error, ctx);
  }
  return staging;
}

/** Moves an attached file into the folder's "đã đính kèm" sub-folder; failing to move is only logged. */
export function setAsideDropFile(ctx: BackendContext, folder: string, name: string): void {
  try {
    const done = path.join(folder, ATTACHED_SUBFOLDER);
    fs.mkdirSync(done, { recursive: true });
    let target = path.join(done, name);
    for (let n = 1; fs.existsSync(target); n += 1) target = path.join(done, `${n}-${name}`);
    fs.renameSync(path.join(folder, name), target);
  } catch (error) {
    ctx.log.warn('could not move an attached drop-folder file aside', {
      folder,
      name,
      detail: String(error),
    });
  }
}
