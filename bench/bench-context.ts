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

export interface BenchContext {
  appRoot: string;
  dataDir: string;
  count: number;
  runs: number;
  backend: Backend;
  report: Report;
  caller: Caller;
  call(method: string, input: unknown): Promise<unknown>;
}

export const BENCH_CALLER: Caller = { system: { id: 'system:bench', name: 'Bench', roles: ['admin'] } };

/**
 * Opens (or builds once and then reuses) a data folder with `count` demo dossiers in the temp folder, so
 * repeated runs measure queries, not the seeding.
 */
export function prepareStore(
  appRoot: string,
  count: number,
  report: Report,
  fresh: boolean,
): { dataDir: string; backend: Backend } {
  const dataDir = path.join(os.tmpdir(), `licence-desk-bench-${count}`);
  const marker = path.join(dataDir, 'bench-complete');
  if (fresh || !fs.existsSync(marker)) fs.rmSync(dataDir, { recursive: true, force: true });
  const open = () =>
    createBackend({
      dataDir,
      resourcesDir: path.join(appRoot, 'resources'),
      edition: 'cli',
      appVersion: 'bench',
      log: createMemoryLogger(),
    });
  const backend = open();
  if (!fs.existsSync(marker)) {
    const db = backend.ctx.db;
    writeSettings(db, {
      ...defaultSettings,
      agency: { ...defaultSettings.agency, agencyCode: '000.00.00.BENCH' },
    });
    const settings = readSettings(db);
    process.stdout.write(`Building a store of ${count.toLocaleString('en')} dossiers in ${dataDir} …\n`);
    const started = performance.now();
    seedDemo(db, {
      count,
      seed: 2026,
      years: 5,
      now: new Date(),
      settings,
      deadlines: createDeadlineService(db, settings),
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
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');
    fs.writeFileSync(marker, new Date().toISOString());
  }
  return { dataDir, backend };
}

export function makeCall(backend: Backend) {
  return async (method: string, input: unknown) => {
    const reply = await dispatch(backend, method, input, BENCH_CALLER);
    if (!reply.ok) throw new Error(`${method}: ${reply.error.code} ${reply.error.message}`);
    return reply.data;
  };
}
