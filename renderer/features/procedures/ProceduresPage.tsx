import { useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ProcedureView } from '../../../shared/api/schemas/procedures';
import { foldVietnamese, foldedSearchTerms } from '../../../shared/domain/text-fold';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/use-api-query';
import { useHasRole } from '../../app/app-context';
import { formatDate, formatDeadline } from '../../lib/format';
import { ConfigureProcedureModal } from './ConfigureProcedureModal';
import { sectorLabels } from './procedure-options';

const listAll = { includeUnconfigured: true };
const issuerLabels: Record<ProcedureView['issuer'], string> = { so: 'Sở', ubnd: 'UBND tỉnh' };

type Show = 'all' | 'unconfigured';

export function ProceduresPage() {
  const procedures = useApiQuery('procedures.list', listAll);
  const [search, setSearch] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [editing, setEditing] = useState<ProcedureView | null>(null);
  // procedures.configure is admin-only in the contract; others see the catalogue read-only.
  const isAdmin = useHasRole('admin');

  const all = procedures.data;
  const unconfiguredCount = all?.filter((p) => !p.isConfigured).length ?? 0;
  const rows = useMemo(() => {
    const terms = foldedSearchTerms(search);
    return (all ?? []).filter((p) => {
      if (show === 'unconfigured' && p.isConfigured) return false;
      const haystack = foldVietnamese(`${p.code ?? ''} ${p.name} ${p.id}`);
      return terms.every((term) => haystack.includes(term));
    });
  }, [all, search, show]);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={3}>Thủ tục hành chính</Title>
        {unconfiguredCount > 0 && (
          <Text size="sm" c="orange.8">
            {unconfiguredCount} thủ tục chưa có thời hạn giải quyết — chưa thể tiếp nhận hồ sơ cho các thủ tục
            này.
          </Text>
        )}
      </Group>
      <Group gap="sm" align="flex-end">
        <TextInput
          label="Tìm thủ tục"
          placeholder="Tên hoặc mã thủ tục"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          style={{ flex: 1, maxWidth: 480 }}
        />
        <SegmentedControl
          aria-label="Lọc thủ tục"
          value={show}
          onChange={(value) => setShow(value === 'unconfigured' ? 'unconfigured' : 'all')}
          data={[
            { value: 'all', label: 'Tất cả' },
            { value: 'unconfigured', label: `Cần cấu hình (${unconfiguredCount})` },
          ]}
        />
      </Group>

      {procedures.error != null && (
        <Alert color="red" title="Không tải được danh mục thủ tục">
          {errorMessage(procedures.error)}
        </Alert>
      )}

      <Paper withBorder>
        <Table striped="even" highlightOnHover verticalSpacing={6} fz="sm" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={100}>Mã TTHC</Table.Th>
              <Table.Th>Tên thủ tục</Table.Th>
              <Table.Th w={170}>Lĩnh vực</Table.Th>
              <Table.Th w={120}>Cấp giải quyết</Table.Th>
              <Table.Th w={170}>Thời hạn giải quyết</Table.Th>
              <Table.Th w={110}>Hiệu lực từ</Table.Th>
              <Table.Th w={120} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id} data-testid="procedure-row">
                <Table.Td ff="monospace">{p.code ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm">{p.name}</Text>
                  {p.legalBasis.length > 0 && (
                    <Text size="xs" c="dimmed" lineClamp={1} title={p.legalBasis.join('; ')}>
                      {p.legalBasis.join('; ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{sectorLabels[p.sector]}</Table.Td>
                <Table.Td>{issuerLabels[p.issuer]}</Table.Td>
                <Table.Td>
                  {p.isConfigured && p.deadline && p.deadlineUnit ? (
                    formatDeadline({ amount: p.deadline, unit: p.deadlineUnit })
                  ) : (
                    <Badge color="orange">cần cấu hình</Badge>
                  )}
                </Table.Td>
                <Table.Td>{formatDate(p.effectiveFrom)}</Table.Td>
                <Table.Td>
                  {isAdmin && (
                    <Button
                      size="xs"
                      variant={p.isConfigured ? 'subtle' : 'light'}
                      color={p.isConfigured ? 'gray' : 'orange'}
                      onClick={() => setEditing(p)}
                      aria-label={`Cấu hình thời hạn: ${p.name}`}
                    >
                      {p.isConfigured ? 'Sửa thời hạn' : 'Cấu hình'}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {procedures.data && rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    Không có thủ tục phù hợp.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>

      {editing && (
        <ConfigureProcedureModal
          key={editing.id}
          procedure={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            procedures.reload();
          }}
        />
      )}
    </Stack>
  );
}
