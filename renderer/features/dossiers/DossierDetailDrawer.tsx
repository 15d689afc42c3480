import { useMemo, type ReactNode } from 'react';
import {
  Alert,
  Badge,
  Center,
  Divider,
  Drawer,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { DossierDetail } from '../../../shared/api/schemas/dossiers';
import { applicantKindLabels, channelLabels } from '../../../shared/domain/dossier-status';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useAppContext } from '../../app/app-context';
import { routeHref } from '../../app/routes';
import { ReceiptButtons } from '../../components/ReceiptButtons';
import { formatAppointment, formatDate, formatDeadline, formatInstant } from '../../lib/format';
import { DaysLeft, StatusBadge } from './dossier-display';

interface DossierDetailDrawerProps {
  dossierId: number | null;
  onClose(): void;
}

export function DossierDetailDrawer({ dossierId, onClose }: DossierDetailDrawerProps) {
  const input = useMemo(() => (dossierId === null ? null : { id: dossierId }), [dossierId]);
  const detail = useApiQuery('dossiers.get', input);

  let body: ReactNode;
  if (detail.error) {
    body = (
      <Alert color="red" title="Không mở được hồ sơ">
        {errorMessage(detail.error)}
      </Alert>
    );
  } else if (!detail.data || detail.isLoading) {
    body = (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  } else {
    body = <DossierDetailView dossier={detail.data} />;
  }

  return (
    <Drawer
      opened={dossierId !== null}
      onClose={onClose}
      position="right"
      size={680}
      title={<Text fw={600}>Chi tiết hồ sơ</Text>}
      aria-label="Chi tiết hồ sơ"
    >
      {body}
    </Drawer>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td w={180} c="dimmed" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Td>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function DossierDetailView({ dossier }: { dossier: DossierDetail }) {
  const { settings } = useAppContext();
  const offset = settings.office.utcOffsetMinutes;
  const { applicant } = dossier;

  return (
    <Stack gap="md" data-testid="dossier-detail">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="xs" c="dimmed">
            Mã hồ sơ
          </Text>
          <Title order={3} className="dossier-code" data-testid="detail-code">
            {dossier.code}
          </Title>
        </div>
        <Stack gap={4} align="flex-end">
          <StatusBadge status={dossier.status} />
          <DaysLeft row={dossier} dueSoon={settings.office.dueSoonWorkingDays} />
        </Stack>
      </Group>

      <ReceiptButtons dossierId={dossier.id} />

      <Table withRowBorders={false} verticalSpacing={3} fz="sm">
        <Table.Tbody>
          <Row label="Thủ tục">
            {dossier.procedureCode ? `${dossier.procedureCode} · ` : ''}
            {dossier.procedureName}
          </Row>
          <Row label="Thời điểm nhận">{formatInstant(dossier.receivedAt, offset)}</Row>
          <Row label="Hẹn trả kết quả">
            {dossier.dueDate ? formatAppointment(dossier.dueDate, dossier.dueAt, offset) : '—'}
          </Row>
          <Row label="Thời hạn giải quyết">
            {formatDeadline(dossier.deadline)}
            {dossier.countFrom ? `, tính từ ngày ${formatDate(dossier.countFrom)}` : ''}
          </Row>
          <Row label="Hình thức nộp">{channelLabels[dossier.channel]}</Row>
          <Row label="Nơi nhận kết quả">
            {dossier.returnMethod === 'desk' ? 'Tại bộ phận một cửa' : 'Gửi qua bưu điện'}
          </Row>
          <Row label="Số bộ hồ sơ">{dossier.setCount}</Row>
          <Row label="Người tiếp nhận">{dossier.receiverName}</Row>
          <Row label="Sổ theo dõi">Số thứ tự {dossier.registerEntryNo}</Row>
          {dossier.notes && <Row label="Ghi chú">{dossier.notes}</Row>}
        </Table.Tbody>
      </Table>

      <Divider label="Người nộp hồ sơ" labelPosition="left" />
      <Table withRowBorders={false} verticalSpacing={3} fz="sm">
        <Table.Tbody>
          <Row label={applicantKindLabels[applicant.kind]}>
            <Text fw={600} size="sm" data-testid="detail-applicant">
              {applicant.name}
            </Text>
          </Row>
          {applicant.idNumber && <Row label="Số giấy tờ">{applicant.idNumber}</Row>}
          {applicant.address && <Row label="Địa chỉ">{applicant.address}</Row>}
          {applicant.phone && <Row label="Điện thoại">{applicant.phone}</Row>}
          {applicant.email && <Row label="Email">{applicant.email}</Row>}
        </Table.Tbody>
      </Table>

      {dossier.possibleDuplicates.length > 0 && (
        <Alert color="yellow" title="Có thể trùng với hồ sơ khác">
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

      <Divider label="Thành phần hồ sơ" labelPosition="left" />
      {dossier.components.length === 0 ? (
        <Text size="sm" c="dimmed">
          Không có.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={3} striped="even">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Tên thành phần</Table.Th>
              <Table.Th w={70}>Số bản</Table.Th>
              <Table.Th w={90}>Loại</Table.Th>
              <Table.Th w={80}>Đã nộp</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dossier.components.map((c, index) => (
              <Table.Tr key={`${index}-${c.name}`}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.copies}</Table.Td>
                <Table.Td>{c.isOriginal ? 'Bản chính' : 'Bản sao'}</Table.Td>
                <Table.Td>
                  {c.isProvided ? (
                    <Badge color="green" size="xs">
                      Đã nộp
                    </Badge>
                  ) : (
                    <Badge color="gray" size="xs">
                      Chưa nộp
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Divider label="Theo dõi thời hạn" labelPosition="left" />
      {dossier.ledger.length === 0 ? (
        <Text size="sm" c="dimmed">
          Chưa có mốc thời hạn.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={2} data-testid="deadline-ledger">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>Ngày</Table.Th>
              <Table.Th>Diễn giải</Table.Th>
              <Table.Th w={90}>Ngày thứ</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dossier.ledger.map((entry, index) => (
              // Weekends and holidays are listed so the count can be checked by hand, but stay in the background.
              <Table.Tr
                key={`${entry.date}-${entry.kind}-${index}`}
                c={entry.kind === 'skipped' ? 'dimmed' : undefined}
              >
                <Table.Td>{formatDate(entry.date)}</Table.Td>
                <Table.Td>{entry.label}</Table.Td>
                <Table.Td>{entry.dayNumber ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
