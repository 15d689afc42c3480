// Retention (N daily, M monthly), the daily schedule, and the backup API through dispatch.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../electron/backend/backup/create-backup';
import { cleanupStalePartials, listBackups } from '../../electron/backend/backup/list-backups';
import { hostTag } from '../../electron/backend/backup/backup-naming';
import { applyRetention, planRetention } from '../../electron/backend/backup/retention';
import { chainRootOf } from '../../electron/backend/backup/inspect-copy';
import { writeBackupSettings, defaultBackupSettings } from '../../electron/backend/backup/backup-settings';
import { runDailyBackupIfDue } from '../../electron/backend/backup/backup-service';
import type { JobProgressPayload } from '../../shared/api/events';
import type { MethodOutput } from '../../shared/api/contract';
import type { TestBackend } from '../helpers/test-backend';
import { cleanupTempDirs, configuredBackend, receiveDossiers, tempDir } from './durability-helpers';

let t: TestBackend;
beforeEach(async () => {
  t = await configuredBackend();
  await receiveDossiers(t, 3);
});
afterEach(async () => {
  await t.close();
  cleanupTempDirs();
});

async function backupAt(
  backend: TestBackend,
  dest: string,
  iso: string,
  reason: 'manual' | 'daily' = 'daily',
) {
  backend.clock.set(iso);
  return createBackup(backend.backend.ctx.db, {
    destDir: dest,
    now: backend.clock.now(),
    appVersion: '0.0.0-test',
    reason,
  });
}

describe('planRetention', () => {
  const at = (createdAt: string) => ({ file: `f-${createdAt}`, createdAt });

  it('keeps the newest of each of the last N days and of the last M months', () => {
    const backups = [
      at('2026-09-15T10:00:00+07:00'),
      at('2026-10-01T10:00:00+07:00'),
      at('2026-10-20T10:00:00+07:00'),
      at('2026-11-20T09:00:00+07:00'),
      at('2026-11-24T09:00:00+07:00'),
      at('2026-11-25T09:00:00+07:00'),
      at('2026-11-26T08:00:00+07:00'),
      at('2026-11-26T09:00:00+07:00'),
    ];
    const { keep, remove } = planRetention(backups, { keepDaily: 3, keepMonthly: 2 });
    expect(keep.map((b) => b.createdAt.slice(0, 16))).toEqual([
      '2026-11-26T09:00',
      '2026-11-25T09:00',
      '2026-11-24T09:00',
      '2026-10-20T10:00',
    ]);
    expect(remove).toHaveLength(4);
  });

  it('never removes the newest backup, whatever the policy', () => {
    fc.assert(
      fc.property(
        fc.array(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (dates, keepDaily, keepMonthly) => {
          const backups = dates.map((d, i) => ({ file: `f${i}`, createdAt: d.toISOString() }));
          const { keep, remove } = planRetention(backups, { keepDaily, keepMonthly });
          const newest = [...backups].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
          expect(keep.some((b) => b.createdAt === newest?.createdAt)).toBe(true);
          expect(keep.length + remove.length).toBe(backups.length);
          expect(keep.length).toBeLessThanOrEqual(keepDaily + keepMonthly + 1);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('applyRetention on a real folder', () => {
  it('removes only our own surplus backups and never anything that is not ours', async () => {
    const dest = tempDir();
    // Things that are not ours, or not provably good, sharing the folder (a USB stick, a NAS share).
    const foreign = [
      'notes.txt',
      'licence-desk.db',
      'licence-desk-20260101-000000.db.bak',
      'licence-desk-2026-01-01.db',
      'LICENCE-DESK-20260101-000000.db',
      'licence-desk-20260801-000000.db', // named like ours, no manifest: kept as evidence
    ];
    for (const name of foreign) fs.writeFileSync(path.join(dest, name), `not ours: ${name}`);
    fs.mkdirSync(path.join(dest, 'licence-desk-20260102-000000.db'));
    // Another office's database backing up into the same folder, long ago.
    const other = await configuredBackend('2026-08-01T08:00:00+07:00');
    const otherBackup = await backupAt(other, dest, '2026-08-02T08:00:00+07:00');
    await other.close();

    const times = [
      '2026-09-15T10:00:00+07:00',
      '2026-10-01T10:00:00+07:00',
      '2026-10-20T10:00:00+07:00',
      '2026-11-20T09:00:00+07:00',
      '2026-11-24T09:00:00+07:00',
      '2026-11-25T09:00:00+07:00',
      '2026-11-26T08:00:00+07:00',
      '2026-11-26T09:00:00+07:00',
    ];
    for (const iso of times) await backupAt(t, dest, iso);
    const root = await chainRootOf(t.backend.ctx.db);
    expect(otherBackup.manifest.chainRoot).not.toBe(root);

    const removed = await applyRetention(dest, { keepDaily: 3, keepMonthly: 2 }, root);
    expect(removed.sort()).toEqual([
      'licence-desk-20260915-100000.db',
      'licence-desk-20261001-100000.db',
      'licence-desk-20261120-090000.db',
      'licence-desk-20261126-080000.db',
    ]);
    const left = fs.readdirSync(dest).sort();
    for (const name of foreign) expect(left).toContain(name);
    expect(left).toContain('licence-desk-20260102-000000.db');
    expect(left).toContain(otherBackup.manifest.file);
    expect(left).toContain(otherBackup.manifest.file.replace('.db', '.manifest.json'));
    const listing = await listBackups(dest, { currentChainRoot: root });
    expect(listing.good.filter((b) => b.isThisDatabase).map((b) => b.file)).toEqual([
      'licence-desk-20261126-090000.db',
      'licence-desk-20261125-090000.db',
      'licence-desk-20261124-090000.db',
      'licence-desk-20261020-100000.db',
    ]);
    // A second run with the same policy has nothing more to do.
    expect(await applyRetention(dest, { keepDaily: 3, keepMonthly: 2 }, root)).toEqual([]);
  });
});

describe('cleanupStalePartials', () => {
  it("removes this machine's leftovers of dead processes, and another PC's only when old", async () => {
    const dest = tempDir();
    const here = hostTag();
    const other = here === 'aaaaaa' ? 'bbbbbb' : 'aaaaaa';
    const deadPid = 999_999_999;
    const names = {
      deadHere: `.partial-20261126-093000-${deadPid}-${here}-0a0b0c.db`,
      deadHereWal: `.partial-20261126-093000-${deadPid}-${here}-0a0b0c.db-wal`,
      aliveHere: `.partial-20261126-093000-${process.ppid}-${here}-0d0e0f.db`,
      otherPcFresh: `.partial-20261126-093000-${deadPid}-${other}-111111.db`,
      otherPcOld: `.partial-20261120-093000-${deadPid}-${other}-222222.db`,
      notOurs: '.partial-notes.txt',
    };
    for (const name of Object.values(names)) fs.writeFileSync(path.join(dest, name), 'x');
    const old = new Date(Date.now() - 48 * 3_600_000);
    fs.utimesSync(path.join(dest, names.otherPcOld), old, old);

    const removed = await cleanupStalePartials(dest);
    expect(removed.sort()).toEqual([names.deadHere, names.deadHereWal, names.otherPcOld].sort());
    expect(fs.readdirSync(dest).sort()).toEqual([names.notOurs, names.aliveHere, names.otherPcFresh].sort());
  });
});

describe('runDailyBackupIfDue', () => {
  it('makes at most one daily backup per office day', async () => {
    const ctx = t.backend.ctx;
    const first = await runDailyBackupIfDue(ctx);
    expect(first).toMatchObject({ status: 'created', file: 'licence-desk-20261126-093000.db' });
    t.clock.set('2026-11-26T16:59:00+07:00');
    expect(await runDailyBackupIfDue(ctx)).toEqual({ status: 'skipped', reason: 'done-today' });
    // 00:30 office time on the 27th is still the 26th in UTC: the office day decides.
    t.clock.set('2026-11-27T00:30:00+07:00');
    expect(await runDailyBackupIfDue(ctx)).toMatchObject({ status: 'created' });
    const folder = path.join(t.dataDir, 'backups');
    expect((await listBackups(folder)).good.map((b) => b.createdAt)).toEqual([
      '2026-11-27T00:30:00+07:00',
      '2026-11-26T09:30:00+07:00',
    ]);
  });

  it('a manual backup does not count as the daily one; disabled means never', async () => {
    const ctx = t.backend.ctx;
    expect((await t.raw('backup.now', {})).ok).toBe(true);
    expect(await runDailyBackupIfDue(ctx)).toMatchObject({ status: 'created' });
    await writeBackupSettings(ctx.db, { ...defaultBackupSettings, dailyEnabled: false });
    t.clock.set('2026-11-28T09:00:00+07:00');
    expect(await runDailyBackupIfDue(ctx)).toEqual({ status: 'skipped', reason: 'disabled' });
  });

  it('reports a folder it cannot write instead of throwing', async () => {
    const ctx = t.backend.ctx;
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, 'x');
    await writeBackupSettings(ctx.db, { ...defaultBackupSettings, folder: blocker });
    const outcome = await runDailyBackupIfDue(ctx);
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.message).toContain(`thư mục sao lưu ${blocker}`);
    expect((await t.raw('backup.now', {})).ok).toBe(false);
  });
});

describe('backup API (admin)', () => {
  it('settings: default folder under the data folder, with a same-disk warning; bad folders refused', async () => {
    const settings = await t.call('backup.settings.get', {});
    expect(settings).toMatchObject({
      folder: null,
      keepDaily: 14,
      keepMonthly: 12,
      dailyEnabled: true,
      effectiveFolder: path.join(t.dataDir, 'backups'),
    });
    expect(settings.warning).toContain('cùng ổ đĩa');

    const relative = await t.raw('backup.settings.update', { ...defaults(), folder: 'backups' });
    expect(relative.ok === false && relative.error.fieldErrors?.folder).toContain('đường dẫn đầy đủ');
    const file = path.join(tempDir(), 'plain-file');
    fs.writeFileSync(file, 'x');
    const notAFolder = await t.raw('backup.settings.update', { ...defaults(), folder: file });
    expect(notAFolder.ok === false && notAFolder.error.fieldErrors?.folder).toContain('Không ghi được');

    const usb = path.join(tempDir(), 'USB', 'SaoLuu');
    const saved = await t.call('backup.settings.update', { ...defaults(), folder: usb, keepDaily: 7 });
    expect(saved).toMatchObject({ folder: usb, effectiveFolder: usb, keepDaily: 7 });
    expect(fs.existsSync(usb)).toBe(true);
    expect(await lastAudit()).toBe('backup.settings.update');
  });

  it('"Sao lưu ngay" reports progress, is audited, is listed, and can be restored beside the live data', async () => {
    // Progress goes out on the backend's event bus as job.progress (Electron IPC and the event stream alike).
    const progress: JobProgressPayload[] = [];
    t.backend.ctx.events.subscribe(({ event }) => {
      if (event.type === 'job.progress') progress.push(event.payload);
    });
    const made = await t.call('backup.now', {});
    expect(made.file).toBe('licence-desk-20261126-093000.db');
    expect(progress.at(-1)).toMatchObject({ jobId: 'backup', label: 'Sao lưu xong' });
    expect(progress.some((p) => p.total > 0)).toBe(true);
    expect(await lastAudit()).toBe('backup.create');

    const listed: MethodOutput<'backup.list'> = await t.call('backup.list', {});
    expect(listed.good.map((b) => [b.file, b.isThisDatabase])).toEqual([[made.file, true]]);

    t.clock.set('2026-11-26T10:15:00+07:00');
    const restored = await t.call('backup.restore', { file: made.file });
    expect(restored.dataDir).toBe(path.join(t.dataDir, 'restored-20261126-101500'));
    expect(fs.existsSync(path.join(restored.dataDir, 'licence-desk.db'))).toBe(true);
    expect(restored.instruction).toContain(`--data "${restored.dataDir}"`);
    expect(restored.auditHead).toEqual(made.auditHead);
    expect(await lastAudit()).toBe('backup.restore');
    // The live store is still the live store.
    expect(fs.existsSync(path.join(t.dataDir, 'licence-desk.db'))).toBe(true);
  });

  it('restore takes only a backup name of the configured folder', async () => {
    for (const file of ['../licence-desk.db', '/etc/passwd', 'licence-desk-20261126-093000.db/../../x']) {
      const reply = await t.raw('backup.restore', { file });
      expect(reply.ok === false && reply.error.code).toBe('VALIDATION_FAILED');
    }
    const missing = await t.raw('backup.restore', { file: 'licence-desk-20990101-000000.db' });
    expect(missing.ok === false && missing.error.code).toBe('NOT_FOUND');
  });

  it('a second "Sao lưu ngay" while one runs is told to wait', async () => {
    const [a, b] = await Promise.all([t.raw('backup.now', {}), t.raw('backup.now', {})]);
    const codes = [a, b].map((r) => (r.ok ? 'ok' : r.error.code)).sort();
    expect(codes).toEqual(['CONFLICT', 'ok']);
  });
});

function defaults() {
  return { folder: null, keepDaily: 14, keepMonthly: 12, dailyEnabled: true };
}

async function lastAudit(): Promise<string> {
  return (
    (await t.backend.ctx.db.get('SELECT action FROM audit_events ORDER BY seq DESC LIMIT 1')) as {
      action: string;
    }
  ).action;
}

describe('backups made within the same second', () => {
  it('rank the suffixed, later file as the newer one', async () => {
    const { newestFirst } = await import('../../electron/backend/backup/list-backups');
    const at = '2026-11-26T18:14:34+07:00';
    const files = [
      'licence-desk-20261126-181434.db',
      'licence-desk-20261126-181434-1.db',
      'licence-desk-20261126-181434-2.db',
    ];
    const sorted = files
      .map((file) => ({ createdAt: at, file }))
      .sort(newestFirst)
      .map((b) => b.file);
    expect(sorted).toEqual([
      'licence-desk-20261126-181434-2.db',
      'licence-desk-20261126-181434-1.db',
      'licence-desk-20261126-181434.db',
    ]);
  });
});
