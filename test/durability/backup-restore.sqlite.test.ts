// reliability.md 2-B1 (backup round trip), 2-B2 (restore drill), 3.2 (the manifest anchors the chain head).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup, type BackupProgress } from '../../electron/backend/backup/create-backup';
import { listBackups } from '../../electron/backend/backup/list-backups';
import { restoreBackup } from '../../electron/backend/backup/restore-backup';
import { hashFile } from '../../electron/backend/backup/durable-fs';
import { hashAuditRow, auditHead, type AuditRow } from '../../electron/backend/audit/audit-chain';
import { openSqliteStore } from '../../electron/backend/db/open-database';
import { SCHEMA_VERSION } from '../../electron/backend/db/migrate';
import { verifyStore } from '../../electron/backend/store/verify-store';
import { AppError } from '../../shared/api/errors';
import { backupManifestSchema } from '../../shared/api/schemas/backup';
import { createBackend } from '../../electron/backend/create-backend';
import { createMemoryLogger } from '../../electron/backend/log';
import { resourcesDir, type TestBackend } from '../helpers/test-backend';
import {
  cleanupTempDirs,
  configuredBackend,
  flipByte,
  receiveDossiers,
  rowCounts,
  tempDir,
} from './durability-helpers';

let t: TestBackend;
beforeEach(async () => {
  t = await configuredBackend();
  await receiveDossiers(t, 12);
});
afterEach(async () => {
  await t.close();
  cleanupTempDirs();
});

async function backupInto(dest: string, onProgress?: (p: BackupProgress) => void) {
  return createBackup(t.backend.ctx.db, {
    destDir: dest,
    now: t.clock.now(),
    appVersion: '0.0.0-test',
    reason: 'manual',
    ...(onProgress ? { onProgress } : {}),
  });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the restore to be refused');
}

describe('backup round trip', () => {
  it('backs up, restores into a fresh folder, and the copy has the same rows and audit head', async () => {
    const db = t.backend.ctx.db;
    const dest = tempDir();
    const phases: string[] = [];
    const result = await backupInto(dest, (p) => {
      if (phases.at(-1) !== p.phase) phases.push(p.phase);
    });
    expect(phases).toEqual(['copy', 'sync', 'verify', 'hash', 'publish', 'done']);

    // The manifest on disk says what the result says, and it matches the file.
    expect(result.manifest.file).toBe('licence-desk-20261126-093000.db');
    expect(fs.readdirSync(dest).sort()).toEqual([
      'licence-desk-20261126-093000.db',
      'licence-desk-20261126-093000.manifest.json',
    ]);
    const onDisk = backupManifestSchema.parse(
      JSON.parse(fs.readFileSync(path.join(dest, 'licence-desk-20261126-093000.manifest.json'), 'utf8')),
    );
    expect(onDisk).toEqual(result.manifest);
    expect(await hashFile(result.path)).toEqual({
      sha256: result.manifest.sha256,
      sizeBytes: result.manifest.sizeBytes,
    });
    expect(result.manifest).toMatchObject({
      createdAt: '2026-11-26T09:30:00+07:00',
      reason: 'manual',
      schemaVersion: SCHEMA_VERSION,
      auditHead: await auditHead(db),
    });
    const counted = Object.fromEntries(result.manifest.rowCounts.map((c) => [c.table, c.rows]));
    expect(counted).toEqual(await rowCounts(db));
    expect(counted.dossiers).toBe(12);

    // One self-contained file: no -wal/-shm beside it, and it is not in WAL mode.
    const plain = new Database(result.path, { readonly: true });
    expect(plain.pragma('journal_mode', { simple: true })).toBe('delete');
    plain.close();

    const listing = await listBackups(dest, { verify: 'full' });
    expect(listing.good.map((b) => b.file)).toEqual([result.manifest.file]);
    expect(listing.problems).toEqual([]);

    const target = path.join(tempDir(), 'restored');
    const restored = await restoreBackup(result.path, { targetDataDir: target });
    expect(restored.dataDir).toBe(target);
    expect(restored.auditHead).toEqual(await auditHead(db));

    const copy = openSqliteStore(path.join(target, 'licence-desk.db'));
    try {
      expect(await rowCounts(copy)).toEqual(await rowCounts(db));
      expect(await auditHead(copy)).toEqual(await auditHead(db));
      expect((await verifyStore(copy)).ok).toBe(true);
    } finally {
      await copy.close();
    }
    // The live store was only read.
    expect((await verifyStore(db)).ok).toBe(true);
  });

  it('the restored folder starts as a data folder and shows the same dossiers (restore drill)', async () => {
    const before = await t.call('dossiers.list', { limit: 100 });
    const result = await backupInto(tempDir());
    const target = path.join(tempDir(), 'drill');
    await restoreBackup(result.path, { targetDataDir: target });
    const drill = await createBackend({
      dataDir: target,
      resourcesDir,
      edition: 'cli',
      appVersion: '0.0.0-test',
      log: createMemoryLogger(),
      clock: t.clock,
    });
    try {
      const head = await auditHead(drill.ctx.db);
      // Start-up may add seed rows but never rewrites the chain: the anchored head is still in it.
      const anchored = (await drill.ctx.db.get('SELECT hash FROM audit_events WHERE seq = ?', [
        result.manifest.auditHead?.seq,
      ])) as { hash: string } | undefined;
      expect(anchored?.hash).toBe(result.manifest.auditHead?.hash);
      expect(head?.seq).toBeGreaterThanOrEqual(result.manifest.auditHead?.seq ?? 0);
      const { dispatch } = await import('../../electron/backend/dispatch');
      const reply = await dispatch(
        drill,
        'dossiers.list',
        { limit: 100 },
        {
          system: { id: 'test:drill', name: 'Kiểm thử', roles: ['admin'] },
        },
      );
      expect(reply.ok && (reply.data as { total: number }).total).toBe(before.total);
    } finally {
      await drill.close();
    }
  });

  it('never overwrites: a target folder that holds anything is refused and left untouched', async () => {
    const result = await backupInto(tempDir());
    const target = tempDir();
    fs.writeFileSync(path.join(target, 'licence-desk.db'), 'the live database');
    const error = await refusal(restoreBackup(result.path, { targetDataDir: target }));
    expect(error.code).toBe('CONFLICT');
    expect(error.userMessage).toContain('không bao giờ ghi đè');
    expect(fs.readFileSync(path.join(target, 'licence-desk.db'), 'utf8')).toBe('the live database');
  });

  it('a later backup in the same second gets its own name', async () => {
    const dest = tempDir();
    const first = await backupInto(dest);
    const second = await backupInto(dest);
    expect(first.manifest.file).toBe('licence-desk-20261126-093000.db');
    expect(second.manifest.file).toBe('licence-desk-20261126-093000-1.db');
    expect((await listBackups(dest)).good).toHaveLength(2);
  });
});

describe('a damaged or altered backup', () => {
  it('a flipped byte: not listed as good, refused at restore, nothing created', async () => {
    const dest = tempDir();
    const result = await backupInto(dest);
    flipByte(result.path);
    const listing = await listBackups(dest, { verify: 'full' });
    expect(listing.good).toEqual([]);
    expect(listing.problems).toEqual([
      expect.objectContaining({ file: result.manifest.file, kind: 'sha256-mismatch' }),
    ]);
    const target = path.join(tempDir(), 'restored');
    const error = await refusal(restoreBackup(result.path, { targetDataDir: target }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.userMessage).toContain('SHA-256');
    expect(fs.existsSync(target)).toBe(false);
  });

  it('a truncated file or a missing manifest is never good', async () => {
    const dest = tempDir();
    const a = await backupInto(dest);
    t.clock.set('2026-11-26T10:00:00+07:00');
    const b = await backupInto(dest);
    fs.truncateSync(a.path, 4096);
    fs.rmSync(path.join(dest, b.manifest.file.replace('.db', '.manifest.json')));
    const listing = await listBackups(dest, { verify: 'fast' });
    expect(listing.good).toEqual([]);
    expect(listing.problems.map((p) => [p.file, p.kind]).sort()).toEqual([
      [a.manifest.file, 'size-mismatch'],
      [b.manifest.file, 'no-manifest'],
    ]);
    expect((await refusal(restoreBackup(b.path, { targetDataDir: tempDir() }))).code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('an audit row changed inside the backup (manifest hash recomputed to match) is refused by the chain', async () => {
    const dest = tempDir();
    const result = await backupInto(dest);
    tamper(result.path, (db) => {
      db.exec('DROP TRIGGER audit_events_no_update');
      db.prepare("UPDATE audit_events SET actor_name = 'Người khác' WHERE seq = 3").run();
    });
    await rewriteManifestHash(result.path);
    expect((await listBackups(dest)).good).toHaveLength(1); // the file matches its (forged) manifest …
    const error = await refusal(restoreBackup(result.path, { targetDataDir: path.join(tempDir(), 'x') }));
    // … but the chain does not hold.
    expect(error.userMessage).toContain('chuỗi nhật ký kiểm tra (audit) bị đứt');
    expect(error.message).toContain('audit chain broken at entry #3');
  });

  it('a full chain rewrite still fails against the head anchored in the manifest', async () => {
    const dest = tempDir();
    const result = await backupInto(dest);
    tamper(result.path, (db) => {
      db.exec('DROP TRIGGER audit_events_no_update');
      db.prepare("UPDATE audit_events SET actor_name = 'Người khác' WHERE seq = 3").run();
      // The insider recomputes every hash after the change, so the chain verifies on its own.
      const rows = db.prepare('SELECT * FROM audit_events ORDER BY seq').all() as AuditRow[];
      let prev = rows[0]?.prev_hash ?? '';
      for (const row of rows) {
        const { hash: _old, ...rest } = row;
        const hash = hashAuditRow({ ...rest, prev_hash: prev });
        db.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
        prev = hash;
      }
    });
    await rewriteManifestHash(result.path);
    const error = await refusal(restoreBackup(result.path, { targetDataDir: path.join(tempDir(), 'x') }));
    expect(error.userMessage).toContain('không khớp tệp mô tả');
    expect(error.message).toContain('does not match its manifest');
  });

  it('a backup from a newer LicenceDesk is refused with a clear message', async () => {
    const dest = tempDir();
    const result = await backupInto(dest);
    tamper(result.path, (db) => db.pragma(`user_version = ${SCHEMA_VERSION + 1}`));
    await rewriteManifestHash(result.path, { schemaVersion: SCHEMA_VERSION + 1 });
    const error = await refusal(restoreBackup(result.path, { targetDataDir: path.join(tempDir(), 'x') }));
    expect(error.userMessage).toContain('phiên bản LicenceDesk mới hơn');
  });

  it('a file that is not named like our backups is refused before it is read', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'licence-desk.db');
    fs.writeFileSync(file, 'x');
    const error = await refusal(restoreBackup(file, { targetDataDir: path.join(dir, 'x') }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.userMessage).toContain('không phải bản sao lưu của LicenceDesk');
  });
});

function tamper(file: string, change: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    change(db);
  } finally {
    db.close();
  }
}

/** What an attacker with write access to the backup folder would also do: make the manifest match again. */
async function rewriteManifestHash(file: string, extra: Record<string, unknown> = {}): Promise<void> {
  const manifestFile = file.replace(/\.db$/, '.manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  const { sha256, sizeBytes } = await hashFile(file);
  fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, sha256, sizeBytes, ...extra }));
}
