import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dropAppendOnlyGuard } from '../../../test/helpers/store-faults';
import { openTestStore } from '../../../test/helpers/test-store';
import type { Store } from '../store/sql';
import { appendAudit, verifyAuditChain, type AuditRow } from './audit-chain';
import { canonicalJson } from '../../../shared/domain/canonical-json';

let opened: Store | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

async function seeded(count: number) {
  const db = await openTestStore();
  opened = db;
  for (let i = 1; i <= count; i += 1) {
    await db.transaction(() =>
      appendAudit(db, {
        at: `2026-11-26T09:${String(i).padStart(2, '0')}:00+07:00`,
        actorId: 'u1',
        actorName: 'Nguyễn Thị Lan',
        action: 'dossiers.receive',
        entityType: 'dossier',
        entityId: String(i),
        payload: { code: `X-261126-${i}`, applicant: 'Đặng Hòa' },
        appVersion: '0.1.0',
      }),
    );
  }
  return db;
}

const columns: Array<keyof AuditRow> = [
  'seq',
  'at',
  'actor_id',
  'actor_name',
  'action',
  'entity_type',
  'entity_id',
  'payload',
  'app_version',
  'prev_hash',
  'hash',
];

describe('audit chain', () => {
  it('verifies an untouched chain and reports its head', async () => {
    const db = await seeded(5);
    const verdict = await verifyAuditChain(db);
    expect(verdict).toMatchObject({ ok: true, count: 5, head: { seq: 5 } });
  });

  it('refuses an append outside a transaction', async () => {
    const db = await seeded(0);
    await expect(
      appendAudit(db, {
        at: '2026-11-26T09:00:00+07:00',
        actorId: 'u1',
        actorName: 'x',
        action: 'a',
        entityType: 'e',
        entityId: '1',
        payload: {},
        appVersion: '0',
      }),
    ).rejects.toThrow(/outside a transaction/);
  });

  it('refuses UPDATE and DELETE on audit rows', async () => {
    const db = await seeded(2);
    await expect(db.run("UPDATE audit_events SET actor_name = 'x' WHERE seq = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(db.run('DELETE FROM audit_events WHERE seq = 2')).rejects.toThrow(/append-only/);
  });

  it.each(columns.filter((c) => c !== 'seq'))(
    'detects a change to column %s of a middle row',
    async (column) => {
      const db = await seeded(5);
      await dropAppendOnlyGuard(db, 'audit_events', 'update');
      const value = column === 'prev_hash' || column === 'hash' ? 'f'.repeat(64) : 'tampered';
      await db.run(`UPDATE audit_events SET ${column} = ? WHERE seq = 3`, [value]);
      const verdict = await verifyAuditChain(db);
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(verdict.brokenSeq).toBe(3);
    },
  );

  it('detects a deleted middle row', async () => {
    const db = await seeded(5);
    await dropAppendOnlyGuard(db, 'audit_events', 'delete');
    await db.run('DELETE FROM audit_events WHERE seq = 2');
    const verdict = await verifyAuditChain(db);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.brokenSeq).toBe(2);
  });

  it('canonical JSON ignores key order and NFC/NFD differences', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (dict) => {
        const reversed = Object.fromEntries(Object.entries(dict).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(dict));
      }),
    );
    expect(canonicalJson({ name: 'Hòa'.normalize('NFD') })).toBe(canonicalJson({ name: 'Hòa' }));
    expect(() => canonicalJson({ amount: 1.5 })).toThrow(/non-integer/);
  });
});
