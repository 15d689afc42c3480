import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTestBackend, sampleSettings, type TestBackend } from '../../../test/helpers/test-backend';
import { importDossiers } from './import-dossiers';
import { makeSampleRows, toCsv, toXlsx } from './sample-file';

// reliability.md 4-F1: whatever the bytes, the importer answers with a report — no exception escapes, no
// write happens in a dry run, Object.prototype stays clean.

let t: TestBackend;
let csv: Uint8Array;
let xlsx: Uint8Array;
const actor = { id: 'test:fuzz', name: 'Fuzz' };

beforeAll(async () => {
  t = await makeTestBackend();
  await t.call('settings.update', sampleSettings);
  const { rows } = makeSampleRows({ count: 20, seed: 1 });
  rows[3] = {
    ...(rows[3] as (typeof rows)[number]),
    ten_to_chuc_ca_nhan: '__proto__',
    ghi_chu: 'constructor',
  };
  csv = toCsv(rows);
  xlsx = await toXlsx(rows);
});
afterAll(() => t.close());

function mutate(base: Uint8Array, edits: Array<{ at: number; byte: number }>, cut: number): Uint8Array {
  const copy = base.slice(0, Math.max(1, Math.floor(base.length * cut)));
  for (const { at, byte } of edits) copy[at % copy.length] = byte;
  return copy;
}

const edits = fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), {
  maxLength: 12,
});

it('never throws on random or mutated files, and a dry run writes nothing', async () => {
  const count = async () =>
    (await t.backend.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM dossiers'))?.n ?? 0;
  const before = await count();
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.uint8Array({ maxLength: 2000 }),
        fc.tuple(edits, fc.double({ min: 0.05, max: 1, noNaN: true })).map(([e, cut]) => mutate(csv, e, cut)),
        fc
          .tuple(edits, fc.double({ min: 0.05, max: 1, noNaN: true }))
          .map(([e, cut]) => mutate(xlsx, e, cut)),
      ),
      fc.constantFrom('a.csv', 'a.xlsx', 'a.txt'),
      async (bytes, name) => {
        const report = await importDossiers(t.backend.ctx, { name, bytes }, { dryRun: true, actor });
        expect(['checked', 'refused']).toContain(report.outcome);
        expect(report.totalRows).toBeGreaterThanOrEqual(report.validRows);
      },
    ),
    { numRuns: 150, seed: Number(process.env.FC_SEED ?? 5) },
  );
  expect(await count()).toBe(before);
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(({} as Record<string, unknown>).toString).toBe(Object.prototype.toString);
});
