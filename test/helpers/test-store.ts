import { openSqliteStore } from '../../electron/backend/db/open-database';
import type { Store } from '../../electron/backend/store/sql';
import { openPostgresStore } from '../../electron/backend/store/postgres/open-postgres-store';
import { createTestDatabase, dropTestDatabase, isPostgresRun } from './test-postgres';

/**
 * A fresh, migrated, empty store for repository-level tests (no backend, no seeds), on the engine of this leg
 * of the store matrix. Closing it removes it.
 */
export async function openTestStore(): Promise<Store> {
  if (!isPostgresRun()) return openSqliteStore(':memory:');
  const url = await createTestDatabase();
  const store = await openPostgresStore(url, { poolSize: 4 });
  const close = store.close.bind(store);
  return Object.assign(store, {
    close: async () => {
      await close();
      await dropTestDatabase(url);
    },
  });
}
