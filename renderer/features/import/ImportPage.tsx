import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Code,
  FileInput,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import type { ImportReport } from '../../../shared/api/schemas/import';
import { MAX_IMPORT_BYTES } from '../../../shared/api/schemas/import';
import { dossierStatusLabels } from '../../../shared/domain/dossier-status';
import { api, errorMessage } from '../../api/client';
import { downloadBase64 } from '../../api/open-document';
import { useJobProgress } from '../../api/use-job-progress';
import { useHasRole } from '../../app/app-context';
import { routeHref } from '../../app/routes';
import { JobProgress } from '../../components/JobProgress';
import { notifyError, notifySuccess } from '../../components/notify';
import { fileToBase64, formatBytes } from '../../lib/file-base64';
import { formatCount } from '../../lib/format';
import { ImportIssues } from './ImportIssues';
import { TEMPLATE_COLUMNS, templateCsvBase64 } from './import-template';

type Mode = 'check' | 'import';

interface Running {
  mode: Mode;
  startedAt: number;
}

const outcomeColors = { checked: 'blue', imported: 'green', refused: 'red' } as const;
const outcomeTitles = {
  checked: 'Kết quả kiểm tra (chưa ghi gì)',
  imported: 'Đã nhập dữ liệu',
  refused: 'Không nhập — chưa ghi gì',
} as const;

function fileKey(file: File): string {
  return `${file.name}|${file.size}|${file.lastModified}`;
}

/**
 * Nhập dữ liệu cũ (administrators): a CSV or XLSX of past dossiers is checked row by row (dry run), then
 * written in one transaction — all valid rows or nothing. A file with bad rows is imported only when the
 * administrator chooses to skip them.
 */
export function ImportPage() {
  const isAdmin = useHasRole('admin');
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [running, setRunning] = useState<Running | null>(null);
  const [result, setResult] = useState<{ key: string; report: ImportReport } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const progress = useJobProgress('import', running !== null);

  if (!isAdmin) {
    return (
      <Stack gap="sm">
        <Title order={3}>Nhập dữ liệu cũ</Title>
        <Alert color="gray">Chỉ quản trị hệ thống được nhập dữ liệu hồ sơ cũ.</Alert>
      </Stack>
    );
  }

  const report = result && file && result.key === fileKey(file) ? result.report : null;
  const checkedWithErrors = report !== null && report.dryRun && report.invalidRows > 0;
  const isImportBlocked = checkedWithErrors && !skipInvalid;
  const isTooLarge = file !== null && file.size > MAX_IMPORT_BYTES;

  async function run(mode: Mode) {
    if (!file) return;
    setRunning({ mode, startedAt: Date.now() });
    setFailure(null);
    try {
      const base64 = await fileToBase64(file);
      const next = await api['import.dossiers']({
        fileName: file.name,
        base64,
        dryRun: mode === 'check',
        skipInvalid,
      });
      setResult({ key: fileKey(file), report: next });
      if (next.outcome === 'imported') notifySuccess('Đã nhập dữ liệu cũ', next.summary);
    } catch (error) {
      setFailure(errorMessage(error));
      notifyError('Chưa nhập được tệp', errorMessage(error));
    } finally {
      setRunning(null);
    }
  }

  return (
    <Stack gap="sm" maw={1200}>
      <Title order={3}>Nhập dữ liệu cũ</Title>
      <Text size="sm" c="dimmed">
        Đưa các hồ sơ đã tiếp nhận trước khi dùng LicenceDesk vào hệ thống, để thống kê và Biểu 06 có đủ số
        liệu các năm trước. Kiểm tra trước (không ghi gì), rồi nhập: mọi dòng hợp lệ được ghi trong một lần —
        hoặc không ghi gì. Nhập lại cùng tệp không tạo hồ sơ trùng.
      </Text>

      <Paper withBorder p="sm">
        <Stack gap="sm">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <FileInput
              label="Tệp dữ liệu (CSV UTF-8 hoặc Excel .xlsx)"
              placeholder="Chọn tệp…"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={(next) => {
                setFile(next);
                setFailure(null);
              }}
              clearable
              w={420}
              disabled={running !== null}
              description={
                file
                  ? `${formatBytes(file.size)}${isTooLarge ? ' — quá lớn (tối đa 50 MB); hãy chia tệp theo năm.' : ''}`
                  : 'Tối đa 50 MB, 500.000 dòng.'
              }
              error={isTooLarge ? 'Tệp quá lớn.' : undefined}
            />
            <Button
              variant="default"
              onClick={() => void run('check')}
              disabled={!file || running !== null || isTooLarge}
              loading={running?.mode === 'check'}
            >
              Kiểm tra
            </Button>
            <Button
              onClick={() => void run('import')}
              disabled={!file || running !== null || isImportBlocked || isTooLarge}
              loading={running?.mode === 'import'}
            >
              Nhập
            </Button>
          </Group>
          <Checkbox
            label="Bỏ qua các dòng lỗi (chỉ nhập các dòng hợp lệ)"
            checked={skipInvalid}
            onChange={(event) => setSkipInvalid(event.currentTarget.checked)}
            disabled={running !== null}
          />
          {isImportBlocked && (
            <Text size="sm" c="red.8">
              Tệp còn {formatCount(report.invalidRows)} dòng lỗi: sửa tệp rồi kiểm tra lại, hoặc chọn «Bỏ qua
              các dòng lỗi» để chỉ nhập {formatCount(report.validRows)} dòng hợp lệ.
            </Text>
          )}
          {running && (
            <JobProgress
              label={running.mode === 'check' ? 'Đang kiểm tra tệp' : 'Đang nhập dữ liệu'}
              startedAt={running.startedAt}
              progress={progress}
            />
          )}
          {failure && (
            <Alert color="red" title="Chưa nhập được tệp">
              {failure}
            </Alert>
          )}
        </Stack>
      </Paper>

      {report && <ImportResult report={report} />}

      <TemplateHelp />
    </Stack>
  );
}

function Figure({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p={6}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={color}>
        {formatCount(value)}
      </Text>
    </Paper>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  const statuses = Object.entries(report.byStatus)
    .filter(([, n]) => n > 0)
    .map(
      ([status, n]) =>
        `${formatCount(n)} ${dossierStatusLabels[status as keyof typeof dossierStatusLabels].toLocaleLowerCase('vi')}`,
    );
  const fileFacts = [
    report.format === 'csv'
      ? `CSV, phân cách «${report.delimiter ?? ','}»${report.hasBom ? ', có BOM' : ''}`
      : report.format === 'xlsx'
        ? `Excel, trang tính «${report.sheetName ?? ''}»`
        : null,
    report.ignoredSheets.length > 0 ? `bỏ qua các trang: ${report.ignoredSheets.join(', ')}` : null,
    `${formatCount(report.durationMs)} ms`,
  ].filter(Boolean);
  return (
    <Paper withBorder p="sm" data-testid="import-report">
      <Stack gap="sm">
        <Alert
          color={outcomeColors[report.outcome]}
          title={outcomeTitles[report.outcome]}
          data-testid="import-summary"
        >
          <Text size="sm">{report.summary}</Text>
          {report.outcome === 'imported' && report.imported > 0 && (
            <Anchor href={routeHref({ page: 'dossiers', dossierId: null })} size="sm">
              Xem danh sách hồ sơ
            </Anchor>
          )}
        </Alert>
        <SimpleGrid cols={{ base: 3, md: 6 }} spacing="xs">
          <Figure label="Tổng số dòng" value={report.totalRows} />
          <Figure label="Dòng hợp lệ" value={report.validRows} color="green.8" />
          <Figure
            label="Dòng lỗi"
            value={report.invalidRows}
            color={report.invalidRows > 0 ? 'red.8' : undefined}
          />
          <Figure label="Trùng mã, bỏ qua" value={report.skippedDuplicates} />
          <Figure
            label="Đã nhập"
            value={report.imported}
            color={report.imported > 0 ? 'green.8' : undefined}
          />
          <Figure
            label="Cảnh báo"
            value={report.warningCount}
            color={report.warningCount > 0 ? 'yellow.8' : undefined}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          Tệp {report.fileName} ({fileFacts.join('; ')}).
          {statuses.length > 0 && ` Các dòng hợp lệ mới sẽ thành: ${statuses.join(', ')}.`}
        </Text>
        {(report.errorCount > 0 || report.warningCount > 0) && (
          <Tabs defaultValue={report.errorCount > 0 ? 'errors' : 'warnings'}>
            <Tabs.List>
              <Tabs.Tab value="errors" color="red" disabled={report.errorCount === 0}>
                Dòng lỗi ({formatCount(report.errorCount)})
              </Tabs.Tab>
              <Tabs.Tab value="warnings" color="yellow" disabled={report.warningCount === 0}>
                Cảnh báo ({formatCount(report.warningCount)})
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="errors" pt="xs">
              <ImportIssues issues={report.errors} count={report.errorCount} kind="error" />
            </Tabs.Panel>
            <Tabs.Panel value="warnings" pt="xs">
              <ImportIssues issues={report.warnings} count={report.warningCount} kind="warning" />
            </Tabs.Panel>
          </Tabs>
        )}
      </Stack>
    </Paper>
  );
}

function TemplateHelp() {
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap">
        <Stack gap={0}>
          <Text fw={600} size="sm">
            Mẫu tệp nhập
          </Text>
          <Text size="xs" c="dimmed">
            Dòng đầu là tiêu đề với đủ 11 cột (thứ tự tùy ý). Ngày ghi dd/mm/yyyy hoặc YYYY-MM-DD, có thể kèm
            giờ HH:mm; ngày không tồn tại (31/02) bị từ chối. CSV phải lưu dạng «CSV UTF-8»; tệp gõ phông
            TCVN3/VNI bị từ chối — chuyển mã bằng Unikey Toolkit trước.
          </Text>
        </Stack>
        <Button
          variant="light"
          size="xs"
          onClick={() => downloadBase64('import-template.csv', 'text/csv', templateCsvBase64())}
        >
          Tải tệp mẫu CSV
        </Button>
      </Group>
      <Table fz="xs" verticalSpacing={2} withTableBorder striped="even" data-testid="template-columns">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>Cột</Table.Th>
            <Table.Th w={150}>Yêu cầu</Table.Th>
            <Table.Th>Nội dung</Table.Th>
            <Table.Th w={190}>Ví dụ</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {TEMPLATE_COLUMNS.map((c) => (
            <Table.Tr key={c.name}>
              <Table.Td>
                <Code>{c.name}</Code>
              </Table.Td>
              <Table.Td>{c.requirement}</Table.Td>
              <Table.Td>{c.description}</Table.Td>
              <Table.Td className="dossier-code">{c.example}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
