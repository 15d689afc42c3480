// Several LicenceDesk processes on one PostgreSQL database (two office servers, a standby) and many clients:
// writers in separate processes issue licences at the same time, and are SIGKILLed at random moments, mid-
// transaction. No acknowledged write may be lost, no licence number skipped or given twice, and the audit chain
// must stay one valid chain (reliability.md 5-M1).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertSurvived,
  buildCrashChild,
  prepareCrashStore,
  runAndKill,
  type Ack,
} from '../crash/crash-harness';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-postgres';
import { openPostgresStore } from '../../electron/backend/store/postgres/open-postgres-store';
import { verifyStore } from '../../electron/backend/store/verify-store';
import { createRandom } from '../../electron/backend/demo/random';

const CYCLES = Number(process.env.PG_CRASH_CYCLES ?? 8);
const PROCESSES = 3;
let bundle: string;
let dataDir: string;
let databaseUrl: string;
let appraiserId: number;

beforeAll(async () => {
  bundle = buildCrashChild();
  // One data folder for the writers (the licence-signing key lives there), one database for all of them.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'licence-desk-pg-crash-'));
  databaseUrl = await createTestDatabase();
  appraiserId = await prepareCrashStore(dataDir, databaseUrl);
}, 60_000);

afterAll(async () => {
  await dropTestDatabase(databaseUrl);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('PostgreSQL with several server processes', () => {
  it(
    `keeps numbers gapless and one audit chain while ${PROCESSES} processes issue and are killed, ${CYCLES} times`,
    async () => {
      const random = createRandom(20261204);
      const acknowledged: Ack[] = [];
      let startIndex = 1;
      for (let cycle = 0; cycle < CYCLES; cycle += 1) {
        // All writers at once, each killed at its own random moment, most of them inside a transaction.
        const runs = await Promise.all(
          Array.from({ length: PROCESSES }, () => {
            const run = runAndKill({
              bundle,
              dataDir,
              appraiserId,
              startIndex,
              killAfterMs: 3000 + random.int(0, 5000),
              databaseUrl,
            });
            startIndex += 1000;
            return run;
          }),
        );
        for (const [i, run] of runs.entries()) {
          expect(run.stderr, `cycle ${cycle} process ${i}`).toBe('');
          acknowledged.push(...run.acks);
        }
        const store = await openPostgresStore(databaseUrl, { poolSize: 2 });
        try {
          await assertSurvived(store, acknowledged, `cycle ${cycle}`);
        } finally {
          await store.close();
        }
      }
      const store = await openPostgresStore(databaseUrl, { poolSize: 2 });
      try {
        const report = await verifyStore(store);
        expect(report.lines.join('\n'), report.lines.join('\n')).toMatch(/integrity_check: ok/);
        expect(report.ok).toBe(true);
        const numbers = await store.all<{ number: number }>('SELECT number FROM licences ORDER BY number');
        expect(new Set(numbers.map((n) => n.number)).size).toBe(numbers.length);
      } finally {
        await store.close();
      }
      expect(acknowledged.length).toBeGreaterThan(CYCLES * PROCESSES);
      process.stdout.write(
        `postgres crash loop: ${CYCLES} cycles × ${PROCESSES} processes, ${acknowledged.length} acknowledged\n`,
      );
    },
    CYCLES * 20_000 + 60_000,
  );
});
