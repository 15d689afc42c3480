import { useState, type Ref } from 'react';
import { Button, type ButtonProps } from '@mantine/core';
import { errorMessage, getBridge } from '../api/client';
import { fetchDocument, PRINT_BUTTON_TEXT, type PrintableKind } from '../api/documents';
import { openDocument } from '../api/open-document';
import { notifyError, notifySuccess } from './notify';

interface PrintButtonProps extends Omit<ButtonProps, 'children' | 'onClick' | 'loading'> {
  dossierId: number;
  kind: PrintableKind;
  /** Defaults to the document's usual button text ("In giấy phép"). */
  label?: string;
  /** Called after the PDF was produced (the print log changed: reload what shows it). */
  onPrinted?(): void;
  buttonRef?: Ref<HTMLButtonElement>;
}

/** Generates one document on the backend and opens it (Electron) or downloads it (web edition). */
export function PrintButton({ dossierId, kind, label, onPrinted, buttonRef, ...props }: PrintButtonProps) {
  const [isPrinting, setIsPrinting] = useState(false);
  const text = label ?? PRINT_BUTTON_TEXT[kind];

  async function print() {
    setIsPrinting(true);
    try {
      const doc = await fetchDocument(dossierId, kind);
      await openDocument(doc);
      if (!getBridge()) notifySuccess('Đã tải tệp để in', `Mở tệp ${doc.fileName} để in.`);
      onPrinted?.();
    } catch (error) {
      notifyError(`Chưa tạo được tệp: ${text.replace(/^In /, '')}`, errorMessage(error));
    } finally {
      setIsPrinting(false);
    }
  }

  return (
    <Button
      ref={buttonRef}
      variant="default"
      {...props}
      loading={isPrinting}
      disabled={isPrinting || props.disabled}
      onClick={() => void print()}
    >
      {text}
    </Button>
  );
}
