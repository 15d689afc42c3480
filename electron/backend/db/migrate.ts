import type Database from 'better-sqlite3';
import { migrations } from './migrations';
import { StartupError } from './startup-error';

/** Latest schema version this build understands. */
export const SCHEMA_VERSION = migrations.length;

/**
 * Runs pending migrations in one transaction on PRAGMA user_version. A database written by a newer
 * LicenceDesk is refused: an older build would not know its rules and could corrupt it.
 */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new StartupError(
      'DB_NEWER_VERSION',
      `Dữ liệu được tạo bởi phiên bản LicenceDesk mới hơn (lược đồ ${current}, phiên bản này hỗ trợ tối đa ${SCHEMA_VERSION}). Hãy cài phiên bản mới hơn; tệp dữ liệu không bị thay đổi.`,
      `database schema ${current} is newer than supported ${SCHEMA_VERSION}`,
    );
  }
  if (current === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (const migration of migrations.slice(current)) migration.up(db);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
