import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliEnv } from './cli-context';
import { dataDirFrom, reportStartupError } from './cli-context';
import { openSqliteStore } from '../db/open-database';
import { DATABASE_FILE } from '../data-dir';
import { acquireDataDirLock, type DataDirLock } from '../store/data-dir-lock';
import { isPostgresUrl, openPostgresStore, redactUrl } from '../store/postgres/open-postgres-store';
import { moveStore } from '../store/move-store';
import { readSettings } from '../settings/settings-repo';
import { officeDate } from '../../../shared/domain/office-time';
import type { SqliteStore } from '../store/sqlite/sqlite-store';
import type { PostgresStore } from '../store/postgres/postgres-store';

/**
 * `licence-desk move-store --to postgres://… [--data DIR] [--json]`: moves an office's SQLite data folder into an
 * empty PostgreSQL database and proves the copy equal (row counts, audit head, licence register, Biểu 06 of every
 * year). The folder's store is only read, and locked meanwhile so that nobody writes to it during the move.
 */
export async function moveStoreCommand(args: string[], env: CliEnv): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.to || !isPostgresUrl(values.to)) {
    env.stderr(
      'Cần --to postgres://USER@HOST/DB: một cơ sở dữ liệu PostgreSQL trống để chuyển dữ liệu vào.\n(move-store needs --to with a postgres:// URL of an empty database)\n',
    );
    return 1;
  }
  const dataDir = dataDirFrom(values.data);
  let lock: DataDirLock | undefined;
  let source: SqliteStore | undefined;
  let target: PostgresStore | undefined;
  try {
    lock = acquireDataDirLock(dataDir, { edition: 'cli' });
    source = openSqliteStore(path.join(dataDir, DATABASE_FILE));
    target = await openPostgresStore(values.to);
  } catch (error) {
    await source?.close();
    lock?.release();
    return reportStartupError(env, error);
  }
  try {
    const settings = await readSettings(source);
    const today = officeDate(new Date(), settings.office.utcOffsetMinutes);
    let last = '';
    const report = await moveStore(source, target, {
      today,
      onProgress: (p) => {
        if (values.json || p.table === last) return;
        last = p.table;
        env.stdout(`  ${p.table} (${p.total.toLocaleString('vi-VN')} dòng)…\n`);
      },
    });
    if (values.json) {
      env.stdout(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      for (const line of report.lines) env.stdout(`${line}\n`);
      env.stdout(
        report.ok
          ? `\nĐã chuyển dữ liệu của ${dataDir} sang ${redactUrl(values.to)} và đối chiếu: khớp hoàn toàn.\nTừ nay hãy chạy LicenceDesk với --database ${redactUrl(values.to)} (điền lại mật khẩu). Thư mục cũ giữ nguyên, không bị thay đổi.\n`
          : '\nDữ liệu sau khi chuyển KHÔNG khớp (xem các dòng DIFFERENT/FAILED ở trên): không dùng cơ sở dữ liệu đích.\n',
      );
    }
    return report.ok ? 0 : 3;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/target is not empty/.test(message)) {
      env.stderr(
        `Cơ sở dữ liệu đích đã có dữ liệu LicenceDesk; chỉ chuyển vào một cơ sở dữ liệu trống, không bao giờ ghi đè.\n(${message})\n`,
      );
      return 1;
    }
    throw error;
  } finally {
    await target.close();
    await source.close();
    lock.release();
  }
}
