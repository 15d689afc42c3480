import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import {
  makeReceiveInput,
  makeTestBackend,
  sampleSettings,
  type TestBackend,
} from '../../../test/helpers/test-backend';
import { verifyAuditChain } from '../audit/audit-chain';

let t: TestBackend;
beforeEach(async () => {
  t = await makeTestBackend({ now: '2026-11-26T09:30:00+07:00' });
  await t.call('settings.update', sampleSettings);
});
afterEach(() => t.close());

async function counts() {
  const db = t.backend.ctx.db;
  const one = async (sql: string) => (await db.get<{ n: number }>(sql))?.n ?? 0;
  return {
    dossiers: await one('SELECT count(*) AS n FROM dossiers'),
    audit: await one('SELECT count(*) AS n FROM audit_events'),
    events: await one('SELECT count(*) AS n FROM dossier_events'),
  };
}

describe('dossiers.receive', () => {
  it('receives a dossier: code, appointment, status, audit entry', async () => {
    const before = await counts();
    const dossier = await t.call('dossiers.receive', await makeReceiveInput(t));
    expect(contract['dossiers.receive'].output.safeParse(dossier).success).toBe(true);
    expect(dossier.code).toBe('000.00.14.H20-261126-0001');
    expect(dossier.status).toBe('received');
    expect(dossier.receivedAt).toBe('2026-11-26T09:30:00+07:00');
    // 10 working days from Fri 27/11: 27, 30/11, 1, 2, 3, 4, 7, 8, 9, 10/12.
    expect(dossier.countFrom).toBe('2026-11-27');
    expect(dossier.dueDate).toBe('2026-12-10');
    expect(dossier.dueAt).toBe('2026-12-10T17:00:00+07:00');
    expect(dossier.ledger.at(-1)?.kind).toBe('due');
    expect(await counts()).toEqual({
      dossiers: before.dossiers + 1,
      audit: before.audit + 1,
      events: before.events + 1,
    });
    const audit = (await t.backend.ctx.db.get('SELECT * FROM audit_events ORDER BY seq DESC LIMIT 1')) as {
      action: string;
      actor_name: string;
      entity_id: string;
    };
    expect(audit).toMatchObject({
      action: 'dossiers.receive',
      actor_name: 'Nguyễn Thị Lan',
      entity_id: String(dossier.id),
    });
    expect((await verifyAuditChain(t.backend.ctx.db)).ok).toBe(true);
  });

  it('numbers dossiers per receipt day and restarts the sequence the next day', async () => {
    const a = await t.call('dossiers.receive', await makeReceiveInput(t));
    const b = await t.call('dossiers.receive', await makeReceiveInput(t));
    t.clock.set('2026-11-27T08:00:00+07:00');
    const c = await t.call('dossiers.receive', await makeReceiveInput(t));
    const d = await t.call(
      'dossiers.receive',
      await makeReceiveInput(t, { receivedAt: '2026-11-26T16:00:00+07:00' }),
    );
    expect([a.code, b.code, c.code, d.code]).toEqual([
      '000.00.14.H20-261126-0001',
      '000.00.14.H20-261126-0002',
      '000.00.14.H20-261127-0001',
      '000.00.14.H20-261126-0003',
    ]);
    expect([a.registerEntryNo, b.registerEntryNo, c.registerEntryNo, d.registerEntryNo]).toEqual([
      1, 2, 3, 4,
    ]);
  });

  it('counts from the next working day after the 15:00 cut-off', async () => {
    t.clock.set('2026-11-26T16:00:00+07:00');
    const late = await t.call(
      'dossiers.receive',
      await makeReceiveInput(t, { receivedAt: '2026-11-26T15:30:00+07:00' }),
    );
    expect(late.dueDate).toBe('2026-12-11');
  });

  it('creates one dossier for a double-clicked submit (same requestId)', async () => {
    const input = await makeReceiveInput(t);
    const [first, second] = await Promise.all([
      t.call('dossiers.receive', input),
      t.call('dossiers.receive', input),
    ]);
    expect(second.id).toBe(first.id);
    expect((await counts()).dossiers).toBe(1);
  });

  it('stores NFD input as NFC, exactly as typed otherwise', async () => {
    const typed = 'Nhà xuất bản Thuỷ Hoà';
    const dossier = await t.call(
      'dossiers.receive',
      await makeReceiveInput(t, {
        applicant: { kind: 'individual', name: `  ${typed.normalize('NFD')} ` },
      }),
    );
    expect(dossier.applicantName).toBe(typed.normalize('NFC'));
    // Tone placement is kept as typed ("Thuỷ", "Hoà"), not rewritten to "Thủy", "Hòa".
    expect(dossier.applicantName).toContain('Thuỷ Hoà'.normalize('NFC'));
  });

  it('flags an earlier dossier of the same applicant whatever the tone placement', async () => {
    await t.call(
      'dossiers.receive',
      await makeReceiveInput(t, { applicant: { kind: 'individual', name: 'Lê Thị Hòa' } }),
    );
    const second = await t.call(
      'dossiers.receive',
      await makeReceiveInput(t, { applicant: { kind: 'individual', name: 'Lê Thị Hoà' } }),
    );
    expect(second.possibleDuplicates.map((d) => d.applicantName)).toEqual(['Lê Thị Hòa']);
  });

  describe('refuses bad input with a Vietnamese message and writes nothing', () => {
    const cases: Array<[string, (base: Awaited<ReturnType<typeof makeReceiveInput>>) => unknown, string]> = [
      [
        'a whitespace-only name',
        (b) => ({ ...b, applicant: { ...b.applicant, name: '   ' } }),
        'applicant.name',
      ],
      [
        'a 10,000-character name',
        (b) => ({ ...b, applicant: { ...b.applicant, name: 'A'.repeat(10_000) } }),
        'applicant.name',
      ],
      [
        'a control character',
        (b) => ({ ...b, applicant: { ...b.applicant, name: 'Công ty\u0007 In' } }),
        'applicant.name',
      ],
      [
        'an emoji',
        (b) => ({ ...b, applicant: { ...b.applicant, name: 'Nhà sách 📚 Đặng' } }),
        'applicant.name',
      ],
      [
        'a zero-width character',
        (b) => ({ ...b, applicant: { ...b.applicant, name: 'Công\u200bty' } }),
        'applicant.name',
      ],
      [
        'a bad e-mail',
        (b) => ({ ...b, applicant: { ...b.applicant, email: 'not-an-email' } }),
        'applicant.email',
      ],
      ['a bad phone', (b) => ({ ...b, applicant: { ...b.applicant, phone: 'gọi tôi' } }), 'applicant.phone'],
      ['a receipt time without offset', (b) => ({ ...b, receivedAt: '2026-11-26T09:00:00' }), 'receivedAt'],
      [
        'a receipt time in the future',
        (b) => ({ ...b, receivedAt: '2026-11-27T09:00:00+07:00' }),
        'receivedAt',
      ],
      ['an unknown procedure', (b) => ({ ...b, procedureId: 'KHONG-CO' }), 'procedureId'],
      [
        'an unconfigured procedure',
        (b) => ({ ...b, procedureId: 'IN-XBP-DOI', components: [] }),
        'procedureId',
      ],
      ['a missing required component', (b) => ({ ...b, components: [] }), 'components'],
      ['a bad request id', (b) => ({ ...b, requestId: 'abc' }), 'requestId'],
    ];
    it.each(cases)('%s', async (_label, mutate, field) => {
      const base = await makeReceiveInput(t);
      const before = await counts();
      const reply = await t.raw('dossiers.receive', mutate(base));
      expect(reply.ok).toBe(false);
      if (reply.ok) return;
      expect(reply.error.code).toBe('VALIDATION_FAILED');
      const message = reply.error.fieldErrors?.[field];
      expect(message, JSON.stringify(reply.error)).toMatch(/[À-ỹ]/u);
      expect(await counts()).toEqual(before);
    });
  });
});

describe('dossiers.list', async () => {
  beforeEach(async () => {
    const names = [
      'Công ty TNHH Sách Đặng Hòa',
      'Nguyễn Văn An',
      'Trần Thị Hoà',
      'Nguyễn Văn Anh',
      'Lê Đức Dũng',
    ];
    for (const name of names) {
      await t.call(
        'dossiers.receive',
        await makeReceiveInput(t, { applicant: { kind: 'individual', name } }),
      );
    }
  });

  const search = async (query: string) =>
    (await t.call('dossiers.list', { query, limit: 50 })).items.map((i) => i.applicantName).sort();

  it('lists newest first with a total', async () => {
    const page = await t.call('dossiers.list', { limit: 2 });
    expect(page.total).toBe(5);
    expect(page.items.map((i) => i.code)).toEqual(['000.00.14.H20-261126-0005', '000.00.14.H20-261126-0004']);
    expect(page.nextCursor).not.toBeNull();
    const next = await t.call('dossiers.list', { limit: 2, cursor: page.nextCursor ?? undefined });
    expect(next.items.map((i) => i.code)).toEqual(['000.00.14.H20-261126-0003', '000.00.14.H20-261126-0002']);
  });

  it('folds diacritics, đ and tone placement', async () => {
    expect(await search('hoa')).toEqual(['Công ty TNHH Sách Đặng Hòa', 'Trần Thị Hoà']);
    expect(await search('dang')).toEqual(['Công ty TNHH Sách Đặng Hòa']);
    expect(await search('nguyen van an')).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Anh']);
    expect(await search('DŨNG')).toEqual(['Lê Đức Dũng']);
    expect(await search('xyz')).toEqual([]);
  });

  it('finds a dossier by its code', async () => {
    const page = await t.call('dossiers.list', { query: '000.00.14.H20-261126-0003', limit: 10 });
    expect(page.items.map((i) => i.code)).toEqual(['000.00.14.H20-261126-0003']);
  });

  it('marks working days left for open dossiers', async () => {
    const page = await t.call('dossiers.list', { limit: 1 });
    expect(page.items[0]).toMatchObject({ workingDaysLeft: 10, timeliness: 'in_time' });
  });
});

describe('dossier records', () => {
  it('cannot be deleted, even with raw SQL', async () => {
    const d = await t.call('dossiers.receive', await makeReceiveInput(t));
    await expect(t.backend.ctx.db.run('DELETE FROM dossiers WHERE id = ?', [d.id])).rejects.toThrow(
      /never deleted/,
    );
  });
});
