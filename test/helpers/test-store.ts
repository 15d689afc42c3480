import { openSqliteStore } from '../../electron/backend/db/open-database';
import type { Store } from '../../electron/backend/store/sql';

/** A fresh, migrated, empty store for repository-level tests (no backend, no seeds). */
export async function openTestStore(): Promise<Store> {
  return openSqliteStore(':memory:');
}
