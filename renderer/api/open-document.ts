import type { MethodOutput } from '../../shared/api/contract';
import { ApiError, getBridge } from './client';

export type PdfDocument = MethodOutput<'documents.receipt'>;

/**
 * Shows a generated PDF. In Electron the main process writes it to a temp file and opens the OS viewer
 * (`shell.openPdf` is handled by main, not by the backend contract). In a browser we can only download:
 * opening a new tab from an async callback is a popup and gets blocked.
 */
export async function openDocument(doc: PdfDocument): Promise<void> {
  const bridge = getBridge();
  if (bridge) {
    const envelope = await bridge.invoke('shell.openPdf', { fileName: doc.fileName, base64: doc.base64 });
    if (!envelope.ok) {
      throw new ApiError(
        'shell.openPdf',
        envelope.error.code,
        envelope.error.message,
        envelope.error.fieldErrors,
      );
    }
    return;
  }
  downloadBase64(doc.fileName, doc.mimeType, doc.base64);
}

/** Hands a file to the browser's download (Electron shows its save dialog for it). */
export function downloadBase64(fileName: string, mimeType: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: revoking synchronously can cancel the download in some engines.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
