import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import { StartupError } from './startup-error';
import { SqliteStore } from '../store/sqlite/sqlite-store';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the store and brings its schema up to date.
 * Pragmas are set on every open: better-sqlite3 is compiled with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so a
 * reopened WAL file would silently run at synchronous=NORMAL, which can lose a committed transaction on power
 * loss (reliability.md §0.1).
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') guardPath(file);
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw mapOpenError(file, error);
  }
  try {
    configure(db);
    assertHealthy(db, file);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StartupError) throw error;
    throw mapOpenError(file, error);
  }
}

export function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('trusted_schema = OFF');
}

function assertHealthy(db: Db, file: string): void {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  const first = rows[0]?.quick_check;
  if (first !== 'ok') {
    throw new StartupError(
      'DB_CORRUPT',
      `Tệp dữ liệu ${file} bị hỏng (kiểm tra nhanh không đạt). Ứng dụng không ghi đè lên tệp này; hãy khôi phục từ bản sao lưu gần nhất hoặc liên hệ quản trị viên.`,
      `quick_check failed for ${file}: ${rows.map((r) => r.quick_check).join('; ')}`,
    );
  }
}

function guardPath(file: string): void {
  // SQLite's locking is unreliable on network file systems and WAL does not work there (sqlite.org/wal.html).
  if (/^(\\\\|\/\/)/.test(file)) {
    throw new StartupError(
      'DB_NETWORK_PATH',
      'Không thể đặt cơ sở dữ liệu trên thư mục mạng (ổ chia sẻ SMB/UNC): SQLite trên hệ thống tệp mạng có thể làm hỏng dữ liệu. Hãy chọn một thư mục trên ổ đĩa của máy này.',
      `refusing a database on a network path: ${file}`,
    );
  }
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) return;
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
  } catch {
    throw readOnly(file);
  }
}

function readOnly(file: string): StartupError {
  return new StartupError(
    'DB_READ_ONLY',
    `Thư mục dữ liệu chỉ cho phép đọc (${path.dirname(file)}). Ứng dụng cần quyền ghi để lưu hồ sơ; hãy cấp quyền ghi hoặc chọn thư mục khác bằng --data.`,
    `data folder is read-only: ${path.dirname(file)}`,
  );
}

function mapOpenError(file: string, error: unknown): StartupError {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(message)) {
    return new StartupError(
      'DB_CORRUPT',
      `Tệp dữ liệu ${file} không phải cơ sở dữ liệu hợp lệ hoặc đã bị hỏng. Ứng dụng không ghi đè lên tệp này; hãy khôi phục từ bản sao lưu.`,
      `cannot open ${file}: ${message}`,
      { cause: error },
    );
  }
  if (code === 'SQLITE_READONLY' || (code === 'SQLITE_CANTOPEN' && !fs.existsSync(file))) {
    return readOnly(file);
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new StartupError(
      'DB_LOCKED',
      'Cơ sở dữ liệu đang được một chương trình khác sử dụng. Hãy đóng cửa sổ LicenceDesk còn lại rồi thử lại.',
      `database is locked: ${file}: ${message}`,
      { cause: error },
    );
  }
  return new StartupError(
    'DB_CANNOT_OPEN',
    `Không mở được tệp dữ liệu ${file}. Chi tiết đã được ghi vào nhật ký.`,
    `cannot open ${file}: ${message}`,
    { cause: error },
  );
}

/**
 * The embedded store over `file`: the writer connection opened (and migrated) as above, plus a read-only
 * connection for reads outside transactions. An in-memory database cannot be shared by two connections, so it
 * gets none.
 */
export function openSqliteStore(file: string): SqliteStore {
  const writer = openDatabase(file);
  if (file === ':memory:') return new SqliteStore(writer, null, 'SQLite :memory:');
  let reader: Db;
  try {
    reader = new Database(file, { readonly: true });
    reader.pragma('busy_timeout = 5000');
    reader.pragma('trusted_schema = OFF');
  } catch (error) {
    writer.close();
    throw mapOpenError(file, error);
  }
  return new SqliteStore(writer, reader, `SQLite ${file}`);
}
