import { Paper, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatCell } from '../../../shared/domain/statistics';
import type { OpenDrilldown } from './drilldown';
import { cellSpec, CLASS_COLORS, cssColor } from './figures';
import type { BreakdownRow } from './BreakdownTable';

const series: Array<{ key: keyof typeof CLASS_COLORS; cell: StatCell; name: string }> = [
  { key: 'early', cell: 'resolved.early', name: 'Giải quyết trước hạn' },
  { key: 'onTime', cell: 'resolved.onTime', name: 'Giải quyết đúng hạn' },
  { key: 'late', cell: 'resolved.late', name: 'Giải quyết quá hạn' },
  { key: 'inTime', cell: 'pending.inTime', name: 'Đang giải quyết trong hạn' },
  { key: 'overdue', cell: 'pending.overdue', name: 'Đang giải quyết quá hạn' },
];

interface OutcomeChartProps {
  title: string;
  rows: BreakdownRow[];
  onOpen: OpenDrilldown;
  /** Short names for the axis (the full name is in the tooltip). */
  shortName(row: BreakdownRow): string;
}

/**
 * Resolved and pending dossiers of each row as one stacked bar; clicking a segment opens its list, as the
 * numbers in the table do.
 */
export function OutcomeChart({ title, rows, onOpen, shortName }: OutcomeChartProps) {
  const data = rows.map((row) => ({
    name: shortName(row),
    early: row.figures.resolved.early,
    onTime: row.figures.resolved.onTime,
    late: row.figures.resolved.late,
    inTime: row.figures.pending.inTime,
    overdue: row.figures.pending.overdue,
  }));
  const height = Math.max(120, 44 + rows.length * 30);
  return (
    <Paper withBorder p="sm">
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <div style={{ width: '100%', height }} role="img" aria-label={title}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            layout="vertical"
            margin={{ top: 0, right: 12, bottom: 0, left: 0 }}
            barSize={16}
          >
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 11 }} interval={0} />
            <Tooltip cursor={{ fill: 'var(--mantine-color-gray-1)' }} wrapperStyle={{ fontSize: 12 }} />
            <Legend
              wrapperStyle={{ fontSize: 11 }}
              iconSize={9}
              itemSorter={(item) => series.findIndex((s) => s.key === item.dataKey)}
            />
            {series.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stackId="outcome"
                fill={cssColor(CLASS_COLORS[s.key])}
                isAnimationActive={false}
                cursor="pointer"
                onClick={(_data: unknown, index: number) => {
                  const row = rows[index];
                  if (row) onOpen(cellSpec(row.figures, s.cell, row.scope));
                }}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Paper>
  );
}
