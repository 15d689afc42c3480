// reliability.md 2-C2: a backup killed at any moment never yields a "good" backup, the source stays intact,
// and the next backup cleans up and succeeds. The backup runs in a child process (plain Node + better-sqlite3,
// bundled from fixtures/backup-child.ts with esbuild) that the test SIGKILLs.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../electron/backend/db/open-database';
import { auditHead } from '../../electron/backend/audit/audit-chain';
import { verifyStore } from '../../electron/backend/store/verify-store';
import { createBackup } from '../../electron/backend/backup/create-backup';
import { listBackups } from '../../electron/backend/backup/list-backups';
import { restoreBackup } from '../../electron/backend/backup/restore-backup';
import { repoRoot } from '../helpers/test-backend';
import {
  cleanupTempDirs,
  configuredBackend,
  receiveDossiers,
  rowCounts,
  tempDir,
} from './durability-helpers';

const FILLER_ROWS = 50_000;
let childScript: string;
let dbFile: string;
let sourceCounts: Record<string, number>;
let sourceHead: { seq: number; hash: string } | null;

beforeAll(async () => {
  const buildDir = tempDir('ld-kill-build-');
  childScript = path.join(buildDir, 'backup-child.cjs');
  buildSync({
    entryPoints: [path.join(__dirname, 'fixtures', 'backup-child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'error',
  });

  // A store big enough that copying it takes many backup steps: a few real dossiers through the API, then
  // 50,000 timeline rows by raw SQL (~10 MB).
  const t = await configuredBackend();
  const [first] = await receiveDossiers(t, 3);
  const db = t.backend.ctx.db;
  await db.run(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO dossier_events (dossier_id, at, actor_id, actor_name, kind, note)
     SELECT ?, '2026-11-26T09:30:00+07:00', 'test:filler', 'Kiểm thử', 'note',
            printf('Ghi chú số %d: hồ sơ đã được chuyển cho chuyên viên thẩm định, chờ ý kiến lãnh đạo phòng.', i)
     FROM n`,
    [FILLER_ROWS, first],
  );
  sourceCounts = await rowCounts(db);
  sourceHead = await auditHead(db);
  dbFile = path.join(t.dataDir, 'licence-desk.db');
  await t.backend.close(); // keep the folder: the children open this file
}, 60_000);

afterAll(() => cleanupTempDirs());

interface Child {
  proc: ChildProcess;
  lines: string[];
  waitFor(prefix: string): Promise<void>;
  kill(): Promise<void>;
}

async function runChild(dest: string, stop: string, pagesPerStep = 8): Promise<Child> {
  const proc = spawn(process.execPath, [childScript, dbFile, dest, stop, String(pagesPerStep)], {
    env: { ...process.env, NODE_PATH: path.join(repoRoot, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<{ prefix: string; resolve: () => void }> = [];
  let buffer = '';
  let stderr = '';
  proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  proc.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n')) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      lines.push(line);
      for (const w of waiters.filter((x) => line.startsWith(x.prefix))) w.resolve();
    }
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    proc,
    lines,
    waitFor: (prefix) =>
      new Promise<void>((resolve, reject) => {
        if (lines.some((l) => l.startsWith(prefix))) return resolve();
        waiters.push({ prefix, resolve });
        void exited.then(() =>
          reject(new Error(`child exited before "${prefix}": ${lines.join(' | ')} ${stderr}`)),
        );
      }),
    // Wait for 'exit' so the pid is reaped: a zombie still answers kill(pid, 0).
    kill: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
}

function partials(dest: string): string[] {
  return fs.readdirSync(dest).filter((n) => n.startsWith('.partial-'));
}

/** The source survived the kill: integrity, chain, and every row. */
async function assertSourceIntact(): Promise<void> {
  const db = openSqliteStore(dbFile);
  try {
    expect((await verifyStore(db)).ok).toBe(true);
    expect(await rowCounts(db)).toEqual(sourceCounts);
    expect(await auditHead(db)).toEqual(sourceHead);
  } finally {
    await db.close();
  }
}

/** The next backup (in this process) removes the leftovers and succeeds. */
async function nextBackupSucceeds(dest: string) {
  const db = openSqliteStore(dbFile);
  try {
    const result = await createBackup(db, {
      destDir: dest,
      now: new Date(Date.now() + 5_000),
      appVersion: 'after-kill',
      reason: 'manual',
      utcOffsetMinutes: 420,
    });
    expect(partials(dest)).toEqual([]);
    return result;
  } finally {
    await db.close();
  }
}

/** Every backup listed as good really is: it restores, verified, with the source's rows. */
async function assertEveryGoodBackupRestores(dest: string): Promise<number> {
  const listing = await listBackups(dest, { verify: 'full' });
  for (const good of listing.good) {
    const restored = await restoreBackup(good.path, {
      targetDataDir: path.join(tempDir('ld-kill-r-'), 'data'),
    });
    expect(Object.fromEntries(restored.rowCounts.map((c) => [c.table, c.rows]))).toEqual(sourceCounts);
    expect(restored.auditHead).toEqual(sourceHead);
  }
  return listing.good.length;
}

describe('kill during backup', () => {
  const stops = ['copy:3', 'copy:40', 'sync:0', 'verify:0', 'hash:0', 'publish:0'];
  for (const stop of stops) {
    it(`killed at ${stop}: no good backup, source intact, next backup cleans up and succeeds`, async () => {
      const dest = tempDir('ld-kill-');
      const child = await runChild(dest, stop);
      await child.waitFor('FROZEN');
      expect(partials(dest).some((n) => n.endsWith('.db'))).toBe(true);
      await child.kill();

      const listing = await listBackups(dest, { verify: 'full' });
      expect(listing.good).toEqual([]);
      expect(listing.problems.map((p) => p.kind)).toContain('partial');
      await assertSourceIntact();

      const next = await nextBackupSucceeds(dest);
      expect(next.cleaned.length).toBeGreaterThan(0);
      expect(await assertEveryGoodBackupRestores(dest)).toBe(1);
    }, 60_000);
  }

  it('killed between publishing the file and its manifest: not good until the next run rolls it forward', async () => {
    const dest = tempDir('ld-kill-');
    const child = await runChild(dest, 'publish:1');
    await child.waitFor('FROZEN');
    await child.kill();
    const listing = await listBackups(dest, { verify: 'full' });
    expect(listing.good).toEqual([]);
    expect(listing.problems.map((p) => p.kind)).toEqual(['no-manifest']);
    // The verified copy is published by the next run (its hash still matches), the partial manifest is gone.
    await nextBackupSucceeds(dest);
    expect(await assertEveryGoodBackupRestores(dest)).toBe(2);
  }, 60_000);

  it('killed at random moments: whatever is listed as good restores intact', async () => {
    for (let cycle = 0; cycle < 8; cycle += 1) {
      const dest = tempDir('ld-kill-');
      const child = await runChild(dest, 'none', 4);
      await child.waitFor('PROGRESS copy');
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 400)));
      await child.kill();
      const finished = child.lines.some((l) => l.startsWith('DONE'));
      const good = await assertEveryGoodBackupRestores(dest);
      // A run that printed DONE published its backup; one that did not may or may not have (killed after the
      // last rename but before printing), but never anything that fails verification.
      if (finished) expect(good).toBe(1);
      expect(good).toBeLessThanOrEqual(1);
      await assertSourceIntact();
      // Killed between the two renames: the file is there without its manifest, and the next run publishes it.
      const rolledForward = (await listBackups(dest)).problems.some((p) => p.kind === 'no-manifest') ? 1 : 0;
      await nextBackupSucceeds(dest);
      expect(await assertEveryGoodBackupRestores(dest)).toBe(good + rolledForward + 1);
    }
  }, 180_000);
});
