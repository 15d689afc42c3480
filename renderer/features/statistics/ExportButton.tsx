import { useState } from 'react';
import { Button, type ButtonProps } from '@mantine/core';
import type { ExportOutput } from '../../../shared/api/schemas/statistics';
import { errorMessage } from '../../api/client';
import { saveExport } from '../../api/save-export';
import { notifyError, notifySuccess } from '../../components/notify';

interface ExportButtonProps extends Omit<ButtonProps, 'children' | 'onClick' | 'loading'> {
  label: string;
  /** What the file is, for the messages: "Biểu 06 (Excel)". */
  what: string;
  run(): Promise<ExportOutput>;
}

/** Asks the backend for a report file and hands it over (download, or the PDF viewer in Electron). */
export function ExportButton({ label, what, run, ...props }: ExportButtonProps) {
  const [isBusy, setIsBusy] = useState(false);
  async function onClick() {
    setIsBusy(true);
    try {
      const doc = await run();
      notifySuccess(`Đã xuất ${what}`, await saveExport(doc));
    } catch (error) {
      notifyError(`Chưa xuất được ${what}`, errorMessage(error));
    } finally {
      setIsBusy(false);
    }
  }
  return (
    <Button
      variant="default"
      {...props}
      loading={isBusy}
      disabled={isBusy || props.disabled}
      onClick={() => void onClick()}
    >
      {label}
    </Button>
  );
}
