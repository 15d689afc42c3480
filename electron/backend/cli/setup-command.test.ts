import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBackend, sampleSettings } from '../../../test/helpers/test-backend';
import { captureEnv } from '../../../test/helpers/cli-env';
import { makeSampleRows, toCsv } from '../import/sample-file';
import { verifyAuditChain } from '../audit/audit-chain';
import { runCli } from './main';

/*
 * Issue 12 §6: an installer script prepares an office end to end without a browser — a fresh data folder is
 * configured from a settings file, then legacy data is imported (which refuses until the agency is set).
 */

let work: string;
let dataDir: string;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'licence-desk-setup-'));
  dataDir = path.join(work, 'data');
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

function writeJson(name: string, value: unknown): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

function legacyCsv(): string {
  const { rows } = makeSampleRows({ count: 25, seed: 7, to: '2025-06-30' });
  const file = path.join(work, 'so-cu.csv');
  fs.writeFileSync(file, toCsv(rows, { delimiter: ';', bom: true }));
  return file;
}

describe('licence-desk setup', () => {
  it('configures a fresh folder from a settings file, then import works on it', async () => {
    const csv = legacyCsv();
    // Before set-up, import refuses: the agency is not configured.
    const refused = captureEnv();
    expect(await runCli(['import', csv, '--data', dataDir, '--quiet'], refused)).not.toBe(0);
    expect(refused.out.join('') + refused.err.join('')).toMatch(/cài đặt|thiết lập|cấu hình/i);

    const settings = writeJson('settings.json', sampleSettings);
    const passwordFile = path.join(work, 'admin-password.txt');
    fs.writeFileSync(passwordFile, 'mật khẩu quản trị của Sở\n');
    const setup = captureEnv();
    expect(
      await runCli(
        ['setup', '--settings', settings, '--admin-password-file', passwordFile, '--data', dataDir],
        setup,
      ),
    ).toBe(0);
    expect(setup.out.join('')).toContain('Đã lưu cài đặt cơ quan');
    expect(setup.out.join('')).toContain('Đã đặt mật khẩu cho quản trị viên “admin”');

    const imported = captureEnv();
    expect(await runCli(['import', csv, '--data', dataDir, '--json'], imported)).toBe(0);
    expect(JSON.parse(imported.out.join(''))).toMatchObject({ outcome: 'imported', imported: 25 });

    // The administrator logs in with the installer's password, with no forced change; no start replaces it.
    const t = await makeTestBackend({ dataDir });
    try {
      expect(t.backend.ctx.bootstrap).toBeNull();
      const login = await t.raw(
        'auth.login',
        { username: 'admin', password: 'mật khẩu quản trị của Sở' },
        { sessionToken: null },
      );
      expect(login).toMatchObject({ ok: true, data: { user: { mustChangePassword: false } } });
      expect(await t.call('settings.get', {})).toMatchObject({
        isConfigured: true,
        agency: { name: 'Sở Văn hóa, Thể thao và Du lịch' },
      });
      const audit = (await t.backend.ctx.db.all(
        'SELECT action, actor_id FROM audit_events WHERE action IN (?, ?) ORDER BY seq',
        ['settings.initialise', 'users.setupAdministratorPassword'],
      )) as Array<{
        action: string;
        actor_id: string;
      }>;
      expect(audit.map((a) => a.action)).toEqual(['settings.initialise', 'users.setupAdministratorPassword']);
      expect(audit.every((a) => a.actor_id.startsWith('system:'))).toBe(true);
      expect((await verifyAuditChain(t.backend.ctx.db)).ok).toBe(true);
    } finally {
      await t.backend.close();
    }
  });

  it('prints a one-time password once when no password file is given', async () => {
    const env = captureEnv();
    const settings = writeJson('settings.json', sampleSettings);
    expect(await runCli(['setup', '--settings', settings, '--data', dataDir, '--json'], env)).toBe(0);
    const out = JSON.parse(env.out.join('')) as {
      administrator: { username: string; oneTimePassword: string };
    };
    expect(out.administrator.oneTimePassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    const t = await makeTestBackend({ dataDir });
    try {
      // The next start keeps it (the login screen shows no other) and asks for a new one at first login.
      expect(t.backend.ctx.bootstrap).toBeNull();
      const login = await t.raw(
        'auth.login',
        { username: 'admin', password: out.administrator.oneTimePassword },
        { sessionToken: null },
      );
      expect(login).toMatchObject({ ok: true, data: { user: { mustChangePassword: true } } });
    } finally {
      await t.backend.close();
    }
    // Run again to change the settings: allowed (audited as an update); the password is left alone.
    const again = captureEnv();
    expect(await runCli(['setup', '--settings', settings, '--data', dataDir], again)).toBe(0);
    expect(again.out.join('')).toContain('đã có mật khẩu riêng');
    const passwordFile = path.join(work, 'pw.txt');
    fs.writeFileSync(passwordFile, 'một mật khẩu khác rất dài');
    const refused = captureEnv();
    expect(
      await runCli(
        ['setup', '--settings', settings, '--data', dataDir, '--admin-password-file', passwordFile],
        refused,
      ),
    ).toBe(1);
    expect(refused.err.join('')).toMatch(/đã có mật khẩu riêng[\s\S]*already has a password/);
  });

  it('names every bad field in Vietnamese and English and leaves the folder untouched', async () => {
    const bad = writeJson('bad.json', {
      ...sampleSettings,
      agency: { ...sampleSettings.agency, name: 'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH', adress: 'gõ nhầm' },
      office: { ...sampleSettings.office, cutoff: '25:00' },
    });
    const env = captureEnv();
    expect(await runCli(['setup', '--settings', bad, '--data', dataDir], env)).toBe(3);
    const err = env.err.join('');
    expect(err).toContain('Cài đặt không hợp lệ, chưa thay đổi gì (invalid settings, nothing changed)');
    expect(err).toMatch(/agency\.name: Tên cơ quan: nhập như khi viết trong câu[\s\S]*\(value not accepted/);
    expect(err).toMatch(/office\.cutoff: Giờ phải có dạng HH:mm[\s\S]*\(wrong format\)/);
    expect(fs.existsSync(dataDir)).toBe(false);

    // A typo in a field name would otherwise vanish silently.
    const typo = writeJson('typo.json', {
      ...sampleSettings,
      agency: { ...sampleSettings.agency, adress: 'Số 10 Lý Thái Tổ' },
    });
    const typoEnv = captureEnv();
    expect(await runCli(['setup', '--settings', typo, '--data', dataDir], typoEnv)).toBe(3);
    expect(typoEnv.err.join('')).toMatch(
      /agency\.adress: trường không có trong mẫu cài đặt[\s\S]*unknown field/,
    );

    const missing = writeJson('missing.json', { agency: sampleSettings.agency });
    const missingEnv = captureEnv();
    expect(await runCli(['setup', '--settings', missing, '--data', dataDir], missingEnv)).toBe(3);
    expect(missingEnv.err.join('')).toMatch(
      /office: [^\n]+\n\s+\(Invalid input: expected object, received undefined\)/,
    );

    fs.writeFileSync(path.join(work, 'broken.json'), '{ "agency": ');
    const broken = captureEnv();
    expect(
      await runCli(['setup', '--settings', path.join(work, 'broken.json'), '--data', dataDir], broken),
    ).toBe(3);
    expect(broken.err.join('')).toMatch(/không phải JSON hợp lệ[\s\S]*Not valid JSON/);

    const shortPassword = path.join(work, 'short.txt');
    fs.writeFileSync(shortPassword, 'ngắn\n');
    const good = writeJson('good.json', sampleSettings);
    const weak = captureEnv();
    expect(
      await runCli(
        ['setup', '--settings', good, '--data', dataDir, '--admin-password-file', shortPassword],
        weak,
      ),
    ).toBe(3);
    expect(weak.err.join('')).toMatch(/ít nhất 10 ký tự[\s\S]*Administrator password rejected/);
    expect(fs.existsSync(dataDir)).toBe(false);

    const usage = captureEnv();
    expect(await runCli(['setup', '--data', dataDir], usage)).toBe(1);
    expect(usage.err.join('')).toContain('Usage: licence-desk setup --settings FILE.json');
  });
});
