import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool, PoolClient, QueryResult } from 'pg';
import Cursor from 'pg-cursor';
import type { RunResult, Sql, SqlParams, Store } from '../sql';
import { bindValues, compilePlaceholders } from './placeholders';

interface TransactionState {
  client: PoolClient;
  depth: number;
  isReadOnly: boolean;
}

/**
 * Every write transaction of every LicenceDesk process on this database takes this transaction-scoped advisory
 * lock first. Each write appends to the audit chain, whose next row depends on the previous head, so writes
 * are a total order anyway; taking the order explicitly at BEGIN (as SQLite's BEGIN IMMEDIATE does) keeps
 * licence numbers gapless, version checks exact and the summary counters free of deadlocks, across any number
 * of server processes. Advisory lock keys are scoped to the database, so two offices' databases on one
 * cluster do not contend. Reads never take it.
 */
export const WRITE_LOCK_KEY = 7_295_340_261;

/** How long a writer waits for another one (an import of 100,000 rows holds the lock for tens of seconds). */
const WRITE_LOCK_TIMEOUT = '120s';

const EACH_BATCH = 2000;

/** PostgreSQL behind the async store boundary: a connection pool, one client per transaction. */
export class PostgresStore implements Store {
  readonly dialect = 'postgres' as const;
  private readonly tx = new AsyncLocalStorage<TransactionState>();
  private closed = false;

  constructor(
    readonly pool: Pool,
    readonly description: string,
    /** The connection URL, for pg_dump; never logged (`description` is the redacted form). */
    readonly url: string,
  ) {}

  get inTransaction(): boolean {
    return this.tx.getStore() !== undefined;
  }

  async all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return (await this.query(sql, params)).rows[0] as T | undefined;
  }

  async run(sql: string, params?: SqlParams): Promise<RunResult> {
    if (this.tx.getStore()?.isReadOnly) throw new Error('a write inside a read snapshot');
    return { changes: (await this.query(sql, params)).rowCount ?? 0 };
  }

  async each<T>(sql: string, params: SqlParams, onRow: (row: T) => void): Promise<number> {
    const compiled = compilePlaceholders(sql);
    const values = bindValues(compiled, params);
    const state = this.tx.getStore();
    const client = state?.client ?? (await this.pool.connect());
    const cursor = client.query(new Cursor<T>(compiled.text, values));
    let count = 0;
    try {
      for (;;) {
        const rows = await cursor.read(EACH_BATCH);
        if (rows.length === 0) break;
        for (const row of rows) onRow(row);
        count += rows.length;
      }
    } finally {
      await cursor.close();
      if (!state) client.release();
    }
    return count;
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    const state = this.tx.getStore();
    if (state?.isReadOnly) throw new Error('a write transaction cannot start inside a read snapshot');
    if (state) return this.savepoint(state, work);
    return this.begin(false, work);
  }

  async snapshot<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    return this.begin(true, work);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async query(sql: string, params: SqlParams | undefined): Promise<QueryResult> {
    const compiled = compilePlaceholders(sql);
    const values = bindValues(compiled, params);
    const state = this.tx.getStore();
    if (state) return state.client.query(compiled.text, values);
    return this.pool.query(compiled.text, values);
  }

  private async begin<T>(isReadOnly: boolean, work: () => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('the store is closed');
    const client = await this.pool.connect();
    let broken: unknown = undefined;
    try {
      if (isReadOnly) {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      } else {
        await client.query('BEGIN');
        await client.query(`SET LOCAL lock_timeout = '${WRITE_LOCK_TIMEOUT}'`);
        await client.query(`SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`);
        // Once the lock is ours every earlier writer has committed; reset the timeout for the work itself.
        await client.query('SET LOCAL lock_timeout = 0');
      }
      let result: T;
      try {
        result = await this.tx.run({ client, depth: 0, isReadOnly }, work);
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => (broken = rollbackError));
        throw error;
      }
      await client.query('COMMIT');
      return result;
    } catch (error) {
      broken ??= isConnectionError(error) ? error : undefined;
      throw error;
    } finally {
      // A client whose connection failed is destroyed rather than handed to the next request.
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  private async savepoint<T>(state: TransactionState, work: () => Promise<T>): Promise<T> {
    state.depth += 1;
    const name = `sp_${state.depth}`;
    await state.client.query(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      await state.client.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await state.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await state.client.query(`RELEASE SAVEPOINT ${name}`);
      throw error;
    } finally {
      state.depth -= 1;
    }
  }
}

/** A lost or refused connection (as opposed to an error in a statement). */
export function isConnectionError(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code ?? '');
  return (
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|ENETUNREACH)$/.test(code) ||
    code.startsWith('08') ||
    code === '57P01' ||
    code === '57P02' ||
    code === '57P03' ||
    /Connection terminated|connection is closed|Client has encountered a connection error/i.test(
      String((error as Error).message ?? ''),
    )
  );
}

/** The PostgreSQL store behind `store`, for engine-specific code (pg_dump backups). */
export function requirePostgres(store: Sql): PostgresStore {
  if (!(store instanceof PostgresStore))
    throw new Error(`expected the PostgreSQL store, got ${store.dialect}`);
  return store;
}
