import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Store } from '../store/sql';
import { openTestStore } from '../../../test/helpers/test-store';
import { seedCatalogue } from '../procedures/seed-catalogue';
import { resourcesDir } from '../../../test/helpers/test-backend';
import { countsFromSums, ZERO_COUNTS, type Period } from '../../../shared/domain/statistics';
import { addDays, insertAppraiser, insertFixture, instant } from './stats-test-support';
import { referenceReport } from './reference-report';
import { pauseDaysWaited, sumsByAssignee, sumsByProcedure, totalSums } from './summary-repo';

/*
 * The summary tables against the brute-force reference, on random dossier histories: inserts, completions with
 * any class (consistent with the dates or not), reassignments, due dates moved or cleared (supplements,
 * pauses), reopened and corrected dossiers, supplement pauses opened and closed — then random periods.
 */

const BASE = '2026-01-01';
const TODAY = '2026-07-01';
const PROCEDURES = ['XB-TLKKD', 'IN-DK', 'BC-BT'] as const;

let db: Store | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function freshDb(): Promise<Store> {
  const opened = await openTestStore();
  await seedCatalogue(opened, path.join(resourcesDir, 'seed'), '2026-01-01T00:00:00+07:00');
  return opened;
}

const day = (offset: number) => addDays(BASE, offset);

class RolledBack extends Error {}

async function inRolledBackTransaction(d: Store, work: () => Promise<void>): Promise<void> {
  try {
    await d.transaction(async () => {
      await work();
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
}

const dossierArb = fc.record({
  procedure: fc.constantFrom(...PROCEDURES),
  channel: fc.constantFrom('direct' as const, 'post' as const, 'online' as const),
  receipt: fc.integer({ min: 0, max: 120 }),
  due: fc.option(fc.integer({ min: -3, max: 25 }), { nil: null }),
  done: fc.option(fc.integer({ min: 0, max: 45 }), { nil: null }),
  cls: fc.option(fc.constantFrom('early' as const, 'on_time' as const, 'late' as const), { nil: null }),
  days: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
  assignee: fc.integer({ min: 0, max: 2 }),
  pauses: fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 20 }),
      length: fc.option(fc.integer({ min: 0, max: 15 }), { nil: null }),
    }),
    {
      maxLength: 2,
    },
  ),
});

const mutationArb = fc.record({
  target: fc.nat(),
  kind: fc.constantFrom(
    'reassign',
    'moveDue',
    'clearDue',
    'reopen',
    'complete',
    'earlierReceipt',
    'resumePause',
    'channel',
  ),
  amount: fc.integer({ min: 0, max: 30 }),
  pick: fc.integer({ min: 0, max: 2 }),
});

const periodArb = fc
  .tuple(fc.integer({ min: -20, max: 170 }), fc.integer({ min: 0, max: 120 }))
  .map(([start, length]): Period => ({ from: day(start), to: day(Math.min(start + length, 181)) }));

describe('daily summary = brute force', () => {
  it('for random histories and random periods', async () => {
    // One store; each history is written inside a transaction that is rolled back afterwards, so every run
    // starts from the empty store without the cost of a new database (PostgreSQL leg).
    const d = await freshDb();
    db = d;
    await fc.assert(
      fc.asyncProperty(
        fc.array(dossierArb, { maxLength: 30 }),
        fc.array(mutationArb, { maxLength: 20 }),
        fc.array(periodArb, { minLength: 1, maxLength: 4 }),
        (dossiers, mutations, periods) =>
          inRolledBackTransaction(d, async () => {
            const appraisers = [
              null,
              await insertAppraiser(d, 'cv.a', 'A'),
              await insertAppraiser(d, 'cv.b', 'B'),
            ];
            const ids: number[] = [];
            for (const x of dossiers) {
              ids.push(
                await insertFixture(d, {
                  procedureId: x.procedure,
                  channel: x.channel,
                  receiptDate: day(x.receipt),
                  // A negative offset stands for a due date before receipt (bad data): still counted consistently.
                  dueDate: x.due === null ? null : day(x.receipt + x.due),
                  completedDate: x.done === null ? null : day(x.receipt + x.done),
                  completionClass: x.cls,
                  processingDays: x.days,
                  assigneeId: appraisers[x.assignee] ?? null,
                  status: x.done === null ? 'appraising' : undefined,
                  pauses: x.pauses.map((p) => ({
                    from: day(x.receipt + p.at),
                    to: p.length === null ? null : day(x.receipt + p.at + p.length),
                  })),
                }),
              );
            }
            for (const m of mutations) await applyMutation(d, ids, appraisers, m);
            for (const period of periods) await compare(d, period);
          }),
      ),
      { numRuns: 150 },
    );
  });

  it('rolls the counters back with the write that failed', async () => {
    const d = await freshDb();
    db = d;
    await insertFixture(d, { receiptDate: '2026-03-02', completedDate: '2026-03-05' });
    const before = await d.all('SELECT * FROM stats_daily ORDER BY procedure_id, day');
    await expect(
      d.transaction(async () => {
        await insertFixture(d, { receiptDate: '2026-03-03', completedDate: '2026-03-04' });
        throw new Error('the receipt could not be printed');
      }),
    ).rejects.toThrow('printed');
    expect(await d.all('SELECT * FROM stats_daily ORDER BY procedure_id, day')).toEqual(before);
  });

  it('refuses a completion before the receipt date (the counters rely on it)', async () => {
    const d = await freshDb();
    db = d;
    const id = await insertFixture(d, { receiptDate: '2026-03-10' });
    await expect(
      d.run('UPDATE dossiers SET completed_at = ? WHERE id = ?', [instant('2026-03-09'), id]),
    ).rejects.toThrow('completed_at precedes receipt_date');
  });
});

async function applyMutation(
  d: Store,
  ids: readonly number[],
  appraisers: readonly (number | null)[],
  m: { target: number; kind: string; amount: number; pick: number },
): Promise<void> {
  if (ids.length === 0) return;
  const id = ids[m.target % ids.length] as number;
  const row = (await d.get('SELECT receipt_date, completed_at, due_date FROM dossiers WHERE id = ?', [
    id,
  ])) as {
    receipt_date: string;
    completed_at: string | null;
    due_date: string | null;
  };
  switch (m.kind) {
    case 'reassign':
      await d.run('UPDATE dossiers SET assignee_id = ? WHERE id = ?', [appraisers[m.pick] ?? null, id]);
      break;
    case 'moveDue':
      await d.run('UPDATE dossiers SET due_date = ? WHERE id = ?', [
        addDays(row.receipt_date, m.amount - 5),
        id,
      ]);
      break;
    case 'clearDue':
      await d.run('UPDATE dossiers SET due_date = NULL, due_at = NULL, due_ms = NULL WHERE id = ?', [id]);
      break;
    case 'reopen':
      await d.run(
        "UPDATE dossiers SET completed_at = NULL, completed_ms = NULL, completion_class = NULL, processing_working_days = NULL, status = 'appraising' WHERE id = ?",
        [id],
      );
      break;
    case 'complete': {
      const at = instant(addDays(row.receipt_date, m.amount), '15:00:00');
      const cls = (['early', 'on_time', 'late'] as const)[m.pick] ?? null;
      await d.run(
        "UPDATE dossiers SET completed_at = ?, completion_class = ?, processing_working_days = ?, status = 'refused' WHERE id = ?",
        [at, cls, m.amount, id],
      );
      break;
    }
    case 'earlierReceipt':
      await d.run('UPDATE dossiers SET receipt_date = ? WHERE id = ?', [
        addDays(row.receipt_date, -m.amount),
        id,
      ]);
      break;
    case 'resumePause':
      await d.run(
        `UPDATE dossier_pauses SET resumed_at = ? WHERE id = (SELECT id FROM dossier_pauses WHERE dossier_id = ? AND resumed_at IS NULL LIMIT 1)`,
        [instant(day(150), '08:00:00'), id],
      );
      break;
    case 'channel':
      await d.run('UPDATE dossiers SET channel = ? WHERE id = ?', [
        (['direct', 'post', 'online'] as const)[m.pick],
        id,
      ]);
      break;
  }
}

async function compare(d: Store, period: Period): Promise<void> {
  const reference = await referenceReport(d, period, TODAY);
  const fast = new Map((await sumsByProcedure(d, period)).map((s) => [s.procedureId, s]));
  for (const procedure of new Set([...fast.keys(), ...reference.byProcedure.keys()])) {
    const f = fast.get(procedure);
    const r = reference.byProcedure.get(procedure);
    expect({ procedure, period, counts: f ? countsFromSums(f) : ZERO_COUNTS }).toEqual({
      procedure,
      period,
      counts: r?.counts ?? ZERO_COUNTS,
    });
    expect([f?.processingDaysSum ?? 0, f?.processingDaysCount ?? 0]).toEqual([
      r?.processingDaysSum ?? 0,
      r?.processingDaysCount ?? 0,
    ]);
  }
  const byAssignee = new Map(
    (await sumsByAssignee(d, period, totalSums(await sumsByProcedure(d, period)))).map((s) => [
      s.assigneeId,
      s,
    ]),
  );
  for (const assignee of new Set([
    ...byAssignee.keys(),
    ...reference.byAssignee.keys(),
    ...reference.pausesByAssignee.keys(),
  ])) {
    const f = byAssignee.get(assignee);
    expect({ assignee, period, counts: f ? countsFromSums(f) : ZERO_COUNTS }).toEqual({
      assignee,
      period,
      counts: reference.byAssignee.get(assignee)?.counts ?? ZERO_COUNTS,
    });
    const pauses = reference.pausesByAssignee.get(assignee) ?? { count: 0, daysWaited: 0, open: 0 };
    expect({
      assignee,
      count: f?.pauseCount ?? 0,
      daysWaited: f ? pauseDaysWaited(f, TODAY) : 0,
      open: f?.pauseOpen ?? 0,
    }).toEqual({ assignee, ...pauses });
  }
}
