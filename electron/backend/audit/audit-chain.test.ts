import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openDatabase } from '../db/open-database';
import { appendAudit, verifyAuditChain, type AuditRow } from './audit-chain';
import { canonicalJson } from '../../../shared/domain/canonical-json';

function seeded(count: number) {
  const db = openDatabase(':memory:');
  for (let i = 1; i <= count; i += 1) {
    appendAudit(db, {
      at: `2026-11-26T09:${String(i).padStart(2, '0')}:00+07:00`,
      actorId: 'u1',
      actorName: 'Nguyễn Thị Lan',
      action: 'dossiers.receive',
      entityType: 'dossier',
      entityId: String(i),
      payload: { code: `X-261126-${i}`, applicant: 'Đặng Hòa' },
      appVersion: '0.1.0',
    });
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
  it('verifies an untouched chain and reports its head', () => {
    const db = seeded(5);
    const verdict = verifyAuditChain(db);
    expect(verdict).toMatchObject({ ok: true, count: 5, head: { seq: 5 } });
  });

  it('refuses UPDATE and DELETE on audit rows', () => {
    const db = seeded(2);
    expect(() => db.prepare("UPDATE audit_events SET actor_name = 'x' WHERE seq = 1").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit_events WHERE seq = 2').run()).toThrow(/append-only/);
  });

  it.each(columns.filter((c) => c !== 'seq'))('detects a change to column %s of a middle row', (column) => {
    const db = seeded(5);
    db.exec('DROP TRIGGER audit_events_no_update');
    const value = column === 'prev_hash' || column === 'hash' ? 'f'.repeat(64) : 'tampered';
    db.prepare(`UPDATE audit_events SET ${column} = ? WHERE seq = 3`).run(value);
    const verdict = verifyAuditChain(db);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.brokenSeq).toBe(3);
  });

  it('detects a deleted middle row', () => {
    const db = seeded(5);
    db.exec('DROP TRIGGER audit_events_no_delete');
    db.prepare('DELETE FROM audit_events WHERE seq = 2').run();
    const verdict = verifyAuditChain(db);
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
