import { useMemo } from 'react';
import { Loader, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useOfficeOffset } from '../../app/app-context';
import { formatAppointment, formatDate, formatDeadline } from '../../lib/format';

interface DueDatePreviewProps {
  procedureId: string;
  /** ISO instant, or null for "now". */
  receivedAt: string | null;
}

/** The appointment the receipt will carry, computed by the backend's calendar so the two never disagree. */
export function DueDatePreview({ procedureId, receivedAt }: DueDatePreviewProps) {
  const offset = useOfficeOffset();
  const [debouncedReceivedAt] = useDebouncedValue(receivedAt, 250);
  const input = useMemo(
    () => (procedureId ? { procedureId, receivedAt: debouncedReceivedAt } : null),
    [procedureId, debouncedReceivedAt],
  );
  const preview = useApiQuery('dossiers.previewDueDate', input);

  let body;
  if (!procedureId) {
    body = (
      <Text size="sm" c="dimmed">
        Chọn thủ tục để xem ngày hẹn trả.
      </Text>
    );
  } else if (preview.error) {
    body = (
      <Text size="sm" c="red">
        {errorMessage(preview.error)}
      </Text>
    );
  } else if (!preview.data) {
    body = <Loader size="xs" />;
  } else {
    const { dueDate, dueAt, deadline, countFrom } = preview.data;
    body = (
      <Stack gap={2}>
        <Text size="sm" fw={600} data-testid="due-preview" style={{ opacity: preview.isLoading ? 0.5 : 1 }}>
          Hẹn trả: {formatAppointment(dueDate, dueAt, offset)} — {formatDeadline(deadline)}
        </Text>
        <Text size="xs" c="dimmed">
          Tính từ ngày {formatDate(countFrom)}
        </Text>
      </Stack>
    );
  }

  return (
    <Paper withBorder p="sm" bg="indigo.0" aria-live="polite">
      <Text size="xs" tt="uppercase" c="indigo.8" fw={600} mb={4}>
        Ngày hẹn trả kết quả
      </Text>
      {body}
    </Paper>
  );
}
