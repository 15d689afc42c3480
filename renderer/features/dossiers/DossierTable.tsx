import { Text } from '@mantine/core';
import { useAppContext } from '../../app/app-context';
import { formatDate, formatInstant } from '../../lib/format';
import type { DossierRow } from '../../../shared/api/schemas/dossiers';
import { DaysLeft, StatusBadge } from './dossier-display';
import { DossierRowsTable, type RowColumn } from './DossierRowsTable';
import { useDossierPages, type ListFilters } from './use-dossier-pages';

function columnsFor(offset: number, dueSoon: number): RowColumn<DossierRow>[] {
  return [
    { title: 'Mã hồ sơ', width: '236px', className: 'dossier-code', render: (row) => row.code },
    {
      title: 'Thủ tục',
      width: 'minmax(220px, 2fr)',
      render: (row) => `${row.procedureCode ? `${row.procedureCode} · ` : ''}${row.procedureName}`,
      tooltip: (row) => row.procedureName,
    },
    {
      title: 'Người nộp',
      width: 'minmax(180px, 1.4fr)',
      render: (row) => row.applicantName,
      tooltip: (row) => row.applicantName,
    },
    { title: 'Trạng thái', width: '130px', render: (row) => <StatusBadge status={row.status} /> },
    { title: 'Ngày nhận', width: '128px', render: (row) => formatInstant(row.receivedAt, offset) },
    { title: 'Hạn trả', width: '92px', render: (row) => formatDate(row.dueDate) },
    { title: 'Còn lại', width: '140px', render: (row) => <DaysLeft row={row} dueSoon={dueSoon} /> },
    {
      title: 'Bản quét',
      width: '96px',
      render: (row) =>
        row.scansMissing > 0 ? (
          <Text
            size="xs"
            c="orange.8"
            data-testid="scans-missing-mark"
            title="Thành phần đã nộp chưa có bản quét"
          >
            thiếu {row.scansMissing}
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            đủ
          </Text>
        ),
    },
  ];
}

interface DossierTableProps {
  filters: ListFilters;
  hasFilters: boolean;
  onOpen(dossierId: number): void;
  onTotal(total: number | null): void;
}

export function DossierTable({ filters, hasFilters, onOpen, onTotal }: DossierTableProps) {
  const { settings } = useAppContext();
  const pages = useDossierPages(filters);
  return (
    <DossierRowsTable
      pages={pages}
      columns={columnsFor(settings.office.utcOffsetMinutes, settings.office.dueSoonWorkingDays)}
      minWidth={1238}
      rowHeight={40}
      layout="fill"
      label="Danh sách hồ sơ"
      errorTitle="Không tải được danh sách hồ sơ"
      emptyText={hasFilters ? 'Không tìm thấy hồ sơ phù hợp.' : 'Chưa có hồ sơ nào.'}
      countUnit="hồ sơ"
      rowTestId="dossier-row"
      onOpen={onOpen}
      onTotal={onTotal}
    />
  );
}
