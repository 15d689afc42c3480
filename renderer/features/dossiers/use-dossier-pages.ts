import type { MethodInput } from '../../../shared/api/contract';
import type { DossierRow } from '../../../shared/api/schemas/dossiers';
import { api } from '../../api/client';
import { useKeysetPages, type KeysetPageFetcher } from '../../lib/use-keyset-pages';

export type ListFilters = Omit<MethodInput<'dossiers.list'>, 'cursor' | 'limit'>;
type Cursor = NonNullable<MethodInput<'dossiers.list'>['cursor']>;

const fetchDossierPage: KeysetPageFetcher<ListFilters, DossierRow, Cursor> = (filters, page) =>
  api['dossiers.list']({ ...filters, ...page });

/** Keyset paging over dossiers.list; remount (React `key`) when the filters change. */
export function useDossierPages(filters: ListFilters) {
  return useKeysetPages(filters, fetchDossierPage);
}
