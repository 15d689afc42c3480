import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../electron/backend/create-backend';
import { dispatch, type Backend } from '../electron/backend/dispatch';
import type { Caller } from '../electron/backend/context';
import { createMemoryLogger } from '../electron/backend/log';
import { readSettings, writeSettings, defaultSettings } from '../electron/backend/settings/settings-repo';
import { createDeadlineService } from '../electron/backend/calendar/deadline-service';
import { seedDemo } from '../electron/backend/demo/seed-demo';
import type { Report } from './bench-harness';
import type { Sql } from '../electron/backend/store/sql';
import { openSqliteStore } from '../electron/backend/db/open-database';
import { DATABASE_FILE } from '../electron/backend/data-dir';
import { openPostgresStore, redactUrl } from '../electron/backend/store/postgres/open-postgres-store';
import { moveStore } from '../electron/backend/store/move-store';
import { officeDate } from '../shared/domain/office-time';

export interface BenchOptions {
  /** --with-libreoffice or LICENCE_DESK_BENCH_LIBREOFFICE=1: may install LibreOffice with apt-get. */
  withLibreOffice: boolean;
  /** --with-crash (or `crash` named in --only): run the 200-cycle crash loop (5–8 minutes). */
  withCrash: boolean;
  /** Sections named in --only, or null for the default set. */
  only: string[] | null;
}

export interface BenchContext {
  appRoot: string;
  dataDir: string;
  /** The PostgreSQL database of this pass, or undefined on the data folder's SQLite file. */
  databaseUrl: string | undefined;
  count: number;
  runs: number;
  /** The bench's own backend on the store; replaced when a section releases and reopens the store. */
  backend: Backend;
  report: Report;
  caller: Caller;
  options: BenchOptions;
  /** Dispatches through the current backend as BENCH_CALLER (admin). */
  call(method: string, input: unknown): Promise<unknown>;
  /**
   * Closes the bench's backend so that another process can take the data folder (its lock), runs `fn`, then
   * reopens the store whatever happened.
   */
  withStoreReleased<T>(fn: () => Promise<T>): Promise<T>;
  /** Values one section leaves for another (e.g. the licence PDF median for the LibreOffice ratio). */
  shared: Map<string, unknown>;
}

export const BENCH_CALLER: Caller = { system: { id: 'system:bench', name: 'Bench', roles: ['admin'] } };

/**
 * Opens (or builds once and then reuses) a data folder with `count` demo dossiers in the temp folder, so
 * repeated runs measure queries, not the seeding.
 */
export async function prepareStore(
  appRoot: string,
  count: number,
  report: Report,
  fresh: boolean,
): Promise<{ dataDir: string; backend: Backend }> {
  const dataDir = benchDataDir(count);
  const marker = path.join(dataDir, 'bench-complete');
  if (fresh || !fs.existsSync(marker)) fs.rmSync(dataDir, { recursive: true, force: true });
  const backend = await openStore(appRoot, dataDir);
  if (!fs.existsSync(marker)) {
    const db = backend.ctx.db;
    await writeSettings(db, {
      ...defaultSettings,
      agency: { ...defaultSettings.agency, agencyCode: '000.00.00.BENCH' },
    });
    const settings = await readSettings(db);
    process.stdout.write(`Building a store of ${count.toLocaleString('en')} dossiers in ${dataDir} …\n`);
    const started = performance.now();
    await seedDemo(db, {
      count,
      seed: 2026,
      years: 5,
      now: new Date(),
      settings,
      deadlines: await createDeadlineService(db, settings),
      actor: { id: 'system:bench', name: 'Bench' },
      appVersion: 'bench',
      batchSize: 20_000,
    });
    const seconds = (performance.now() - started) / 1000;
    report.add({
      section: 'store',
      name: 'bulk insert (demo seeder: due dates, codes, FTS, summary triggers)',
      value: count / seconds,
      unit: 'rows/s',
      note: `${count.toLocaleString('en')} rows in ${seconds.toFixed(1)} s`,
    });
    // Fresh planner statistics, as an office's store has after its nightly upkeep (both engines know ANALYZE).
    await db.run('ANALYZE');
    fs.writeFileSync(marker, new Date().toISOString());
  }
  return { dataDir, backend };
}

/**
 * The reusable store of `count` dossiers. LICENCE_DESK_BENCH_DIR names another parent folder: several checkouts
 * on one machine (each with its own migrations) must not share one store.
 */
export function benchDataDir(count: number): string {
  return path.join(process.env.LICENCE_DESK_BENCH_DIR ?? os.tmpdir(), `licence-desk-bench-${count}`);
}

/** The bench's in-process backend on a data folder (CLI edition: no lock, no maintenance timers). */
export async function openStore(appRoot: string, dataDir: string, databaseUrl?: string): Promise<Backend> {
  return await createBackend({
    dataDir,
    resourcesDir: path.join(appRoot, 'resources'),
    edition: 'cli',
    appVersion: 'bench',
    log: createMemoryLogger(),
    databaseUrl,
  });
}

/**
 * The same bench store on PostgreSQL: the SQLite bench store moved into the database with `move-store` (which
 * also proves the copy equal), once; a database already holding as many dossiers is reused as it is.
 */
export async function preparePostgres(
  appRoot: string,
  dataDir: string,
  databaseUrl: string,
  report: Report,
): Promise<Backend> {
  const source = openSqliteStore(path.join(dataDir, DATABASE_FILE));
  const target = await openPostgresStore(databaseUrl);
  try {
    const count = async (db: Sql) =>
      (await db.get<{ n: number }>('SELECT count(*) AS n FROM dossiers'))?.n ?? 0;
    const [here, there] = [await count(source), await count(target)];
    if (there !== here) {
      if (there !== 0)
        throw new Error(
          `${databaseUrl} holds ${there} dossiers, the bench store ${here}: use an empty database`,
        );
      process.stdout.write(`Moving the bench store into PostgreSQL (${redactUrl(databaseUrl)}) …\n`);
      const started = performance.now();
      const moved = await moveStore(source, target, {
        today: officeDate(new Date(), 420),
        onProgress: ({ table, done, total }) => {
          if (done === total || done % 100_000 === 0) process.stdout.write(`  ${table}: ${done}/${total}\n`);
        },
      });
      if (!moved.ok) throw new Error(`move-store did not prove the copy equal:\n${moved.lines.join('\n')}`);
      const seconds = (performance.now() - started) / 1000;
      report.add({
        section: 'store',
        name: 'move-store: SQLite bench store into PostgreSQL, proved equal (counts, head, register, Biểu 06 per year)',
        value: here / seconds,
        unit: 'rows/s',
        note: `${here.toLocaleString('en')} dossiers in ${seconds.toFixed(1)} s`,
      });
      await target.run('ANALYZE');
    }
  } finally {
    await target.close();
    await source.close();
  }
  return openStore(appRoot, dataDir, databaseUrl);
}

/** Dispatches as `caller`, throwing on an error reply (for section set-up and measured calls alike). */
export async function callAs(backend: Backend, caller: Caller, method: string, input: unknown) {
  const reply = await dispatch(backend, method, input, caller);
  if (!reply.ok) {
    const fields = reply.error.fieldErrors ? ` ${JSON.stringify(reply.error.fieldErrors)}` : '';
    // An INTERNAL error's cause is only in the backend's log (the memory logger keeps it).
    const lines = (backend.ctx.log as { lines?: Array<{ level: string; data?: unknown }> }).lines ?? [];
    const logged =
      reply.error.code === 'INTERNAL' ? lines.filter((l) => l.level === 'error').pop() : undefined;
    const cause = logged ? ` (log: ${JSON.stringify(logged.data)})` : '';
    throw new Error(`${method}: ${reply.error.code} ${reply.error.message}${fields}${cause}`);
  }
  return reply.data;
}

export function makeCall(backend: Backend) {
  return (method: string, input: unknown) => callAs(backend, BENCH_CALLER, method, input);
}
