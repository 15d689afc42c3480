// verify re-hashes the attached files on either engine; backups carrying them: backup-files.sqlite.test.ts
// (SQLite's .db copies) and test/postgres/backup-restore.postgres.test.ts (pg_dump archives).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReceiveInput, makeTestBackend, sampleSettings, type TestBackend } from '../helpers/test-backend';
import { sha256Of, uploadThroughApi } from '../helpers/attachment-upload';
import { makePdf, makePng } from '../helpers/scan-fixtures';
import { verifyStore } from '../../electron/backend/store/verify-store';
import { filesDirOf } from '../../electron/backend/files/content-store';

let t: TestBackend;
let dossierId: number;
let pdf: Buffer;
let png: Buffer;

beforeEach(async () => {
  t = await makeTestBackend();
  await t.call('settings.update', sampleSettings);
  dossierId = (await t.call('dossiers.receive', await makeReceiveInput(t))).id;
  pdf = await makePdf('Don de nghi', 2);
  png = makePng(50, 30, 5);
  for (const [no, name, bytes] of [
    [1, 'Đơn.pdf', pdf],
    [2, 'trang.png', png],
  ] as const) {
    const r = await uploadThroughApi(t, { dossierId, componentNo: no, fileName: name }, bytes);
    if (!r.ok) throw new Error(r.error.message);
  }
});
afterEach(() => t.close());

const live = (sha: string) => path.join(filesDirOf(t.dataDir), sha.slice(0, 2), sha.slice(2, 4), sha);

function flipByte(file: string, at = 100) {
  fs.chmodSync(file, 0o644);
  const bytes = fs.readFileSync(file);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  fs.writeFileSync(file, bytes);
}

describe('verify re-hashes every stored file', () => {
  it('passes on a sound store', async () => {
    const report = await verifyStore(t.backend.ctx.db, { filesDir: filesDirOf(t.dataDir) });
    expect(report.ok).toBe(true);
    expect(report.lines).toContain(report.lines.find((l) => /^files: ok — 2 files/.test(l)));
  });

  it('names an altered byte and a missing file with the dossier that uses them', async () => {
    flipByte(live(sha256Of(pdf)));
    fs.rmSync(live(sha256Of(png)), { force: true });
    const report = await verifyStore(t.backend.ctx.db, { filesDir: filesDirOf(t.dataDir) });
    expect(report.ok).toBe(false);
    const text = report.lines.join('\n');
    expect(text).toMatch(new RegExp(`ALTERED ${sha256Of(pdf)} .*component 1 "Đơn.pdf"`));
    expect(text).toMatch(new RegExp(`MISSING ${sha256Of(png)} .*component 2 "trang.png"`));
    expect(text).toMatch(/files: FAILED — 1 missing, 1 altered of 2/);
  });
});
