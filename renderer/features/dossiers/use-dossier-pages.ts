import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../shared/api/contract';
import type { DossierRow } from '../../../shared/api/schemas/dossiers';
import { api } from '../../api/client';

export type ListFilters = Omit<MethodInput<'dossiers.list'>, 'cursor' | 'limit'>;
type Cursor = MethodOutput<'dossiers.list'>['nextCursor'];

export const PAGE_SIZE = 200;

interface PagesState {
  items: DossierRow[];
  total: number | null;
  nextCursor: Cursor;
  error: unknown;
  hasLoaded: boolean;
}

export interface DossierPages extends PagesState {
  /** Ask for the page after the last one loaded (no-op while one is on its way or at the end). */
  loadMore(): void;
  retry(): void;
}

/**
 * Keyset paging over dossiers.list: each page costs the same at 1,000,000 rows as at 100, and only pages the
 * clerk scrolls to are ever fetched. The hook is meant to be remounted (React `key`) when the filters change,
 * so an old filter's page can never land in a new filter's list.
 */
export function useDossierPages(filters: ListFilters): DossierPages {
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
        const page = await api['dossiers.list']({
          ...filters,
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
    [filters],
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
