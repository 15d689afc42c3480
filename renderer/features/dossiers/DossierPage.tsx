import { useCallback, useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Divider,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  type ButtonProps,
} from '@mantine/core';
import type { DossierDetail } from '../../../shared/api/schemas/dossiers';
import { COMPLETION_CLASS_LABELS, pausedStatusLabel } from '../../../shared/domain/deadline/on-time';
import { applicantKindLabels, channelLabels } from '../../../shared/domain/dossier-status';
import { PROPOSAL_LABELS, RETURN_METHOD_LABELS } from '../../../shared/domain/workflow/field-rules';
import type { WorkflowAction } from '../../../shared/domain/workflow/workflow-actions';
import { errorMessage } from '../../api/client';
import type { FormKind } from '../../api/documents';
import { useApiQuery } from '../../api/use-api-query';
import { useDossierChanges } from '../../api/use-app-event';
import { useAppContext } from '../../app/app-context';
import { VoidLicenceButton } from './VoidLicenceButton';
import { routeHref } from '../../app/routes';
import { PrintButton } from '../../components/PrintButton';
import { ReceiptButtons } from '../../components/ReceiptButtons';
import { formatAppointment, formatDate, formatDeadline, formatInstant } from '../../lib/format';
import { ActionModal } from '../workflow/ActionModal';
import type { AvailableAction, WorkflowView } from '../workflow/action-form';
import { DeadlineLedger } from './DeadlineLedger';
import { daysLeftView, StatusBadge } from './dossier-display';
import { EventTimeline } from './EventTimeline';
import { LicenceFieldsForm } from './LicenceFieldsForm';
import { PrintsTable } from './PrintsTable';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';

type TabName = 'timeline' | 'deadline' | 'licence' | 'prints' | 'components' | 'files';

const actionButtonProps: Partial<Record<WorkflowAction, ButtonProps>> = {
  approve: { color: 'teal' },
  refuse: { color: 'red', variant: 'light' },
  stop: { color: 'red', variant: 'light' },
  withdraw: { color: 'gray', variant: 'light' },
  returnToAppraiser: { variant: 'default' },
  apologise: { color: 'orange', variant: 'light' },
  reassign: { variant: 'default' },
};

/** A form the dossier's history produced can be printed again from here (the original goes with the action). */
const reprintAfter: Partial<Record<string, FormKind>> = {
  requestSupplement: 'supplementRequest',
  refuse: 'refusal',
  apologise: 'apology',
};

export function DossierPage({ dossierId }: { dossierId: number }) {
  const detail = useApiQuery('dossiers.get', { id: dossierId });
  const view = useApiQuery('workflow.view', { dossierId });
  const { reload: reloadDetail } = detail;
  const { reload: reloadView } = view;
  const reload = useCallback(() => {
    reloadDetail();
    reloadView();
  }, [reloadDetail, reloadView]);
  // Another desk acted on this dossier: show its new state. An action dialog opened on the old state keeps the
  // version it saw, so sending it still gets CONFLICT naming who changed the dossier and when.
  useDossierChanges((change) => change.isBulk === true || change.ids.includes(dossierId), reload);

  const error = detail.error ?? view.error;
  let body: ReactNode;
  if (error && (!detail.data || !view.data)) {
    body = (
      <Alert color="red" title="Không mở được hồ sơ">
        {errorMessage(error)}
      </Alert>
    );
  } else if (!detail.data || !view.data) {
    body = (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  } else {
    body = (
      <DossierView
        dossier={detail.data}
        view={view.data}
        isRefreshing={detail.isLoading || view.isLoading}
        onChanged={reload}
      />
    );
  }

  return (
    <Stack gap="sm" data-testid="dossier-detail">
      <Group justify="space-between">
        <Anchor href={routeHref({ page: 'dossiers', dossierId: null })} size="sm">
          ← Danh sách hồ sơ
        </Anchor>
        {(detail.isLoading || view.isLoading) && detail.data && <Loader size="xs" />}
      </Group>
      {body}
    </Stack>
  );
}

interface DossierViewProps {
  dossier: DossierDetail;
  view: WorkflowView;
  /** A reload is under way (after the user's own change, or another desk's): actions wait for the new state. */
  isRefreshing: boolean;
  onChanged(): void;
}

function DossierView({ dossier, view, isRefreshing, onChanged }: DossierViewProps) {
  const { user } = useAppContext();
  const [tab, setTab] = useState<TabName>('timeline');
  const [openAction, setOpenAction] = useState<AvailableAction | null>(null);
  const [licenceErrors, setLicenceErrors] = useState<Record<string, string>>({});
  const [isLicenceDirty, setIsLicenceDirty] = useState(false);

  const isLeader = user.roles.some((r) => r === 'unit_leader' || r === 'director' || r === 'admin');
  const canEditLicence =
    (view.status === 'appraising' || view.status === 'pending_signature') &&
    (isLeader || view.assignee?.id === user.id);
  const licence = view.licence && !view.licence.isVoid ? view.licence : null;
  const reprints = useMemo(() => {
    const kinds = new Set<FormKind>();
    for (const event of view.events) {
      const kind = reprintAfter[event.kind];
      if (kind) kinds.add(kind);
    }
    return [...kinds];
  }, [view.events]);

  return (
    <>
      <Paper withBorder p="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="sm" align="center">
              <Title order={3} className="dossier-code" data-testid="detail-code">
                {dossier.code}
              </Title>
              <span data-testid="dossier-status">
                <StatusBadge status={dossier.status} />
              </span>
            </Group>
            <Text fw={600} data-testid="detail-applicant">
              {dossier.applicant.name}
            </Text>
            <Text size="sm" c="dimmed" lineClamp={2}>
              {dossier.procedureCode ? `${dossier.procedureCode} · ` : ''}
              {dossier.procedureName}
            </Text>
          </Stack>
          <DeadlineStatus dossier={dossier} view={view} />
        </Group>
      </Paper>

      <Paper withBorder p="xs" data-testid="action-bar">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" wrap="wrap" aria-label="Thao tác xử lý hồ sơ" role="group">
            {view.availableActions.length === 0 ? (
              <Text size="sm" c="dimmed" px={4}>
                Không có thao tác nào bạn được thực hiện ở bước này.
              </Text>
            ) : (
              view.availableActions.map((action, index) => (
                <Button
                  key={action.action}
                  {...(index === 0 ? {} : { variant: 'light' })}
                  {...actionButtonProps[action.action]}
                  onClick={() => setOpenAction(action)}
                  disabled={isRefreshing}
                  title={action.label}
                >
                  {action.buttonText}
                </Button>
              ))
            )}
          </Group>
          <Group gap="xs" wrap="wrap" aria-label="In giấy tờ" role="group">
            {licence && (
              <PrintButton
                dossierId={dossier.id}
                kind="licence"
                variant="filled"
                color="teal"
                onPrinted={onChanged}
              />
            )}
            <ReceiptButtons dossierId={dossier.id} isSecondary />
            <PrintButton dossierId={dossier.id} kind="controlSheet" onPrinted={onChanged} />
            {reprints.map((kind) => (
              <PrintButton key={kind} dossierId={dossier.id} kind={kind} onPrinted={onChanged} />
            ))}
          </Group>
        </Group>
      </Paper>

      <Grid gap="sm">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper withBorder p="sm">
            <Tabs
              value={tab}
              onChange={(value) => setTab((value as TabName | null) ?? 'timeline')}
              keepMountedMode="display-none"
            >
              <Tabs.List mb="sm">
                <Tabs.Tab value="timeline">Diễn biến ({view.events.length})</Tabs.Tab>
                <Tabs.Tab value="deadline">Thời hạn</Tabs.Tab>
                <Tabs.Tab value="licence">
                  Nội dung giấy phép
                  {Object.keys(licenceErrors).length > 0 && (
                    <Badge ml={6} size="xs" color="red">
                      thiếu
                    </Badge>
                  )}
                </Tabs.Tab>
                <Tabs.Tab value="prints">Giấy tờ đã in ({view.prints.length})</Tabs.Tab>
                <Tabs.Tab value="components">Thành phần hồ sơ ({dossier.components.length})</Tabs.Tab>
                <Tabs.Tab value="files" data-testid="tab-files">
                  Bản quét, bản điện tử
                  {dossier.scansMissing > 0 && (
                    <Badge ml={6} size="xs" color="orange">
                      thiếu {dossier.scansMissing}
                    </Badge>
                  )}
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="timeline">
                <EventTimeline events={view.events} />
              </Tabs.Panel>
              <Tabs.Panel value="deadline">
                <DeadlineLedger dossier={dossier} />
              </Tabs.Panel>
              <Tabs.Panel value="licence">
                <LicenceFieldsForm
                  key={dossier.id}
                  view={view}
                  canEdit={canEditLicence}
                  serverErrors={licenceErrors}
                  onSaved={() => {
                    setLicenceErrors({});
                    onChanged();
                  }}
                  onDirtyChange={setIsLicenceDirty}
                />
              </Tabs.Panel>
              <Tabs.Panel value="prints">
                <PrintsTable prints={view.prints} />
              </Tabs.Panel>
              <Tabs.Panel value="components">
                <ComponentsTable components={dossier.components} />
              </Tabs.Panel>
              <Tabs.Panel value="files">
                <AttachmentsPanel dossierId={dossier.id} onChanged={onChanged} />
              </Tabs.Panel>
            </Tabs>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <DossierFacts dossier={dossier} view={view} onChanged={onChanged} />
        </Grid.Col>
      </Grid>

      {openAction && (
        <ActionModal
          key={openAction.action}
          dossier={dossier}
          view={view}
          action={openAction}
          hasUnsavedLicenceFields={isLicenceDirty}
          onClose={() => setOpenAction(null)}
          onChanged={onChanged}
          onLicenceFieldErrors={(errors) => {
            setLicenceErrors(errors);
            setTab('licence');
          }}
        />
      )}
    </>
  );
}

/** Hẹn trả and how much time is left; while the clock stands, how long it has stood (never an invented date). */
function DeadlineStatus({ dossier, view }: { dossier: DossierDetail; view: WorkflowView }) {
  const { settings } = useAppContext();
  const offset = settings.office.utcOffsetMinutes;
  const completion =
    view.completionClass ??
    (dossier.timeliness === 'early' || dossier.timeliness === 'on_time' || dossier.timeliness === 'late'
      ? dossier.timeliness
      : null);

  let main: ReactNode;
  if (dossier.status === 'awaiting_supplement' || dossier.timeliness === 'paused') {
    main = (
      <Text fw={600} c="yellow.9" data-testid="deadline-status">
        {dossier.pausedWorkingDays === null
          ? 'Tạm dừng – chờ bổ sung'
          : pausedStatusLabel(dossier.pausedWorkingDays)}
      </Text>
    );
  } else if (completion) {
    main = (
      <Group gap={6} justify="flex-end">
        <Text size="sm" c="dimmed">
          Kết quả giải quyết:
        </Text>
        <Badge size="lg" color={completion === 'late' ? 'red' : 'green'} data-testid="completion-class">
          {COMPLETION_CLASS_LABELS[completion]}
        </Badge>
      </Group>
    );
  } else {
    const left = daysLeftView(dossier, settings.office.dueSoonWorkingDays);
    const n = dossier.workingDaysLeft;
    const phrase =
      n === null
        ? left.label
        : n > 0
          ? `Còn ${n} ngày làm việc`
          : n === 0
            ? 'Hạn trả hôm nay'
            : `Quá hạn ${-n} ngày làm việc`;
    main = (
      <Text fw={600} c={left.color === 'gray' ? 'dimmed' : `${left.color}.8`} data-testid="deadline-status">
        {phrase}
      </Text>
    );
  }

  return (
    <Stack gap={2} align="flex-end" style={{ flexShrink: 0, textAlign: 'right' }}>
      {main}
      {dossier.dueDate && (
        <Text size="sm">
          <Text span c="dimmed">
            Hẹn trả:{' '}
          </Text>
          <span data-testid="due-date">{formatAppointment(dossier.dueDate, dossier.dueAt, offset)}</span>
        </Text>
      )}
      {view.apologyDueAt && (
        <Text size="sm" c="orange.8" data-testid="apology-appointment">
          Hẹn lại (đã xin lỗi): {formatInstant(view.apologyDueAt, offset)}
        </Text>
      )}
      {view.completedAt && (
        <Text size="xs" c="dimmed">
          Giải quyết xong: {formatInstant(view.completedAt, offset)}
        </Text>
      )}
    </Stack>
  );
}

function FactRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td w={130} c="dimmed" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Td>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function DossierFacts({
  dossier,
  view,
  onChanged,
}: {
  dossier: DossierDetail;
  view: WorkflowView;
  onChanged(): void;
}) {
  const offset = useAppContext().settings.office.utcOffsetMinutes;
  const { applicant } = dossier;
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Table withRowBorders={false} verticalSpacing={2} fz="sm">
          <Table.Tbody>
            <FactRow label="Thời điểm nhận">{formatInstant(dossier.receivedAt, offset)}</FactRow>
            <FactRow label="Thời hạn">
              {formatDeadline(dossier.deadline)}
              {dossier.countFrom ? `, tính từ ${formatDate(dossier.countFrom)}` : ''}
            </FactRow>
            <FactRow label="Chuyên viên">
              {view.assignee ? <span data-testid="assignee">{view.assignee.name}</span> : 'Chưa phân công'}
            </FactRow>
            {view.proposal && (
              <FactRow label="Đề xuất">
                {PROPOSAL_LABELS[view.proposal]}
                {view.proposalOpinion && (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                    {view.proposalOpinion}
                  </Text>
                )}
              </FactRow>
            )}
            {view.supplementRequests > 0 && (
              <FactRow label="Yêu cầu bổ sung">{view.supplementRequests} lần</FactRow>
            )}
            {view.licence && (
              <FactRow label="Giấy phép số">
                <Text span fw={600} size="sm" data-testid="licence-number">
                  {view.licence.number}
                </Text>
                {view.licence.isVoid ? (
                  <Badge ml={6} size="xs" color="red" title={view.licence.voidReason ?? undefined}>
                    đã hủy
                  </Badge>
                ) : (
                  <VoidLicenceButton
                    dossierId={dossier.id}
                    number={view.licence.number}
                    onChanged={onChanged}
                  />
                )}
              </FactRow>
            )}
            {view.returnedAt && (
              <FactRow label="Đã trả kết quả">{formatInstant(view.returnedAt, offset)}</FactRow>
            )}
            <FactRow label="Hình thức nộp">{channelLabels[dossier.channel]}</FactRow>
            <FactRow label="Nhận kết quả">{RETURN_METHOD_LABELS[dossier.returnMethod]}</FactRow>
            <FactRow label="Số bộ hồ sơ">{dossier.setCount}</FactRow>
            <FactRow label="Người tiếp nhận">{dossier.receiverName}</FactRow>
            <FactRow label="Sổ theo dõi">Số thứ tự {dossier.registerEntryNo}</FactRow>
            {dossier.notes && <FactRow label="Ghi chú">{dossier.notes}</FactRow>}
          </Table.Tbody>
        </Table>
        <Divider
          label={`Người nộp (${applicantKindLabels[applicant.kind].toLocaleLowerCase('vi')})`}
          labelPosition="left"
        />
        <Table withRowBorders={false} verticalSpacing={2} fz="sm">
          <Table.Tbody>
            <FactRow label="Tên">{applicant.name}</FactRow>
            {applicant.idNumber && <FactRow label="Số giấy tờ">{applicant.idNumber}</FactRow>}
            {applicant.address && <FactRow label="Địa chỉ">{applicant.address}</FactRow>}
            {applicant.phone && <FactRow label="Điện thoại">{applicant.phone}</FactRow>}
            {applicant.email && <FactRow label="Email">{applicant.email}</FactRow>}
          </Table.Tbody>
        </Table>
        {dossier.possibleDuplicates.length > 0 && (
          <Alert color="yellow" title="Có thể trùng với hồ sơ khác" p="xs">
            {dossier.possibleDuplicates.map((d) => (
              <div key={d.id}>
                <a href={routeHref({ page: 'dossiers', dossierId: d.id })} className="dossier-code">
                  {d.code}
                </a>{' '}
                — {d.applicantName}
              </div>
            ))}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function ComponentsTable({ components }: { components: DossierDetail['components'] }) {
  if (components.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Không có.
      </Text>
    );
  }
  return (
    <Table fz="sm" verticalSpacing={3} striped="even">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Tên thành phần</Table.Th>
          <Table.Th w={70}>Số bản</Table.Th>
          <Table.Th w={90}>Loại</Table.Th>
          <Table.Th w={90}>Đã nộp</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {components.map((c, index) => (
          <Table.Tr key={`${index}-${c.name}`}>
            <Table.Td>{c.name}</Table.Td>
            <Table.Td>{c.copies}</Table.Td>
            <Table.Td>{c.isOriginal ? 'Bản chính' : 'Bản sao'}</Table.Td>
            <Table.Td>
              <Badge color={c.isProvided ? 'green' : 'gray'} size="xs">
                {c.isProvided ? 'Đã nộp' : 'Chưa nộp'}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
