import { defineConfig } from 'vitest/config';

/*
 * The PostgreSQL leg of the store matrix: the same backend tests on a throwaway PostgreSQL cluster
 * (test/setup/postgres-global-setup.ts), each backend on a database of its own. Left out, with their reason:
 * - shared/** and the document builders' pure tests: they touch no store, so a second run proves nothing;
 * - `*.sqlite.test.ts`: SQLite's own machinery (the file, its pragmas, migrations 0001–0006, the online backup
 *   API, SQLITE_FULL/BUSY, EXPLAIN QUERY PLAN). Their PostgreSQL counterparts are the `*.postgres.test.ts` files.
 */
export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'test/durability/**/*.test.ts', 'test/postgres/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.sqlite.test.ts'],
    globalSetup: ['test/setup/postgres-global-setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
