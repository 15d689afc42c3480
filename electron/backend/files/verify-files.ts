import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Sql } from '../store/sql';
import { ContentStore, hashStoredFile, SHA256_PATTERN } from './content-store';

export interface FileVerifyReport {
  ok: boolean;
  lines: string[];
  checked: number;
  bytes: number;
  missing: string[];
  altered: string[];
  durationMs: number;
}

interface StoredRow {
  sha256: string;
  size_bytes: number;
}

/** Where a stored content is used, for naming a bad file in terms a clerk can act on. */
async function usesOf(db: Sql, sha256: string): Promise<string> {
  const rows = await db.all<{ code: string; role: string; component_no: number | null; file_name: string }>(
    `SELECT d.code, f.role, f.component_no, f.file_name FROM dossier_files f JOIN dossiers d ON d.id = f.dossier_id
      WHERE f.sha256 = ? ORDER BY f.id LIMIT 5`,
    [sha256],
  );
  return rows
    .map(
      (r) => `${r.code} ${r.role === 'result' ? 'result' : `component ${r.component_no}`} "${r.file_name}"`,
    )
    .join('; ');
}

/**
 * Re-hashes every file the database knows (`licence-desk verify`, the weekly check, a restore): a missing file
 * or one whose bytes no longer hash to its name is named with the dossiers that use it. Files in the store that
 * the database does not know (a crash between storing a file and committing its row) are counted, not failed.
 */
export async function verifyFiles(db: Sql, filesDir: string): Promise<FileVerifyReport> {
  const started = performance.now();
  const store = new ContentStore(filesDir);
  const missing: string[] = [];
  const altered: string[] = [];
  const lines: string[] = [];
  let checked = 0;
  let bytes = 0;
  const rows = await db.all<StoredRow>('SELECT sha256, size_bytes FROM stored_files ORDER BY sha256');
  const known = new Set<string>();
  for (const row of rows) {
    known.add(row.sha256);
    const file = store.pathOf(row.sha256);
    if (!fs.existsSync(file)) {
      missing.push(row.sha256);
      lines.push(`files: MISSING ${row.sha256} — ${await usesOf(db, row.sha256)}`);
      continue;
    }
    const actual = await hashStoredFile(file);
    checked += 1;
    bytes += actual.sizeBytes;
    if (actual.sha256 !== row.sha256 || actual.sizeBytes !== row.size_bytes) {
      altered.push(row.sha256);
      lines.push(
        `files: ALTERED ${row.sha256} (now hashes to ${actual.sha256}, ${actual.sizeBytes} bytes) — ${await usesOf(db, row.sha256)}`,
      );
    }
  }
  const unreferenced = countUnreferenced(filesDir, known);
  const ok = missing.length === 0 && altered.length === 0;
  const durationMs = Math.round(performance.now() - started);
  lines.unshift(
    ok
      ? `files: ok — ${checked} files, ${(bytes / 1024 / 1024).toFixed(1)} MB re-hashed${unreferenced > 0 ? `, ${unreferenced} unreferenced (left by an interrupted attach; harmless)` : ''}`
      : `files: FAILED — ${missing.length} missing, ${altered.length} altered of ${rows.length}`,
  );
  return { ok, lines, checked, bytes, missing, altered, durationMs };
}

function countUnreferenced(filesDir: string, known: ReadonlySet<string>): number {
  let count = 0;
  const list = (dir: string) => {
    try {
      return fs.readdirSync(dir);
    } catch {
      return [];
    }
  };
  for (const a of list(filesDir)) {
    if (!/^[0-9a-f]{2}$/.test(a)) continue;
    for (const b of list(path.join(filesDir, a))) {
      for (const name of list(path.join(filesDir, a, b))) {
        if (SHA256_PATTERN.test(name) && !known.has(name)) count += 1;
      }
    }
  }
  return count;
}
