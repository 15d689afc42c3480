import { useEffect, useState } from 'react';
import { Alert, Loader, Modal, Text } from '@mantine/core';
import type { DossierFileView } from '../../../shared/api/schemas/attachments';
import { errorMessage } from '../../api/client';
import { readStoredFile } from './transfer';

interface FilePreviewProps {
  file: DossierFileView | null;
  onClose(): void;
}

/**
 * Shows a stored file inside the app: images in an <img>, PDFs in the browser engine's own viewer (a blob:
 * frame, allowed by the CSP). Chromium shows no TIFF, so a TIFF is offered for download instead.
 */
export function FilePreview({ file, onClose }: FilePreviewProps) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (file === null || file.mediaType === 'image/tiff') return;
    let objectUrl: string | null = null;
    let isCurrent = true;
    readStoredFile(file).then(
      (blob) => {
        if (!isCurrent) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      (e: unknown) => isCurrent && setError(errorMessage(e)),
    );
    return () => {
      isCurrent = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      setUrl(null);
      setError(null);
    };
  }, [file]);

  return (
    <Modal
      opened={file !== null}
      onClose={onClose}
      size="80%"
      title={file?.fileName ?? ''}
      data-testid="file-preview"
    >
      {error && <Alert color="red">{error}</Alert>}
      {file?.mediaType === 'image/tiff' && (
        <Text size="sm">
          Trình xem không hiển thị được ảnh TIFF; hãy dùng nút "Tải về" để mở bằng phần mềm xem ảnh.
        </Text>
      )}
      {!error && file && file.mediaType !== 'image/tiff' && url === null && <Loader size="sm" />}
      {url && file?.mediaType === 'application/pdf' && (
        <iframe
          src={url}
          title={file.fileName}
          style={{ width: '100%', height: '75vh', border: 0 }}
          data-testid="preview-pdf"
        />
      )}
      {url && file && file.mediaType.startsWith('image/') && (
        <img src={url} alt={file.fileName} style={{ maxWidth: '100%' }} data-testid="preview-image" />
      )}
    </Modal>
  );
}
