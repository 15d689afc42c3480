import { useEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { DrilldownRow } from '../../../shared/api/schemas/statistics';
import { COMPLETION_CLASS_LABELS } from '../../../shared/domain/deadline/on-time';
import { errorMessage } from '../../api/client';
import { useAppContext } from '../../app/app-context';
import { formatCount, formatDate, formatInstant } from '../../lib/format';
import { DaysLeft, StatusBadge } from '../dossiers/dossier-display';
import { useDrilldownPages, type DrilldownQuery } from './use-drilldown-pages';
import classes from './Drilldown.module.css';

const ROW_HEIGHT = 38;
const PREFETCH_ROWS = 40;

interface Column {
  title: string;
  width: string;
  render(row: DrilldownRow): ReactNode;
  /** Tooltip text for a cut-off cell. */
  tooltip?: (row: DrilldownRow) => string;
}

const classColors = { early: 'green.8', on_time: 'teal.8', late: 'red.8' } as const;

function dateOf(instant: string | null, offset: number): string {
  return instant ? formatInstant(instant, offset).slice(0, 10) : '—';
}

function columnsFor(isPauseList: boolean, offset: number, dueSoon: number): Column[] {
  const common: Column[] = [
    {
      title: 'Mã hồ sơ',
      width: '250px',
      render: (row) => <span className="dossier-code">{row.code}</span>,
    },
    {
      title: 'Thủ tục',
      width: 'minmax(180px, 1.6fr)',
      render: (row) => `${row.procedureCode ? `${row.procedureCode} · ` : ''}${row.procedureName}`,
      tooltip: (row) => row.procedureName,
    },
    {
      title: 'Người nộp',
      width: 'minmax(160px, 1.2fr)',
      render: (row) => row.applicantName,
      tooltip: (row) => row.applicantName,
    },
    { title: 'Trạng thái', width: '118px', render: (row) => <StatusBadge status={row.status} /> },
    { title: 'Ngày nhận', width: '124px', render: (row) => formatInstant(row.receivedAt, offset) },
    { title: 'Hạn trả', width: '90px', render: (row) => formatDate(row.dueDate) },
  ];
  if (isPauseList) {
    return [
      ...common,
      {
        title: 'Yêu cầu bổ sung',
        width: '104px',
        render: (row) => dateOf(row.pause?.requestedAt ?? null, offset),
      },
      {
        title: 'Nhận bổ sung',
        width: '96px',
        render: (row) => (row.pause?.resumedAt ? dateOf(row.pause.resumedAt, offset) : 'Đang chờ'),
      },
      { title: 'Số ngày chờ', width: '84px', render: (row) => formatCount(row.pause?.daysWaited ?? 0) },
      { title: 'Chuyên viên', width: '130px', render: (row) => row.assigneeName ?? 'Chưa phân công' },
    ];
  }
  return [
    ...common,
    { title: 'Hoàn thành', width: '88px', render: (row) => dateOf(row.completedAt, offset) },
    {
      title: 'Kết quả / còn lại',
      width: '124px',
      render: (row) =>
        row.completionClass ? (
          <Text size="sm" fw={600} c={classColors[row.completionClass]}>
            {COMPLETION_CLASS_LABELS[row.completionClass]}
          </Text>
        ) : (
          <DaysLeft row={row} dueSoon={dueSoon} />
        ),
    },
    {
      title: 'Chuyên viên',
      width: '130px',
      render: (row) => row.assigneeName ?? 'Chưa phân công',
      tooltip: (row) => row.assigneeName ?? '',
    },
  ];
}

interface DrilldownTableProps {
  query: DrilldownQuery;
  onOpen(dossierId: number): void;
  onTotal(total: number | null): void;
}

/** The dossiers behind one number, in the dossier list's virtualised style; a row opens the dossier. */
export function DrilldownTable({ query, onOpen, onTotal }: DrilldownTableProps) {
  const { settings } = useAppContext();
  const offset = settings.office.utcOffsetMinutes;
  const columns = columnsFor(query.cell === 'pauses', offset, settings.office.dueSoonWorkingDays);
  const template = columns.map((c) => c.width).join(' ');
  // The narrowest the grid can be: fixed widths plus the minimum of each minmax().
  const minWidth = columns.reduce((sum, c) => sum + Number(/(\d+)px/.exec(c.width)?.[1] ?? 0), 0);
  const pages = useDrilldownPages(query);
  const scrollRef = useRef<HTMLDivElement>(null);

  const hasMore = pages.nextCursor !== null;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is used only in this component
  const virtualizer = useVirtualizer({
    count: pages.items.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastVisibleIndex = virtualRows.length > 0 ? (virtualRows[virtualRows.length - 1]?.index ?? -1) : -1;

  const { loadMore, total } = pages;
  const itemCount = pages.items.length;
  useEffect(() => {
    if (hasMore && lastVisibleIndex >= itemCount - PREFETCH_ROWS) loadMore();
  }, [hasMore, lastVisibleIndex, itemCount, loadMore]);
  useEffect(() => {
    onTotal(total);
  }, [total, onTotal]);

  const rowStyle = { gridTemplateColumns: template, minWidth };
  return (
    <div
      className={classes.frame}
      role="table"
      aria-label="Danh sách hồ sơ theo chỉ tiêu"
      aria-rowcount={total ?? -1}
    >
      <div ref={scrollRef} className={classes.scroll}>
        <div className={`${classes.row} ${classes.header}`} style={rowStyle} role="row">
          {columns.map((column) => (
            <div key={column.title} role="columnheader" className={classes.cell}>
              {column.title}
            </div>
          ))}
        </div>
        {pages.error != null && (
          <Alert color="red" m="sm" title="Không tải được danh sách">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{errorMessage(pages.error)}</Text>
              <Button size="xs" variant="light" color="red" onClick={pages.retry}>
                Thử lại
              </Button>
            </Stack>
          </Alert>
        )}
        {!pages.hasLoaded && (
          <Center p="xl">
            <Loader size="sm" />
          </Center>
        )}
        {pages.hasLoaded && pages.items.length === 0 && pages.error == null && (
          <Center p="xl">
            <Text c="dimmed" size="sm">
              Không có hồ sơ nào.
            </Text>
          </Center>
        )}
        <div
          role="rowgroup"
          className={classes.body}
          style={{ height: virtualizer.getTotalSize(), minWidth }}
        >
          {virtualRows.map((virtualRow) => {
            const row = pages.items[virtualRow.index];
            const style = { ...rowStyle, height: ROW_HEIGHT, transform: `translateY(${virtualRow.start}px)` };
            if (!row) {
              return (
                <div key="loading" className={`${classes.row} ${classes.virtual}`} style={style} role="row">
                  <div role="cell" className={classes.cell}>
                    <Text size="sm" c="dimmed">
                      Đang tải thêm…
                    </Text>
                  </div>
                </div>
              );
            }
            return (
              <div
                key={`${row.id}-${row.pause?.requestedAt ?? ''}`}
                className={`${classes.row} ${classes.virtual} ${classes.clickable}`}
                style={style}
                role="row"
                tabIndex={0}
                aria-rowindex={virtualRow.index + 2}
                data-testid="drilldown-row"
                onClick={() => onOpen(row.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    onOpen(row.id);
                  }
                }}
              >
                {columns.map((column) => (
                  <div key={column.title} role="cell" className={classes.cell} title={column.tooltip?.(row)}>
                    {column.render(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
      {pages.hasLoaded && total !== null && (
        <div className={classes.footer}>
          <Text size="xs" c="dimmed">
            Đã tải {formatCount(pages.items.length)} / {formatCount(total)} dòng
          </Text>
        </div>
      )}
    </div>
  );
}
