import { useCallback, useMemo, useState } from 'react';
import { Alert, Group, Modal, Stack, Text } from '@mantine/core';
import { navigate } from '../../app/routes';
import { formatCount } from '../../lib/format';
import type { DrilldownSpec } from './drilldown';
import { DrilldownTable } from './DrilldownTable';
import type { DrilldownQuery } from './use-drilldown-pages';

interface DrilldownModalProps {
  spec: DrilldownSpec | null;
  period: { from: string; to: string; range: string };
  onClose(): void;
}

/** The list behind a clicked number; its total is the number itself (the backend counts both the same way). */
export function DrilldownModal({ spec, period, onClose }: DrilldownModalProps) {
  const [total, setTotal] = useState<number | null>(null);
  const query = useMemo<DrilldownQuery | null>(
    () =>
      spec && {
        from: period.from,
        to: period.to,
        cell: spec.cell,
        ...(spec.sector ? { sector: spec.sector } : {}),
        ...(spec.procedureId ? { procedureId: spec.procedureId } : {}),
        ...(spec.appraiserId !== undefined ? { appraiserId: spec.appraiserId } : {}),
        ...(spec.dueSoonWorkingDays !== undefined ? { dueSoonWorkingDays: spec.dueSoonWorkingDays } : {}),
      },
    [spec, period.from, period.to],
  );
  const onTotal = useCallback((value: number | null) => setTotal(value), []);
  const isAlert = spec?.cell.startsWith('alerts.') ?? false;

  return (
    <Modal
      opened={spec !== null}
      onClose={onClose}
      size="min(1320px, 96vw)"
      title={
        <Text fw={600} component="span">
          {spec?.title}
          {spec?.scopeLabel ? ` — ${spec.scopeLabel}` : ''}
        </Text>
      }
    >
      {spec && query && (
        <Stack gap="xs" data-testid="drilldown">
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              {isAlert ? 'Tính đến hôm nay' : period.range}
            </Text>
            <Text size="sm" aria-live="polite">
              Tổng số:{' '}
              <Text span fw={700} data-testid="drilldown-total">
                {total === null ? '…' : formatCount(total)}
              </Text>{' '}
              {spec.cell === 'pauses' ? 'lần yêu cầu bổ sung' : 'hồ sơ'}
            </Text>
          </Group>
          {total !== null && total !== spec.expected && (
            <Alert color="yellow" p="xs">
              Số liệu vừa thay đổi: bảng thống kê ghi {formatCount(spec.expected)}, danh sách hiện có{' '}
              {formatCount(total)}. Hãy tải lại bảng thống kê.
            </Alert>
          )}
          <DrilldownTable
            key={JSON.stringify(query)}
            query={query}
            onTotal={onTotal}
            onOpen={(id) => navigate({ page: 'dossiers', dossierId: id })}
          />
          <Text size="xs" c="dimmed">
            Bấm vào một dòng để mở hồ sơ; quay lại (Alt+←) để trở về danh sách này.
          </Text>
        </Stack>
      )}
    </Modal>
  );
}
