import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBackend, sampleSettings, type TestBackend } from '../../../test/helpers/test-backend';
import type { Caller } from '../context';
import { IDLE_TIMEOUT_MS } from './session-store';

let t: TestBackend;
beforeEach(async () => {
  t = await makeTestBackend();
});
afterEach(() => t.close());

async function login(username: string, password: string): Promise<Caller> {
  const reply = await t.raw('auth.login', { username, password }, { sessionToken: null });
  if (!reply.ok) throw new Error(`login failed: ${reply.error.message}`);
  return { sessionToken: (reply.data as { sessionToken: string }).sessionToken };
}

async function firstAdmin(): Promise<Caller> {
  const info = await t.call('app.info', {});
  if (!info.firstRun) throw new Error('no first-run password');
  const caller = await login(info.firstRun.username, info.firstRun.temporaryPassword);
  const changed = await t.raw(
    'auth.changePassword',
    { currentPassword: info.firstRun.temporaryPassword, newPassword: 'mat-khau-quan-tri-2026' },
    caller,
  );
  expect(changed.ok).toBe(true);
  return caller;
}

describe('first start', () => {
  it('creates an administrator with a one-time password that must be changed first', async () => {
    const info = await t.call('app.info', {});
    expect(info.firstRun).toMatchObject({ username: 'admin' });
    const caller = await login('admin', info.firstRun?.temporaryPassword ?? '');
    const blocked = await t.raw('settings.update', sampleSettings, caller);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!blocked.ok) expect(blocked.error.message).toContain('đổi mật khẩu');
    await t.raw(
      'auth.changePassword',
      { currentPassword: info.firstRun?.temporaryPassword, newPassword: 'mat-khau-quan-tri-2026' },
      caller,
    );
    expect((await t.raw('settings.update', sampleSettings, caller)).ok).toBe(true);
    expect((await t.call('app.info', {})).firstRun).toBeNull();
  });

  it('never stores the one-time password in clear', async () => {
    const info = await t.call('app.info', {});
    const row = (await t.backend.ctx.db.get("SELECT password_hash FROM users WHERE username = 'admin'")) as {
      password_hash: string;
    };
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain(info.firstRun?.temporaryPassword ?? 'x');
  });
});

describe('roles and sessions', () => {
  it('refuses calls without a session and by the wrong role, in the backend', async () => {
    const admin = await firstAdmin();
    await t.raw('settings.update', sampleSettings, admin);
    expect(await t.raw('dossiers.list', {}, { sessionToken: null })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    const created = await t.raw(
      'users.create',
      {
        username: 'cv.lan',
        fullName: 'Nguyễn Thị Lan',
        title: 'Chuyên viên',
        roles: ['appraiser'],
        temporaryPassword: 'tam-thoi-12345',
      },
      admin,
    );
    expect(created.ok).toBe(true);
    const appraiser = await login('cv.lan', 'tam-thoi-12345');
    await t.raw(
      'auth.changePassword',
      { currentPassword: 'tam-thoi-12345', newPassword: 'chuyen-vien-2026' },
      appraiser,
    );
    expect((await t.raw('dossiers.list', {}, appraiser)).ok).toBe(true);
    expect(
      await t.raw(
        'calendar.applyEdits',
        { edits: [{ type: 'confirm-year', year: 2027 }], reason: 'x' },
        appraiser,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.raw('users.list', {}, appraiser)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('names the signed-in user in the audit trail', async () => {
    const admin = await firstAdmin();
    await t.raw('settings.update', sampleSettings, admin);
    const last = await t.backend.ctx.db.get(
      'SELECT actor_id, actor_name, action FROM audit_events ORDER BY seq DESC LIMIT 1',
    );
    expect(last).toMatchObject({ actor_name: 'Quản trị hệ thống', action: 'settings.initialise' });
    expect((last as { actor_id: string }).actor_id).toMatch(/^user:\d+$/);
  });

  it('expires an idle session', async () => {
    const admin = await firstAdmin();
    t.clock.set(new Date(t.clock.now().getTime() + IDLE_TIMEOUT_MS + 1000).toISOString());
    expect(await t.raw('auth.me', {}, admin)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('throttles password guessing', async () => {
    await firstAdmin();
    for (let i = 0; i < 5; i += 1) {
      expect(
        await t.raw('auth.login', { username: 'admin', password: `sai-${i}` }, { sessionToken: null }),
      ).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      });
    }
    const locked = await t.raw(
      'auth.login',
      { username: 'admin', password: 'mat-khau-quan-tri-2026' },
      { sessionToken: null },
    );
    expect(locked).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    t.clock.set(new Date(t.clock.now().getTime() + 61_000).toISOString());
    expect(
      (
        await t.raw(
          'auth.login',
          { username: 'admin', password: 'mat-khau-quan-tri-2026' },
          { sessionToken: null },
        )
      ).ok,
    ).toBe(true);
  });

  it('gives the second of two concurrent edits a CONFLICT', async () => {
    const admin = await firstAdmin();
    const created = await t.raw(
      'users.create',
      {
        username: 'vt.hoa',
        fullName: 'Trần Thị Hoà',
        title: null,
        roles: ['clerk'],
        temporaryPassword: 'tam-thoi-12345',
      },
      admin,
    );
    if (!created.ok) throw new Error('create failed');
    const user = created.data as { id: number; version: number };
    const edit = {
      id: user.id,
      fullName: 'Trần Thị Hoà',
      title: 'Văn thư',
      roles: ['clerk'],
      isActive: true,
      version: user.version,
    };
    expect((await t.raw('users.update', edit, admin)).ok).toBe(true);
    expect(await t.raw('users.update', { ...edit, title: 'Khác' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});
