import { api } from '../../api/client';
import type { DossierFileView } from '../../../shared/api/schemas/attachments';
import { fileToBase64 } from '../../lib/file-base64';

/** Lower-case hex SHA-256 of a chosen file, computed here so the backend can check what it received. */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Uploads one file the same way over every transport (Electron IPC, the web edition, the office server):
 * begin (refused at once when over a limit or already attached), chunks of at most 1 MiB, commit. Anything
 * that fails midway is aborted, so the backend drops the staging file; nothing is attached until commit.
 */
export async function uploadFile(
  target: { dossierId: number; componentNo: number; replacesId?: number },
  file: File,
  onProgress?: (sent: number, total: number) => void,
): Promise<DossierFileView> {
  const sha256 = await sha256Hex(file);
  const { uploadId, chunkBytes } = await api['attachments.begin']({
    ...target,
    fileName: file.name,
    sizeBytes: file.size,
    sha256,
  });
  try {
    let index = 0;
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      const base64 = await fileToBase64(file.slice(offset, offset + chunkBytes));
      await api['attachments.chunk']({ uploadId, index, base64 });
      index += 1;
      onProgress?.(Math.min(file.size, offset + chunkBytes), file.size);
    }
    return await api['attachments.commit']({ uploadId });
  } catch (error) {
    // The commit itself cleans up after a refusal; an abort of an upload already gone is harmless.
    await api['attachments.abort']({ uploadId }).catch(() => undefined);
    throw error;
  }
}

/** Downloads a stored file slice by slice into a Blob of its real type. */
export async function readStoredFile(file: DossierFileView): Promise<Blob> {
  const parts: BlobPart[] = [];
  let offset = 0;
  while (offset < file.sizeBytes) {
    const slice = await api['attachments.read']({ fileId: file.id, offset });
    const binary = atob(slice.base64);
    if (binary.length === 0) break;
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    parts.push(bytes);
    offset += bytes.length;
  }
  return new Blob(parts, { type: file.mediaType });
}

export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
