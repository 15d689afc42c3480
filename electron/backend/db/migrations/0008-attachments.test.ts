import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { configure } from '../open-database';
import { SqliteStore } from '../../store/sqlite/sqlite-store';
import { migrations } from './index';
import { seedCatalogue } from '../../procedures/seed-catalogue';
import { resourcesDir } from '../../../../test/helpers/test-backend';
import { insertFixture } from '../../statistics/stats-test-support';

/** The digitisation counters, recomputed from the dossiers the slow way (what the triggers must keep). */
async function bruteForce(db: SqliteStore) {
  return db.all(
    `SELECT procedure_id, substr(completed_at, 1, 10) AS day, count(*) AS results_expected,
        sum(e_result_sha256 IS NOT NULL) AS e_results, sum(scans_attached >= scans_required) AS scans_complete,
        sum(e_result_sha256 IS NOT NULL AND scans_attached >= scans_required) AS digitised
       FROM dossiers WHERE completed_at IS NOT NULL AND status NOT IN ('withdrawn', 'stopped')
       GROUP BY procedure_id, day ORDER BY procedure_id, day`,
  );
}

async function kept(db: SqliteStore) {
  return db.all(
    `SELECT procedure_id, day, results_expected, e_results, scans_complete, digitised FROM stats_digital_daily
      WHERE results_expected <> 0 ORDER BY procedure_id, day`,
  );
}

describe('migration 0008-attachments', () => {
  it('backfills existing dossiers, then keeps the digitisation state with triggers', async () => {
    const native = new Database(':memory:');
    configure(native);
    const db = SqliteStore.borrow(native, 'migration test');
    const at = migrations.findIndex((m) => m.name === '0008-attachments');
    for (const migration of migrations.slice(0, at)) migration.up(native);
    await seedCatalogue(db, path.join(resourcesDir, 'seed'), '2026-01-01T00:00:00+07:00');
    const old = await insertFixture(db, {
      receiptDate: '2026-02-20',
      completedDate: '2026-03-03',
      provided: [true, false, true],
    });
    await insertFixture(db, { receiptDate: '2026-02-21', completedDate: '2026-03-04', status: 'withdrawn' });
    await insertFixture(db, { receiptDate: '2026-02-22' });

    migrations[at]!.up(native);
    expect(await db.get('SELECT scans_required, scans_attached FROM dossiers WHERE id = ?', [old])).toEqual({
      scans_required: 2,
      scans_attached: 0,
    });
    expect(await kept(db)).toEqual(await bruteForce(db));

    // A new dossier, then files: only the first scan of a provided component counts; a result sets the hash.
    const fresh = await insertFixture(db, {
      receiptDate: '2026-03-05',
      completedDate: '2026-03-09',
      provided: [true, true, false],
      scanned: [1, 1, 3],
      eResult: true,
    });
    expect(await db.get('SELECT scans_required, scans_attached FROM dossiers WHERE id = ?', [fresh])).toEqual(
      {
        scans_required: 2,
        scans_attached: 1,
      },
    );
    await insertFixture(db, {
      receiptDate: '2026-03-06',
      completedDate: '2026-03-09',
      provided: [true],
      scanned: [1],
      eResult: true,
      status: 'refused',
    });
    expect(await kept(db)).toEqual(await bruteForce(db));
    expect(
      await db.get("SELECT sum(digitised) AS n FROM stats_digital_daily WHERE day = '2026-03-09'"),
    ).toEqual({ n: 1 });
    await expect(db.run('UPDATE stored_files SET size_bytes = 1')).rejects.toThrow(/append-only/);
  });
});
