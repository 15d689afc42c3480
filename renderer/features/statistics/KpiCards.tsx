import type { ReactNode } from 'react';
import { Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Figures } from '../../../shared/api/schemas/statistics';
import { formatDays, formatRate } from '../../../shared/domain/statistics';
import type { OpenDrilldown } from './drilldown';
import { cellSpec, CLASS_COLORS, cssColor, OFFICE } from './figures';
import { StatNumber } from './StatNumber';
import classes from './Statistics.module.css';

function Card({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Stack gap={4}>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          {title}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

function Line({ label, color, children }: { label: string; color?: string; children: ReactNode }) {
  return (
    <div className={classes.kpiLine}>
      <span>
        {color && <span className={classes.dot} style={{ background: cssColor(color) }} />}
        {label}
      </span>
      {children}
    </div>
  );
}

/** Received, resolved, pending and the on-time rate for the period; every figure opens its list. */
export function KpiCards({ figures, onOpen }: { figures: Figures; onOpen: OpenDrilldown }) {
  const spec = (cell: Parameters<typeof cellSpec>[1]) => cellSpec(figures, cell, OFFICE);
  const rate = figures.rate;
  return (
    <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm">
      <Card title="Hồ sơ nhận giải quyết" testId="kpi-received">
        <StatNumber spec={spec('received.total')} onOpen={onOpen} size="xxl" />
        <Line label="Trực tuyến trong kỳ">
          <StatNumber spec={spec('received.online')} onOpen={onOpen} />
        </Line>
        <Line label="Trực tiếp, bưu chính trong kỳ">
          <StatNumber spec={spec('received.other')} onOpen={onOpen} />
        </Line>
        <Line label="Từ kỳ trước chuyển qua">
          <StatNumber spec={spec('received.carriedOver')} onOpen={onOpen} />
        </Line>
      </Card>
      <Card title="Đã giải quyết" testId="kpi-resolved">
        <StatNumber spec={spec('resolved.total')} onOpen={onOpen} size="xxl" />
        <Line label="Trước hạn" color={CLASS_COLORS.early}>
          <StatNumber spec={spec('resolved.early')} onOpen={onOpen} />
        </Line>
        <Line label="Đúng hạn" color={CLASS_COLORS.onTime}>
          <StatNumber spec={spec('resolved.onTime')} onOpen={onOpen} />
        </Line>
        <Line label="Quá hạn" color={CLASS_COLORS.late}>
          <StatNumber spec={spec('resolved.late')} onOpen={onOpen} />
        </Line>
      </Card>
      <Card title="Đang giải quyết (cuối kỳ)" testId="kpi-pending">
        <StatNumber spec={spec('pending.total')} onOpen={onOpen} size="xxl" />
        <Line label="Trong hạn" color={CLASS_COLORS.inTime}>
          <StatNumber spec={spec('pending.inTime')} onOpen={onOpen} />
        </Line>
        <Line label="Quá hạn" color={CLASS_COLORS.overdue}>
          <StatNumber spec={spec('pending.overdue')} onOpen={onOpen} color="red.8" />
        </Line>
      </Card>
      <Card title="Tỷ lệ giải quyết đúng và trước hạn" testId="kpi-rate">
        <StatNumber
          spec={{ ...spec('resolved.total'), title: 'Hồ sơ đã giải quyết (cơ sở tính tỷ lệ)' }}
          onOpen={onOpen}
          size="xxl"
          display={formatRate(rate)}
        />
        <Progress.Root size="sm" aria-hidden>
          <Progress.Section
            value={rate === null ? 0 : (figures.resolved.early / Math.max(1, figures.resolved.total)) * 100}
            color={CLASS_COLORS.early}
          />
          <Progress.Section
            value={rate === null ? 0 : (figures.resolved.onTime / Math.max(1, figures.resolved.total)) * 100}
            color={CLASS_COLORS.onTime}
          />
          <Progress.Section
            value={rate === null ? 0 : (figures.resolved.late / Math.max(1, figures.resolved.total)) * 100}
            color={CLASS_COLORS.late}
          />
        </Progress.Root>
        <Text size="xs" c="dimmed">
          {rate === null
            ? 'Chưa có hồ sơ nào được giải quyết trong kỳ.'
            : '(Trước hạn + đúng hạn) / đã giải quyết'}
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          Thời gian giải quyết trung bình
        </Text>
        <Group gap={6} align="baseline">
          <StatNumber
            spec={{
              ...spec('resolved.total'),
              title: 'Hồ sơ đã giải quyết (cơ sở tính thời gian trung bình)',
            }}
            onOpen={onOpen}
            size="lg"
            display={formatDays(figures.averageProcessingDays)}
          />
          <Text span size="sm">
            ngày làm việc
          </Text>
        </Group>
      </Card>
    </SimpleGrid>
  );
}
