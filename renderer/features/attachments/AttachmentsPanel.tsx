import { useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Progress, Select, Stack, Table, Text } from '@mantine/core';
import type { DossierFileView } from '../../../shared/api/schemas/attachments';
import { RESULT_KIND_LABELS } from '../../../shared/domain/attachments/labels';
import { errorMessage } from '../../api/client';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useHasRole } from '../../app/app-context';
import { formatBytes } from '../../lib/file-base64';
import { notifyError, notifySuccess } from '../../components/notify';
import { FilePreview } from './FilePreview';
import { readStoredFile, saveBlob, uploadFile } from './transfer';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/jpeg,image/png,image/tiff';

interface AttachmentsPanelProps {
  dossierId: number;
  /** Called after a file was attached (the list mark and the timeline change). */
  onChanged?(): void;
}

/** Scans per component (with their versions), the electronic result, and the desk's scanner folder. */
export function AttachmentsPanel({ dossierId, onChanged }: AttachmentsPanelProps) {
  const canAttach = useHasRole('clerk', 'appraiser', 'unit_leader', 'admin');
  const list = useApiQuery('attachments.list', { dossierId });
  const [preview, setPreview] = useState<DossierFileView | null>(null);
  const [busy, setBusy] = useState<{ componentNo: number; sent: number; total: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const target = useRef<{ componentNo: number; replacesId?: number } | null>(null);

  const choose = (componentNo: number, replacesId?: number) => {
    target.current = replacesId === undefined ? { componentNo } : { componentNo, replacesId };
    input.current?.click();
  };

  const attach = async (files: FileList | null) => {
    const chosen = target.current;
    if (!files || files.length === 0 || chosen === null) return;
    setProblem(null);
    for (const file of Array.from(files)) {
      setBusy({ componentNo: chosen.componentNo, sent: 0, total: file.size });
      try {
        const stored = await uploadFile({ dossierId, ...chosen }, file, (sent, total) =>
          setBusy({ componentNo: chosen.componentNo, sent, total }),
        );
        notifySuccess('Đã đính kèm', `${stored.fileName} (${formatBytes(stored.sizeBytes)})`);
      } catch (error) {
        setProblem(errorMessage(error));
      }
    }
    setBusy(null);
    if (input.current) input.current.value = '';
    list.reload();
    onChanged?.();
  };

  const download = async (file: DossierFileView) => {
    try {
      saveBlob(file.fileName, await readStoredFile(file));
    } catch (error) {
      notifyError('Không tải được tệp', errorMessage(error));
    }
  };

  const data = list.data;
  return (
    <Stack gap="sm" data-testid="attachments-panel">
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        data-testid="attachment-input"
        onChange={(event) => void attach(event.currentTarget.files)}
      />
      {problem && (
        <Alert color="red" withCloseButton onClose={() => setProblem(null)} data-testid="attachment-error">
          {problem}
        </Alert>
      )}
      {data && (
        <Text size="sm" c={data.scansMissing > 0 ? 'orange.8' : 'green.8'} data-testid="scans-missing">
          {data.scansMissing > 0
            ? `Còn ${data.scansMissing} thành phần đã nộp chưa có bản quét.`
            : 'Mọi thành phần đã nộp đều có bản quét.'}{' '}
          Dung lượng: {formatBytes(data.usedBytes)} / {formatBytes(data.limits.maxDossierBytes)}.
        </Text>
      )}
      <Table withTableBorder fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>TT</Table.Th>
            <Table.Th>Thành phần hồ sơ</Table.Th>
            <Table.Th>Tệp đính kèm</Table.Th>
            <Table.Th w={120} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data?.components.map((component) => (
            <Table.Tr key={component.no} data-testid={`component-${component.no}`}>
              <Table.Td>{component.no}</Table.Td>
              <Table.Td>
                {component.name}
                {!component.isProvided && (
                  <Badge ml={6} size="xs" color="gray">
                    chưa nộp
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {component.files.map((file) => (
                    <FileLine
                      key={file.id}
                      file={file}
                      onPreview={() => setPreview(file)}
                      onDownload={() => void download(file)}
                      {...(canAttach && file.supersededById === null
                        ? { onReplace: () => choose(component.no, file.id) }
                        : {})}
                    />
                  ))}
                  {busy?.componentNo === component.no && (
                    <Progress value={busy.total === 0 ? 0 : (busy.sent / busy.total) * 100} size="sm" />
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                {canAttach && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    disabled={busy !== null}
                    onClick={() => choose(component.no)}
                    data-testid={`attach-${component.no}`}
                  >
                    Đính kèm
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {data && data.results.length > 0 && (
        <Stack gap={2} data-testid="electronic-results">
          <Text size="sm" fw={600}>
            Bản điện tử của kết quả
          </Text>
          {data.results.map((file) => (
            <Group key={file.id} gap="xs">
              <Badge size="xs" color="teal">
                {RESULT_KIND_LABELS[file.resultKind ?? 'licence']}
              </Badge>
              <FileLine
                file={file}
                onPreview={() => setPreview(file)}
                onDownload={() => void download(file)}
              />
            </Group>
          ))}
        </Stack>
      )}
      {canAttach && data && (
        <DropFolder
          dossierId={dossierId}
          components={data.components}
          onAttached={() => {
            list.reload();
            onChanged?.();
          }}
        />
      )}
      <FilePreview file={preview} onClose={() => setPreview(null)} />
    </Stack>
  );
}

function FileLine(props: {
  file: DossierFileView;
  onPreview(): void;
  onDownload(): void;
  onReplace?: () => void;
}) {
  const { file } = props;
  const isOld = file.supersededById !== null;
  return (
    <Group gap={4} wrap="wrap" data-testid="attached-file">
      <Text
        size="sm"
        td={isOld ? 'line-through' : undefined}
        c={isOld ? 'dimmed' : undefined}
        title={`SHA-256 ${file.sha256}`}
      >
        {file.fileName}
      </Text>
      <Text size="xs" c="dimmed">
        {file.version > 1 || isOld ? `bản ${file.version} · ` : ''}
        {formatBytes(file.sizeBytes)}
      </Text>
      <Button size="compact-xs" variant="subtle" onClick={props.onPreview}>
        Xem
      </Button>
      <Button size="compact-xs" variant="subtle" onClick={props.onDownload}>
        Tải về
      </Button>
      {props.onReplace && (
        <Button size="compact-xs" variant="subtle" color="orange" onClick={props.onReplace}>
          Thay bản mới
        </Button>
      )}
    </Group>
  );
}

function DropFolder(props: {
  dossierId: number;
  components: Array<{ no: number; name: string }>;
  onAttached(): void;
}) {
  const [refresh, setRefresh] = useState(0);
  const folder = useApiQuery('attachments.dropFolder.list', {}, refresh);
  const [componentNo, setComponentNo] = useState<string | null>('1');
  const data = folder.data;
  if (!data || data.folder === null) return null;
  const attach = async (name: string) => {
    try {
      await api['attachments.dropFolder.attach']({
        dossierId: props.dossierId,
        componentNo: Number(componentNo ?? '1'),
        name,
      });
      notifySuccess('Đã đính kèm từ thư mục máy quét', name);
      setRefresh((n) => n + 1);
      props.onAttached();
    } catch (error) {
      notifyError('Không đính kèm được', errorMessage(error));
    }
  };
  return (
    <Stack gap={4} data-testid="drop-folder">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          Thư mục máy quét
        </Text>
        <Text size="xs" c="dimmed">
          {data.folder}
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={() => setRefresh((n) => n + 1)}>
          Làm mới
        </Button>
      </Group>
      {data.problem && <Alert color="orange">{data.problem}</Alert>}
      {data.files.length === 0 ? (
        <Text size="xs" c="dimmed">
          Chưa có tệp mới từ máy quét.
        </Text>
      ) : (
        <>
          <Select
            size="xs"
            label="Đính kèm vào thành phần"
            data={props.components.map((c) => ({ value: String(c.no), label: `${c.no}. ${c.name}` }))}
            value={componentNo}
            onChange={setComponentNo}
            maw={420}
          />
          {data.files.map((file) => (
            <Group key={file.name} gap="xs">
              <Text size="sm">{file.name}</Text>
              <Text size="xs" c="dimmed">
                {formatBytes(file.sizeBytes)}
              </Text>
              <Button size="compact-xs" variant="light" onClick={() => void attach(file.name)}>
                Đính kèm
              </Button>
            </Group>
          ))}
        </>
      )}
    </Stack>
  );
}
