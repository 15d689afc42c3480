import { useState } from 'react';
import {
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { DossierRow } from '../../../shared/api/schemas/dossiers';
import type { ScorecardIndicator } from '../../../shared/api/schemas/statistics';
import { formatDays, formatRate } from '../../../shared/domain/statistics';
import { api, errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { routeHref } from '../../app/routes';
import { StatusBadge } from '../dossiers/dossier-display';

interface ScorecardPanelProps {
  period: { from: string; to: string };
}

const UNIT_LABELS: Record<string, string> = { wd: 'ngày LV', cd: 'ngày', h: 'giờ' };

/** "Chỉ số 766": the QĐ 766/QĐ-TTg indicators for the period, each with its points rule and its misses. */
export function ScorecardPanel({ period }: ScorecardPanelProps) {
  const query = useApiQuery('stats.scorecard', { from: period.from, to: period.to });
  const [open, setOpen] = useState<ScorecardIndicator | null>(null);
  const card = query.data;
  return (
    <Paper withBorder p="sm" data-testid="scorecard-766">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Chỉ số 766</Title>
        <Text size="xs" c="dimmed">
          Bộ chỉ số theo Quyết định 766/QĐ-TTg — tính từ dữ liệu của cơ quan
        </Text>
      </Group>
      {!card && <Loader size="sm" />}
      {card && (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            {card.indicators.map((indicator) => (
              <Paper key={indicator.key} withBorder p="xs" data-testid={`indicator-${indicator.key}`}>
                <Text size="xs" c="dimmed" mih={32}>
                  {indicator.label}
                </Text>
                <Group gap="xs" align="baseline">
                  <Text size="xl" fw={700} data-testid="indicator-rate">
                    {formatRate(indicator.rate)}
                  </Text>
                  <Badge color={indicator.isFull ? 'green' : 'orange'} size="sm">
                    {indicator.isFull
                      ? 'đủ điểm'
                      : indicator.pointsShare === null
                        ? 'chưa có số liệu'
                        : `${formatRate(indicator.pointsShare)} số điểm`}
                  </Badge>
                </Group>
                <Text size="xs">
                  {indicator.met.toLocaleString('vi-VN')} / {indicator.total.toLocaleString('vi-VN')} hồ sơ ·{' '}
                  {indicator.rule}
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  disabled={indicator.missed === 0}
                  onClick={() => setOpen(indicator)}
                  data-testid="indicator-misses"
                >
                  {indicator.missed.toLocaleString('vi-VN')} hồ sơ chưa đạt
                </Button>
              </Paper>
            ))}
          </SimpleGrid>
          <Table fz="sm" withTableBorder data-testid="scorecard-procedures">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Thủ tục</Table.Th>
                <Table.Th>Đã giải quyết</Table.Th>
                <Table.Th>Thời gian TB</Table.Th>
                <Table.Th>Thời hạn</Table.Th>
                <Table.Th>Đúng hạn</Table.Th>
                <Table.Th>Kết quả điện tử</Table.Th>
                <Table.Th>Số hóa</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {card.byProcedure.map((p) => (
                <Table.Tr key={p.procedureId}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{p.resolved.toLocaleString('vi-VN')}</Table.Td>
                  <Table.Td>
                    {p.averageProcessingDays === null
                      ? '—'
                      : `${formatDays(p.averageProcessingDays)} ngày LV`}
                  </Table.Td>
                  <Table.Td>
                    {p.deadline ? `${p.deadline.amount} ${UNIT_LABELS[p.deadline.unit] ?? ''}` : '—'}
                  </Table.Td>
                  <Table.Td>{formatRate(p.onTimeRate)}</Table.Td>
                  <Table.Td>{formatRate(p.eResultRate)}</Table.Td>
                  <Table.Td>{formatRate(p.digitisedRate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      <MissesModal key={open?.key ?? 'none'} indicator={open} period={period} onClose={() => setOpen(null)} />
    </Paper>
  );
}

function MissesModal(props: {
  indicator: ScorecardIndicator | null;
  period: { from: string; to: string };
  onClose(): void;
}) {
  const indicator = props.indicator;
  const first = useApiQuery(
    'stats.scorecardDrilldown',
    indicator ? { from: props.period.from, to: props.period.to, indicator: indicator.key, limit: 100 } : null,
  );
  // Later pages, loaded on "Xem thêm"; the modal is mounted afresh per indicator (key in the parent).
  const [more, setMore] = useState<{ rows: DossierRow[]; cursor: { receivedMs: number; id: number } | null }>(
    {
      rows: [],
      cursor: null,
    },
  );
  const [error, setError] = useState<string | null>(null);
  const rows = [...(first.data?.items ?? []), ...more.rows];
  const cursor = more.rows.length > 0 ? more.cursor : (first.data?.nextCursor ?? null);

  const loadMore = async () => {
    if (!indicator || !cursor) return;
    try {
      const page = await api['stats.scorecardDrilldown']({
        from: props.period.from,
        to: props.period.to,
        indicator: indicator.key,
        limit: 100,
        cursor,
      });
      setMore((previous) => ({ rows: [...previous.rows, ...page.items], cursor: page.nextCursor }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal
      opened={indicator !== null}
      onClose={props.onClose}
      size="xl"
      title={indicator ? `Chưa đạt: ${indicator.label}` : ''}
    >
      {error && <Text c="red">{error}</Text>}
      <Table fz="sm" data-testid="scorecard-misses">
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>
                <a href={routeHref({ page: 'dossiers', dossierId: row.id })} className="dossier-code">
                  {row.code}
                </a>
              </Table.Td>
              <Table.Td>{row.applicantName}</Table.Td>
              <Table.Td>
                <StatusBadge status={row.status} />
              </Table.Td>
              <Table.Td>{row.scansMissing > 0 ? `thiếu ${row.scansMissing} bản quét` : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {cursor && (
        <Button variant="subtle" onClick={() => void loadMore()}>
          Xem thêm
        </Button>
      )}
    </Modal>
  );
}
