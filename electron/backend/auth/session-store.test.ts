// Sessions kept in the store (issue 10): hashed, expiring on the same idle and absolute limits as before,
// re-reading the account on every call.
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../../../test/helpers/test-backend';
import { makeUser } from '../../../test/helpers/test-users';
import { hashToken, IDLE_TIMEOUT_MS, LoginThrottle } from './session-store';

let t: TestBackend | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const later = (base: string, ms: number) => new Date(Date.parse(base) + ms).toISOString();
const START = '2026-11-26T09:30:00+07:00';

describe('SessionStore', () => {
  it('stores only the SHA-256 of a token', async () => {
    t = await makeTestBackend({ now: START });
    const user = await makeUser(t, 'vt.lan', 'Nguyễn Thị Lan', ['clerk']);
    const token = (user.caller as { sessionToken: string }).sessionToken;
    const rows = await t.backend.ctx.db.all<{ token_hash: string }>('SELECT token_hash FROM login_sessions');
    expect(rows.map((r) => r.token_hash)).toContain(hashToken(token));
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
  });

  it('refuses a session idle for longer than the idle limit, and says it expired', async () => {
    t = await makeTestBackend({ now: START });
    const user = await makeUser(t, 'vt.lan', 'Nguyễn Thị Lan', ['clerk']);
    t.clock.set(later(START, IDLE_TIMEOUT_MS - 60_000));
    expect(await t.raw('auth.me', {}, user.caller)).toMatchObject({ ok: true });
    // Activity moved the idle timer: another almost-full idle period is still fine.
    t.clock.set(later(START, 2 * IDLE_TIMEOUT_MS - 120_000));
    expect(await t.raw('auth.me', {}, user.caller)).toMatchObject({ ok: true });
    t.clock.set(later(START, 3 * IDLE_TIMEOUT_MS));
    const refused = await t.raw('auth.me', {}, user.caller);
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/hết hạn/);
    expect(
      await t.backend.ctx.db.get('SELECT count(*) AS n FROM login_sessions WHERE user_id = ?', [user.id]),
    ).toEqual({ n: 0 });
  });

  it('refuses a session older than 12 hours however active', async () => {
    t = await makeTestBackend({ now: START });
    const user = await makeUser(t, 'vt.lan', 'Nguyễn Thị Lan', ['clerk']);
    for (let minute = 20; minute < 12 * 60; minute += 20) {
      t.clock.set(later(START, minute * 60_000));
      expect(await t.raw('auth.me', {}, user.caller)).toMatchObject({ ok: true });
    }
    t.clock.set(later(START, 12 * 3_600_000 + 1000));
    expect(await t.raw('auth.me', {}, user.caller)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('does not count an event stream check as activity', async () => {
    t = await makeTestBackend({ now: START });
    const user = await makeUser(t, 'vt.lan', 'Nguyễn Thị Lan', ['clerk']);
    const token = (user.caller as { sessionToken: string }).sessionToken;
    for (let minute = 5; minute < 30; minute += 5) {
      t.clock.set(later(START, minute * 60_000));
      expect((await t.backend.ctx.sessions.resolve(token, { isActivity: false })).ok).toBe(true);
    }
    t.clock.set(later(START, IDLE_TIMEOUT_MS + 60_000));
    expect(await t.backend.ctx.sessions.resolve(token, { isActivity: false })).toEqual({
      ok: false,
      reason: 'expired',
    });
  });
});

describe('LoginThrottle', () => {
  it('locks a name after 5 failures and an address after 20, doubling each further lock', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < 5; i += 1) throttle.fail('Lan', '10.0.0.5');
    expect(throttle.lockedForMs('lan', '10.0.0.9')).toBe(60_000);
    expect(throttle.lockedForMs('binh', '10.0.0.5')).toBe(0);
    for (let i = 0; i < 15; i += 1) throttle.fail(`x${i}`, '10.0.0.5');
    expect(throttle.lockedForMs('binh', '10.0.0.5')).toBe(60_000);
    expect(throttle.lockedForMs('binh', '10.0.0.6')).toBe(0);
    now = 61_000;
    for (let i = 0; i < 5; i += 1) throttle.fail('lan', null);
    expect(throttle.lockedForMs('lan')).toBe(120_000);
  });
});
