import { defineConfig } from 'vitest/config';

// The SQLite leg of the store matrix (and every test that needs no store). The PostgreSQL leg is
// vitest.postgres.config.ts; `npm run test:unit` runs both.
export default defineConfig({
  test: {
    include: [
      '{electron,shared,resources,test/unit,test/crash,test/durability}/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/*.postgres.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
