import { useCallback, useMemo, useState } from 'react';
import { Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  dossierStatuses,
  dossierStatusLabels,
  type DossierStatus,
} from '../../../shared/domain/dossier-status';
import { useApiQuery } from '../../api/use-api-query';
import { anyChange, useDossierChanges } from '../../api/use-app-event';
import { navigate } from '../../app/routes';
import { formatCount } from '../../lib/format';
import { procedureFilter, procedureOptions } from '../procedures/procedure-options';
import { DossierTable } from './DossierTable';
import type { ListFilters } from './use-dossier-pages';

const listAll = { includeUnconfigured: true };
const statusOptions = dossierStatuses.map((status) => ({
  value: status,
  label: dossierStatusLabels[status],
}));

function isStatus(value: string | null): value is DossierStatus {
  return value !== null && (dossierStatuses as readonly string[]).includes(value);
}

/**
 * The list stays mounted (hidden) while a dossier page is open, so the clerk comes back to the same search;
 * its rows are fetched again on return, since the dossier may have moved on meanwhile.
 */
export function DossierListPage({ isHidden }: { isHidden: boolean }) {
  const [wasHidden, setWasHidden] = useState(isHidden);
  const [refreshCount, setRefreshCount] = useState(0);
  if (wasHidden !== isHidden) {
    setWasHidden(isHidden);
    if (!isHidden) setRefreshCount((n) => n + 1);
  }
  // Someone at another desk received or moved a dossier: show it without a reload (a hidden list refreshes
  // when it comes back anyway).
  useDossierChanges(anyChange, () => {
    if (!isHidden) setRefreshCount((n) => n + 1);
  });
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<DossierStatus | null>(null);
  const [procedureId, setProcedureId] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  // Searching runs on the backend's folded index; wait for a pause in typing instead of one call per key.
  const [debouncedQuery] = useDebouncedValue(query.trim(), 300);
  const procedures = useApiQuery('procedures.list', listAll);
  const procedureData = useMemo(() => procedureOptions(procedures.data ?? []), [procedures.data]);

  const filters = useMemo<ListFilters>(
    () => ({
      ...(debouncedQuery ? { query: debouncedQuery } : {}),
      ...(status ? { status } : {}),
      ...(procedureId ? { procedureId } : {}),
    }),
    [debouncedQuery, status, procedureId],
  );
  const filterKey = JSON.stringify(filters);
  const hasFilters = filterKey !== '{}';
  const onOpen = useCallback((id: number) => navigate({ page: 'dossiers', dossierId: id }), []);
  const onTotal = useCallback((value: number | null) => setTotal(value), []);

  return (
    <Stack
      gap="sm"
      display={isHidden ? 'none' : undefined}
      h="calc(100dvh - var(--app-shell-header-height, 52px) - 2 * var(--mantine-spacing-md))"
    >
      <Group justify="space-between" align="flex-end">
        <Title order={3}>Danh sách hồ sơ</Title>
        <Text size="sm" c="dimmed" aria-live="polite">
          Tổng số:{' '}
          <Text span fw={600} c="dark" data-testid="dossier-total">
            {total === null ? '…' : formatCount(total)}
          </Text>{' '}
          hồ sơ
        </Text>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label="Tìm kiếm"
          placeholder="Mã hồ sơ hoặc tên người nộp — gõ có dấu hay không dấu đều được"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          maxLength={200}
          style={{ flex: 1, minWidth: 280 }}
        />
        <Select
          label="Trạng thái"
          placeholder="Tất cả"
          data={statusOptions}
          value={status}
          onChange={(value) => setStatus(isStatus(value) ? value : null)}
          clearable
          w={190}
        />
        <Select
          label="Thủ tục"
          placeholder="Tất cả thủ tục"
          data={procedureData}
          value={procedureId}
          onChange={setProcedureId}
          searchable
          clearable
          filter={procedureFilter}
          nothingFoundMessage="Không có thủ tục phù hợp"
          comboboxProps={{ width: 520, position: 'bottom-end' }}
          w={300}
        />
      </Group>
      {/* Keyed by the filters: a new search starts a new paging session from the newest dossier. */}
      <DossierTable
        key={`${filterKey}#${refreshCount}`}
        filters={filters}
        hasFilters={hasFilters}
        onOpen={onOpen}
        onTotal={onTotal}
      />
    </Stack>
  );
}
