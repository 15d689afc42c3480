// Bundles the Node-side entry points (CLI + web edition, Electron main and preload, benchmarks) to CommonJS.
// Native and Electron modules stay external: better-sqlite3 is loaded from node_modules at run time.
import { build } from 'esbuild';
import fs from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  // scripts/test-prerequisites.mjs guards its import.meta use for when it is bundled into CommonJS.
  logOverride: { 'empty-import-meta': 'silent' },
  external: ['electron', 'better-sqlite3', 'pg-native'],
};

const entries = [
  { entryPoints: ['electron/backend/cli/entry.ts'], outfile: 'dist/cli.cjs' },
  { entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' },
  // The sandboxed preload can only require a few Electron modules: bundle everything else in.
  { entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs' },
  { entryPoints: ['bench/bench.ts'], outfile: 'dist/bench/bench.cjs' },
].filter((entry) => fs.existsSync(entry.entryPoints[0]));

await Promise.all(entries.map((entry) => build({ ...common, ...entry })));
