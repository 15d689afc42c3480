// reliability.md 2-F1 (disk full) and 2-F2 (database busy): a clear Vietnamese error through dispatch, nothing
// half-written, and the app keeps working once the cause is gone.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/backend/audit/audit-chain';
import { peekCounter } from '../../electron/backend/store/counters';
import { requireSqlite } from '../../electron/backend/store/sqlite/sqlite-store';
import { genericMessages } from '../../shared/api/errors';
import { makeReceiveInput, type TestBackend } from '../helpers/test-backend';
import { cleanupTempDirs, configuredBackend, receiveDossiers, rowCounts } from './durability-helpers';

let t: TestBackend;
beforeEach(async () => {
  t = await configuredBackend();
  await receiveDossiers(t, 2);
});
afterEach(async () => {
  await t.close();
  cleanupTempDirs();
});

/** The invariants a half-written receive would break. */
async function assertConsistent(): Promise<void> {
  const db = t.backend.ctx.db;
  expect(db.inTransaction).toBe(false);
  expect(requireSqlite(db).native.pragma('integrity_check', { simple: true })).toBe('ok');
  expect((await verifyAuditChain(db)).ok).toBe(true);
  const one = async (sql: string) => (await db.get<{ n: number }>(sql))?.n ?? 0;
  const dossiers = await one('SELECT count(*) AS n FROM dossiers');
  // One audit entry, one timeline event and one number of each series per dossier: no orphans, no gaps.
  expect(await one("SELECT count(*) AS n FROM audit_events WHERE action = 'dossiers.receive'")).toBe(
    dossiers,
  );
  expect(await one("SELECT count(*) AS n FROM dossier_events WHERE kind = 'received'")).toBe(dossiers);
  expect(await peekCounter(db, 'dossier-code:2026-11-26')).toBe(dossiers);
  expect(await peekCounter(db, 'register:2026')).toBe(dossiers);
  expect(await one('SELECT max(register_entry_no) AS n FROM dossiers')).toBe(dossiers);
  // The full-text index follows its content table.
  await db.run("INSERT INTO dossiers_fts (dossiers_fts) VALUES ('integrity-check')");
}

describe('disk full (max_page_count)', () => {
  it('returns STORAGE_FULL with the Vietnamese message, writes nothing, and recovers when space returns', async () => {
    const db = t.backend.ctx.db;
    const native = requireSqlite(db).native;
    const pages = native.pragma('page_count', { simple: true }) as number;
    native.pragma(`max_page_count = ${pages + 4}`);
    let refusedAt = -1;
    for (let i = 0; i < 200 && refusedAt < 0; i += 1) {
      const before = await rowCounts(db);
      const reply = await t.raw(
        'dossiers.receive',
        await makeReceiveInput(t, {
          applicant: { kind: 'individual', name: `Người nộp số ${i}` },
          notes: `Ghi chú dài ${i}: ${'hồ sơ giấy tờ kèm theo '.repeat(80)}`,
        }),
      );
      if (!reply.ok) {
        expect(reply.error).toEqual({ code: 'STORAGE_FULL', message: genericMessages.STORAGE_FULL });
        expect(await rowCounts(db)).toEqual(before);
        refusedAt = i;
      }
    }
    expect(refusedAt).toBeGreaterThanOrEqual(0);
    await assertConsistent();

    // Space is back: the same kind of request works, and numbering continues with no gap.
    native.pragma('max_page_count = 1073741823');
    const count = (await rowCounts(db)).dossiers ?? 0;
    const next = await t.call('dossiers.receive', await makeReceiveInput(t));
    expect(next.code).toBe(`000.00.14.H20-261126-${String(count + 1).padStart(4, '0')}`);
    expect(next.registerEntryNo).toBe(count + 1);
    await assertConsistent();
  });
});

describe('database busy', () => {
  it('returns BUSY while another connection holds the write lock, writes nothing, and works after release', async () => {
    const db = t.backend.ctx.db;
    const native = requireSqlite(db).native;
    native.pragma('busy_timeout = 50');
    const other = new Database(path.join(t.dataDir, 'licence-desk.db'));
    try {
      other.exec('BEGIN EXCLUSIVE');
      const before = await rowCounts(db);
      const input = await makeReceiveInput(t);
      const reply = await t.raw('dossiers.receive', input);
      expect(reply).toEqual({ ok: false, error: { code: 'BUSY', message: genericMessages.BUSY } });
      const settings = await t.raw('backup.settings.update', {
        folder: null,
        keepDaily: 3,
        keepMonthly: 1,
        dailyEnabled: true,
      });
      expect(settings.ok === false && settings.error.code).toBe('BUSY');
      // Reading is not blocked in WAL mode, and nothing was written.
      expect((await t.raw('dossiers.list', { limit: 10 })).ok).toBe(true);
      expect(await rowCounts(db)).toEqual(before);

      other.exec('COMMIT');
      // The clerk presses the button again: the same request goes through, once.
      const retried = await t.call('dossiers.receive', input);
      expect(retried.code).toBe('000.00.14.H20-261126-0003');
      expect((await rowCounts(db)).dossiers).toBe((before.dossiers ?? 0) + 1);
      await assertConsistent();
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      native.pragma('busy_timeout = 5000');
    }
  });
});
