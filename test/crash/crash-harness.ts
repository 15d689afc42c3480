import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { expect } from 'vitest';
import { repoRoot, sampleSettings, testSession } from '../helpers/test-backend';
import { createBackend } from '../../electron/backend/create-backend';
import { dispatch } from '../../electron/backend/dispatch';
import { createMemoryLogger } from '../../electron/backend/log';
import type { Sql } from '../../electron/backend/store/sql';
import { verifyAuditChain } from '../../electron/backend/audit/audit-chain';

/** A licence the writer reported as issued ("ACK" is printed only after the issuing transaction commits). */
export interface Ack {
  code: string;
  licence: string;
}

/** Bundles test/crash/crash-child.ts into one file a plain `node` can run (better-sqlite3 stays external). */
export function buildCrashChild(): string {
  const outfile = path.join(repoRoot, '.tmp', 'crash-child.cjs');
  buildSync({
    entryPoints: [path.join(repoRoot, 'test/crash/crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'pg-native'],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * Runs the writer (receive → assign → fields → propose → approve → issue, in a loop) and SIGKILLs it after
 * `killAfterMs`; `databaseUrl` puts it on PostgreSQL instead of the folder's SQLite file.
 */
export function runAndKill(options: {
  bundle: string;
  dataDir: string;
  appraiserId: number;
  startIndex: number;
  killAfterMs: number;
  databaseUrl?: string;
}): Promise<{ acks: Ack[]; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env };
    if (options.databaseUrl) env.LICENCE_DESK_DATABASE_URL = options.databaseUrl;
    else delete env.LICENCE_DESK_DATABASE_URL;
    const child = spawn(
      process.execPath,
      [
        options.bundle,
        options.dataDir,
        path.join(repoRoot, 'resources'),
        String(options.appraiserId),
        String(options.startIndex),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env },
    );
    const acks: Ack[] = [];
    let buffer = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, code, licence] = line.split(' ');
        if (kind === 'ACK' && code && licence) acks.push({ code, licence });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve({ acks, stderr });
    });
  });
}

/**
 * What must hold after any kill: every acknowledged licence is there under its number, every series is gapless
 * from 1 with its counter in step, and the audit chain verifies.
 */
export async function assertSurvived(db: Sql, acknowledged: readonly Ack[], label: string): Promise<void> {
  const issued = new Map(
    (
      await db.all<{ code: string; formatted: string }>(
        'SELECT d.code, l.formatted FROM licences l JOIN dossiers d ON d.id = l.dossier_id',
      )
    ).map((r) => [r.code, r.formatted]),
  );
  for (const ack of acknowledged)
    expect(issued.get(ack.code), `${label}: acknowledged ${ack.code}`).toBe(ack.licence);
  const series = await db.all<{ series: string; year: number; n: number; top: number }>(
    'SELECT series, year, count(*) AS n, max(number) AS top FROM licences GROUP BY series, year',
  );
  for (const s of series) {
    expect(s.top, `${label}: ${s.series}/${s.year} has no gap`).toBe(s.n);
    const counter = await db.get<{ last: number }>('SELECT last FROM counters WHERE name = ?', [
      `licence:${s.series}:${s.year}`,
    ]);
    expect(counter?.last, `${label}: counter of ${s.series}/${s.year}`).toBe(s.n);
  }
  const chain = await verifyAuditChain(db);
  expect(chain.ok, `${label}: ${chain.ok ? '' : chain.reason}`).toBe(true);
}

/** A configured store (one-person workflow) with one appraiser for the writers to assign to; its id. */
export async function prepareCrashStore(dataDir: string, databaseUrl?: string): Promise<number> {
  const backend = await createBackend({
    dataDir,
    resourcesDir: path.join(repoRoot, 'resources'),
    edition: 'cli',
    appVersion: 'crash',
    log: createMemoryLogger(),
    databaseUrl,
  });
  try {
    const call = async (method: string, input: unknown) => {
      const reply = await dispatch(backend, method, input, testSession);
      if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
      return reply.data as { id: number };
    };
    await call('settings.update', {
      ...sampleSettings,
      workflow: { requireTwoPeople: false, maxSupplementRequests: 1, signerRoles: ['director'] },
    });
    const appraiser = await call('users.create', {
      username: 'cv.crash',
      fullName: 'Chuyên viên Thử Nghiệm',
      title: null,
      roles: ['appraiser'],
      temporaryPassword: 'mat-khau-tam-thoi',
    });
    return appraiser.id;
  } finally {
    await backend.close();
  }
}
