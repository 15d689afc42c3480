// reliability.md §2.4 / issue 6: a writer is SIGKILLed at random moments; after every kill the store must be
// intact, hold every acknowledged write, keep licence numbers gapless and its audit chain valid.
// CRASH_CYCLES sets the number of cycles (CI: 50; `npm run bench` runs 200).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { dispatch } from '../../electron/backend/dispatch';
import { createMemoryLogger } from '../../electron/backend/log';
import { openSqliteStore } from '../../electron/backend/db/open-database';
import { verifyAuditChain } from '../../electron/backend/audit/audit-chain';
import { repoRoot, sampleSettings, testSession } from '../helpers/test-backend';
import { createRandom } from '../../electron/backend/demo/random';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 50);
const childBundle = path.join(repoRoot, '.tmp', 'crash-child.cjs');
let dataDir: string;
let appraiserId: number;

beforeAll(async () => {
  buildSync({
    entryPoints: [path.join(repoRoot, 'test/crash/crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    outfile: childBundle,
    logLevel: 'warning',
  });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'licence-desk-crash-'));
  const backend = await createBackend({
    dataDir,
    resourcesDir: path.join(repoRoot, 'resources'),
    edition: 'cli',
    appVersion: 'crash',
    log: createMemoryLogger(),
  });
  const call = async (method: string, input: unknown) => {
    const reply = await dispatch(backend, method, input, testSession);
    if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
    return reply.data as { id: number };
  };
  await call('settings.update', {
    ...sampleSettings,
    workflow: { requireTwoPeople: false, maxSupplementRequests: 1, signerRoles: ['director'] },
  });
  appraiserId = (
    await call('users.create', {
      username: 'cv.crash',
      fullName: 'Chuyên viên Thử Nghiệm',
      title: null,
      roles: ['appraiser'],
      temporaryPassword: 'mat-khau-tam-thoi',
    })
  ).id;
  await backend.close();
}, 60_000);

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Ack {
  code: string;
  licence: string;
}

function runAndKill(startIndex: number, killAfterMs: number): Promise<{ acks: Ack[]; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [childBundle, dataDir, path.join(repoRoot, 'resources'), String(appraiserId), String(startIndex)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
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
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve({ acks, stderr });
    });
  });
}

describe('crash loop', () => {
  it(
    `keeps every acknowledged licence, gapless numbers and a valid audit chain over ${CYCLES} SIGKILLs`,
    async () => {
      const random = createRandom(20261126);
      const acknowledged: Ack[] = [];
      let startIndex = 1;
      for (let cycle = 0; cycle < CYCLES; cycle += 1) {
        // The child needs about a second to start (bundle load, quick_check); kill within its working life.
        const { acks, stderr } = await runAndKill(startIndex, 900 + random.int(0, 2500));
        expect(stderr, `cycle ${cycle}`).toBe('');
        acknowledged.push(...acks);
        startIndex += 1000;

        const db = openSqliteStore(path.join(dataDir, 'licence-desk.db'));
        try {
          expect(db.native.pragma('integrity_check', { simple: true }), `cycle ${cycle}`).toBe('ok');
          expect(db.native.pragma('foreign_key_check')).toEqual([]);
          const issued = new Map(
            (
              (await db.all(
                'SELECT d.code, l.formatted FROM licences l JOIN dossiers d ON d.id = l.dossier_id',
              )) as Array<{
                code: string;
                formatted: string;
              }>
            ).map((r) => [r.code, r.formatted]),
          );
          for (const ack of acknowledged)
            expect(issued.get(ack.code), `acknowledged ${ack.code}`).toBe(ack.licence);
          const series = (await db.all(
            'SELECT series, year, count(*) AS n, max(number) AS top FROM licences GROUP BY series, year',
          )) as Array<{
            series: string;
            year: number;
            n: number;
            top: number;
          }>;
          for (const s of series) {
            expect(s.top, `${s.series}/${s.year} has no gap`).toBe(s.n);
            const counter = (await db.get('SELECT last FROM counters WHERE name = ?', [
              `licence:${s.series}:${s.year}`,
            ])) as { last: number };
            expect(counter.last).toBe(s.n);
          }
          const chain = await verifyAuditChain(db);
          expect(chain.ok, `cycle ${cycle}: ${chain.ok ? '' : chain.reason}`).toBe(true);
        } finally {
          await db.close();
        }
      }
      // The loop must have exercised real work, not only start-ups.
      expect(acknowledged.length).toBeGreaterThan(CYCLES);
      process.stdout.write(`crash loop: ${CYCLES} cycles, ${acknowledged.length} acknowledged\n`);
    },
    CYCLES * 8_000 + 30_000,
  );
});
