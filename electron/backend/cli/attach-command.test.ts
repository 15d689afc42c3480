import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './main';
import {
  dataArgs,
  makeReceiveInput,
  makeTestBackend,
  openFolderStore,
  sampleSettings,
} from '../../../test/helpers/test-backend';
import { captureEnv } from '../../../test/helpers/cli-env';
import { sha256Of } from '../../../test/helpers/attachment-upload';
import { makeJpeg, makePdf, makePng, makeTiff } from '../../../test/helpers/scan-fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A data folder with two received dossiers (the backend closed so the CLI can open it). */
async function archive(): Promise<{ dataDir: string; codes: string[] }> {
  const t = await makeTestBackend();
  await t.call('settings.update', sampleSettings);
  const codes = [
    (await t.call('dossiers.receive', await makeReceiveInput(t))).code,
    (await t.call('dossiers.receive', await makeReceiveInput(t))).code,
  ];
  await t.backend.close();
  dirs.push(t.dataDir);
  return { dataDir: t.dataDir, codes };
}

async function counts(dataDir: string) {
  const store = await openFolderStore(dataDir);
  try {
    const n = async (sql: string) => (await store.get<{ n: number }>(sql))?.n ?? 0;
    return {
      files: await n('SELECT count(*) AS n FROM dossier_files'),
      audit: await n("SELECT count(*) AS n FROM audit_events WHERE action = 'attachments.attach'"),
      sources: await store.all<{ source: string }>('SELECT DISTINCT source FROM dossier_files'),
    };
  } finally {
    await store.close();
  }
}

describe('licence-desk attach (bulk digitisation)', () => {
  it('attaches files to one component, after a dry run that writes nothing', async () => {
    const { dataDir, codes } = await archive();
    const scans = fs.mkdtempSync(path.join(dataDir, 'scans-'));
    const pdf = await makePdf('Don de nghi 2019');
    fs.writeFileSync(path.join(scans, 'Đơn đề nghị 2019.pdf'), pdf);
    fs.writeFileSync(path.join(scans, 'trang-2.tif'), makeTiff());
    const files = [path.join(scans, 'Đơn đề nghị 2019.pdf'), path.join(scans, 'trang-2.tif')];

    const dry = captureEnv();
    expect(
      await runCli(
        ['attach', ...dataArgs(dataDir), '--dossier', codes[0]!, '--component', '1', '--dry-run', ...files],
        dry,
      ),
    ).toBe(0);
    expect(dry.out.join('')).toMatch(/WOULD ATTACH .*Đơn đề nghị 2019\.pdf/);
    expect(dry.out.join('')).toContain('Dry run: 2 of 2 file(s) would be attached, 0 refused.');
    expect((await counts(dataDir)).files).toBe(0);

    const real = captureEnv();
    expect(
      await runCli(
        ['attach', ...dataArgs(dataDir), '--dossier', codes[0]!, '--component', '1', ...files],
        real,
      ),
    ).toBe(0);
    expect(real.out.join('')).toContain(sha256Of(pdf));
    expect(await counts(dataDir)).toMatchObject({ files: 2, audit: 2, sources: [{ source: 'bulk' }] });
  });

  it('attaches a folder with one sub-folder per dossier, refusing bad files one by one', async () => {
    const { dataDir, codes } = await archive();
    const root = fs.mkdtempSync(path.join(dataDir, 'archive-'));
    fs.mkdirSync(path.join(root, codes[0]!));
    fs.mkdirSync(path.join(root, codes[1]!));
    fs.mkdirSync(path.join(root, '000.00.14.H20-190101-9999'));
    fs.writeFileSync(path.join(root, codes[0]!, '1-don.pdf'), await makePdf('a'));
    fs.writeFileSync(path.join(root, codes[0]!, '2 ban thao.jpg'), await makeJpeg('b'));
    fs.writeFileSync(path.join(root, codes[1]!, '1.png'), makePng(12, 12, 1));
    fs.writeFileSync(path.join(root, codes[1]!, '2-hong.pdf'), (await makePdf('c')).subarray(0, 200));
    fs.writeFileSync(path.join(root, codes[1]!, 'khong-so.pdf'), await makePdf('d'));
    fs.writeFileSync(path.join(root, '000.00.14.H20-190101-9999', '1.pdf'), await makePdf('e'));

    const dry = captureEnv();
    expect(await runCli(['attach', ...dataArgs(dataDir), '--folder', root, '--dry-run', '--json'], dry)).toBe(
      2,
    );
    const report = JSON.parse(dry.out.join('')) as {
      results: Array<{ status: string; message?: string; file: string }>;
    };
    expect(report.results.map((r) => r.status).sort()).toEqual([
      'checked',
      'checked',
      'checked',
      'refused',
      'refused',
      'refused',
    ]);
    expect(report.results.find((r) => r.file.endsWith('2-hong.pdf'))?.message).toMatch(/cắt cụt/);
    expect(report.results.find((r) => r.file.endsWith('khong-so.pdf'))?.message).toMatch(
      /số thứ tự thành phần/,
    );
    expect(report.results.find((r) => r.file.includes('9999'))?.message).toMatch(/không có hồ sơ mã/);
    expect((await counts(dataDir)).files).toBe(0);

    const real = captureEnv();
    expect(await runCli(['attach', ...dataArgs(dataDir), '--folder', root], real)).toBe(2);
    expect(real.out.join('')).toContain('3 of 6 file(s) attached, 3 refused.');
    expect((await counts(dataDir)).files).toBe(3);
    // Running it again attaches nothing twice.
    const again = captureEnv();
    await runCli(['attach', ...dataArgs(dataDir), '--folder', root], again);
    expect((await counts(dataDir)).files).toBe(3);
    expect(again.out.join('')).toMatch(/giống hệt/);
  });
});
