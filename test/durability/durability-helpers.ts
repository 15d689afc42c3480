import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Sql } from '../../electron/backend/store/sql';
import { countRows } from '../../electron/backend/backup/inspect-copy';
import { makeReceiveInput, makeTestBackend, sampleSettings, type TestBackend } from '../helpers/test-backend';

/** Temp folders made by a test file, removed by `cleanupTempDirs` in afterEach/afterAll. */
const made: string[] = [];

export function tempDir(prefix = 'ld-durability-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  for (const dir of made.splice(0)) {
    try {
      fs.chmodSync(dir, 0o755);
    } catch {
      // already gone
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A configured backend (settings saved) on a real file in a fresh folder. */
export async function configuredBackend(now = '2026-11-26T09:30:00+07:00'): Promise<TestBackend> {
  const t = await makeTestBackend({ now });
  await t.call('settings.update', sampleSettings);
  return t;
}

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Đức Dũng', 'Phạm Thị Hòa', 'Công ty TNHH Sách Đặng Hòa'];

/** Receives `count` dossiers through the API (so every one has its audit entry). */
export async function receiveDossiers(t: TestBackend, count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const name = NAMES[i % NAMES.length] ?? 'Nguyễn Văn An';
    const dossier = await t.call(
      'dossiers.receive',
      await makeReceiveInput(t, { applicant: { kind: 'individual', name } }),
    );
    ids.push(dossier.id);
  }
  return ids;
}

/** Every ordinary table's row count, for "nothing was written" checks. */
export async function rowCounts(db: Sql): Promise<Record<string, number>> {
  return Object.fromEntries((await countRows(db)).map((c) => [c.table, c.rows]));
}

/** Flips one byte in the middle of a file (a bit-rotten USB stick, a bad copy). */
export function flipByte(file: string, at?: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const size = fs.fstatSync(fd).size;
    const offset = at ?? Math.floor(size / 2) + 123;
    const byte = Buffer.alloc(1);
    fs.readSync(fd, byte, 0, 1, offset);
    byte[0] = (byte[0] ?? 0) ^ 0xff;
    fs.writeSync(fd, byte, 0, 1, offset);
  } finally {
    fs.closeSync(fd);
  }
}
