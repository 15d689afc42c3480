import { dropAppendOnlyGuard } from '../../../test/helpers/store-faults';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  makeReceiveInput,
  makeTestBackend,
  sampleSettings,
  type TestBackend,
} from '../../../test/helpers/test-backend';
import { runWeeklyVerifyIfDue } from './weekly-verify';

let t: TestBackend;
beforeEach(async () => {
  t = await makeTestBackend({ now: '2026-11-02T09:00:00+07:00' });
  await t.call('settings.update', sampleSettings);
  await t.call('dossiers.receive', await makeReceiveInput(t));
});
afterEach(() => t.close());

describe('weekly verification', () => {
  it('runs once a week and raises an alert for every user when the audit chain was tampered with', async () => {
    expect(await runWeeklyVerifyIfDue(t.backend.ctx)).toMatchObject({ ok: true });
    expect(await runWeeklyVerifyIfDue(t.backend.ctx)).toBeNull();
    expect((await t.call('app.info', {})).integrityAlert).toBeNull();

    const db = t.backend.ctx.db;
    await dropAppendOnlyGuard(db, 'audit_events', 'update');
    await db.run("UPDATE audit_events SET actor_name = 'Người khác' WHERE seq = 1");
    t.clock.set('2026-11-10T09:00:00+07:00');
    const record = await runWeeklyVerifyIfDue(t.backend.ctx);
    expect(record?.ok).toBe(false);
    expect(record?.lines.join('\n')).toMatch(/audit chain: BROKEN at entry #1/);
    expect((await t.call('app.info', {})).integrityAlert).toMatch(/sai lệch/);
  });
});
