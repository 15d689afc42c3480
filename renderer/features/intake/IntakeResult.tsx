import { useEffect, useRef } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { DossierDetail } from '../../../shared/api/schemas/dossiers';
import { dossierStatusLabels } from '../../../shared/domain/dossier-status';
import { useOfficeOffset } from '../../app/app-context';
import { routeHref } from '../../app/routes';
import { ReceiptButtons } from '../../components/ReceiptButtons';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { formatAppointment, formatDate, formatDeadline, formatInstant } from '../../lib/format';

interface IntakeResultProps {
  dossier: DossierDetail;
  onNext(): void;
}

export function IntakeResult({ dossier, onNext }: IntakeResultProps) {
  const offset = useOfficeOffset();
  const printRef = useRef<HTMLButtonElement>(null);

  // Keyboard flow continues: Enter prints the receipt, Tab reaches "Tiếp nhận hồ sơ khác".
  useEffect(() => {
    printRef.current?.focus();
  }, []);

  return (
    <Paper withBorder p="lg" maw={880} data-testid="intake-result">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text size="sm" c="green.8" fw={600}>
              Đã tiếp nhận hồ sơ
            </Text>
            <Title order={2} className="dossier-code" data-testid="dossier-code">
              {dossier.code}
            </Title>
          </div>
          <Badge color="blue" size="lg">
            {dossierStatusLabels[dossier.status]}
          </Badge>
        </Group>

        <Paper bg="indigo.0" p="sm">
          <Text size="xs" tt="uppercase" c="indigo.8" fw={600}>
            Hẹn trả kết quả
          </Text>
          <Text size="lg" fw={600}>
            {dossier.dueDate ? formatAppointment(dossier.dueDate, dossier.dueAt, offset) : 'Chưa xác định'}
          </Text>
          {dossier.dueDate && (
            <Text size="xs" c="dimmed">
              Ngày hẹn: <span data-testid="due-date">{formatDate(dossier.dueDate)}</span> · Thời hạn{' '}
              {formatDeadline(dossier.deadline)}
            </Text>
          )}
        </Paper>

        <Table withRowBorders={false} verticalSpacing={2} fz="sm">
          <Table.Tbody>
            <Table.Tr>
              <Table.Td w={180} c="dimmed">
                Người nộp
              </Table.Td>
              <Table.Td>{dossier.applicant.name}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td c="dimmed">Thủ tục</Table.Td>
              <Table.Td>{dossier.procedureName}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td c="dimmed">Thời điểm nhận</Table.Td>
              <Table.Td>{formatInstant(dossier.receivedAt, offset)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>

        {dossier.possibleDuplicates.length > 0 && (
          <Alert color="yellow" title="Có thể trùng với hồ sơ đã nhận">
            {dossier.possibleDuplicates.map((d) => (
              <div key={d.id}>
                <a href={routeHref({ page: 'dossiers', dossierId: d.id })} className="dossier-code">
                  {d.code}
                </a>{' '}
                — {d.applicantName}
              </div>
            ))}
          </Alert>
        )}

        <Stack gap={4}>
          <Text size="sm" fw={600}>
            Đính kèm bản quét các thành phần hồ sơ
          </Text>
          <AttachmentsPanel dossierId={dossier.id} />
        </Stack>

        <Group justify="space-between">
          <ReceiptButtons dossierId={dossier.id} firstButtonRef={printRef} />
          <Group gap="xs">
            <Button
              variant="default"
              component="a"
              href={routeHref({ page: 'dossiers', dossierId: dossier.id })}
            >
              Mở hồ sơ
            </Button>
            <Button variant="light" onClick={onNext}>
              Tiếp nhận hồ sơ khác
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
