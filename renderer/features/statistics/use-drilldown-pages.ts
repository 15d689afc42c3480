import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../shared/api/contract';
import type { DrilldownRow } from '../../../shared/api/schemas/statistics';
import { api } from '../../api/client';

export type DrilldownQuery = Omit<MethodInput<'stats.drilldown'>, 'cursor' | 'limit'>;
type Cursor = MethodOutput<'stats.drilldown'>['nextCursor'];

const PAGE_SIZE = 200;

interface PagesState {
  items: DrilldownRow[];
  total: number | null;
  nextCursor: Cursor;
  error: unknown;
  hasLoaded: boolean;
}

/**
 * Keyset paging over stats.drilldown, like the dossier list: only the pages scrolled to are fetched. Remount
 * (React `key`) for another query.
 */
export function useDrilldownPages(query: DrilldownQuery) {
  const [state, setState] = useState<PagesState>({
    items: [],
    total: null,
    nextCursor: null,
    error: undefined,
    hasLoaded: false,
  });
  const isFetching = useRef(false);
  const isMounted = useRef(true);

  const fetchPage = useCallback(
    async (cursor: Cursor) => {
      if (isFetching.current) return;
      isFetching.current = true;
      try {
        const page = await api['stats.drilldown']({
          ...query,
          ...(cursor ? { cursor } : {}),
          limit: PAGE_SIZE,
        });
        if (!isMounted.current) return;
        setState((previous) => ({
          items: cursor ? previous.items.concat(page.items) : page.items,
          total: page.total,
          nextCursor: page.nextCursor,
          error: undefined,
          hasLoaded: true,
        }));
      } catch (error) {
        if (isMounted.current) setState((previous) => ({ ...previous, error, hasLoaded: true }));
      } finally {
        isFetching.current = false;
      }
    },
    [query],
  );

  useEffect(() => {
    isMounted.current = true;
    void fetchPage(null);
    return () => {
      isMounted.current = false;
    };
  }, [fetchPage]);

  const { nextCursor, error, items } = state;
  const loadMore = useCallback(() => {
    if (nextCursor && !error) void fetchPage(nextCursor);
  }, [fetchPage, nextCursor, error]);
  const retry = useCallback(() => {
    setState((previous) => ({ ...previous, error: undefined }));
    void fetchPage(items.length > 0 ? nextCursor : null);
  }, [fetchPage, items.length, nextCursor]);

  return { ...state, loadMore, retry };
}
