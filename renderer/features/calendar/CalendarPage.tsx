import { useCallback, useMemo, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { YEAR_STATUS_LABELS } from '../../../shared/domain/calendar/day-labels';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useAppContext, useHasRole } from '../../app/app-context';
import { navigate } from '../../app/routes';
import { formatCount, formatDate, weekdayName } from '../../lib/format';
import { AddDayModal } from './AddDayModal';
import { PreviewChangeModal, type PendingChange } from './PreviewChangeModal';
import { CalendarLegend, KIND_LABELS, YearGrid, isException, type CalendarDay } from './YearGrid';

const statusColors = { confirmed: 'green', draft: 'yellow', missing: 'red' } as const;

interface AddDialog {
  date: string | null;
  kind: 'off' | 'makeup';
}

/**
 * Lịch làm việc: the working calendar the due dates are computed on (issue 3 §3). Everyone may look;
 * administrators change it, always through a preview of the dossiers whose due date would move.
 */
export function CalendarPage({ year: routeYear }: { year: number | null }) {
  const { info } = useAppContext();
  const isAdmin = useHasRole('admin');
  const thisYear = Number(info.today.slice(0, 4));
  const year = routeYear ?? thisYear;
  const query = useApiQuery('calendar.year', { year });
  const [addDialog, setAddDialog] = useState<AddDialog | null>(null);
  const [pending, setPending] = useState<PendingChange | null>(null);
  const data = query.data?.year === year ? query.data : undefined;

  const byDate = useMemo(() => new Map((data?.days ?? []).map((d) => [d.date, d])), [data]);
  const exceptions = useMemo(() => (data?.days ?? []).filter(isException), [data]);
  const yearOptions = useMemo(() => {
    const years = new Set<number>([year]);
    for (let y = thisYear - 3; y <= thisYear + 3; y += 1) years.add(y);
    return [...years].sort((a, b) => a - b).map((y) => ({ value: String(y), label: String(y) }));
  }, [year, thisYear]);

  const removeChange = useCallback(
    (day: CalendarDay): PendingChange => ({
      title: `Bỏ ${day.kind === 'off' ? 'ngày nghỉ' : 'ngày làm bù'} ${weekdayName(day.date)} ${formatDate(day.date)}: ${day.label}`,
      edits: [{ type: 'remove', date: day.date }],
    }),
    [],
  );
  const onPick = useCallback(
    (day: CalendarDay) => {
      if (isException(day)) setPending(removeChange(day));
      else setAddDialog({ date: day.date, kind: day.kind === 'weekend' ? 'makeup' : 'off' });
    },
    [removeChange],
  );
  const goTo = (next: number) => navigate({ page: 'calendar', year: next });

  let body;
  if (query.error != null && !data) {
    body = (
      <Alert color="red" title="Không tải được lịch làm việc">
        {errorMessage(query.error)}
      </Alert>
    );
  } else if (!data) {
    body = (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  } else if (data.status === 'missing') {
    body = (
      <Alert color="red" title={`Chưa có lịch làm việc năm ${year}`}>
        Không tính được hạn trả cho ngày nào trong năm {year}.{' '}
        {data.canDraft
          ? 'Có thể lập lịch dự kiến theo Bộ luật Lao động (Tết âm lịch theo bảng lịch âm), rồi đối chiếu với thông báo chính thức và xác nhận.'
          : 'Năm này nằm ngoài bảng lịch âm có sẵn; chưa thể lập lịch dự kiến.'}
      </Alert>
    );
  } else {
    body = (
      <Stack gap="sm">
        <YearGrid days={data.days} today={info.today} onPick={isAdmin ? onPick : null} />
        <CalendarLegend />
        <Paper withBorder>
          <Table fz="sm" verticalSpacing={4} striped="even" data-testid="exceptions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>Ngày</Table.Th>
                <Table.Th w={120}>Loại</Table.Th>
                <Table.Th>Tên</Table.Th>
                <Table.Th>Văn bản căn cứ</Table.Th>
                <Table.Th w={130}>Trạng thái</Table.Th>
                {isAdmin && <Table.Th w={80} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {exceptions.map((day) => (
                <Table.Tr key={day.date} data-testid="exception-row">
                  <Table.Td>
                    {weekdayName(day.date)}, {formatDate(day.date)}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" color={day.kind === 'off' ? 'red' : 'teal'}>
                      {KIND_LABELS[day.kind]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {day.label}
                    {day.isUncertain && (
                      <Badge ml={6} size="xs" color="orange" variant="outline">
                        căn cứ chưa chắc chắn
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{day.source ?? '—'}</Table.Td>
                  <Table.Td>
                    {day.status === 'draft' ? (
                      <Badge size="sm" color="yellow" variant="outline">
                        Dự kiến
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Đã xác nhận
                      </Text>
                    )}
                  </Table.Td>
                  {isAdmin && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setPending(removeChange(day))}
                        aria-label={`Bỏ ngày ${formatDate(day.date)}`}
                      >
                        Bỏ
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
              {exceptions.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={isAdmin ? 6 : 5}>
                    <Text size="sm" c="dimmed" ta="center">
                      Năm này chưa có ngày nghỉ lễ hay ngày làm bù nào.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Paper>
      </Stack>
    );
  }

  return (
    <Stack gap="sm" maw={1280}>
      <Group justify="space-between" align="center" wrap="wrap">
        <Group gap="sm" align="center">
          <Title order={3}>Lịch làm việc</Title>
          <Group gap={4} align="center">
            <ActionIcon variant="default" size="lg" aria-label="Năm trước" onClick={() => goTo(year - 1)}>
              ‹
            </ActionIcon>
            <Select
              aria-label="Năm"
              data={yearOptions}
              value={String(year)}
              onChange={(value) => value && goTo(Number(value))}
              allowDeselect={false}
              w={100}
            />
            <ActionIcon variant="default" size="lg" aria-label="Năm sau" onClick={() => goTo(year + 1)}>
              ›
            </ActionIcon>
          </Group>
          {data && (
            <Group gap="xs">
              <Badge size="lg" color={statusColors[data.status]} data-testid="year-status">
                {YEAR_STATUS_LABELS[data.status]}
              </Badge>
              {data.workingDays !== null && (
                <Text size="sm" data-testid="working-days">
                  <b>{formatCount(data.workingDays)}</b> ngày làm việc
                </Text>
              )}
            </Group>
          )}
        </Group>
        {isAdmin && data && (
          <Group gap="xs">
            {data.status !== 'missing' && (
              <Button onClick={() => setAddDialog({ date: null, kind: 'off' })}>
                Thêm ngày nghỉ / làm bù
              </Button>
            )}
            {data.status === 'draft' && (
              <Button
                color="green"
                variant="light"
                onClick={() =>
                  setPending({
                    title: `Xác nhận lịch làm việc năm ${year} (bỏ trạng thái dự kiến)`,
                    edits: [{ type: 'confirm-year', year }],
                  })
                }
              >
                Xác nhận lịch năm {year}
              </Button>
            )}
            {data.status === 'missing' && data.canDraft && (
              <Button
                onClick={() =>
                  setPending({
                    title: `Lập lịch dự kiến năm ${year} theo quy định (Bộ luật Lao động 2019 Điều 112)`,
                    edits: [{ type: 'draft-year', year }],
                  })
                }
              >
                Lập lịch dự kiến năm {year}
              </Button>
            )}
          </Group>
        )}
      </Group>

      {data?.warning && (
        <Alert color="yellow" title="Lịch năm sau chưa được xác nhận" data-testid="calendar-warning">
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Text size="sm">
              {data.warning.status === 'missing'
                ? `Chưa có lịch làm việc năm ${data.warning.year}: hồ sơ nhận từ nay có thể có hạn trả trong năm ${data.warning.year} và sẽ không tính được.`
                : `Lịch làm việc năm ${data.warning.year} mới là lịch dự kiến: hạn trả rơi vào năm ${data.warning.year} có thể đổi khi có thông báo nghỉ lễ chính thức.`}{' '}
              {isAdmin
                ? 'Hãy đối chiếu với thông báo của Bộ Nội vụ rồi xác nhận.'
                : 'Hãy báo quản trị hệ thống.'}
            </Text>
            {data.warning.year !== year && (
              <Button
                size="xs"
                variant="light"
                color="yellow"
                onClick={() => goTo(data.warning?.year ?? year)}
              >
                Mở lịch năm {data.warning.year}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {!isAdmin && (
        <Text size="xs" c="dimmed">
          Chỉ quản trị hệ thống được sửa lịch làm việc; bạn đang xem ở chế độ chỉ đọc.
        </Text>
      )}
      {isAdmin && data && data.status !== 'missing' && (
        <Text size="xs" c="dimmed">
          Bấm vào một ngày để thêm ngày nghỉ (hoặc làm bù vào Thứ Bảy, Chủ nhật); bấm vào ngày nghỉ lễ, làm bù
          để bỏ ngày đó. Mọi thay đổi đều được xem trước danh sách hồ sơ bị đổi hạn trả.
        </Text>
      )}

      {body}

      {addDialog && (
        <AddDayModal
          initialDate={addDialog.date}
          initialKind={addDialog.kind}
          describe={(date) => byDate.get(date)}
          onClose={() => setAddDialog(null)}
          onPreview={(edit) => {
            setAddDialog(null);
            setPending({
              title: `Thêm ${edit.kind === 'off' ? 'ngày nghỉ' : 'ngày làm bù'} ${weekdayName(edit.date)} ${formatDate(edit.date)}: ${edit.name}`,
              edits: [edit],
              legalDocument: edit.source,
            });
          }}
        />
      )}
      {pending && (
        <PreviewChangeModal
          change={pending}
          onClose={() => setPending(null)}
          onApplied={() => {
            setPending(null);
            query.reload();
          }}
        />
      )}
    </Stack>
  );
}
