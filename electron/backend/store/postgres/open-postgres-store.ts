import pg from 'pg';
import { StartupError } from '../../db/startup-error';
import { PostgresStore, WRITE_LOCK_KEY, isConnectionError } from './postgres-store';
import { POSTGRES_SCHEMA_VERSION, postgresMigrations } from './migrations';

/** Integers come back as numbers, as from SQLite: counts, sums and ids stay far below 2^53. */
const NUMERIC_TYPES = [20 /* int8 */, 1700 /* numeric */];

function typesConfig() {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (NUMERIC_TYPES.includes(oid)) return (value: string) => Number(value);
      return pg.types.getTypeParser(oid, format);
    }) as typeof pg.types.getTypeParser,
  };
}

/** The URL without its password, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(invalid URL)';
  }
}

export function isPostgresUrl(value: string | undefined): value is string {
  return value !== undefined && /^postgres(ql)?:\/\//i.test(value);
}

/**
 * Connects to the PostgreSQL database at `url`, checks that it can be used and brings its schema up to date.
 * Refused with a clear message: a server that cannot be reached, a login without the privileges LicenceDesk
 * needs, and a database written by a newer LicenceDesk.
 */
export async function openPostgresStore(
  url: string,
  options: { poolSize?: number } = {},
): Promise<PostgresStore> {
  const shown = redactUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    types: typesConfig(),
    application_name: 'licence-desk',
    // The folded-name count reads a GIN bitmap of up to tens of thousands of rows: at the default 4 MB the
    // bitmap turns lossy and every row of a lossy page is re-checked (1M dossiers, "nguyen van": 2.4 s → 0.5 s).
    options: '-c work_mem=32MB',
  });
  // An idle client that loses its server must not crash the process; the next query reports the problem.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect().catch((error: unknown) => {
      throw unreachable(shown, error);
    });
    try {
      await migrate(client, shown);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return new PostgresStore(pool, `PostgreSQL ${shown}`, url);
}

async function migrate(client: pg.PoolClient, shown: string): Promise<void> {
  await client.query('BEGIN');
  try {
    // The same lock writers take: two servers starting at once migrate one after the other.
    await client.query(`SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`);
    const current = await schemaVersion(client);
    if (current > POSTGRES_SCHEMA_VERSION) {
      throw new StartupError(
        'DB_NEWER_VERSION',
        `Cơ sở dữ liệu được tạo bởi phiên bản LicenceDesk mới hơn (lược đồ ${current}, phiên bản này hỗ trợ tối đa ${POSTGRES_SCHEMA_VERSION}). Hãy cài phiên bản mới hơn; cơ sở dữ liệu không bị thay đổi.`,
        `PostgreSQL schema ${current} at ${shown} is newer than supported ${POSTGRES_SCHEMA_VERSION}`,
      );
    }
    if (current < POSTGRES_SCHEMA_VERSION) {
      await assertCanCreate(client, shown);
      if (current === 0) {
        await client.query(
          'CREATE TABLE licence_desk_schema (version BIGINT NOT NULL, migrated_at TEXT NOT NULL)',
        );
        await client.query("INSERT INTO licence_desk_schema VALUES (0, '')");
      }
      for (const migration of postgresMigrations.slice(current)) {
        for (const statement of migration.statements) await client.query(statement);
      }
      await client.query('UPDATE licence_desk_schema SET version = $1, migrated_at = $2', [
        POSTGRES_SCHEMA_VERSION,
        new Date().toISOString(),
      ]);
    }
    await assertCanWrite(client, shown);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (error instanceof StartupError) throw error;
    if (isConnectionError(error)) throw unreachable(shown, error);
    if ((error as { code?: string }).code === '42501') throw noPrivilege(shown, error);
    throw new StartupError(
      'DB_CANNOT_OPEN',
      'Không mở được cơ sở dữ liệu PostgreSQL. Chi tiết đã được ghi vào nhật ký.',
      `cannot prepare ${shown}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

async function schemaVersion(client: pg.PoolClient): Promise<number> {
  const table = await client.query<{ name: string | null }>(
    "SELECT to_regclass('licence_desk_schema') AS name",
  );
  if (table.rows[0]?.name === null) {
    const other = await client.query<{ n: number }>(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('dossiers', 'audit_events')",
    );
    if ((other.rows[0]?.n ?? 0) > 0) {
      throw new StartupError(
        'DB_CANNOT_OPEN',
        'Cơ sở dữ liệu PostgreSQL đã có bảng hồ sơ nhưng không có thông tin phiên bản LicenceDesk; không dùng được cơ sở dữ liệu này. Hãy chọn một cơ sở dữ liệu trống.',
        'PostgreSQL database has LicenceDesk-like tables but no licence_desk_schema table',
      );
    }
    return 0;
  }
  const row = await client.query<{ version: number }>('SELECT version FROM licence_desk_schema');
  return row.rows[0]?.version ?? 0;
}

async function assertCanCreate(client: pg.PoolClient, shown: string): Promise<void> {
  const row = await client.query<{ ok: boolean }>(
    "SELECT has_schema_privilege(current_user, current_schema(), 'CREATE') AS ok",
  );
  if (!row.rows[0]?.ok) throw noPrivilege(shown, new Error('no CREATE privilege on the current schema'));
}

async function assertCanWrite(client: pg.PoolClient, shown: string): Promise<void> {
  const row = await client.query<{ missing: string | null }>(
    `SELECT string_agg(c.relname, ', ') AS missing FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r'
       AND NOT (has_table_privilege(c.oid, 'SELECT') AND has_table_privilege(c.oid, 'INSERT')
            AND has_table_privilege(c.oid, 'UPDATE'))`,
  );
  const missing = row.rows[0]?.missing;
  if (missing) throw noPrivilege(shown, new Error(`missing SELECT/INSERT/UPDATE on ${missing}`));
}

function unreachable(shown: string, error: unknown): StartupError {
  return new StartupError(
    'DB_UNREACHABLE',
    `Không kết nối được máy chủ cơ sở dữ liệu PostgreSQL (${shown}). Hãy kiểm tra địa chỉ, cổng, tên đăng nhập, mật khẩu và mạng; chưa có gì bị thay đổi.`,
    `cannot connect to ${shown}: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  );
}

function noPrivilege(shown: string, error: unknown): StartupError {
  return new StartupError(
    'DB_NO_PRIVILEGE',
    `Tài khoản PostgreSQL không đủ quyền trên cơ sở dữ liệu (${shown}): LicenceDesk cần quyền tạo bảng lần đầu và quyền đọc, thêm, sửa các bảng của mình. Hãy nhờ quản trị cơ sở dữ liệu cấp quyền.`,
    `insufficient privileges on ${shown}: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  );
}
