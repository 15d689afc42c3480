import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, LOCK_FILE, readDataDirLock, type DataDirLockInfo } from './data-dir-lock';
import { StartupError } from '../db/startup-error';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function lockError(fn: () => unknown): StartupError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StartupError) return error;
    throw error;
  }
  throw new Error('expected the data folder to be locked');
}

function writeLock(dir: string, info: Partial<DataDirLockInfo>): void {
  const full: DataDirLockInfo = {
    pid: 999_999,
    startedAt: new Date().toISOString(),
    hostname: os.hostname(),
    edition: 'web',
    token: 'someone-else',
    ...info,
  };
  fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(full));
}

function sleeper(): Promise<{ pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('spawn', () =>
      resolve({
        pid: child.pid as number,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGKILL');
          }),
      }),
    );
  });
}

describe('data folder lock', () => {
  it('lets one process in and tells the second, in Vietnamese, who holds the folder', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, { edition: 'web' });
    expect(readDataDirLock(dir)).toMatchObject({ pid: process.pid, edition: 'web' });
    const error = lockError(() => acquireDataDirLock(dir));
    expect(error.code).toBe('DB_LOCKED');
    expect(error.userMessage).toContain('đang được một chương trình LicenceDesk khác sử dụng');
    expect(error.userMessage).toContain(`tiến trình số ${process.pid}`);
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    acquireDataDirLock(dir).release();
  });

  it('refuses while another live process holds the folder, and takes over once it is gone', async () => {
    const dir = tempDir();
    const other = await sleeper();
    writeLock(dir, { pid: other.pid });
    expect(lockError(() => acquireDataDirLock(dir)).code).toBe('DB_LOCKED');
    await other.stop();
    const lock = acquireDataDirLock(dir);
    expect(lock.info.pid).toBe(process.pid);
    lock.release();
  });

  it('treats a lock written before the last boot as stale even if its pid is alive again', () => {
    const dir = tempDir();
    writeLock(dir, { pid: process.ppid, startedAt: '2001-01-01T00:00:00.000Z' });
    const lock = acquireDataDirLock(dir, { isProcessAlive: () => true });
    expect(readDataDirLock(dir)?.token).toBe(lock.info.token);
    lock.release();
  });

  it('waits for a lock that is still being written, but not for one left empty by a crash', () => {
    const dir = tempDir();
    const file = path.join(dir, LOCK_FILE);
    fs.writeFileSync(file, '');
    expect(lockError(() => acquireDataDirLock(dir)).code).toBe('DB_LOCKED');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(file, old, old);
    acquireDataDirLock(dir).release();
  });

  it('never guesses about a lock from another machine', () => {
    const dir = tempDir();
    writeLock(dir, { hostname: `${os.hostname()}-other` });
    expect(lockError(() => acquireDataDirLock(dir, { isProcessAlive: () => false })).code).toBe('DB_LOCKED');
  });

  it('release() leaves a lock that is no longer ours alone', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    writeLock(dir, { pid: process.pid, token: 'taken-over' });
    lock.release();
    expect(readDataDirLock(dir)?.token).toBe('taken-over');
  });
});
