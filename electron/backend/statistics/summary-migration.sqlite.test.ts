import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { configure } from '../db/open-database';
import { SqliteStore } from '../store/sqlite/sqlite-store';
import { migrations } from '../db/migrations';
import { up as statisticsSummary } from '../db/migrations/0004-statistics-summary';
import { seedCatalogue } from '../procedures/seed-catalogue';
import { resourcesDir } from '../../../test/helpers/test-backend';
import { countsFromSums } from '../../../shared/domain/statistics';
import { insertAppraiser, insertFixture } from './stats-test-support';
import { referenceReport } from './reference-report';
import { pauseDaysWaited, sumsByAssignee, sumsByProcedure, totalSums } from './summary-repo';

/** Migration 0004 on a store that already holds dossiers: the backfill equals what the triggers would keep. */
describe('migration 0004-statistics-summary', () => {
  it('backfills the summary from existing dossiers and pauses, then keeps it with triggers', async () => {
    const native = new Database(':memory:');
    configure(native);
    const db = SqliteStore.borrow(native, 'migration test');
    const before = migrations.findIndex((m) => m.name === '0004-statistics-summary');
    expect(before).toBe(3);
    for (const migration of migrations.slice(0, before)) migration.up(native);
    await seedCatalogue(db, path.join(resourcesDir, 'seed'), '2026-01-01T00:00:00+07:00');
    const a = await insertAppraiser(db, 'cv.a', 'A');
    await insertFixture(db, {
      receiptDate: '2026-02-20',
      dueDate: '2026-03-06',
      completedDate: '2026-03-03',
      processingDays: 8,
    });
    await insertFixture(db, {
      receiptDate: '2026-02-24',
      dueDate: '2026-03-10',
      status: 'appraising',
      assigneeId: a,
    });
    await insertFixture(db, {
      receiptDate: '2026-03-09',
      channel: 'online',
      dueDate: null,
      status: 'awaiting_supplement',
      assigneeId: a,
      pauses: [
        { from: '2026-03-10', to: '2026-03-12' },
        { from: '2026-03-20', to: null },
      ],
    });
    await insertFixture(db, {
      procedureId: 'BC-BT',
      receiptDate: '2026-03-04',
      dueDate: '2026-03-18',
      completedDate: '2026-03-26',
    });
    expect(await db.get("SELECT count(*) AS n FROM sqlite_master WHERE name = 'stats_daily'")).toEqual({
      n: 0,
    });

    native.transaction(() => statisticsSummary(native))();
    // Written after the migration: kept by the triggers.
    await insertFixture(db, {
      receiptDate: '2026-03-05',
      channel: 'post',
      dueDate: '2026-03-19',
      completedDate: '2026-03-19',
    });

    for (const period of [
      { from: '2026-03-01', to: '2026-03-31' },
      { from: '2026-02-15', to: '2026-03-14' },
      { from: '2026-03-10', to: '2026-03-10' },
    ]) {
      const reference = await referenceReport(db, period, '2026-04-01');
      for (const sums of await sumsByProcedure(db, period)) {
        expect(countsFromSums(sums)).toEqual(reference.byProcedure.get(sums.procedureId)?.counts);
      }
      for (const sums of await sumsByAssignee(db, period, totalSums(await sumsByProcedure(db, period)))) {
        expect(countsFromSums(sums)).toEqual(reference.byAssignee.get(sums.assigneeId)?.counts);
        const pauses = reference.pausesByAssignee.get(sums.assigneeId) ?? {
          count: 0,
          daysWaited: 0,
          open: 0,
        };
        expect({
          count: sums.pauseCount,
          daysWaited: pauseDaysWaited(sums, '2026-04-01'),
          open: sums.pauseOpen,
        }).toEqual(pauses);
      }
    }
    native.close();
  });
});
