import type { ReactNode } from 'react';
import { Group, Paper, Table, Text } from '@mantine/core';
import type { DashboardOutput } from '../../../shared/api/schemas/statistics';
import { useAppContext } from '../../app/app-context';
import { navigate } from '../../app/routes';
import { formatDate } from '../../lib/format';
import { DaysLeft } from '../dossiers/dossier-display';
import type { DrilldownSpec, OpenDrilldown } from './drilldown';
import { StatNumber } from './StatNumber';

type AlertListData = DashboardOutput['alerts']['dueSoon'];

interface AlertListProps {
  title: string;
  description: ReactNode;
  list: AlertListData;
  spec: DrilldownSpec;
  onOpen: OpenDrilldown;
  testId: string;
  color: string;
  controls?: ReactNode;
}

/** "Sắp đến hạn" / "Quá hạn" today: the first rows, and the count that opens the whole list. */
export function AlertList({
  title,
  description,
  list,
  spec,
  onOpen,
  testId,
  color,
  controls,
}: AlertListProps) {
  const { settings } = useAppContext();
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Group justify="space-between" align="flex-start" gap="xs" mb={4} wrap="nowrap">
        <div>
          <Group gap={6} align="baseline">
            <Text fw={600} size="sm" c={color}>
              {title}:
            </Text>
            <StatNumber spec={spec} onOpen={onOpen} size="lg" />
            <Text size="sm">hồ sơ</Text>
          </Group>
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        </div>
        {controls}
      </Group>
      <Table fz="sm" verticalSpacing={3} horizontalSpacing={6} highlightOnHover layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={222}>Mã hồ sơ</Table.Th>
            <Table.Th>Người nộp</Table.Th>
            <Table.Th w={84}>Hạn trả</Table.Th>
            <Table.Th w={124}>Còn lại</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.items.map((row) => (
            <Table.Tr
              key={row.id}
              style={{ cursor: 'pointer' }}
              tabIndex={0}
              onClick={() => navigate({ page: 'dossiers', dossierId: row.id })}
              onKeyDown={(event) => {
                if (event.key === 'Enter') navigate({ page: 'dossiers', dossierId: row.id });
              }}
              data-testid="alert-row"
            >
              <Table.Td className="dossier-code" style={{ whiteSpace: 'nowrap' }}>
                {row.code}
              </Table.Td>
              <Table.Td
                style={{ maxWidth: 240, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                title={row.applicantName}
              >
                {row.applicantName}
              </Table.Td>
              <Table.Td>{formatDate(row.dueDate)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DaysLeft row={row} dueSoon={settings.office.dueSoonWorkingDays} />
              </Table.Td>
            </Table.Tr>
          ))}
          {list.items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Text size="sm" c="dimmed" ta="center">
                  Không có hồ sơ nào.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {list.total > list.items.length && (
        <Text size="xs" c="dimmed" mt={4}>
          Đang hiện {list.items.length} / {list.total} hồ sơ — bấm vào số {list.total} để xem tất cả.
        </Text>
      )}
    </Paper>
  );
}
