import type { ExportOutput } from '../../shared/api/schemas/statistics';
import { getBridge } from './client';
import { downloadBase64, openDocument } from './open-document';

/**
 * A generated report or register. A PDF opens like every printed document (the OS viewer in Electron, a
 * download in the web edition); a workbook is always handed over as a download, to be saved and opened in Excel.
 * Returns what to tell the user.
 */
export async function saveExport(doc: ExportOutput): Promise<string> {
  if (doc.mimeType === 'application/pdf') {
    await openDocument({ fileName: doc.fileName, mimeType: 'application/pdf', base64: doc.base64 });
    return getBridge() ? `Đã mở ${doc.fileName}.` : `Đã tải tệp ${doc.fileName}.`;
  }
  downloadBase64(doc.fileName, doc.mimeType, doc.base64);
  return `Đã tải tệp ${doc.fileName}; mở bằng Excel hoặc LibreOffice.`;
}
