// `licence-desk move-store`: an office's SQLite folder moved into an empty PostgreSQL database, proven equal
// (row counts, audit head, licence register, Biểu 06 of every year), then used as the office's store.
import { afterEach, describe, expect, it } from 'vitest';
import { makeReceiveInput, makeTestBackend, sampleSettings, type TestBackend } from '../helpers/test-backend';
import { makeOffice, makeUser } from '../helpers/test-users';
import { receiveAndIssue } from '../helpers/issue-licence';
import { captureEnv } from '../helpers/cli-env';
import { createEmptyDatabase, dropTestDatabase } from '../helpers/test-postgres';
import { runCli } from '../../electron/backend/cli/main';
import { makeSampleRows, toCsv } from '../../electron/backend/import/sample-file';

const backends: TestBackend[] = [];
const databases: string[] = [];
afterEach(async () => {
  for (const b of backends.splice(0)) await b.close();
  for (const url of databases.splice(0)) await dropTestDatabase(url);
});

describe('move-store', () => {
  it('moves a SQLite office into PostgreSQL and proves the copy equal', async () => {
    // The office's folder, on SQLite whatever leg of the matrix this is.
    const office = await makeTestBackend({
      now: '2026-11-02T09:00:00+07:00',
      databaseFile: 'licence-desk.db',
    });
    backends.push(office);
    await office.call('settings.update', sampleSettings);
    const people = await makeOffice(office);
    const issued = [];
    for (let i = 0; i < 3; i += 1) issued.push(await receiveAndIssue(office, people));
    // A reassignment leaves the first appraiser's summary row at zero in SQLite; the rebuilt copy has no such row.
    const moving = await office.call(
      'dossiers.receive',
      await makeReceiveInput(office, { procedureId: 'PH-DK' }),
    );
    const second = await makeUser(office, 'cv.minh', 'Đỗ Văn Minh', ['appraiser']);
    for (const [action, assignee] of [
      ['assign', people.appraiser.id],
      ['reassign', second.id],
    ] as const) {
      const v = await office.call('workflow.view', { dossierId: moving.id });
      const r = await office.raw(
        'workflow.perform',
        {
          dossierId: moving.id,
          version: v.version,
          action,
          input: { assigneeId: String(assignee), reason: 'Cân đối việc' },
        },
        people.leader.caller,
      );
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    const { rows } = makeSampleRows({ count: 150, seed: 5, to: '2026-06-30' });
    const imported = await office.call('import.dossiers', {
      fileName: 'cu.csv',
      base64: Buffer.from(toCsv(rows)).toString('base64'),
      dryRun: false,
    });
    expect(imported.imported).toBe(150);
    const before = await office.call('dossiers.list', { limit: 200 });
    const foundBefore = await office.call('dossiers.list', { query: 'dang hoa', limit: 50 });
    expect(foundBefore.total).toBeGreaterThan(0);
    await office.backend.close();

    const target = await createEmptyDatabase();
    databases.push(target);
    const env = captureEnv();
    const code = await runCli(['move-store', '--data', office.dataDir, '--to', target], env);
    const text = env.out.join('');
    expect(env.err.join(''), text).toBe('');
    expect(code).toBe(0);
    expect(text).toMatch(/^dossiers: 154 → 154$/m);
    expect(text).toMatch(/^stats_assignee_daily: \d+ → \d+ live rows, counter totals equal$/m);
    expect(text).toMatch(/audit head: #\d+ → #\d+ \(same hash\)/);
    expect(text).toMatch(/target licence register .*: ok — 3 issued/);
    expect(text).toMatch(/Biểu 06 2026: equal/);
    expect(text).not.toMatch(/DIFFERENT|FAILED/);

    // The moved store is the office's store from now on: same list, next numbers continue.
    const moved = await makeTestBackend({ now: '2026-11-03T09:00:00+07:00', databaseUrl: target });
    backends.push(moved);
    const after = await moved.call('dossiers.list', { limit: 200 });
    expect(after.total).toBe(before.total);
    expect(after.items.map((d) => [d.code, d.status, d.dueDate])).toEqual(
      before.items.map((d) => [d.code, d.status, d.dueDate]),
    );
    // Folded search finds the same dossiers through PostgreSQL's index as through FTS5.
    const foundAfter = await moved.call('dossiers.list', { query: 'dang hoa', limit: 50 });
    expect(foundAfter.items.map((d) => d.code)).toEqual(foundBefore.items.map((d) => d.code));
    const next = await receiveAndIssue(moved, await makeOffice(moved, 'pg.'));
    expect(next.licence).toMatch(/^04\//);

    // Moving again into the same, no longer empty, database is refused and changes nothing.
    const refused = captureEnv();
    expect(await runCli(['move-store', '--data', office.dataDir, '--to', target], refused)).toBe(1);
    expect(refused.err.join('')).toContain('chỉ chuyển vào một cơ sở dữ liệu trống');
  });
});
