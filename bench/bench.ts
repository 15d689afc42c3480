// `npm run bench`: builds (once) a store of --count demo dossiers in the temp folder and prints median/p95
// figures per section, with the issues' targets, then writes bench/results.json. Separate from the tests.
// Flags and what every figure means: bench/README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findAppRoot } from '../electron/backend/app-root';
import { createBackend } from '../electron/backend/create-backend';
import { createMemoryLogger } from '../electron/backend/log';
import { Report } from './bench-harness';
import { makeCall, openStore, prepareStore, BENCH_CALLER, type BenchContext } from './bench-context';
import { storeSection } from './sections/store-section';
import { deadlineSection } from './sections/deadline-section';
import { searchSection } from './sections/search-section';
import { documentSection } from './sections/document-section';
import { memorySection } from './sections/memory-section';
import { statisticsSection } from './statistics-bench';
import { importSection } from './import-bench';
import { libreOfficeSection } from './sections/libreoffice-section';
import { uiSection } from './sections/ui-section';
import { crashSection } from './sections/crash-section';
import { officeSection } from './sections/office-section';

// In run order. `ui` closes the bench's backend while the web edition holds the data folder and reopens it
// afterwards; `libreoffice` and `crash` decide themselves whether they may run (see their flags).
const SECTIONS: Record<string, (b: BenchContext) => Promise<void>> = {
  store: storeSection,
  deadlines: deadlineSection,
  search: searchSection,
  documents: documentSection,
  libreoffice: libreOfficeSection,
  statistics: statisticsSection,
  import: importSection,
  memory: memorySection,
  ui: uiSection,
  office: officeSection,
  crash: crashSection,
};

/** Child-process mode for the memory section: open the store, do a desk's everyday reads, print RSS. */
async function memoryProbe(dataDir: string): Promise<void> {
  const appRoot = findAppRoot(__dirname);
  const backend = await createBackend({
    dataDir,
    resourcesDir: path.join(appRoot, 'resources'),
    edition: 'cli',
    appVersion: 'bench',
    log: createMemoryLogger(),
  });
  const call = makeCall(backend);
  const page = (await call('dossiers.list', { limit: 100 })) as { items: Array<{ id: number }> };
  await call('dossiers.list', { query: 'nguyen van', limit: 100 });
  for (const item of page.items.slice(0, 20)) await call('dossiers.get', { id: item.id });
  process.stdout.write(`${JSON.stringify({ rssMb: process.memoryUsage().rss / 2 ** 20 })}\n`);
  await backend.close();
}

async function main(): Promise<void> {
  const probe = process.argv.indexOf('--memory-probe');
  if (probe >= 0) return memoryProbe(process.argv[probe + 1] ?? '');
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: process.env.BENCH_COUNT ?? '1000000' },
      runs: { type: 'string', default: '5' },
      only: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/results.json' },
      'with-libreoffice': { type: 'boolean', default: false },
      'with-crash': { type: 'boolean', default: false },
    },
  });
  const count = Number(values.count);
  const runs = Number(values.runs);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive whole number`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number`);
  const only = values.only ? values.only.split(',').map((name) => name.trim()) : null;
  for (const name of only ?? []) {
    if (!SECTIONS[name])
      throw new Error(`unknown section ${name}; known: ${Object.keys(SECTIONS).join(', ')}`);
  }
  const appRoot = findAppRoot(__dirname);
  const report = new Report();
  const { dataDir, backend } = await prepareStore(appRoot, count, report, values.fresh);
  const b: BenchContext = {
    appRoot,
    dataDir,
    count,
    runs,
    backend,
    report,
    caller: BENCH_CALLER,
    options: {
      withLibreOffice: values['with-libreoffice'] || process.env.LICENCE_DESK_BENCH_LIBREOFFICE === '1',
      withCrash: values['with-crash'] || (only?.includes('crash') ?? false),
      only,
    },
    call: (method, input) => makeCall(b.backend)(method, input),
    async withStoreReleased(fn) {
      await b.backend.close();
      try {
        return await fn();
      } finally {
        b.backend = await openStore(appRoot, dataDir);
      }
    },
    shared: new Map(),
  };
  // The machine may be shared: the 1-minute load average at the start of each section goes with the figures.
  const load: Record<string, number> = {};
  for (const name of only ?? Object.keys(SECTIONS)) {
    load[name] = Number(os.loadavg()[0]!.toFixed(2));
    process.stdout.write(`\n[${name}] (load average ${load[name]} on ${os.cpus().length} cores)\n`);
    await SECTIONS[name]!(b);
  }
  await b.backend.close();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()}`;
  process.stdout.write(`\n${report.table()}\n\nMachine: ${machine}\n`);
  fs.mkdirSync(path.dirname(values.out), { recursive: true });
  fs.writeFileSync(
    values.out,
    JSON.stringify({ at: new Date().toISOString(), count, runs, machine, load, rows: report.rows }, null, 2),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
