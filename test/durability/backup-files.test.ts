// verify re-hashes the attached files on either engine; backups carrying them: backup-files.sqlite.test.ts
// (SQLite's .db copies) and test/postgres/backup-restore.postgres.test.ts (pg_dump archives).
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/test-backend';
import { flipStoredByte, liveFileOf, makeScannedDossier } from '../helpers/scanned-dossier';
import { sha256Of } from '../helpers/attachment-upload';
import { verifyStore } from '../../electron/backend/store/verify-store';
import { filesDirOf } from '../../electron/backend/files/content-store';

let t: TestBackend;

let pdf: Buffer;
let png: Buffer;

beforeEach(async () => {
  ({ t, pdf, png } = await makeScannedDossier());
});
afterEach(() => t.close());

const live = (sha: string) => liveFileOf(t, sha);

const flipByte = flipStoredByte;

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
