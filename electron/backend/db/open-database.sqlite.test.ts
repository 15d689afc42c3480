import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database';
import { SCHEMA_VERSION } from './migrate';
import { StartupError } from './startup-error';

const dirs: string[] = [];
function tempFile(name = 'store.db'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-db-'));
  dirs.push(dir);
  return path.join(dir, name);
}

afterEach(() => {
  for (const dir of dirs.splice(0)) {
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function startupCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof StartupError) return error.code;
    throw error;
  }
  return undefined;
}

describe('openDatabase', () => {
  it('creates the schema at the latest version with WAL and foreign keys', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('keeps synchronous=FULL on a reopened WAL file (better-sqlite3 would default it to NORMAL)', () => {
    const file = tempFile();
    openDatabase(file).close();
    const plain = new Database(file);
    // The trap this guards against: a plain reopen reports NORMAL (1).
    expect(plain.pragma('synchronous', { simple: true })).toBe(1);
    plain.close();
    const db = openDatabase(file);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = tempFile();
    openDatabase(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = fs.readFileSync(file);
    expect(startupCode(() => openDatabase(file))).toBe('DB_NEWER_VERSION');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a corrupt file without overwriting it', () => {
    const file = tempFile();
    const garbage = Buffer.from('this is not a database, it is a licence scanned as text '.repeat(200));
    fs.writeFileSync(file, garbage);
    expect(startupCode(() => openDatabase(file))).toBe('DB_CORRUPT');
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('explains a read-only data folder', () => {
    const file = tempFile();
    const dir = path.dirname(file);
    fs.chmodSync(dir, 0o555);
    // root ignores permission bits: check as an unprivileged user (this test file runs in its own process).
    const asRoot = process.getuid?.() === 0;
    if (asRoot) process.seteuid?.(65534);
    try {
      expect(startupCode(() => openDatabase(file))).toBe('DB_READ_ONLY');
    } finally {
      if (asRoot) process.seteuid?.(0);
    }
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses a network path', () => {
    expect(startupCode(() => openDatabase('\\\\server\\share\\licence-desk.db'))).toBe('DB_NETWORK_PATH');
    expect(startupCode(() => openDatabase('//server/share/licence-desk.db'))).toBe('DB_NETWORK_PATH');
  });

  it('makes every table STRICT', () => {
    const db = openDatabase(tempFile());
    const tables = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'dossiers_fts%' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as Array<{ name: string; sql: string }>;
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT(\s*,\s*WITHOUT ROWID)?\s*$/);
    db.close();
  });
});
