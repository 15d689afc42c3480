import { Badge, Text, type MantineColor } from '@mantine/core';
import type { DossierRow } from '../../../shared/api/schemas/dossiers';
import { pausedStatusLabel } from '../../../shared/domain/deadline/on-time';
import { dossierStatusLabels, type DossierStatus } from '../../../shared/domain/dossier-status';

const statusColors: Record<DossierStatus, MantineColor> = {
  received: 'blue',
  appraising: 'cyan',
  awaiting_supplement: 'yellow',
  pending_signature: 'violet',
  approved: 'teal',
  refused: 'red',
  returned: 'green',
  withdrawn: 'gray',
  stopped: 'gray',
};

export function StatusBadge({ status }: { status: DossierStatus }) {
  return (
    <Badge color={statusColors[status]} size="sm" style={{ textTransform: 'none' }}>
      {dossierStatusLabels[status]}
    </Badge>
  );
}

interface DaysLeftView {
  label: string;
  color: MantineColor;
  /** The full wording where the cell is too narrow for it. */
  title?: string;
}

/**
 * "Còn lại": green while more than the due-soon window remains, amber inside it, red once overdue; a paused
 * clock (awaiting the applicant's supplement) shows "Tạm dừng". The backend's timeliness wins when present,
 * because it also knows the due hour.
 */
export function daysLeftView(
  row: Pick<DossierRow, 'workingDaysLeft' | 'timeliness' | 'status'> &
    Partial<Pick<DossierRow, 'pausedWorkingDays'>>,
  dueSoonWorkingDays: number,
): DaysLeftView {
  const { workingDaysLeft: n, timeliness } = row;
  if (timeliness === 'paused' || row.status === 'awaiting_supplement') {
    // Never an invented date while the clock stands: how long it has stood (issue 3 §5).
    const paused = row.pausedWorkingDays ?? null;
    return paused === null
      ? { label: 'Tạm dừng', color: 'gray', title: 'Tạm dừng – chờ bổ sung' }
      : { label: `Tạm dừng (${paused} ngày)`, color: 'gray', title: pausedStatusLabel(paused) };
  }
  if (timeliness === 'early') return { label: 'Trước hạn', color: 'green' };
  if (timeliness === 'on_time') return { label: 'Đúng hạn', color: 'green' };
  if (timeliness === 'late') return { label: 'Trễ hạn', color: 'red' };
  if (n === null) return { label: '—', color: 'gray' };
  if (timeliness === 'overdue' || n < 0) {
    return { label: n < 0 ? `Quá hạn ${-n} ngày` : 'Quá hạn', color: 'red' };
  }
  if (n === 0) return { label: 'Hạn hôm nay', color: 'orange' };
  if (timeliness === 'due_soon' || n <= dueSoonWorkingDays) return { label: `${n} ngày`, color: 'orange' };
  return { label: `${n} ngày`, color: 'green' };
}

export function DaysLeft(props: {
  row: Pick<DossierRow, 'workingDaysLeft' | 'timeliness' | 'status'> &
    Partial<Pick<DossierRow, 'pausedWorkingDays'>>;
  dueSoon: number;
}) {
  const view = daysLeftView(props.row, props.dueSoon);
  return (
    <Text
      size="sm"
      fw={600}
      c={view.color === 'gray' ? 'dimmed' : `${view.color}.8`}
      data-color={view.color}
      title={view.title}
    >
      {view.label}
    </Text>
  );
}
