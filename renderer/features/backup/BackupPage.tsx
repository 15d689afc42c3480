import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Center,
  Code,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import type {
  BackupInfo,
  BackupResultView,
  BackupSettingsView,
  RestoreResultView,
} from '../../../shared/api/schemas/backup';
import { api, errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useJobProgress } from '../../api/use-job-progress';
import { useHasRole, useOfficeOffset } from '../../app/app-context';
import { JobProgress } from '../../components/JobProgress';
import { notifyError, notifySuccess } from '../../components/notify';
import { formatBytes } from '../../lib/file-base64';
import { formatCount, formatInstant } from '../../lib/format';
import { BackupSettingsForm } from './BackupSettingsForm';

const noInput = {};
const fullCheck = { verify: 'full' } as const;
const reasonLabels = { manual: 'Sao lưu ngay', daily: 'Hằng ngày' } as const;

function rowsOf(info: Pick<BackupInfo, 'rowCounts'>, table: string): number | null {
  return info.rowCounts.find((r) => r.table === table)?.rows ?? null;
}

function RowCounts({ info }: { info: Pick<BackupInfo, 'rowCounts'> }) {
  const dossiers = rowsOf(info, 'dossiers');
  const licences = rowsOf(info, 'licences');
  const total = info.rowCounts.reduce((sum, r) => sum + r.rows, 0);
  return (
    <Tooltip
      multiline
      w={300}
      label={info.rowCounts.map((r) => `${r.table}: ${formatCount(r.rows)}`).join(' · ')}
    >
      <Text size="sm" span style={{ cursor: 'help' }}>
        {formatCount(dossiers ?? 0)} hồ sơ · {formatCount(licences ?? 0)} giấy phép
        <Text span size="xs" c="dimmed">
          {' '}
          ({formatCount(total)} dòng)
        </Text>
      </Text>
    </Tooltip>
  );
}

function AuditHead({ head }: { head: BackupInfo['auditHead'] }) {
  if (!head)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Tooltip label={head.hash}>
      <Text size="sm" ff="monospace" span>
        #{head.seq} · {head.hash.slice(0, 12)}…
      </Text>
    </Tooltip>
  );
}

/**
 * Sao lưu (administrators): the verified backups (a partial or damaged file is listed as a problem, never as
 * good), "Sao lưu ngay", the backup settings, and restore into a fresh data folder.
 */
export function BackupPage() {
  const isAdmin = useHasRole('admin');
  const offset = useOfficeOffset();
  const list = useApiQuery('backup.list', isAdmin ? fullCheck : null);
  const settingsQuery = useApiQuery('backup.settings.get', isAdmin ? noInput : null);
  const [savedSettings, setSavedSettings] = useState<BackupSettingsView | null>(null);
  const [running, setRunning] = useState<number | null>(null);
  const [lastBackup, setLastBackup] = useState<BackupResultView | null>(null);
  const [restoreTarget, setRestoreTarget] = useState<BackupInfo | null>(null);
  const [restored, setRestored] = useState<RestoreResultView | null>(null);
  const progress = useJobProgress('backup', running !== null);

  if (!isAdmin) {
    return (
      <Stack gap="sm">
        <Title order={3}>Sao lưu</Title>
        <Alert color="gray">Chỉ quản trị hệ thống quản lý được sao lưu và khôi phục.</Alert>
      </Stack>
    );
  }

  const settings = savedSettings ?? settingsQuery.data;

  async function backupNow() {
    setRunning(Date.now());
    try {
      const result = await api['backup.now']({});
      setLastBackup(result);
      notifySuccess('Đã sao lưu và kiểm tra', `${result.file} (${formatBytes(result.sizeBytes)}).`);
      list.reload();
    } catch (error) {
      notifyError('Sao lưu không thành công', errorMessage(error));
    } finally {
      setRunning(null);
    }
  }

  const good = list.data?.good ?? [];
  const problems = list.data?.problems ?? [];
  return (
    <Stack gap="sm" maw={1300}>
      <Group justify="space-between" align="flex-end">
        <Title order={3}>Sao lưu</Title>
        <Group gap="xs">
          <Button variant="default" onClick={list.reload} disabled={list.isLoading || running !== null}>
            Kiểm tra lại danh sách
          </Button>
          <Button onClick={() => void backupNow()} loading={running !== null}>
            Sao lưu ngay
          </Button>
        </Group>
      </Group>

      {running !== null && (
        <Paper withBorder p="sm">
          <JobProgress label="Đang sao lưu và kiểm tra bản sao" startedAt={running} progress={progress} />
        </Paper>
      )}
      {lastBackup && running === null && (
        <Alert
          color="green"
          title="Bản sao lưu mới đã được kiểm tra"
          withCloseButton
          closeButtonLabel="Ẩn"
          onClose={() => setLastBackup(null)}
          data-testid="backup-result"
        >
          <Text size="sm">
            {lastBackup.file} · {formatBytes(lastBackup.sizeBytes)} · {formatCount(lastBackup.durationMs)} ms
            · đầu chuỗi nhật ký #{lastBackup.auditHead?.seq ?? '—'}
          </Text>
          {lastBackup.removed.length > 0 && (
            <Text size="xs" c="dimmed">
              Theo quy tắc lưu giữ, đã xóa {lastBackup.removed.length} bản cũ: {lastBackup.removed.join(', ')}
              .
            </Text>
          )}
        </Alert>
      )}
      {restored && (
        <Alert
          color="blue"
          title="Đã khôi phục vào thư mục dữ liệu mới"
          withCloseButton
          closeButtonLabel="Ẩn"
          onClose={() => setRestored(null)}
          data-testid="restore-result"
        >
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {restored.instruction}
            </Text>
            <Text size="sm">
              Thư mục: <Code>{restored.dataDir}</Code>
            </Text>
            <Text size="xs" c="dimmed">
              Từ bản sao lưu {restored.sourceFile} ({formatInstant(restored.backupCreatedAt, offset)}); đầu
              chuỗi nhật ký #{restored.auditHead?.seq ?? '—'};{' '}
              {formatCount(rowsOf(restored, 'dossiers') ?? 0)} hồ sơ. Dữ liệu đang dùng không bị thay đổi.
            </Text>
          </Stack>
        </Alert>
      )}

      <Paper withBorder>
        <Group justify="space-between" px="sm" pt="sm" pb={4}>
          <Text fw={600} size="sm">
            Các bản sao lưu đã kiểm tra
          </Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {list.data?.folder}
          </Text>
        </Group>
        {list.error != null && (
          <Alert color="red" m="sm" title="Không đọc được thư mục sao lưu">
            {errorMessage(list.error)}
          </Alert>
        )}
        {!list.data && list.error == null ? (
          <Center p="md">
            <Loader size="sm" />
          </Center>
        ) : (
          <Table fz="sm" verticalSpacing={4} striped="even" highlightOnHover data-testid="backup-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={140}>Thời điểm</Table.Th>
                <Table.Th w={100}>Loại</Table.Th>
                <Table.Th>Tệp</Table.Th>
                <Table.Th w={100} style={{ whiteSpace: 'nowrap' }}>
                  Dung lượng
                </Table.Th>
                <Table.Th w={180}>Đầu chuỗi nhật ký</Table.Th>
                <Table.Th w={290}>Số dòng</Table.Th>
                <Table.Th w={100} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {good.map((b) => (
                <Table.Tr key={b.file} data-testid="backup-row">
                  <Table.Td>{formatInstant(b.createdAt, offset)}</Table.Td>
                  <Table.Td>{reasonLabels[b.reason]}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" span>
                      {b.file}
                    </Text>
                    {!b.isThisDatabase && (
                      <Badge ml={6} size="xs" color="orange" variant="outline">
                        CSDL khác
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatBytes(b.sizeBytes)}</Table.Td>
                  <Table.Td>
                    <AuditHead head={b.auditHead} />
                  </Table.Td>
                  <Table.Td>
                    <RowCounts info={b} />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => setRestoreTarget(b)}
                      aria-label={`Khôi phục ${b.file}`}
                    >
                      Khôi phục
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
              {list.data && good.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text size="sm" c="dimmed" ta="center" py="xs">
                      Chưa có bản sao lưu nào. Bấm «Sao lưu ngay» để tạo bản đầu tiên.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      {problems.length > 0 && (
        <Alert
          color="red"
          title={`${problems.length} tệp không dùng được để khôi phục`}
          data-testid="backup-problems"
        >
          <Table fz="sm" verticalSpacing={2}>
            <Table.Tbody>
              {problems.map((p) => (
                <Table.Tr key={`${p.file}-${p.kind}`}>
                  <Table.Td w={320} ff="monospace">
                    {p.file}
                  </Table.Td>
                  <Table.Td>{p.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      )}

      <Paper withBorder p="sm">
        <Text fw={600} size="sm" mb="xs">
          Cài đặt sao lưu
        </Text>
        {settingsQuery.error != null && !settings && (
          <Alert color="red">{errorMessage(settingsQuery.error)}</Alert>
        )}
        {settings ? (
          <BackupSettingsForm
            key={JSON.stringify(settings)}
            settings={settings}
            onSaved={(next) => {
              setSavedSettings(next);
              list.reload();
            }}
          />
        ) : (
          settingsQuery.error == null && <Loader size="sm" />
        )}
      </Paper>

      <RestoreModal
        target={restoreTarget}
        onClose={() => setRestoreTarget(null)}
        onRestored={(result) => {
          setRestoreTarget(null);
          setRestored(result);
        }}
      />
    </Stack>
  );
}

interface RestoreModalProps {
  target: BackupInfo | null;
  onClose(): void;
  onRestored(result: RestoreResultView): void;
}

function RestoreModal({ target, onClose, onRestored }: RestoreModalProps) {
  const offset = useOfficeOffset();
  const [isBusy, setIsBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function restore() {
    if (!target) return;
    setIsBusy(true);
    setFailure(null);
    try {
      onRestored(await api['backup.restore']({ file: target.file }));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <Modal
      opened={target !== null}
      onClose={() => {
        if (!isBusy) {
          setFailure(null);
          onClose();
        }
      }}
      title="Khôi phục bản sao lưu"
      size="lg"
    >
      {target && (
        <Stack gap="sm">
          <Text size="sm">
            Khôi phục bản sao lưu <Code>{target.file}</Code> lúc {formatInstant(target.createdAt, offset)} vào
            một thư mục dữ liệu <b>mới</b>. Bản sao lưu và chuỗi nhật ký được kiểm tra trước; dữ liệu đang
            dùng không bị ghi đè.
          </Text>
          {!target.isThisDatabase && (
            <Alert color="orange" p="xs">
              Bản sao lưu này thuộc một cơ sở dữ liệu khác (chuỗi nhật ký khác). Chỉ khôi phục nếu chắc chắn
              đây là dữ liệu của cơ quan.
            </Alert>
          )}
          {failure && (
            <Alert color="red" title="Không khôi phục được">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} disabled={isBusy}>
              Hủy
            </Button>
            <Button color="orange" onClick={() => void restore()} loading={isBusy}>
              Khôi phục vào thư mục mới
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
