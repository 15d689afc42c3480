import { useCallback, useEffect, useRef, useState } from 'react';

export const PAGE_SIZE = 200;

/** One page of a keyset-paged list, as the backend's list methods return it. */
export interface KeysetPage<Item, Cursor> {
  items: Item[];
  total: number;
  nextCursor: Cursor | null;
}

/** Fetches the page after `cursor` (none: the first page) for `query`; a module-level function, so it is stable. */
export type KeysetPageFetcher<Query, Item, Cursor> = (
  query: Query,
  page: { cursor?: Cursor; limit: number },
) => Promise<KeysetPage<Item, Cursor>>;

interface PagesState<Item, Cursor> {
  items: Item[];
  total: number | null;
  nextCursor: Cursor | null;
  error: unknown;
  hasLoaded: boolean;
}

export interface KeysetPages<Item, Cursor = unknown> extends PagesState<Item, Cursor> {
  /** Ask for the page after the last one loaded (no-op while one is on its way or at the end). */
  loadMore(): void;
  retry(): void;
}

/**
 * Keyset paging over a list method: each page costs the same at 1,000,000 rows as at 100, and only pages the
 * clerk scrolls to are ever fetched. The hook is meant to be remounted (React `key`) when the query changes,
 * so an old query's page can never land in a new query's list.
 */
export function useKeysetPages<Query, Item, Cursor>(
  query: Query,
  fetcher: KeysetPageFetcher<Query, Item, Cursor>,
): KeysetPages<Item, Cursor> {
  const [state, setState] = useState<PagesState<Item, Cursor>>({
    items: [],
    total: null,
    nextCursor: null,
    error: undefined,
    hasLoaded: false,
  });
  const isFetching = useRef(false);
  const isMounted = useRef(true);

  const fetchPage = useCallback(
    async (cursor: Cursor | null) => {
      if (isFetching.current) return;
      isFetching.current = true;
      try {
        const page = await fetcher(query, { ...(cursor ? { cursor } : {}), limit: PAGE_SIZE });
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
    [query, fetcher],
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
