import type { Sql } from './sql';

/**
 * Takes the next number of a gapless series. Must run inside the transaction that uses the number: if that
 * transaction rolls back, so does the counter, so no number is ever lost or given twice (reliability.md §3.4).
 * `startAt` is the first number of a new series (a mid-year go-live may start above 1).
 */
export async function takeNext(db: Sql, name: string, startAt = 1): Promise<number> {
  if (!db.inTransaction) throw new Error(`await takeNext(${name}) called outside a transaction`);
  // The UPDATE takes the counter's row lock until commit, so a concurrent issuer waits instead of sharing it.
  const row = await db.get<{ last: number }>(
    'UPDATE counters SET last = last + 1 WHERE name = ? RETURNING last',
    [name],
  );
  if (row) return row.last;
  await db.run('INSERT INTO counters (name, last) VALUES (?, ?)', [name, startAt]);
  return startAt;
}

export async function peekCounter(db: Sql, name: string): Promise<number> {
  const row = await db.get<{ last: number }>('SELECT last FROM counters WHERE name = ?', [name]);
  return row?.last ?? 0;
}
