import type { BackendContext } from '../context';

/** How long an answer may be reused when nothing announced a change (day-boundary colours, missed events). */
export const LIST_CACHE_TTL_MS = 2_000;
const MAX_ENTRIES = 500;

interface Entry {
  at: number;
  value: Promise<unknown>;
}

/**
 * Identical dossier-list reads of the office server answered once. After every change each open list of the
 * office reloads (live updates), so fifty desks ask for the same first page within milliseconds: the first
 * request runs the query, the others share its answer. Any dossiers.changed event on the bus empties the cache
 * — on PostgreSQL with several server processes the bus carries other processes' changes too — and an entry
 * lives 2 seconds at most. Only the office edition uses it: single-PC editions have one desk.
 */
class ListCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly nowMs: () => number) {}

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.nowMs();
    const known = this.entries.get(key);
    if (known && now - known.at < LIST_CACHE_TTL_MS) return known.value as Promise<T>;
    const value = load();
    this.entries.set(key, { at: now, value });
    // A failed read is not remembered.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

const caches = new WeakMap<BackendContext, ListCache>();

/** The answer for `key`, shared with identical reads since the last change (office edition only). */
export function cachedList<T>(ctx: BackendContext, key: string, load: () => Promise<T>): Promise<T> {
  if (ctx.edition !== 'office') return load();
  let cache = caches.get(ctx);
  if (!cache) {
    const created = new ListCache(() => Date.now());
    ctx.events.subscribe((message) => {
      if (message.event.type === 'dossiers.changed') created.clear();
    });
    caches.set(ctx, (cache = created));
  }
  return cache.get(key, load);
}
