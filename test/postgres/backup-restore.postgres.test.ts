// Backups of the PostgreSQL store: pg_dump archive + manifest, listed and checked like SQLite backups, restored
// into an empty database and verified; refusals for a non-empty target, a damaged archive and a SQLite backup.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestBackend, sampleSettings, type TestBackend } from '../helpers/test-backend';
import { makeOffice } from '../helpers/test-users';
import { receiveAndIssue } from '../helpers/issue-licence';
import { createEmptyDatabase, dropTestDatabase } from '../helpers/test-postgres';
import { cleanupTempDirs, flipByte, tempDir } from '../durability/durability-helpers';
import { listBackups } from '../../electron/backend/backup/list-backups';
import { restorePostgresBackup } from '../../electron/backend/backup/restore-backup.postgres';
import { restoreBackup } from '../../electron/backend/backup/restore-backup';
import { auditHead } from '../../electron/backend/audit/audit-chain';
import { countRows } from '../../electron/backend/backup/inspect-copy';
import { AppError } from '../../shared/api/errors';

let t: TestBackend;
const databases: string[] = [];
beforeEach(async () => {
  t = await makeTestBackend({ now: '2026-11-02T09:00:00+07:00' });
  await t.call('settings.update', sampleSettings);
  const office = await makeOffice(t);
  for (let i = 0; i < 3; i += 1) await receiveAndIssue(t, office);
});
afterEach(async () => {
  await t.close();
  for (const url of databases.splice(0)) await dropTestDatabase(url);
  cleanupTempDirs();
});

async function emptyDatabase(): Promise<string> {
  const url = await createEmptyDatabase();
  databases.push(url);
  return url;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('PostgreSQL backups', () => {
  it('writes a pg_dump archive with a manifest of the dumped snapshot, and restores it verified', async () => {
    const out = tempDir();
    await t.call('backup.settings.update', {
      folder: out,
      keepDaily: 3,
      keepMonthly: 1,
      dailyEnabled: false,
    });
    const made = await t.call('backup.now', {});
    expect(made.file).toMatch(/^licence-desk-\d{8}-\d{6}\.pgdump$/);
    const manifest = JSON.parse(
      fs.readFileSync(path.join(out, made.file.replace('.pgdump', '.manifest.json')), 'utf8'),
    ) as {
      engine: string;
      auditHead: { seq: number };
      rowCounts: Array<{ table: string; rows: number }>;
      files: { count: number };
    };
    expect(manifest.engine).toBe('postgres');
    // The backup's own audit entry is written after the dump: the manifest anchors the head before it.
    const live = await auditHead(t.backend.ctx.db);
    expect(manifest.auditHead.seq).toBe((live?.seq ?? 0) - 1);
    expect(manifest.rowCounts.find((c) => c.table === 'licences')?.rows).toBe(3);

    const listing = await listBackups(out, { verify: 'full' });
    expect(listing.good.map((b) => b.file)).toEqual([made.file]);

    // The three licences' electronic results are files: the backup carries them and restore puts them back.
    expect(manifest.files.count).toBe(3);
    const target = await emptyDatabase();
    const filesDir = tempDir();
    const restored = await restorePostgresBackup(path.join(out, made.file), {
      targetDatabaseUrl: target,
      filesDir,
    });
    expect(restored.verifyLines.join('\n')).toMatch(/files: ok — 3 files/);
    expect(restored.auditHead).toEqual(manifest.auditHead);
    expect(restored.verifyLines.join('\n')).toMatch(/audit chain: ok/);
    expect(restored.verifyLines.join('\n')).toMatch(/licence register .*: ok — 3 issued/);
    expect(restored.rowCounts).toEqual(manifest.rowCounts);

    // The restored database works as a store: a new backend issues the next number of the series.
    const again = await makeTestBackend({ now: '2026-11-03T09:00:00+07:00', databaseUrl: target });
    try {
      const office = await makeOffice(again, 'sau.');
      const next = await receiveAndIssue(again, office);
      expect(next.licence).toMatch(/^04\//);
    } finally {
      await again.close();
    }
  });

  it('never restores over data, refuses a damaged archive, and refuses a SQLite backup', async () => {
    const out = tempDir();
    await t.call('backup.settings.update', {
      folder: out,
      keepDaily: 3,
      keepMonthly: 1,
      dailyEnabled: false,
    });
    const made = await t.call('backup.now', {});
    const file = path.join(out, made.file);

    const live = t.databaseUrl as string;
    const overData = await refusal(
      restorePostgresBackup(file, { targetDatabaseUrl: live, filesDir: tempDir() }),
    );
    expect(overData.userMessage).toContain('không trống');
    expect((await countRows(t.backend.ctx.db)).find((c) => c.table === 'licences')?.rows).toBe(3);

    expect((await refusal(restoreBackup(file, { targetDataDir: tempDir() }))).userMessage).toContain(
      '--into-database',
    );

    flipByte(file);
    const damaged = await refusal(
      restorePostgresBackup(file, { targetDatabaseUrl: await emptyDatabase(), filesDir: tempDir() }),
    );
    expect(damaged.userMessage).toContain('SHA-256');
  });
});
