import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { RunResult, Sql, SqlParams, Store } from '../sql';
import { SerialLock } from '../serial-lock';
import { stmt } from '../../db/statement-cache';

interface TransactionState {
  depth: number;
  isReadOnly: boolean;
}

/**
 * The embedded store: better-sqlite3 behind the async store boundary.
 *
 * One writer connection does every transaction; a lock serialises them, because one connection cannot hold
 * two transactions and an async transaction body yields between its statements. Reads made outside a
 * transaction go to a second, read-only connection (WAL lets it read the last commit while a write is under
 * way), so a long import does not stall every desk's list. An in-memory store has no second connection and
 * reads wait for the writer instead.
 */
export class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const;
  private readonly lock = new SerialLock();
  private readonly tx = new AsyncLocalStorage<TransactionState>();
  private closed = false;

  constructor(
    /** The writer connection; engine-specific code (backups, pragmas) may use it directly. */
    readonly native: Database.Database,
    private readonly reader: Database.Database | null,
    readonly description: string,
  ) {}

  /**
   * The store interface over a connection opened elsewhere (a backup copy under inspection, a migration test).
   * The caller keeps ownership of the connection and closes it itself.
   */
  static borrow(connection: Database.Database, description: string): SqliteStore {
    return new SqliteStore(connection, null, description);
  }

  get inTransaction(): boolean {
    return this.tx.getStore() !== undefined;
  }

  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.read(sql, (db) => bind(stmt(db, sql), params, 'all') as T[]);
  }

  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.read(sql, (db) => bind(stmt(db, sql), params, 'get') as T | undefined);
  }

  each<T>(sql: string, params: SqlParams, onRow: (row: T) => void): Promise<number> {
    return this.read(sql, (db) => {
      let count = 0;
      // Synchronous to the end: no other statement can run on this connection while the cursor is open.
      for (const row of bind(stmt(db, sql), params, 'iterate') as Iterable<T>) {
        onRow(row);
        count += 1;
      }
      return count;
    });
  }

  async run(sql: string, params?: SqlParams): Promise<RunResult> {
    if (this.tx.getStore()?.isReadOnly) throw new Error('a write inside a read snapshot');
    const write = () => {
      const result = bind(stmt(this.native, sql), params, 'run') as Database.RunResult;
      return { changes: result.changes };
    };
    if (this.inTransaction) return write();
    return this.withWriter(write);
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    const state = this.tx.getStore();
    if (state?.isReadOnly) throw new Error('a write transaction cannot start inside a read snapshot');
    if (state) return this.savepoint(state, work);
    return this.begin('BEGIN IMMEDIATE', { depth: 0, isReadOnly: false }, work);
  }

  async snapshot<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    // On the writer, under the lock: the reader connection is shared by concurrent requests and cannot hold
    // one request's snapshot open across its awaits. Snapshots are short (a report is tens of milliseconds).
    return this.begin('BEGIN DEFERRED', { depth: 0, isReadOnly: true }, work);
  }

  private async begin<T>(statement: string, state: TransactionState, work: () => Promise<T>): Promise<T> {
    const release = await this.lock.acquire();
    try {
      this.assertOpen();
      this.native.exec(statement);
      let result: T;
      try {
        result = await this.tx.run(state, work);
      } catch (error) {
        if (this.native.inTransaction) this.native.exec('ROLLBACK');
        throw error;
      }
      this.native.exec('COMMIT');
      return result;
    } finally {
      release();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    const release = await this.lock.acquire();
    try {
      this.closed = true;
      this.reader?.close();
      // A clean shutdown folds the WAL back so that a copied .db file is complete on its own.
      try {
        this.native.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        this.native.close();
      }
    } finally {
      release();
    }
  }

  /**
   * Runs `work` on the writer with the lock held, for engine-specific maintenance (backups, checkpoints) that
   * must not interleave with a transaction.
   */
  async withWriter<T>(work: () => T): Promise<T> {
    if (this.inTransaction) return work();
    const release = await this.lock.acquire();
    try {
      this.assertOpen();
      return work();
    } finally {
      release();
    }
  }

  /** Runs a statement that returns rows: on the reader unless it writes (INSERT … RETURNING) or a transaction is open. */
  private async read<T>(sql: string, work: (db: Database.Database) => T): Promise<T> {
    if (this.inTransaction) {
      if (this.tx.getStore()?.isReadOnly && !stmt(this.native, sql).readonly)
        throw new Error('a write inside a read snapshot');
      return work(this.native);
    }
    if (this.reader && stmt(this.native, sql).readonly) {
      this.assertOpen();
      return work(this.reader);
    }
    return this.withWriter(() => work(this.native));
  }

  private async savepoint<T>(state: TransactionState, work: () => Promise<T>): Promise<T> {
    state.depth += 1;
    const name = `sp_${state.depth}`;
    this.native.exec(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      this.native.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      this.native.exec(`ROLLBACK TO ${name}`);
      this.native.exec(`RELEASE ${name}`);
      throw error;
    } finally {
      state.depth -= 1;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the store is closed');
  }
}

function bind(
  statement: Database.Statement,
  params: SqlParams | undefined,
  verb: 'all' | 'get' | 'run' | 'iterate',
) {
  if (params === undefined) return statement[verb]();
  if (Array.isArray(params)) return statement[verb](...(params as unknown[]));
  return statement[verb](params);
}

/** The SQLite store behind `store`, for engine-specific code (online backup, checkpoints). */
export function requireSqlite(store: Sql): SqliteStore {
  if (!(store instanceof SqliteStore)) throw new Error(`expected the SQLite store, got ${store.dialect}`);
  return store;
}
