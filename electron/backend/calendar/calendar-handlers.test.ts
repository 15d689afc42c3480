import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

const addDayOff = {
  type: 'add' as const,
  date: '2026-12-04',
  kind: 'off' as const,
  name: 'Nghỉ đột xuất do bão',
  source: 'Quyết định 123/QĐ-UBND',
};

async function auditCount(): Promise<number> {
  return ((await t.backend.ctx.db.get('SELECT count(*) AS n FROM audit_events')) as { n: number }).n;
}

describe('calendar administration', () => {
  it('shows a year with weekends, named days off, make-up Saturdays and its status', async () => {
    const y = await t.call('calendar.year', { year: 2026 });
    expect(y.status).toBe('confirmed');
    expect(y.workingDays).toBe(249);
    expect(y.days).toHaveLength(365);
    const byDate = new Map(y.days.map((d) => [d.date, d]));
    expect(byDate.get('2026-02-17')).toMatchObject({ kind: 'off', label: 'Tết Nguyên đán' });
    expect(byDate.get('2026-08-22')).toMatchObject({ kind: 'makeup' });
    expect(byDate.get('2026-11-28')).toMatchObject({ kind: 'weekend', label: 'Thứ Bảy' });
    expect(byDate.get('2026-11-24')).toMatchObject({ kind: 'off', isUncertain: true });
    const next = await t.call('calendar.year', { year: 2027 });
    expect(next.status).toBe('draft');
    const missing = await t.call('calendar.year', { year: 2040 });
    expect(missing).toMatchObject({ status: 'missing', canDraft: false, days: [] });
  });

  it('warns from 1 December when next year is not confirmed', async () => {
    expect((await t.call('calendar.year', { year: 2026 })).warning).toBeNull();
    t.clock.set('2026-12-01T08:00:00+07:00');
    expect((await t.call('calendar.year', { year: 2026 })).warning).toEqual({ year: 2027, status: 'draft' });
  });

  it('previews the dossiers a new day off moves, then applies it with an audit entry per dossier', async () => {
    const moved = await t.call('dossiers.receive', await makeReceiveInput(t));
    t.clock.set('2026-11-26T10:00:00+07:00');
    const laterInput = await makeReceiveInput(t, { procedureId: 'IN-DK-TD' });
    const unaffected = await t.call('dossiers.receive', laterInput);
    expect(moved.dueDate).toBe('2026-12-10');
    expect(unaffected.dueDate).toBe('2026-12-01');

    const preview = await t.call('calendar.previewEdits', { edits: [addDayOff] });
    expect(preview).toMatchObject({ openCount: 2, movedCount: 1 });
    expect(preview.moved[0]).toMatchObject({
      id: moved.id,
      oldDueDate: '2026-12-10',
      newDueDate: '2026-12-11',
    });
    // A preview writes nothing.
    expect((await t.call('dossiers.get', { id: moved.id })).dueDate).toBe('2026-12-10');

    const before = await auditCount();
    const applied = await t.call('calendar.applyEdits', {
      edits: [addDayOff],
      reason: 'Bão số 9 – UBND tỉnh cho nghỉ',
      legalDocument: 'Quyết định 123/QĐ-UBND',
    });
    expect(applied.movedCount).toBe(1);
    expect(await auditCount()).toBe(before + 2);
    const after = await t.call('dossiers.get', { id: moved.id });
    expect(after.dueDate).toBe('2026-12-11');
    expect(
      after.ledger.some(
        (e) => e.date === '2026-12-04' && e.kind === 'skipped' && e.label === 'Nghỉ đột xuất do bão',
      ),
    ).toBe(true);
    expect((await verifyAuditChain(t.backend.ctx.db)).ok).toBe(true);
  });

  it('refuses a day that would be both off and a make-up day, and changes nothing', async () => {
    const before = await t.call('calendar.year', { year: 2026 });
    const reply = await t.raw('calendar.applyEdits', {
      edits: [{ type: 'add', date: '2026-08-22', kind: 'off', name: 'Thử' }],
      reason: 'Thử nghiệm',
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toMatch(/ngày/);
    expect(await t.call('calendar.year', { year: 2026 })).toEqual(before);
  });

  it('refuses a make-up day on a weekday and an unknown removal', async () => {
    const weekday = await t.raw('calendar.previewEdits', {
      edits: [{ type: 'add', date: '2026-12-02', kind: 'makeup', name: 'Làm bù' }],
    });
    expect(weekday).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const removal = await t.raw('calendar.previewEdits', { edits: [{ type: 'remove', date: '2026-12-02' }] });
    expect(removal).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('confirms a drafted year', async () => {
    await t.call('calendar.applyEdits', {
      edits: [{ type: 'confirm-year', year: 2027 }],
      reason: 'Thông báo của Bộ Nội vụ',
    });
    expect((await t.call('calendar.year', { year: 2027 })).status).toBe('confirmed');
  });
});

describe('calendar.dueDate', () => {
  it('explains a due date and refuses a year with no calendar', async () => {
    const r = await t.call('calendar.dueDate', { receivedAt: '2026-02-13T10:00:00+07:00', days: 10 });
    expect(r).toMatchObject({ state: 'due', countFrom: '2026-02-23', dueDate: '2026-03-06' });
    expect(r.ledger.filter((e) => e.label === 'Tết Nguyên đán')).toHaveLength(5);
    const missing = await t.raw('calendar.dueDate', { receivedAt: '2040-01-05T09:00:00+07:00', days: 5 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!missing.ok) expect(missing.error.message).toContain('2040');
  });

  it('gives a latest filing time for an event-relative procedure (press conference, ≥ 24 h ahead)', async () => {
    const r = await t.call('calendar.dueDate', {
      receivedAt: '2026-11-25T09:00:00+07:00',
      procedureId: 'BC-HB',
      eventAt: '2026-11-27T09:00:00+07:00',
    });
    expect(r).toMatchObject({ state: 'event', dueAt: '2026-11-26T09:00:00+07:00' });
    const missing = await t.raw('calendar.dueDate', {
      receivedAt: '2026-11-25T09:00:00+07:00',
      procedureId: 'BC-HB',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('shows a paused clock instead of inventing a date', async () => {
    const r = await t.call('calendar.dueDate', {
      receivedAt: '2026-11-02T09:00:00+07:00',
      days: 10,
      pauses: [{ from: '2026-11-05T09:00:00+07:00', to: null, reason: 'Thiếu bản thảo' }],
    });
    expect(r.state).toBe('paused');
    expect(r.dueDate).toBeNull();
    expect(r.pausedWorkingDays).toBeGreaterThan(10);
  });
});
