import type { MethodInput } from '../../../shared/api/contract';
import type { DrilldownRow } from '../../../shared/api/schemas/statistics';
import { api } from '../../api/client';
import { useKeysetPages, type KeysetPageFetcher } from '../../lib/use-keyset-pages';

export type DrilldownQuery = Omit<MethodInput<'stats.drilldown'>, 'cursor' | 'limit'>;
type Cursor = NonNullable<MethodInput<'stats.drilldown'>['cursor']>;

const fetchDrilldownPage: KeysetPageFetcher<DrilldownQuery, DrilldownRow, Cursor> = (query, page) =>
  api['stats.drilldown']({ ...query, ...page });

/** Keyset paging over stats.drilldown, like the dossier list; remount (React `key`) for another query. */
export function useDrilldownPages(query: DrilldownQuery) {
  return useKeysetPages(query, fetchDrilldownPage);
}
