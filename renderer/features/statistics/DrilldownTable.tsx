import { Text } from '@mantine/core';
import type { DrilldownRow } from '../../../shared/api/schemas/statistics';
import { COMPLETION_CLASS_LABELS } from '../../../shared/domain/deadline/on-time';
import { useAppContext } from '../../app/app-context';
import { formatCount, formatDate, formatInstant } from '../../lib/format';
import { DaysLeft, StatusBadge } from '../dossiers/dossier-display';
import { DossierRowsTable, type RowColumn } from '../dossiers/DossierRowsTable';
import { useDrilldownPages, type DrilldownQuery } from './use-drilldown-pages';

type Column = RowColumn<DrilldownRow>;

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
  const pages = useDrilldownPages(query);
  return (
    <DossierRowsTable
      pages={pages}
      columns={columnsFor(
        query.cell === 'pauses',
        settings.office.utcOffsetMinutes,
        settings.office.dueSoonWorkingDays,
      )}
      rowHeight={38}
      layout="modal"
      label="Danh sách hồ sơ theo chỉ tiêu"
      errorTitle="Không tải được danh sách"
      emptyText="Không có hồ sơ nào."
      countUnit="dòng"
      rowTestId="drilldown-row"
      rowKey={(row) => `${row.id}-${row.pause?.requestedAt ?? ''}`}
      onOpen={onOpen}
      onTotal={onTotal}
    />
  );
}
