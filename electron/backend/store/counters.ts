import type { Db } from '../db/open-database';
import { stmt } from '../db/statement-cache';

/**
 * Takes the next number of a gapless series. Must run inside the transaction that uses the number: if that
 * transaction rolls back, so does the counter, so no number is ever lost or given twice (reliability.md §3.4).
 * `startAt` is the first number of a new series (a mid-year go-live may start above 1).
 */
export function takeNext(db: Db, name: string, startAt = 1): number {
  if (!db.inTransaction) throw new Error(`takeNext(${name}) called outside a transaction`);
  const row = stmt(db, 'UPDATE counters SET last = last + 1 WHERE name = ? RETURNING last').get(name) as
    { last: number } | undefined;
  if (row) return row.last;
  stmt(db, 'INSERT INTO counters (name, last) VALUES (?, ?)').run(name, startAt);
  return startAt;
}

export function peekCounter(db: Db, name: string): number {
  const row = stmt(db, 'SELECT last FROM counters WHERE name = ?').get(name) as { last: number } | undefined;
  return row?.last ?? 0;
}
