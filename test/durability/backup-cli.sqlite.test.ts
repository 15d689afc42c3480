// `licence-desk backup` and `licence-desk restore`, run as the CLI runs them (command functions with a CLI
// environment), on a real data folder.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupCommand } from '../../electron/backend/cli/backup-command';
import { restoreCommand } from '../../electron/backend/cli/restore-command';
import type { CliEnv } from '../../electron/backend/cli/cli-context';
import { flipByte, cleanupTempDirs, configuredBackend, receiveDossiers, tempDir } from './durability-helpers';
import { repoRoot, type TestBackend } from '../helpers/test-backend';

let t: TestBackend;
let dataDir: string;
beforeEach(async () => {
  t = await configuredBackend();
  await receiveDossiers(t, 4);
  dataDir = t.dataDir;
  await t.backend.close(); // the CLI opens the folder itself
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  cleanupTempDirs();
});

function cliEnv(): CliEnv & { out: string; err: string } {
  const env = {
    appRoot: repoRoot,
    version: '0.0.0-test',
    out: '',
    err: '',
    stdout: (text: string) => (env.out += text),
    stderr: (text: string) => (env.err += text),
  };
  return env;
}

describe('licence-desk backup / restore', () => {
  it('backs up to --out, prints the manifest summary, and restores into a fresh folder', async () => {
    const out = tempDir();
    const env = cliEnv();
    expect(await backupCommand(['--data', dataDir, '--out', out, '--quiet'], env)).toBe(0);
    expect(env.out).toContain('Đã tạo và kiểm tra bản sao lưu');
    expect(env.out).toMatch(/SHA-256: +[0-9a-f]{64}/);
    expect(env.out).toContain('dossiers 4');
    const file = fs.readdirSync(out).find((n) => n.endsWith('.db'));
    expect(file).toMatch(/^licence-desk-\d{8}-\d{6}\.db$/);

    const into = path.join(tempDir(), 'restored');
    const env2 = cliEnv();
    expect(await restoreCommand([path.join(out, file ?? ''), '--into', into], env2)).toBe(0);
    expect(env2.out).toContain('integrity_check: ok');
    expect(env2.out).toContain('audit chain: ok');
    expect(env2.out).toContain(`--data "${into}"`);
    expect(fs.existsSync(path.join(into, 'licence-desk.db'))).toBe(true);

    // Without --into: a fresh restored-<time> folder inside the data folder.
    const env3 = cliEnv();
    expect(await restoreCommand([path.join(out, file ?? ''), '--data', dataDir], env3)).toBe(0);
    expect(fs.readdirSync(dataDir).some((n) => /^restored-\d{8}-\d{6}$/.test(n))).toBe(true);
  });

  it('refuses a damaged backup and a folder without data, in Vietnamese, with a non-zero exit', async () => {
    const out = tempDir();
    expect(await backupCommand(['--data', dataDir, '--out', out, '--quiet'], cliEnv())).toBe(0);
    const file = path.join(out, fs.readdirSync(out).find((n) => n.endsWith('.db')) ?? '');
    flipByte(file);
    const env = cliEnv();
    const into = path.join(tempDir(), 'restored');
    expect(await restoreCommand([file, '--into', into], env)).toBe(3);
    expect(env.err).toContain('SHA-256');
    expect(fs.existsSync(into)).toBe(false);

    const empty = tempDir();
    const env2 = cliEnv();
    expect(await backupCommand(['--data', empty, '--out', out], env2)).toBe(1);
    expect(env2.err).toContain('Không tìm thấy dữ liệu LicenceDesk');
    expect(fs.readdirSync(empty)).toEqual([]);
  });

  it('--json prints the manifest', async () => {
    const out = tempDir();
    const env = cliEnv();
    expect(await backupCommand(['--data', dataDir, '--out', out, '--json'], env)).toBe(0);
    const printed = JSON.parse(env.out) as { sha256: string; auditHead: { seq: number } };
    expect(printed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(printed.auditHead.seq).toBeGreaterThan(0);
  });
});
