import path from 'node:path';
import { manifestNameFor } from './backup-naming';
import { fsyncDir, removeIfPresent } from './durable-fs';
import { listBackups, newestFirst } from './list-backups';

export interface RetentionPolicy {
  /** The newest backup of each of the last N office days that have a backup. */
  keepDaily: number;
  /** The newest backup of each of the last M months that have a backup. */
  keepMonthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepDaily: 14, keepMonthly: 12 };

interface Dated {
  file: string;
  /** Office wall-clock ISO time: its first 10 characters are the office date. */
  createdAt: string;
}

/**
 * Which backups to keep (grandfather-father-son). Pure, so the rule can be tested without files. The newest
 * backup is always kept, whatever the policy says.
 */
export function planRetention<T extends Dated>(
  backups: readonly T[],
  policy: RetentionPolicy,
): { keep: T[]; remove: T[] } {
  const sorted = [...backups].sort(newestFirst);
  const keep = new Set<T>();
  const newest = sorted[0];
  if (newest) keep.add(newest);
  keepNewestPerPeriod(sorted, (b) => b.createdAt.slice(0, 10), policy.keepDaily, keep);
  keepNewestPerPeriod(sorted, (b) => b.createdAt.slice(0, 7), policy.keepMonthly, keep);
  return { keep: sorted.filter((b) => keep.has(b)), remove: sorted.filter((b) => !keep.has(b)) };
}

function keepNewestPerPeriod<T>(sorted: readonly T[], period: (b: T) => string, count: number, keep: Set<T>) {
  const seen = new Set<string>();
  for (const backup of sorted) {
    const key = period(backup);
    if (seen.has(key)) continue;
    if (seen.size >= count) break;
    seen.add(key);
    keep.add(backup);
  }
}

/**
 * Applies the policy in `folder` to good backups of this database only (same chain root): files of another
 * office or another database sharing a USB stick or NAS folder, bad backups (kept as evidence) and anything
 * not named like ours are never deleted. Returns the removed file names.
 */
export async function applyRetention(
  folder: string,
  policy: RetentionPolicy,
  currentChainRoot: string | null,
): Promise<string[]> {
  const listing = await listBackups(folder, { verify: 'fast', currentChainRoot });
  const ours = listing.good.filter((b) => b.isThisDatabase);
  const { remove } = planRetention(ours, policy);
  const removed: string[] = [];
  for (const backup of remove) {
    // Manifest first: from that instant the file is no longer "good", so a crash half-way never leaves a
    // manifest vouching for a deleted file.
    removeIfPresent(path.join(listing.folder, manifestNameFor(backup.file)));
    removeIfPresent(path.join(listing.folder, backup.file));
    removed.push(backup.file);
  }
  if (removed.length > 0) fsyncDir(listing.folder);
  return removed;
}
