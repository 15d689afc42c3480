// SQLite's integrity_check runs on a worker thread (a long check must not freeze a running server): it reports a
// sound file, names damage in a flipped page, and refuses a missing file; the main thread keeps running meanwhile.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { checkFileInWorker } from './integrity-worker';
import { cleanupTempDirs, flipByte, tempDir } from '../../../../test/durability/durability-helpers';

afterEach(() => cleanupTempDirs());

function makeFile(): string {
  const file = path.join(tempDir(), 'store.db');
  const db = new Database(file);
  db.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY);
    CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id), text TEXT);
    CREATE INDEX child_text ON child (text);`);
  const insert = db.prepare('INSERT INTO child (text) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 20_000; i += 1) insert.run(`row ${i} ${'x'.repeat(40)}`);
  })();
  db.close();
  return file;
}

describe('integrity check on a worker thread', () => {
  it('reports a sound file while the main thread keeps turning', async () => {
    const file = makeFile();
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    const result = await checkFileInWorker(file);
    clearInterval(timer);
    expect(result).toEqual({ integrity: ['ok'], danglingReferences: 0 });
    expect(ticks).toBeGreaterThan(0);
  });

  it('counts dangling references', async () => {
    const file = makeFile();
    const db = new Database(file);
    db.pragma('foreign_keys = OFF');
    db.exec('INSERT INTO child (parent_id, text) VALUES (42, NULL)');
    db.close();
    expect(await checkFileInWorker(file)).toEqual({ integrity: ['ok'], danglingReferences: 1 });
  });

  it('names the damage of a flipped byte, and refuses a missing file', async () => {
    const file = makeFile();
    flipByte(file);
    const result = await checkFileInWorker(file).catch((error: unknown) => ({
      integrity: [String(error)],
      danglingReferences: 0,
    }));
    expect(result.integrity).not.toEqual(['ok']);
    await expect(checkFileInWorker(path.join(tempDir(), 'absent.db'))).rejects.toThrow(/unable to open/);
  });
});
