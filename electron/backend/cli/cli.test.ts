import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './main';
import {
  makeTestBackend,
  sampleSettings,
  type TestBackend,
  dataArgs,
} from '../../../test/helpers/test-backend';
import { makeOffice } from '../../../test/helpers/test-users';
import { receiveAndIssue } from '../../../test/helpers/issue-licence';
import { captureEnv } from '../../../test/helpers/cli-env';

let t: TestBackend | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A store with one issued licence, made through the API; the backend is closed so the CLI can open it. */
async function storeWithLicence(): Promise<{ dataDir: string; payload: string }> {
  t = await makeTestBackend({ now: '2026-11-02T09:00:00+07:00' });
  await t.call('settings.update', sampleSettings);
  const office = await makeOffice(t);
  await receiveAndIssue(t, office);
  const payload = ((await t.backend.ctx.db.get('SELECT payload FROM licences')) as { payload: string })
    .payload;
  const dataDir = t.dataDir;
  await t.backend.close();
  dirs.push(dataDir);
  return { dataDir, payload };
}

describe('licence-desk CLI', () => {
  it('verify checks integrity, the audit chain and the licence register', async () => {
    const { dataDir } = await storeWithLicence();
    const env = captureEnv();
    expect(await runCli(['verify', ...dataArgs(dataDir)], env)).toBe(0);
    const text = env.out.join('');
    expect(text).toMatch(/integrity_check: ok/);
    expect(text).toMatch(/audit chain: ok/);
    expect(text).toMatch(/licence register XN-SVHTTDL 2026: ok — 1 issued/);
    t = undefined;
  });

  it('verify-licence accepts the issued code and refuses a tampered one', async () => {
    const { dataDir, payload } = await storeWithLicence();
    const good = captureEnv();
    expect(await runCli(['verify-licence', payload, ...dataArgs(dataDir)], good)).toBe(0);
    expect(good.out.join('')).toMatch(/^VALID: licence 01\/XN-SVHTTDL/);
    const [head = '', signature = ''] = payload.split(/\.(?=[^.]*$)/);
    const body = JSON.parse(Buffer.from(head.replace(/^LD1\./, ''), 'base64url').toString()) as Record<
      string,
      string
    >;
    const forged = `LD1.${Buffer.from(JSON.stringify({ ...body, holder: 'Người khác' })).toString('base64url')}.${signature}`;
    const bad = captureEnv();
    expect(await runCli(['verify-licence', forged, ...dataArgs(dataDir)], bad)).toBe(3);
    expect(bad.out.join('')).toMatch(/NOT VALID/);
    t = undefined;
  });

  it('due-date explains a date and refuses a receipt time without an offset', async () => {
    const env = captureEnv();
    t = await makeTestBackend();
    const dataDir = t.dataDir;
    await t.backend.close();
    dirs.push(dataDir);
    expect(
      await runCli(
        [
          'due-date',
          ...dataArgs(dataDir),
          '--received',
          '2026-02-13T10:00:00+07:00',
          '--days',
          '10',
          '--json',
        ],
        env,
      ),
    ).toBe(0);
    expect(JSON.parse(env.out.join(''))).toMatchObject({ countFrom: '2026-02-23', dueDate: '2026-03-06' });
    const bad = captureEnv();
    expect(
      await runCli(
        ['due-date', ...dataArgs(dataDir), '--received', '2026-02-13T10:00:00', '--days', '10'],
        bad,
      ),
    ).toBe(1);
    expect(bad.err.join('')).toMatch(/múi giờ/);
    t = undefined;
  });

  it('due-date takes --pause as plain dates and refuses a date written day-first, in both languages', async () => {
    t = await makeTestBackend();
    const dataDir = t.dataDir;
    await t.backend.close();
    dirs.push(dataDir);
    t = undefined;
    const base = [
      'due-date',
      ...dataArgs(dataDir),
      '--received',
      '2026-03-02T09:00:00+07:00',
      '--days',
      '10',
    ];
    // Request Thu 05/03, supplement Wed 11/03 (pause rule v2): 03, 04, 05 used, 7 from Thu 12/03 -> 20/03.
    const env = captureEnv();
    expect(await runCli([...base, '--pause', '2026-03-05/2026-03-11', '--json'], env)).toBe(0);
    const result = JSON.parse(env.out.join('')) as {
      dueDate: string;
      ledger: Array<{ kind: string; at: string }>;
    };
    expect(result.dueDate).toBe('2026-03-20');
    expect(result.ledger.find((e) => e.kind === 'pause')?.at).toBe('2026-03-05T07:30:00+07:00');
    const open = captureEnv();
    expect(await runCli([...base, '--pause', '2026-03-05/'], open)).toBe(0);
    expect(open.out.join('')).toMatch(/^Tạm dừng – chờ bổ sung/);
    const bad = captureEnv();
    expect(await runCli([...base, '--pause', '05/03/2026/11/03/2026'], bad)).toBe(1);
    expect(bad.err.join('')).toMatch(/năm-tháng-ngày[\s\S]*year-month-day/);
    const backwards = captureEnv();
    expect(await runCli([...base, '--pause', '2026-03-11/2026-03-05'], backwards)).toBe(1);
    expect(backwards.err.join('')).toMatch(
      /nhận hồ sơ bổ sung trước ngày yêu cầu[\s\S]*pauses\[0\]: the supplement/,
    );
  });

  it('pause-rule shows the version in force, previews another and applies it with an audit entry', async () => {
    t = await makeTestBackend();
    const dataDir = t.dataDir;
    await t.backend.close();
    dirs.push(dataDir);
    t = undefined;
    const show = captureEnv();
    expect(await runCli(['pause-rule', ...dataArgs(dataDir)], show)).toBe(0);
    expect(show.out.join('')).toMatch(/^Quy tắc đang áp dụng: pause-v2-request-day-counts/);
    const preview = captureEnv();
    const v1 = ['pause-rule', ...dataArgs(dataDir), '--rule', 'pause-v1-request-day-free'];
    expect(await runCli(v1, preview)).toBe(0);
    expect(preview.out.join('')).toMatch(/Hồ sơ đang giải quyết: 0; đổi hạn trả kết quả: 0/);
    const noReason = captureEnv();
    expect(await runCli([...v1, '--apply'], noReason)).toBe(1);
    const applied = captureEnv();
    expect(await runCli([...v1, '--apply', '--reason', 'Thử nghiệm'], applied)).toBe(0);
    expect(applied.out.join('')).toMatch(/^Đã áp dụng pause-v1-request-day-free/);
    const again = captureEnv();
    expect(await runCli(v1, again)).toBe(0);
    expect(again.out.join('')).toMatch(/^Quy tắc đang áp dụng: pause-v1-request-day-free/);
    const check = await makeTestBackend({ dataDir });
    expect(
      await check.backend.ctx.db.get(
        "SELECT count(*) AS n FROM audit_events WHERE action = 'pauseRules.apply'",
      ),
    ).toEqual({ n: 1 });
    await check.backend.close();
    t = undefined;
  });
});
