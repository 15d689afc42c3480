import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeTestBackend, repoRoot, sampleSettings, dataArgs } from '../../../test/helpers/test-backend';
import type { CliEnv } from '../cli/cli-context';
import { EXIT_BAD_FILE, importCommand } from '../cli/import-command';
import { makeSampleRows, toCsv } from './sample-file';

let dataDir: string;
let output: string;
const env: CliEnv = {
  appRoot: repoRoot,
  version: '0.0.0-test',
  stdout: (text) => (output += text),
  stderr: (text) => (output += text),
};

beforeEach(async () => {
  const t = await makeTestBackend();
  await t.call('settings.update', sampleSettings);
  await t.backend.close();
  dataDir = t.dataDir;
  output = '';
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

it('checks, refuses, then imports with --skip-invalid, printing every bad row as "dòng N: …"', async () => {
  const { rows } = makeSampleRows({ count: 30, seed: 2, to: '2025-06-30' });
  const bad = rows[1];
  if (bad) bad.ngay_hoan_thanh = '31/02/2024';
  const file = path.join(dataDir, 'so-cu.csv');
  fs.writeFileSync(file, toCsv(rows, { delimiter: ';', bom: true }));

  expect(await importCommand([file, '--dry-run', ...dataArgs(dataDir), '--quiet'], env)).toBe(EXIT_BAD_FILE);
  expect(output).toContain('Tệp: so-cu.csv (CSV, phân cách ";", có BOM)');
  expect(output).toContain('dòng 3: ngay_hoan_thanh 31/02/2024 không tồn tại.');
  expect(output).toContain('Kiểm tra xong: 1/30 dòng có lỗi.');

  output = '';
  expect(await importCommand([file, ...dataArgs(dataDir), '--quiet'], env)).toBe(EXIT_BAD_FILE);
  expect(output).toContain('Chưa nhập gì');

  output = '';
  expect(await importCommand([file, ...dataArgs(dataDir), '--skip-invalid', '--json'], env)).toBe(0);
  expect(JSON.parse(output)).toMatchObject({ outcome: 'imported', imported: 29, invalidRows: 1 });
});

it('says what is wrong with the command line or the file', async () => {
  expect(await importCommand([], env)).toBe(1);
  expect(output).toContain('Usage: licence-desk import');
  output = '';
  expect(await importCommand([path.join(dataDir, 'khong-co.csv'), ...dataArgs(dataDir)], env)).toBe(1);
  expect(output).toContain('Không tìm thấy tệp');
});
