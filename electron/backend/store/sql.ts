/**
 * The store boundary: every repository talks to the database through this interface only, so the same
 * handlers run on the embedded SQLite store and on PostgreSQL (docs/store.md).
 *
 * SQL is written once in the subset both engines share (ANSI joins, `ON CONFLICT`, `RETURNING`, row values,
 * `coalesce`), with `@name` or `?` placeholders; the PostgreSQL store rewrites them to `$n`. Where the engines
 * genuinely differ (full-text search, integrity checks, backups) the code lives in `*.sqlite.ts` and
 * `*.postgres.ts` files chosen with `byDialect`, never in `if` branches inside handlers.
 */
export type Dialect = 'sqlite' | 'postgres';

export type SqlParams = readonly unknown[] | object;

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

export interface Sql {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  /**
   * Streams every row of a large result to a synchronous callback (audit-chain walks, recomputing a million
   * due dates) without holding them all in memory.
   */
  each<T>(sql: string, params: SqlParams, onRow: (row: T) => void): Promise<number>;
  /**
   * Runs `work` as one write transaction: all of it is committed or none. Write transactions are serialised
   * (one writer, as SQLite has; on PostgreSQL every server process takes the same lock), which is what keeps
   * licence numbers gapless and the audit chain in one order. A call made inside a transaction joins it
   * through a savepoint. Every statement issued while `work` runs — through this object, from any function it
   * calls — belongs to the transaction.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs the reads of `work` on one consistent snapshot, so that figures computed by several queries add up
   * while others write. Nested in a transaction, it simply joins it.
   */
  snapshot<T>(work: () => Promise<T>): Promise<T>;
  /** True while the calling code runs inside `transaction` or `snapshot`. */
  readonly inTransaction: boolean;
}

export interface Store extends Sql {
  /** A human-readable description for logs and `app.info` (never a password). */
  readonly description: string;
  close(): Promise<void>;
}

/** Picks the implementation written for the store's engine. */
export function byDialect<T>(db: Sql, implementations: Record<Dialect, T>): T {
  return implementations[db.dialect];
}
