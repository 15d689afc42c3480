import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { contract, type MethodInput, type ParsedInput } from '../../../shared/api/contract';
import type { CalendarEditInput } from '../../../shared/api/schemas/calendar';
import { api, errorMessage, isApiError } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useJobProgress } from '../../api/use-job-progress';
import { JobProgress } from '../../components/JobProgress';
import { notifySuccess } from '../../components/notify';
import { applyServerFieldErrors, fieldError } from '../../lib/form-errors';
import { formatCount, formatDate } from '../../lib/format';

export interface PendingChange {
  /** What is about to change, in words ("Thêm ngày nghỉ 01/12/2026: Nghỉ đột xuất"). */
  title: string;
  edits: CalendarEditInput[];
  /** Prefills "Văn bản căn cứ" (the document an added day rests on). */
  legalDocument?: string | null;
}

type ApplyValues = MethodInput<'calendar.applyEdits'>;

interface PreviewChangeModalProps {
  change: PendingChange;
  onClose(): void;
  onApplied(): void;
}

/**
 * Every calendar change goes through here (issue 3 §3): the open dossiers whose due date would move, old →
 * new, then the reason and legal document, then apply — with one audit entry per moved dossier.
 */
export function PreviewChangeModal({ change, onClose, onApplied }: PreviewChangeModalProps) {
  const previewInput = useMemo(() => ({ edits: change.edits }), [change.edits]);
  const preview = useApiQuery('calendar.previewEdits', previewInput);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ApplyValues, unknown, ParsedInput<'calendar.applyEdits'>>({
    resolver: zodResolver(contract['calendar.applyEdits'].input),
    defaultValues: { edits: change.edits, reason: '', legalDocument: change.legalDocument ?? '' },
  });

  const [startedAt, setStartedAt] = useState(0);
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const { movedCount } = await api['calendar.applyEdits'](values);
      notifySuccess(
        'Đã cập nhật lịch làm việc',
        movedCount === 0
          ? 'Không hồ sơ nào đổi ngày hẹn trả.'
          : `${formatCount(movedCount)} hồ sơ đã đổi ngày hẹn trả.`,
      );
      onApplied();
    } catch (error) {
      if (isApiError(error) && error.code === 'VALIDATION_FAILED') {
        const orphans = applyServerFieldErrors(
          error,
          setError,
          (p) => p === 'reason' || p === 'legalDocument',
        );
        if (orphans.length > 0 || Object.keys(error.fieldErrors).length === 0)
          setFormError([error.message, ...orphans].join(' '));
      } else {
        setFormError(errorMessage(error));
      }
    }
  });

  const progress = useJobProgress('calendar', isSubmitting);

  const previewError = preview.error;
  const data = preview.data;
  let body;
  if (previewError) {
    const details = isApiError(previewError) ? Object.values(previewError.fieldErrors) : [];
    body = (
      <Alert color="red" title="Không thể thực hiện thay đổi này" data-testid="preview-error">
        {errorMessage(previewError)}
        {details.map((d) => (
          <div key={d}>{d}</div>
        ))}
      </Alert>
    );
  } else if (!data) {
    body = (
      <Center p="md">
        <Loader size="sm" />
      </Center>
    );
  } else if (data.movedCount === 0) {
    body = (
      <Alert color="gray" data-testid="preview-summary">
        Không hồ sơ nào đổi ngày hẹn trả ({formatCount(data.openCount)} hồ sơ đang giải quyết đã được kiểm
        tra).
      </Alert>
    );
  } else {
    body = (
      <Stack gap={6}>
        <Text size="sm" data-testid="preview-summary">
          <b>{formatCount(data.movedCount)}</b> trong {formatCount(data.openCount)} hồ sơ đang giải quyết sẽ
          đổi ngày hẹn trả:
        </Text>
        <ScrollArea.Autosize mah={300} type="auto">
          <Table fz="sm" verticalSpacing={3} striped="even" stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={240}>Mã hồ sơ</Table.Th>
                <Table.Th>Người nộp</Table.Th>
                <Table.Th w={210}>Hẹn trả cũ → mới</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.moved.map((m) => (
                <Table.Tr key={m.id} data-testid="moved-row">
                  <Table.Td className="dossier-code">{m.code}</Table.Td>
                  <Table.Td>{m.applicantName}</Table.Td>
                  <Table.Td>
                    <Text span size="sm" c="dimmed" td="line-through">
                      {formatDate(m.oldDueDate)}
                    </Text>{' '}
                    →{' '}
                    <Text span size="sm" fw={600} c={m.newDueDate > m.oldDueDate ? 'teal.8' : 'red.8'}>
                      {formatDate(m.newDueDate)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        {data.moved.length < data.movedCount && (
          <Text size="xs" c="dimmed">
            Hiển thị {formatCount(data.moved.length)} hồ sơ đầu tiên; tất cả {formatCount(data.movedCount)} hồ
            sơ sẽ được cập nhật và ghi nhật ký.
          </Text>
        )}
      </Stack>
    );
  }

  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>Xem trước thay đổi lịch làm việc</Text>} size="xl">
      <form
        onSubmit={(event) => {
          setStartedAt(Date.now());
          void onSubmit(event);
        }}
        noValidate
        aria-label="Xem trước thay đổi lịch làm việc"
      >
        <Stack gap="sm">
          <Text size="sm" fw={600} data-testid="change-title">
            {change.title}
          </Text>
          {body}
          {formError && <Alert color="red">{formError}</Alert>}
          <Group grow align="flex-start">
            <TextInput
              label="Lý do thay đổi"
              withAsterisk
              autoComplete="off"
              data-autofocus
              {...register('reason')}
              error={fieldError(errors, 'reason')}
            />
            <TextInput
              label="Văn bản căn cứ"
              placeholder="Ví dụ: Thông báo 9441/TB-BNV"
              autoComplete="off"
              {...register('legalDocument')}
              error={fieldError(errors, 'legalDocument')}
            />
          </Group>
          <Text size="xs" c="dimmed">
            Mỗi hồ sơ đổi ngày hẹn trả được ghi vào nhật ký kèm lý do này. Nên báo lại cho người nộp hồ sơ nếu
            ngày hẹn thay đổi.
          </Text>
          {isSubmitting && startedAt !== 0 && (
            <JobProgress label="Đang tính lại ngày hẹn trả" startedAt={startedAt} progress={progress} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Hủy
            </Button>
            <Button
              type="submit"
              loading={isSubmitting}
              disabled={isSubmitting || !data || previewError != null}
            >
              Áp dụng thay đổi
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
