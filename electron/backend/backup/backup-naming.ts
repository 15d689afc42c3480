import os from 'node:os';
import { createHash } from 'node:crypto';
import { BACKUP_FILE_PATTERN, MANIFEST_SUFFIX } from '../../../shared/api/schemas/backup';

// Every file the backup code creates, deletes or cleans up matches one of these patterns exactly. Anything
// else in a backup folder (the office's own files on a shared USB stick or NAS) is never touched.

/**
 * Work in progress: `.partial-<stamp>-<pid>-<host>-<rand>.<suffix>`. The pid and a short tag of the host name
 * let a later run tell a partial left by a killed process on this machine (safe to remove) from one that
 * another process, or another PC sharing the NAS folder, is still writing.
 */
export const PARTIAL_PATTERN =
  /^\.partial-(\d{8}-\d{6})-([1-9]\d{0,9})-([0-9a-f]{6})-([0-9a-f]{6})\.(db|db-journal|db-wal|db-shm|pgdump|manifest\.json)$/;

/** Six hex digits naming this machine in partial file names (not a secret, only a tag). */
export function hostTag(): string {
  return createHash('sha256').update(os.hostname()).digest('hex').slice(0, 6);
}

const MANIFEST_PATTERN = /^(licence-desk-\d{8}-\d{6}(?:-[1-9]\d{0,2})?)\.manifest\.json$/;

export function isBackupFileName(name: string): boolean {
  return BACKUP_FILE_PATTERN.test(name);
}

export function manifestNameFor(backupFile: string): string {
  return backupFile.replace(/\.(db|pgdump)$/, MANIFEST_SUFFIX);
}

/** The backup files a manifest name may belong to (SQLite copy or pg_dump archive), or null when not ours. */
export function backupNamesForManifest(name: string): string[] | null {
  const match = MANIFEST_PATTERN.exec(name);
  return match ? [`${match[1]}.db`, `${match[1]}.pgdump`] : null;
}

export interface PartialName {
  stamp: string;
  pid: number;
  host: string;
  base: string;
  suffix: string;
}

export function parsePartialName(name: string): PartialName | null {
  const match = PARTIAL_PATTERN.exec(name);
  if (!match) return null;
  const [, stamp = '', pid = '0', host = '', rand = '', suffix = ''] = match;
  return { stamp, pid: Number(pid), host, base: `.partial-${stamp}-${pid}-${host}-${rand}`, suffix };
}

export function partialBaseName(stamp: string, rand: string): string {
  return `.partial-${stamp}-${process.pid}-${hostTag()}-${rand}`;
}

/** `YYYYMMDD-HHmmss` from an office ISO time such as 2026-11-26T09:30:05+07:00. */
export function stampFromOfficeIso(iso: string): string {
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

export function backupFileNameFor(stamp: string, clash: number, extension: 'db' | 'pgdump' = 'db'): string {
  return clash === 0 ? `licence-desk-${stamp}.${extension}` : `licence-desk-${stamp}-${clash}.${extension}`;
}
