import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/sqlite-store';
import {
  makeReceiveInput,
  makeTestBackend,
  resourcesDir,
  sampleSettings,
  type TestBackend,
} from '../../../test/helpers/test-backend';
import { advanceTo, makeOffice } from '../../../test/helpers/test-users';
import type { Caller } from '../context';
import { verifyAuditChain } from '../audit/audit-chain';
import { configure } from '../db/open-database';
import { migrations } from '../db/migrations';
import { seedCatalogue } from '../procedures/seed-catalogue';
import { insertFixture } from '../statistics/stats-test-support';
import { currentPauseRule } from './pause-rule-repo';

let t: TestBackend;
let office: Awaited<ReturnType<typeof makeOffice>>;

beforeEach(async () => {
  t = await makeTestBackend({ now: '2026-03-02T08:00:00+07:00' });
  await t.call('settings.update', sampleSettings);
  office = await makeOffice(t);
}, 30_000); // four accounts with scrypt passwords: slow on a loaded two-core machine
afterEach(() => t.close());

async function must(caller: Caller, dossierId: number, action: string, input: Record<string, unknown> = {}) {
  const view = await t.call('workflow.view', { dossierId });
  const reply = await t.raw('workflow.perform', { dossierId, version: view.version, action, input }, caller);
  if (!reply.ok) throw new Error(`${action} refused: ${reply.error.code} ${reply.error.message}`);
}

const supplement = { reason: 'Thiếu bản thảo', missingComponents: ['Bản thảo tài liệu'] };

async function auditRows(action: string) {
  return (
    (await t.backend.ctx.db.all('SELECT entity_id, payload FROM audit_events WHERE action = ? ORDER BY seq', [
      action,
    ])) as Array<{ entity_id: string; payload: string }>
  ).map((row) => ({ entityId: row.entity_id, payload: JSON.parse(row.payload) as Record<string, unknown> }));
}

describe('adopting pause rule v2 through preview and apply (issue 12 §1)', () => {
  it('moves open dossiers with one audit entry each; completed dossiers keep their class and ledger', async () => {
    // A store from before issue 12 runs on v1: its due dates were computed with it.
    await t.call('pauseRules.apply', { rule: 'pause-v1-request-day-free', reason: 'Kho dữ liệu cũ' });
    expect((await t.call('pauseRules.list', {})).current).toBe('pause-v1-request-day-free');

    // Received Mon 02/03/2026 09:00, XB-TLKKD (10 working days): due Mon 16/03 without a pause.
    await advanceTo(t, office, '2026-03-02T09:00:00+07:00');
    const open = await t.call('dossiers.receive', await makeReceiveInput(t));
    const done = await t.call('dossiers.receive', await makeReceiveInput(t));
    for (const d of [open, done]) {
      expect(d.dueDate).toBe('2026-03-16');
      await must(office.leader.caller, d.id, 'assign', { assigneeId: String(office.appraiser.id) });
    }
    // Request Thu 05/03 09:00, supplement Wed 11/03 09:00. v1 counts neither day: 03, 04 used, 8 left from
    // Thu 12/03 -> Mon 23/03 (moved by 5 for 4 working days lost).
    await advanceTo(t, office, '2026-03-05T09:00:00+07:00');
    for (const d of [open, done]) await must(office.appraiser.caller, d.id, 'requestSupplement', supplement);
    await advanceTo(t, office, '2026-03-11T09:00:00+07:00');
    for (const d of [open, done]) await must(office.clerk.caller, d.id, 'receiveSupplement');
    expect((await t.call('dossiers.get', { id: open.id })).dueDate).toBe('2026-03-23');

    // A third dossier, received Mon 16/03, waits for its supplement when v2 is adopted.
    await advanceTo(t, office, '2026-03-16T09:00:00+07:00');
    const waiting = await t.call('dossiers.receive', await makeReceiveInput(t));
    await must(office.leader.caller, waiting.id, 'assign', { assigneeId: String(office.appraiser.id) });
    await advanceTo(t, office, '2026-03-19T09:00:00+07:00');
    await must(office.appraiser.caller, waiting.id, 'requestSupplement', supplement);

    // `done` is approved on its v1 due day, Mon 23/03: "đúng hạn". Under v2 that day would be late.
    await advanceTo(t, office, '2026-03-23T09:00:00+07:00');
    await t.call('workflow.setLicenceFields', {
      dossierId: done.id,
      version: (await t.call('workflow.view', { dossierId: done.id })).version,
      fields: { documentTitle: 'Kỷ yếu', purpose: 'Lưu hành nội bộ' },
    });
    await must(office.appraiser.caller, done.id, 'propose', { proposal: 'approve', opinion: 'Đủ điều kiện' });
    await must(office.director.caller, done.id, 'approve');
    const doneBefore = await t.call('workflow.view', { dossierId: done.id });
    expect(doneBefore.completionClass).toBe('on_time');

    // Preview first: it writes nothing.
    await advanceTo(t, office, '2026-03-23T10:00:00+07:00');
    const preview = await t.call('pauseRules.preview', { rule: 'pause-v2-request-day-counts' });
    expect(preview).toMatchObject({ openCount: 2, movedCount: 1, pausedCount: 1 });
    // v2: 03, 04, 05 used (the request day counts), 7 left from Thu 12/03 -> Fri 20/03.
    expect(preview.moved).toEqual([
      {
        id: open.id,
        code: open.code,
        applicantName: 'Công ty TNHH Sách Đặng Hòa',
        oldDueDate: '2026-03-23',
        newDueDate: '2026-03-20',
      },
    ]);
    expect((await t.call('dossiers.get', { id: open.id })).dueDate).toBe('2026-03-23');
    expect(await auditRows('dossiers.dueDateMoved')).toEqual([]);

    const applied = await t.call('pauseRules.apply', {
      rule: 'pause-v2-request-day-counts',
      reason: 'Sửa quy tắc: ngày yêu cầu bổ sung được tính (issue 12)',
      legalDocument: 'NĐ 61/2018/NĐ-CP Điều 18',
    });
    expect(applied).toMatchObject({
      rule: 'pause-v2-request-day-counts',
      effectiveFrom: '2026-03-23',
      movedCount: 1,
    });
    expect(applied.frozenCount).toBeGreaterThanOrEqual(1);

    // One entry for the adoption, one per moved dossier, naming the version and the reason.
    expect((await auditRows('pauseRules.apply')).at(-1)).toEqual({
      entityId: 'pause-v2-request-day-counts',
      payload: {
        rule: 'pause-v2-request-day-counts',
        previous: 'pause-v1-request-day-free',
        effectiveFrom: '2026-03-23',
        reason: 'Sửa quy tắc: ngày yêu cầu bổ sung được tính (issue 12)',
        legalDocument: 'NĐ 61/2018/NĐ-CP Điều 18',
        movedCount: 1,
        frozenCount: applied.frozenCount,
      },
    });
    expect(await auditRows('dossiers.dueDateMoved')).toEqual([
      {
        entityId: String(open.id),
        payload: {
          code: open.code,
          oldDueDate: '2026-03-23',
          newDueDate: '2026-03-20',
          reason: 'Sửa quy tắc: ngày yêu cầu bổ sung được tính (issue 12)',
          pauseRule: 'pause-v2-request-day-counts',
        },
      },
    ]);
    expect((await verifyAuditChain(t.backend.ctx.db)).ok).toBe(true);

    // The open dossier is explained with v2 now.
    const moved = await t.call('dossiers.get', { id: open.id });
    expect(moved.dueDate).toBe('2026-03-20');
    expect(moved.ledger.find((e) => e.kind === 'pause')?.label).toBe(
      'Yêu cầu bổ sung: Thiếu bản thảo – ngày yêu cầu được tính vào thời hạn; tạm dừng từ ngày hôm sau (4 ngày làm việc)',
    );
    // The completed one keeps its due date, class and v1 explanation.
    const kept = await t.call('dossiers.get', { id: done.id });
    expect(kept.dueDate).toBe('2026-03-23');
    expect((await t.call('workflow.view', { dossierId: done.id })).completionClass).toBe('on_time');
    expect(kept.ledger.find((e) => e.kind === 'pause')?.label).toBe(
      'Tạm dừng – chờ bổ sung: Thiếu bản thảo (5 ngày làm việc)',
    );
    expect(kept.ledger.at(-1)).toMatchObject({ kind: 'due', date: '2026-03-23' });

    // The waiting dossier takes v2 when its supplement arrives: request Thu 19/03 = day 3 (17, 18, 19);
    // supplement Wed 25/03; 7 left from Thu 26/03 -> Fri 03/04 (v1 would give Mon 06/04).
    await advanceTo(t, office, '2026-03-25T09:00:00+07:00');
    await must(office.clerk.caller, waiting.id, 'receiveSupplement');
    expect((await t.call('dossiers.get', { id: waiting.id })).dueDate).toBe('2026-04-03');

    const list = await t.call('pauseRules.list', {});
    expect(list.current).toBe('pause-v2-request-day-counts');
    expect(list.history.map((h) => [h.rule, h.effectiveFrom, h.movedCount])).toEqual([
      ['pause-v2-request-day-counts', expect.any(String), 0], // the new store's start
      ['pause-v1-request-day-free', '2026-03-02', 0],
      ['pause-v2-request-day-counts', '2026-03-23', 1],
    ]);
  });

  it('refuses to adopt the version in force, and only an administrator may adopt', async () => {
    const same = await t.raw('pauseRules.apply', { rule: 'pause-v2-request-day-counts', reason: 'Thử' });
    expect(same).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const clerk = await t.raw(
      'pauseRules.preview',
      { rule: 'pause-v1-request-day-free' },
      office.clerk.caller,
    );
    expect(clerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('migration 0007-pause-rule-versions', () => {
  // SQLite's own migration (the PostgreSQL schema has the table from the start and seeds it at first start).
  async function storeBefore0007(withDossier: boolean): Promise<Database.Database> {
    const db = new Database(':memory:');
    configure(db);
    const index = migrations.findIndex((m) => m.name === '0007-pause-rule-versions');
    for (const migration of migrations.slice(0, index)) migration.up(db);
    const store = SqliteStore.borrow(db, 'migration test');
    await seedCatalogue(store, path.join(resourcesDir, 'seed'), '2026-01-01T00:00:00+07:00');
    if (withDossier) await insertFixture(store, { receiptDate: '2026-03-02', completedDate: '2026-03-10' });
    db.transaction(() => migrations[index]?.up(db))();
    return db;
  }

  it('keeps a store with dossiers on v1, whose due dates it computed; a new store starts on v2', async () => {
    const old = await storeBefore0007(true);
    expect(await currentPauseRule(SqliteStore.borrow(old, 'old'))).toBe('pause-v1-request-day-free');
    expect(old.prepare('SELECT pause_rule FROM dossiers').all()).toEqual([{ pause_rule: null }]);
    old.close();
    const fresh = await storeBefore0007(false);
    expect(await currentPauseRule(SqliteStore.borrow(fresh, 'fresh'))).toBe('pause-v2-request-day-counts');
    expect(() => fresh.prepare('DELETE FROM pause_rule_versions').run()).toThrow(/append-only/);
    fresh.close();
  });
});
