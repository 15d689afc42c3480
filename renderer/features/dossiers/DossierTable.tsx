import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { errorMessage } from '../../api/client';
import { useAppContext } from '../../app/app-context';
import { formatCount, formatDate, formatInstant } from '../../lib/format';
import { DaysLeft, StatusBadge } from './dossier-display';
import { useDossierPages, type ListFilters } from './use-dossier-pages';
import classes from './DossierTable.module.css';

const ROW_HEIGHT = 40;
/** Start fetching the next page this many rows before the end, so scrolling never hits a blank. */
const PREFETCH_ROWS = 40;

const columns = [
  'Mã hồ sơ',
  'Thủ tục',
  'Người nộp',
  'Trạng thái',
  'Ngày nhận',
  'Hạn trả',
  'Còn lại',
] as const;

interface DossierTableProps {
  filters: ListFilters;
  hasFilters: boolean;
  onOpen(dossierId: number): void;
  onTotal(total: number | null): void;
}

export function DossierTable({ filters, hasFilters, onOpen, onTotal }: DossierTableProps) {
  const { settings } = useAppContext();
  const offset = settings.office.utcOffsetMinutes;
  const dueSoon = settings.office.dueSoonWorkingDays;
  const pages = useDossierPages(filters);
  const scrollRef = useRef<HTMLDivElement>(null);

  const hasMore = pages.nextCursor !== null;
  // The row after the last loaded one is a "loading" placeholder while more pages exist.
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is used only in this component
  const virtualizer = useVirtualizer({
    count: pages.items.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastVisibleIndex = virtualRows.length > 0 ? (virtualRows[virtualRows.length - 1]?.index ?? -1) : -1;

  const { loadMore } = pages;
  const itemCount = pages.items.length;
  useEffect(() => {
    if (hasMore && lastVisibleIndex >= itemCount - PREFETCH_ROWS) loadMore();
  }, [hasMore, lastVisibleIndex, itemCount, loadMore]);

  const { total } = pages;
  useEffect(() => {
    onTotal(total);
  }, [total, onTotal]);

  return (
    <div className={classes.frame} role="table" aria-label="Danh sách hồ sơ" aria-rowcount={total ?? -1}>
      <div ref={scrollRef} className={classes.scroll}>
        {/* Inside the scroller (sticky) so it follows horizontal scrolling on narrow windows. */}
        <div className={`${classes.row} ${classes.header}`} role="row">
          {columns.map((column) => (
            <div key={column} role="columnheader" className={classes.cell}>
              {column}
            </div>
          ))}
        </div>
        {pages.error != null && (
          <Alert color="red" m="sm" title="Không tải được danh sách hồ sơ">
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
              {hasFilters ? 'Không tìm thấy hồ sơ phù hợp.' : 'Chưa có hồ sơ nào.'}
            </Text>
          </Center>
        )}
        <div role="rowgroup" className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
          {virtualRows.map((virtualRow) => {
            const row = pages.items[virtualRow.index];
            const style = { height: ROW_HEIGHT, transform: `translateY(${virtualRow.start}px)` };
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
                key={row.id}
                className={`${classes.row} ${classes.virtual} ${classes.clickable}`}
                style={style}
                role="row"
                tabIndex={0}
                aria-rowindex={virtualRow.index + 2}
                data-testid="dossier-row"
                onClick={() => onOpen(row.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    onOpen(row.id);
                  }
                }}
              >
                <div role="cell" className={`${classes.cell} dossier-code`}>
                  {row.code}
                </div>
                <div role="cell" className={classes.cell} title={row.procedureName}>
                  {row.procedureCode ? `${row.procedureCode} · ` : ''}
                  {row.procedureName}
                </div>
                <div role="cell" className={classes.cell} title={row.applicantName}>
                  {row.applicantName}
                </div>
                <div role="cell" className={classes.cell}>
                  <StatusBadge status={row.status} />
                </div>
                <div role="cell" className={classes.cell}>
                  {formatInstant(row.receivedAt, offset)}
                </div>
                <div role="cell" className={classes.cell}>
                  {formatDate(row.dueDate)}
                </div>
                <div role="cell" className={classes.cell}>
                  <DaysLeft row={row} dueSoon={dueSoon} />
                </div>
              </div>
            );
          })}
        </div>
      </div>
      {pages.hasLoaded && total !== null && (
        <div className={classes.footer}>
          <Text size="xs" c="dimmed">
            Đã tải {formatCount(pages.items.length)} / {formatCount(total)} hồ sơ
          </Text>
        </div>
      )}
    </div>
  );
}
