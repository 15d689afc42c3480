// Backups of a SQLite store carry its attached files in the backup folder's pool (manifest /2).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBackend, type TestBackend } from '../helpers/test-backend';
import { flipStoredByte, liveFileOf, makeScannedDossier } from '../helpers/scanned-dossier';
import { sha256Of } from '../helpers/attachment-upload';
import { verifyStore } from '../../electron/backend/store/verify-store';
import { filesDirOf } from '../../electron/backend/files/content-store';
import { restoreBackup } from '../../electron/backend/backup/restore-backup';
import { openSqliteStore } from '../../electron/backend/db/open-database';
import { DATABASE_FILE } from '../../electron/backend/data-dir';

let t: TestBackend;

let pdf: Buffer;
let png: Buffer;

beforeEach(async () => {
  ({ t, pdf, png } = await makeScannedDossier());
});
afterEach(() => t.close());

const live = (sha: string) => liveFileOf(t, sha);
const backupFolder = () => path.join(t.dataDir, 'backups');
const pooled = (sha: string) => path.join(backupFolder(), 'files', sha.slice(0, 2), sha.slice(2, 4), sha);

const flipByte = flipStoredByte;

describe('backups carry the files', () => {
  it('lists every hash in a /2 manifest, pools the files once, and a restore puts them back verified', async () => {
    const first = await t.call('backup.now', {});
    expect(first).toMatchObject({ format: 'licence-desk-backup/2', filesCount: 2 });
    const manifest = JSON.parse(
      fs.readFileSync(path.join(backupFolder(), first.file.replace(/\.db$/, '.manifest.json')), 'utf8'),
    ) as { files: { entries: Array<{ sha256: string; sizeBytes: number }> } };
    expect(manifest.files.entries.map((e) => e.sha256).sort()).toEqual([sha256Of(pdf), sha256Of(png)].sort());
    expect(fs.readFileSync(pooled(sha256Of(pdf))).equals(pdf)).toBe(true);
    // A second backup copies nothing again: the pool is shared and content-addressed.
    const mtime = fs.statSync(pooled(sha256Of(pdf))).mtimeMs;
    t.clock.set('2026-11-26T10:30:00+07:00');
    const second = await t.call('backup.now', {});
    expect(fs.statSync(pooled(sha256Of(pdf))).mtimeMs).toBe(mtime);
    // Retention removed the first (same day) backup; its files stay in the pool for the second.
    expect(fs.existsSync(pooled(sha256Of(pdf)))).toBe(true);

    const target = path.join(t.dataDir, 'restored-here');
    const restored = await restoreBackup(path.join(backupFolder(), second.file), { targetDataDir: target });
    expect(restored.verifyLines.some((l) => /^files: ok — 2 files/.test(l))).toBe(true);
    const restoredPdf = path.join(
      filesDirOf(target),
      sha256Of(pdf).slice(0, 2),
      sha256Of(pdf).slice(2, 4),
      sha256Of(pdf),
    );
    expect(fs.readFileSync(restoredPdf).equals(pdf)).toBe(true);
    const store = openSqliteStore(path.join(target, DATABASE_FILE));
    try {
      expect((await verifyStore(store, { filesDir: filesDirOf(target) })).ok).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('a pooled file changed after the backup: listed as a problem, and the restore is refused', async () => {
    const backup = await t.call('backup.now', {});
    flipByte(pooled(sha256Of(png)), 40);
    const listing = await t.call('backup.list', { verify: 'full' });
    expect(listing.good.map((b) => b.file)).not.toContain(backup.file);
    expect(listing.problems.find((p) => p.file === backup.file)?.kind).toBe('files-missing');
    const target = path.join(t.dataDir, 'restore-refused');
    await expect(
      restoreBackup(path.join(backupFolder(), backup.file), { targetDataDir: target }),
    ).rejects.toThrow();
    expect(fs.existsSync(path.join(target, DATABASE_FILE))).toBe(false);
  });

  it('a live file altered before the backup: the backup is refused and names the file', async () => {
    flipByte(live(sha256Of(pdf)));
    const result = await t.raw('backup.now', {});
    expect(!result.ok && result.error.message).toMatch(
      new RegExp(`${sha256Of(pdf).slice(0, 12)}.*licence-desk verify`),
    );
    expect(fs.readdirSync(backupFolder()).filter((n) => n.endsWith('.db'))).toEqual([]);
  });

  it('an older /1 manifest (no files) still restores', async () => {
    const fresh = await makeTestBackend();
    try {
      const backup = await fresh.call('backup.now', {});
      const manifestFile = path.join(
        fresh.dataDir,
        'backups',
        backup.file.replace(/\.db$/, '.manifest.json'),
      );
      const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
      delete manifest.files;
      manifest.format = 'licence-desk-backup/1';
      fs.writeFileSync(manifestFile, JSON.stringify(manifest));
      const restored = await restoreBackup(path.join(fresh.dataDir, 'backups', backup.file), {
        targetDataDir: path.join(fresh.dataDir, 'old-format'),
      });
      expect(restored.manifest.format).toBe('licence-desk-backup/1');
    } finally {
      await fresh.close();
    }
  });
});
