// reliability.md §2.4 / issue 6: a writer is SIGKILLed at random moments; after every kill the store must be
// intact, hold every acknowledged write, keep licence numbers gapless and its audit chain valid.
// CRASH_CYCLES sets the number of cycles (CI: 50; `npm run bench` runs 200).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../electron/backend/db/open-database';
import { createRandom } from '../../electron/backend/demo/random';
import { assertSurvived, buildCrashChild, prepareCrashStore, runAndKill, type Ack } from './crash-harness';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 50);
let childBundle: string;
let dataDir: string;
let appraiserId: number;

beforeAll(async () => {
  childBundle = buildCrashChild();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'licence-desk-crash-'));
  appraiserId = await prepareCrashStore(dataDir);
}, 60_000);

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('crash loop', () => {
  it(
    `keeps every acknowledged licence, gapless numbers and a valid audit chain over ${CYCLES} SIGKILLs`,
    async () => {
      const random = createRandom(20261126);
      const acknowledged: Ack[] = [];
      let startIndex = 1;
      for (let cycle = 0; cycle < CYCLES; cycle += 1) {
        // The child needs about a second to start (bundle load, quick_check); kill within its working life.
        const { acks, stderr } = await runAndKill({
          bundle: childBundle,
          dataDir,
          appraiserId,
          startIndex,
          killAfterMs: 900 + random.int(0, 2500),
        });
        expect(stderr, `cycle ${cycle}`).toBe('');
        acknowledged.push(...acks);
        startIndex += 1000;

        const db = openSqliteStore(path.join(dataDir, 'licence-desk.db'));
        try {
          expect(db.native.pragma('integrity_check', { simple: true }), `cycle ${cycle}`).toBe('ok');
          expect(db.native.pragma('foreign_key_check')).toEqual([]);
          await assertSurvived(db, acknowledged, `cycle ${cycle}`);
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
