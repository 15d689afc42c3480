// Legacy import (issue 5 §5, Performance): 100,000 rows under 20 s with progress shown. Each run imports a
// generated file into a fresh store in the temp folder (the shared bench store is left as it is). Plug into
// bench.ts as `import: importSection`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createBackend } from '../electron/backend/create-backend';
import { dispatch } from '../electron/backend/dispatch';
import { createMemoryLogger } from '../electron/backend/log';
import { importDossiers, type ImportProgress } from '../electron/backend/import/import-dossiers';
import { makeSampleRows, toCsv, toXlsx } from '../electron/backend/import/sample-file';
import type { BenchContext } from './bench-context';

export interface ImportBenchOptions {
  appRoot: string;
  rows?: number;
  format?: 'csv' | 'xlsx';
  /** Called with each progress report (the CLI draws its bar from the same callback). */
  onProgress?: (progress: ImportProgress) => void;
  /** A PostgreSQL server to import into (a fresh database is created on it, and dropped afterwards). */
  databaseUrl?: string;
}

export interface ImportBenchResult {
  format: 'csv' | 'xlsx';
  rows: number;
  fileMb: number;
  /** The dry run: read + check every row. */
  dryRunS: number;
  /** The real import: read + check + write everything in one transaction. */
  importS: number;
  /** CPU time (user + system) of the real import: what the wall time would be on an idle machine. */
  importCpuS: number;
  imported: number;
  rowsPerSecond: number;
  progressCalls: number;
}

const SETTINGS = {
  agency: {
    governingBody: 'UBND tỉnh Bắc Ninh',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    shortSymbol: 'SVHTTDL',
    placeName: 'Bắc Ninh',
    agencyCode: '000.00.14.H20',
    deskName: 'Bộ phận Một cửa',
  },
  office: {
    utcOffsetMinutes: 420,
    sessions: [
      { start: '07:30', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ],
    cutoff: '15:00',
    dueSoonWorkingDays: 2,
    classificationGranularity: 'date',
  },
  authorities: { so: { signers: [] }, ubnd: { name: 'Ủy ban nhân dân tỉnh Bắc Ninh', signers: [] } },
  receiverName: null,
};

const ACTOR = { id: 'system:bench', name: 'Bench', roles: ['admin'] as const };

/** Generates a file of `rows` legacy dossiers (three years), then times a dry run and the real import. */
export async function runImportBench(options: ImportBenchOptions): Promise<ImportBenchResult> {
  const rows = options.rows ?? 100_000;
  const format = options.format ?? 'csv';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'licence-desk-import-bench-'));
  const fresh = options.databaseUrl ? await freshDatabase(options.databaseUrl) : undefined;
  const backend = await createBackend({
    dataDir,
    resourcesDir: path.join(options.appRoot, 'resources'),
    edition: 'cli',
    appVersion: 'bench',
    log: createMemoryLogger(),
    databaseUrl: fresh?.url,
  });
  try {
    const configured = await dispatch(backend, 'settings.update', SETTINGS, {
      system: { ...ACTOR, roles: ['admin'] },
    });
    if (!configured.ok) throw new Error(`settings.update failed: ${configured.error.message}`);
    const sample = makeSampleRows({ count: rows, seed: 2026, from: '2023-01-02', to: '2025-12-31' });
    const bytes = format === 'csv' ? toCsv(sample.rows, { bom: true }) : await toXlsx(sample.rows);
    const file = { name: `bench.${format}`, bytes };
    let progressCalls = 0;
    const onProgress = (progress: ImportProgress) => {
      progressCalls += 1;
      options.onProgress?.(progress);
    };
    const actor = { id: ACTOR.id, name: ACTOR.name };

    let started = performance.now();
    const dry = await importDossiers(backend.ctx, file, { dryRun: true, actor, onProgress });
    const dryRunS = (performance.now() - started) / 1000;
    if (dry.errorCount > 0) throw new Error(`generated file has errors: ${dry.errors[0]?.message ?? ''}`);

    started = performance.now();
    const cpu = process.cpuUsage();
    const report = await importDossiers(backend.ctx, file, { dryRun: false, actor, onProgress });
    const importS = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const importCpuS = (used.user + used.system) / 1e6;
    return {
      format,
      rows,
      fileMb: bytes.length / 2 ** 20,
      dryRunS,
      importS,
      importCpuS,
      imported: report.imported,
      rowsPerSecond: report.imported / importS,
      progressCalls,
    };
  } finally {
    await backend.close();
    await fresh?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** An empty database beside the bench database on the same server (the bench login must be allowed to create it). */
async function freshDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `licence_desk_import_bench_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The bench section: 100,000 rows from CSV and from XLSX. */
export async function importSection(b: BenchContext): Promise<void> {
  for (const format of ['csv', 'xlsx'] as const) {
    const result = await runImportBench({ appRoot: b.appRoot, format, databaseUrl: b.databaseUrl });
    b.report.add({
      section: 'import',
      name: `import 100,000 rows from ${format.toUpperCase()} (${result.fileMb.toFixed(1)} MB), one transaction`,
      value: result.importS,
      unit: 's',
      target: '< 20 s',
      met: result.importS < 20,
      note: `CPU ${result.importCpuS.toFixed(1)} s; dry run ${result.dryRunS.toFixed(1)} s; ${Math.round(result.rowsPerSecond)} rows/s; ${result.progressCalls} progress calls`,
    });
  }
}
