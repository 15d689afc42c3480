import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      '{electron,shared,resources,test/unit,test/crash,test/durability}/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
