import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestBackend, sampleSettings, type TestBackend } from '../../../test/helpers/test-backend';
import { drilldownCells } from '../../../shared/api/schemas/statistics';
import type { Store } from '../store/sql';
import { insertAppraiser, insertFixture, addDays } from './stats-test-support';
import { SUMMARY_SQL } from './summary-repo';
import { drilldownParams, drilldownQueries, type DrilldownFilter } from './drilldown-repo';

/*
 * The hot queries must read the summary tables by their primary key and never scan the dossiers table
 * (architecture.md §6: hot queries get EXPLAIN QUERY PLAN checks). Plans are taken on an analysed store.
 */

let t: TestBackend;
let db: Store;

beforeAll(async () => {
  t = await makeTestBackend({ now: '2026-11-26T10:00:00+07:00' });
  await t.call('settings.update', sampleSettings);
  db = t.backend.ctx.db;
  const a = await insertAppraiser(db, 'cv.a', 'A');
  await db.transaction(async () => {
    for (let i = 0; i < 400; i++) {
      const receipt = addDays('2025-01-02', i);
      await insertFixture(db, {
        procedureId: (['XB-TLKKD', 'IN-DK', 'BC-BT'] as const)[i % 3],
        receiptDate: receipt,
        completedDate: i % 5 === 0 ? null : addDays(receipt, i % 17),
        status: i % 5 === 0 ? 'appraising' : undefined,
        assigneeId: i % 2 === 0 ? a : null,
        pauses: i % 7 === 0 ? [{ from: addDays(receipt, 1), to: addDays(receipt, 3) }] : [],
      });
    }
  });
  await db.run('ANALYZE');
});

afterAll(() => t.close());

async function plan(sql: string, params: Record<string, unknown>): Promise<string> {
  return ((await db.all(`EXPLAIN QUERY PLAN ${sql}`, params)) as Array<{ detail: string }>)
    .map((r) => r.detail)
    .join('; ');
}

const PERIOD = { from: '2025-12-15', to: '2026-11-26' };

describe('query plans', () => {
  it('pages the dossier list on the received index (no full scan for a page)', async () => {
    const detail = await plan(
      'SELECT * FROM dossiers d ORDER BY d.received_ms DESC, d.id DESC LIMIT 100',
      {},
    );
    expect(detail).toMatch(/USING INDEX dossiers_by_received/);
  });

  it('reads the daily summaries by primary key, never the dossiers table', async () => {
    for (const [name, sql] of Object.entries(SUMMARY_SQL)) {
      const detail = await plan(sql, PERIOD);
      const table = name.startsWith('procedure') ? 'stats_daily' : 'stats_assignee_daily';
      expect(detail, name).toMatch(
        new RegExp(`SEARCH ${table} USING PRIMARY KEY \\((procedure_id|assignee_id)=\\? AND day`),
      );
      expect(detail, name).not.toMatch(/dossiers/);
      expect(detail, name).not.toMatch(/TEMP B-TREE FOR GROUP BY/);
    }
  });

  it('serves every drilldown branch from an index (no full scan of dossiers)', async () => {
    const base: Omit<DrilldownFilter, 'cell'> = {
      ...PERIOD,
      today: '2026-11-26',
      dueSoonUntil: '2026-11-30',
    };
    for (const cell of drilldownCells) {
      for (const scope of [{}, { procedureId: 'IN-DK' }, { appraiserId: 0 }]) {
        const filter: DrilldownFilter = { ...base, ...scope, cell };
        const params = drilldownParams(filter, { limit: 50 });
        for (const query of drilldownQueries(filter, 'sqlite')) {
          for (const sql of [query.count, query.page]) {
            const detail = await plan(sql, params);
            expect(detail, `${cell} ${JSON.stringify(scope)}`).toMatch(
              /SEARCH (d|p) USING (COVERING )?INDEX/,
            );
            expect(detail, `${cell} ${JSON.stringify(scope)}`).not.toMatch(/SCAN d(?! USING)/);
          }
        }
      }
    }
  });

  it('uses the covering indexes meant for them', async () => {
    const base = { ...PERIOD, today: '2026-11-26', dueSoonUntil: '2026-11-30' };
    const first = async (cell: DrilldownFilter['cell']) => {
      const filter = { ...base, cell };
      const [query] = drilldownQueries(filter, 'sqlite');
      return await plan(query?.count ?? '', drilldownParams(filter, { limit: 50 }));
    };
    expect(await first('received.online')).toContain('COVERING INDEX dossiers_by_receipt_date');
    expect(await first('resolved.late')).toContain('dossiers_by_completed_date');
    expect(await first('pending.overdue')).toContain('dossiers_not_completed');
    expect(await first('alerts.overdue')).toContain('dossiers_open_by_due_received');
    expect(await first('pauses')).toContain('dossier_pauses_by_requested');
  });
});
