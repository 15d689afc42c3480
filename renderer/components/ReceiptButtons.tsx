import { useState, type Ref } from 'react';
import { Button, Group } from '@mantine/core';
import { api, errorMessage, getBridge } from '../api/client';
import { openDocument } from '../api/open-document';
import { notifyError, notifySuccess } from './notify';

interface ReceiptButtonsProps {
  dossierId: number;
  firstButtonRef?: Ref<HTMLButtonElement>;
  /** Where printing is not the main task (the dossier page), both buttons stay secondary. */
  isSecondary?: boolean;
}

/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01): one copy, or the two liên the desk keeps and hands out. */
export function ReceiptButtons({ dossierId, firstButtonRef, isSecondary = false }: ReceiptButtonsProps) {
  const [printing, setPrinting] = useState<1 | 2 | null>(null);

  async function print(copies: 1 | 2) {
    setPrinting(copies);
    try {
      const doc = await api['documents.receipt']({ dossierId, copies });
      await openDocument(doc);
      if (!getBridge()) notifySuccess('Đã tải giấy tiếp nhận', `Mở tệp ${doc.fileName} để in.`);
    } catch (error) {
      notifyError('Chưa tạo được giấy tiếp nhận', errorMessage(error));
    } finally {
      setPrinting(null);
    }
  }

  return (
    <Group gap="xs">
      <Button
        ref={firstButtonRef}
        variant={isSecondary ? 'default' : 'filled'}
        onClick={() => void print(1)}
        loading={printing === 1}
        disabled={printing !== null}
      >
        In giấy tiếp nhận
      </Button>
      <Button
        variant="default"
        onClick={() => void print(2)}
        loading={printing === 2}
        disabled={printing !== null}
      >
        In 2 liên
      </Button>
    </Group>
  );
}
