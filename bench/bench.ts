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
import {
  makeCall,
  openStore,
  preparePostgres,
  prepareStore,
  BENCH_CALLER,
  type BenchContext,
} from './bench-context';
import { startBenchCluster } from './bench-postgres';
import { storeSection } from './sections/store-section';
import { deadlineSection } from './sections/deadline-section';
import { searchSection } from './sections/search-section';
import { documentSection } from './sections/document-section';
import { memorySection } from './sections/memory-section';
import { prepareAppraisers, statisticsSection } from './statistics-bench';
import { importSection } from './import-bench';
import { libreOfficeSection } from './sections/libreoffice-section';
import { uiSection } from './sections/ui-section';
import { crashSection } from './sections/crash-section';
import { officeSection } from './sections/office-section';
import { attachmentsSection } from './sections/attachments-section';

/** Sections that measure SQLite's own machinery, or nothing that depends on the store. */
const SQLITE_ONLY: Record<string, string> = {
  libreoffice: 'measures LibreOffice, not the store: the same figure on either engine',
  crash:
    'the SQLite writer crash loop; PostgreSQL has its own (test/postgres/concurrency.postgres.test.ts: several writer processes SIGKILLed on one database)',
};

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
  attachments: attachmentsSection,
  memory: memorySection,
  ui: uiSection,
  office: officeSection,
  crash: crashSection,
};

/** Child-process mode for the memory section: open the store, do a desk's everyday reads, print RSS. */
async function memoryProbe(dataDir: string, databaseUrl: string | undefined): Promise<void> {
  const appRoot = findAppRoot(__dirname);
  const backend = await createBackend({
    dataDir,
    databaseUrl,
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
  if (probe >= 0) return memoryProbe(process.argv[probe + 1] ?? '', process.argv[probe + 2]);
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: process.env.BENCH_COUNT ?? '1000000' },
      runs: { type: 'string', default: '5' },
      only: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/results.json' },
      'with-libreoffice': { type: 'boolean', default: false },
      'with-crash': { type: 'boolean', default: false },
      // `postgres://…` (an empty database, or one this bench filled before), or `auto` for a throwaway cluster.
      database: { type: 'string' },
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
    databaseUrl: undefined,
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
        b.backend = await openStore(appRoot, dataDir, b.databaseUrl);
      }
    },
    shared: new Map(),
  };
  // The machine may be shared: the 1-minute load average at the start of each section goes with the figures.
  const load: Record<string, number> = {};
  const runSections = async (engine: 'sqlite' | 'postgres') => {
    for (const name of only ?? Object.keys(SECTIONS)) {
      const key = engine === 'sqlite' ? name : `postgres:${name}`;
      load[key] = Number(os.loadavg()[0]!.toFixed(2));
      process.stdout.write(`\n[${key}] (load average ${load[key]} on ${os.cpus().length} cores)\n`);
      const why = engine === 'postgres' ? SQLITE_ONLY[name] : undefined;
      if (why) report.skip(name, `${name} section`, why);
      else await SECTIONS[name]!(b);
    }
  };
  await runSections('sqlite');
  await b.backend.close();
  let cluster: { stop(): void } | undefined;
  if (values.database) {
    // The statistics section's appraisers and pauses are written into the SQLite store first (its fixture SQL
    // is SQLite's), so the moved PostgreSQL store has the same shape.
    b.backend = await openStore(appRoot, dataDir);
    await prepareAppraisers(b);
    await b.backend.close();
    let url = values.database;
    if (url === 'auto') {
      const started = await startBenchCluster(count);
      cluster = started;
      url = started.url;
    }
    report.engine = 'postgres';
    b.databaseUrl = url;
    b.backend = await preparePostgres(appRoot, dataDir, url, report);
    try {
      await runSections('postgres');
    } finally {
      await b.backend.close();
    }
  }
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()}`;
  process.stdout.write(`\n${report.table()}\n\nMachine: ${machine}\n`);
  if (values.database)
    process.stdout.write(`\nSQLite and PostgreSQL side by side:\n\n${report.comparison()}\n`);
  cluster?.stop();
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
