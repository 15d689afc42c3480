import { useEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { errorMessage } from '../../api/client';
import { formatCount } from '../../lib/format';
import type { KeysetPages } from '../../lib/use-keyset-pages';
import classes from './DossierRowsTable.module.css';

/** Start fetching the next page this many rows before the end, so scrolling never hits a blank. */
const PREFETCH_ROWS = 40;

export interface RowColumn<Row> {
  title: string;
  /** A grid track: `120px` or `minmax(180px, 1.6fr)`. */
  width: string;
  render(row: Row): ReactNode;
  /** Tooltip text for a cut-off cell. */
  tooltip?: (row: Row) => string;
  /** Extra class on the cell. */
  className?: string;
}

interface DossierRowsTableProps<Row extends { id: number }> {
  pages: KeysetPages<Row>;
  columns: readonly RowColumn<Row>[];
  /** The narrowest the grid can be; by default the fixed widths plus the minimum of each minmax(). */
  minWidth?: number;
  rowHeight: number;
  /** `fill` grows into its flex parent (a page); `modal` keeps a set height inside a dialog. */
  layout: 'fill' | 'modal';
  label: string;
  errorTitle: string;
  emptyText: string;
  /** What the footer counts: "Đã tải 200 / 1.000 {countUnit}". */
  countUnit: string;
  rowTestId: string;
  rowKey?: (row: Row) => string | number;
  onOpen(dossierId: number): void;
  onTotal(total: number | null): void;
}

/** A virtualised, keyset-paged list of dossier rows; a row (click, Enter or Space) opens its dossier. */
export function DossierRowsTable<Row extends { id: number }>({
  pages,
  columns,
  minWidth = columns.reduce((sum, c) => sum + Number(/(\d+)px/.exec(c.width)?.[1] ?? 0), 0),
  rowHeight,
  layout,
  label,
  errorTitle,
  emptyText,
  countUnit,
  rowTestId,
  rowKey = (row) => row.id,
  onOpen,
  onTotal,
}: DossierRowsTableProps<Row>) {
  const scrollRef = useRef<HTMLDivElement>(null);

  const hasMore = pages.nextCursor !== null;
  // The row after the last loaded one is a "loading" placeholder while more pages exist.
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is used only in this component
  const virtualizer = useVirtualizer({
    count: pages.items.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
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

  const rowStyle = { gridTemplateColumns: columns.map((c) => c.width).join(' '), minWidth };
  return (
    <div
      className={`${classes.frame} ${classes[layout]}`}
      role="table"
      aria-label={label}
      aria-rowcount={total ?? -1}
    >
      <div ref={scrollRef} className={classes.scroll}>
        {/* Inside the scroller (sticky) so it follows horizontal scrolling on narrow windows. */}
        <div className={`${classes.row} ${classes.header}`} style={rowStyle} role="row">
          {columns.map((column) => (
            <div key={column.title} role="columnheader" className={classes.cell}>
              {column.title}
            </div>
          ))}
        </div>
        {pages.error != null && (
          <Alert color="red" m="sm" title={errorTitle}>
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
              {emptyText}
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
            const style = { ...rowStyle, height: rowHeight, transform: `translateY(${virtualRow.start}px)` };
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
                key={rowKey(row)}
                className={`${classes.row} ${classes.virtual} ${classes.clickable}`}
                style={style}
                role="row"
                tabIndex={0}
                aria-rowindex={virtualRow.index + 2}
                data-testid={rowTestId}
                onClick={() => onOpen(row.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    onOpen(row.id);
                  }
                }}
              >
                {columns.map((column) => (
                  <div
                    key={column.title}
                    role="cell"
                    className={column.className ? `${classes.cell} ${column.className}` : classes.cell}
                    title={column.tooltip?.(row)}
                  >
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
            Đã tải {formatCount(pages.items.length)} / {formatCount(total)} {countUnit}
          </Text>
        </div>
      )}
    </div>
  );
}
