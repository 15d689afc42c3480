import type { ReactNode } from 'react';
import { Table, Text } from '@mantine/core';
import type { DashboardOutput, Figures } from '../../../shared/api/schemas/statistics';
import { formatDays, formatRate, type StatCell } from '../../../shared/domain/statistics';
import type { DrilldownSpec, OpenDrilldown } from './drilldown';
import { cellSpec, type FigureScope } from './figures';
import { StatNumber } from './StatNumber';
import classes from './Statistics.module.css';

type Pauses = DashboardOutput['byAppraiser'][number]['pauses'];

export interface BreakdownRow {
  key: string;
  name: ReactNode;
  figures: Figures;
  scope: FigureScope;
  pauses?: Pauses;
  kind?: 'total' | 'sector';
}

const groups: Array<{ title: string; cells: Array<{ cell: StatCell; label: string }> }> = [
  {
    title: 'Nhận giải quyết',
    cells: [
      { cell: 'received.total', label: 'Tổng số' },
      { cell: 'received.online', label: 'Trực tuyến' },
      { cell: 'received.other', label: 'Trực tiếp, bưu chính' },
      { cell: 'received.carriedOver', label: 'Kỳ trước chuyển qua' },
    ],
  },
  {
    title: 'Đã giải quyết',
    cells: [
      { cell: 'resolved.total', label: 'Tổng số' },
      { cell: 'resolved.early', label: 'Trước hạn' },
      { cell: 'resolved.onTime', label: 'Đúng hạn' },
      { cell: 'resolved.late', label: 'Quá hạn' },
    ],
  },
  {
    title: 'Đang giải quyết',
    cells: [
      { cell: 'pending.total', label: 'Tổng số' },
      { cell: 'pending.inTime', label: 'Trong hạn' },
      { cell: 'pending.overdue', label: 'Quá hạn' },
    ],
  },
];

interface BreakdownTableProps {
  /** Header of the first column: "Lĩnh vực", "Thủ tục", "Chuyên viên". */
  nameHeader: string;
  rows: BreakdownRow[];
  onOpen: OpenDrilldown;
  hasPauses?: boolean;
  testId: string;
}

/** Figures by sector, procedure or appraiser; every cell opens the dossiers behind it. */
export function BreakdownTable({ nameHeader, rows, onOpen, hasPauses = false, testId }: BreakdownTableProps) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table
        className={classes.grid}
        withTableBorder
        withColumnBorders
        verticalSpacing={3}
        horizontalSpacing={6}
        striped="even"
        highlightOnHover
        data-testid={testId}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th rowSpan={2} style={{ textAlign: 'left' }}>
              {nameHeader}
            </Table.Th>
            {groups.map((group) => (
              <Table.Th key={group.title} colSpan={group.cells.length}>
                {group.title}
              </Table.Th>
            ))}
            <Table.Th rowSpan={2} w={78}>
              Tỷ lệ đúng, trước hạn
            </Table.Th>
            <Table.Th rowSpan={2} w={70}>
              TB ngày làm việc
            </Table.Th>
            {hasPauses && <Table.Th colSpan={2}>Yêu cầu bổ sung</Table.Th>}
          </Table.Tr>
          <Table.Tr>
            {groups.flatMap((group) =>
              group.cells.map((c) => (
                <Table.Th key={c.cell} w={c.label === 'Tổng số' ? 58 : 70}>
                  {c.label}
                </Table.Th>
              )),
            )}
            {hasPauses && (
              <>
                <Table.Th w={56}>Số lần</Table.Th>
                <Table.Th w={64}>Ngày chờ</Table.Th>
              </>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const resolved: DrilldownSpec = cellSpec(row.figures, 'resolved.total', row.scope);
            return (
              <Table.Tr
                key={row.key}
                className={
                  row.kind === 'total'
                    ? classes.totalRow
                    : row.kind === 'sector'
                      ? classes.sectorRow
                      : undefined
                }
                data-testid="breakdown-row"
              >
                <Table.Td className={classes.name}>{row.name}</Table.Td>
                {groups.flatMap((group) =>
                  group.cells.map((c) => (
                    <Table.Td key={c.cell} className={classes.num}>
                      <StatNumber spec={cellSpec(row.figures, c.cell, row.scope)} onOpen={onOpen} />
                    </Table.Td>
                  )),
                )}
                <Table.Td className={classes.num}>
                  <StatNumber
                    spec={{ ...resolved, title: 'Hồ sơ đã giải quyết (cơ sở tính tỷ lệ)' }}
                    onOpen={onOpen}
                    display={formatRate(row.figures.rate)}
                  />
                </Table.Td>
                <Table.Td className={classes.num}>
                  <StatNumber
                    spec={{ ...resolved, title: 'Hồ sơ đã giải quyết (cơ sở tính thời gian trung bình)' }}
                    onOpen={onOpen}
                    display={formatDays(row.figures.averageProcessingDays)}
                  />
                </Table.Td>
                {hasPauses && row.pauses && (
                  <>
                    <Table.Td className={classes.num}>
                      <StatNumber spec={pauseSpec(row)} onOpen={onOpen} />
                    </Table.Td>
                    <Table.Td className={classes.num}>
                      <StatNumber
                        spec={pauseSpec(row)}
                        onOpen={onOpen}
                        display={String(row.pauses.daysWaited)}
                      />
                    </Table.Td>
                  </>
                )}
                {hasPauses && !row.pauses && (
                  <>
                    <Table.Td />
                    <Table.Td />
                  </>
                )}
              </Table.Tr>
            );
          })}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={14 + (hasPauses ? 2 : 0)}>
                <Text size="sm" c="dimmed" ta="center">
                  Không có số liệu trong kỳ.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function pauseSpec(row: BreakdownRow): DrilldownSpec {
  return {
    cell: 'pauses',
    title: 'Yêu cầu bổ sung, hoàn thiện hồ sơ (tạm dừng)',
    scopeLabel: row.scope.scopeLabel,
    expected: row.pauses?.count ?? 0,
    ...(row.scope.appraiserId !== undefined ? { appraiserId: row.scope.appraiserId } : {}),
  };
}
