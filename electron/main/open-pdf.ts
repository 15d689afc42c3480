// `shell.openPdf`: write a PDF the renderer received from the API (as base64) to a private temp folder and
// hand it to the OS viewer. Electron-free: the temp folder and the opener (shell.openPath) are injected, so
// validation, naming and writing are unit-tested under Node.
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from '../../shared/api/zod-vi';
import { genericMessages, type Envelope, type FieldErrors } from '../../shared/api/errors';
import type { Logger } from '../backend/context';

/** Pseudo-method handled in the main process before dispatch (see ipc.ts); not part of shared/api/contract. */
export const OPEN_PDF_METHOD = 'shell.openPdf';

/** Generated licences and receipts are tens of KB; 20 MB leaves room for long registers and scans. */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;
const MAX_BASE64_CHARS = Math.ceil(MAX_PDF_BYTES / 3) * 4;
const PDF_DIR_PREFIX = 'pdf-';

export const openPdfInputSchema = z
  .object({
    fileName: z
      .string({ error: 'Tên tệp không hợp lệ.' })
      .trim()
      .min(1, 'Thiếu tên tệp.')
      .max(200, 'Tên tệp quá dài.'),
    base64: z
      .string({ error: 'Nội dung PDF không hợp lệ.' })
      .min(8, 'Nội dung PDF trống.')
      .max(MAX_BASE64_CHARS, `Tệp PDF quá lớn (tối đa ${MAX_PDF_BYTES / 1024 / 1024} MB).`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Nội dung PDF không phải base64 hợp lệ.'),
  })
  .strict();

export type OpenPdfInput = z.output<typeof openPdfInputSchema>;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const FALLBACK_NAME = 'tai-lieu';

/**
 * A file name safe on Windows and Linux that keeps the Vietnamese title the clerk will see in the viewer:
 * NFC, no folder separators, no control or reserved characters, no trailing dots/spaces, not a device name, at most
 * 100 characters, always ending in .pdf.
 */
export function safePdfFileName(raw: string): string {
  let stem = raw
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    // Document numbers are full of slashes ("12/GP-STTTT"): keep them readable, never as folders.
    .replace(/[\\/]/g, '-')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\.pdf$/i, '')
    .replace(/[. ]+$/, '')
    .replace(/^[. ]+/, '')
    .trim();
  stem = Array.from(stem)
    .slice(0, 100)
    .join('')
    .replace(/[. ]+$/, '');
  if (stem === '' || WINDOWS_RESERVED.test(stem)) stem = FALLBACK_NAME;
  return `${stem}.pdf`;
}

export interface OpenPdfDeps {
  /** app.getPath('temp')/licence-desk */
  baseDir: string;
  /** shell.openPath: resolves to '' on success, otherwise an error string. */
  openPath: (filePath: string) => Promise<string>;
  log: Logger;
}

/**
 * Validates the input, writes the PDF into a fresh private folder (so the viewer shows the real file name
 * and two prints of the same name never collide) and opens it. Replies with an Envelope like dispatch does.
 */
export function createOpenPdf(deps: OpenPdfDeps): (rawInput: unknown) => Promise<Envelope<{ opened: true }>> {
  return async (rawInput) => {
    const parsed = openPdfInputSchema.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const fieldErrors: FieldErrors = {};
      for (const issue of parsed.error.issues)
        fieldErrors[issue.path.map(String).join('.') || '_'] ??= issue.message;
      return {
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: genericMessages.VALIDATION_FAILED, fieldErrors },
      };
    }
    const bytes = Buffer.from(parsed.data.base64, 'base64');
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      return {
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          message: genericMessages.VALIDATION_FAILED,
          fieldErrors: { base64: 'Nội dung không phải là tệp PDF.' },
        },
      };
    }
    let filePath: string;
    try {
      filePath = await writePdf(deps.baseDir, safePdfFileName(parsed.data.fileName), bytes);
    } catch (error) {
      deps.log.error('could not write PDF to temp', { detail: String(error) });
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Không ghi được tệp PDF tạm. Vui lòng thử lại.' },
      };
    }
    const failure = await deps.openPath(filePath).catch((error: unknown) => String(error));
    if (failure !== '') {
      deps.log.warn('OS could not open PDF', { filePath, detail: failure });
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'Không mở được tệp PDF. Hãy kiểm tra máy đã cài chương trình đọc PDF.',
        },
      };
    }
    return { ok: true, data: { opened: true } };
  };
}

async function writePdf(baseDir: string, fileName: string, bytes: Buffer): Promise<string> {
  await fs.mkdir(baseDir, { recursive: true, mode: 0o700 });
  const dir = await fs.mkdtemp(path.join(baseDir, PDF_DIR_PREFIX));
  const filePath = path.join(dir, fileName);
  // 'wx': never follow or overwrite something planted at that path.
  await fs.writeFile(filePath, bytes, { flag: 'wx', mode: 0o600 });
  return filePath;
}

/**
 * Removes print folders older than `maxAgeMs` (the viewer may still hold today's open). Best effort, run at
 * start-up; returns how many were removed.
 */
export async function pruneOldPdfs(
  baseDir: string,
  now: number,
  maxAgeMs = 24 * 60 * 60 * 1000,
): Promise<number> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(baseDir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith(PDF_DIR_PREFIX)) continue;
    const dir = path.join(baseDir, entry.name);
    try {
      const stat = await fs.stat(dir);
      if (now - stat.mtimeMs < maxAgeMs) continue;
      await fs.rm(dir, { recursive: true, force: true });
      removed += 1;
    } catch {
      // A viewer holding the file open on Windows: try again next start.
    }
  }
  return removed;
}
