import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliEnv } from './cli-context';
import { dataDirFrom, reportStartupError } from './cli-context';
import { AppError } from '../../../shared/api/errors';
import { StartupError } from '../db/startup-error';
import { toOfficeIso } from '../../../shared/domain/office-time';
import { defaultSettings } from '../settings/settings-repo';
import { stampFromOfficeIso } from '../backup/backup-naming';
import { restoreBackup, restoreInstruction } from '../backup/restore-backup';
import { restorePostgresBackup } from '../backup/restore-backup.postgres';
import { isPostgresUrl } from '../store/postgres/open-postgres-store';
import { filesDirOf } from '../files/content-store';

/**
 * `licence-desk restore FILE.db [--into DIR] [--data DIR] [--json]`: verifies FILE against its manifest and its
 * audit chain and restores it into a fresh folder (`--into`, or `<data>/restored-<time>`). The live store is
 * not opened, so this is safe while the app runs; it is never overwritten.
 */
export async function restoreCommand(args: string[], env: CliEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      into: { type: 'string' },
      'into-database': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    env.stderr(
      'Usage: licence-desk restore FILE.db [--into DIR] [--data DIR]\n       licence-desk restore FILE.pgdump --into-database postgres://… [--data DIR]\n',
    );
    return 1;
  }
  if (file.endsWith('.pgdump') || values['into-database'] !== undefined) {
    return restoreIntoPostgres(
      file,
      values['into-database'],
      filesDirOf(dataDirFrom(values.data)),
      values.json,
      env,
    );
  }
  const now = new Date();
  // The live store is not opened, so its office offset is unknown: the folder name uses the default (+07:00).
  const stamp = stampFromOfficeIso(toOfficeIso(now, defaultSettings.office.utcOffsetMinutes));
  const target = values.into
    ? path.resolve(values.into)
    : path.join(dataDirFrom(values.data), `restored-${stamp}`);
  try {
    const restored = await restoreBackup(file, { targetDataDir: target, now });
    if (values.json) {
      env.stdout(
        `${JSON.stringify({ dataDir: restored.dataDir, rowCounts: restored.rowCounts, auditHead: restored.auditHead, schemaVersion: restored.schemaVersion, manifest: restored.manifest }, null, 2)}\n`,
      );
      return 0;
    }
    env.stdout(`Đã khôi phục ${restored.sourceFile}\n  vào ${restored.databaseFile}\n`);
    env.stdout(`  Bản sao lưu lúc: ${restored.manifest.createdAt}   Lược đồ: ${restored.schemaVersion}\n`);
    env.stdout(
      `  Đầu chuỗi nhật ký kiểm tra: ${restored.auditHead ? `#${restored.auditHead.seq} ${restored.auditHead.hash}` : '(trống)'}\n`,
    );
    env.stdout(`  Số bản ghi: ${restored.rowCounts.map((c) => `${c.table} ${c.rows}`).join(', ')}\n`);
    for (const line of restored.verifyLines) env.stdout(`  ${line}\n`);
    env.stdout(`\n${restoreInstruction(restored.dataDir)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      env.stderr(`${error.userMessage}\n(${error.code}: ${error.message})\n`);
      return error.code === 'NOT_FOUND' ? 1 : 3;
    }
    if (error instanceof StartupError) return reportStartupError(env, error);
    throw error;
  }
}

/** `restore FILE.pgdump --into-database URL`: into an empty PostgreSQL database, verified. */
async function restoreIntoPostgres(
  file: string,
  target: string | undefined,
  filesDir: string,
  json: boolean | undefined,
  env: CliEnv,
): Promise<number> {
  if (!target || !isPostgresUrl(target)) {
    env.stderr(
      'Bản sao lưu PostgreSQL (.pgdump) được khôi phục vào một cơ sở dữ liệu PostgreSQL trống: thêm --into-database postgres://USER@HOST/DB.\n(a .pgdump backup needs --into-database with a postgres:// URL of an empty database)\n',
    );
    return 1;
  }
  try {
    const restored = await restorePostgresBackup(file, { targetDatabaseUrl: target, filesDir });
    if (json) {
      env.stdout(
        `${JSON.stringify({ database: restored.database, rowCounts: restored.rowCounts, auditHead: restored.auditHead, schemaVersion: restored.schemaVersion, manifest: restored.manifest }, null, 2)}\n`,
      );
      return 0;
    }
    env.stdout(`Đã khôi phục ${restored.sourceFile}\n  vào ${restored.database}\n`);
    env.stdout(`  Bản sao lưu lúc: ${restored.manifest.createdAt}   Lược đồ: ${restored.schemaVersion}\n`);
    env.stdout(
      `  Đầu chuỗi nhật ký kiểm tra: ${restored.auditHead ? `#${restored.auditHead.seq} ${restored.auditHead.hash}` : '(trống)'}\n`,
    );
    for (const line of restored.verifyLines) env.stdout(`  ${line}\n`);
    env.stdout(
      `\nĐể làm việc trên dữ liệu đã khôi phục: khởi động LicenceDesk với --database ${restored.database} (điền lại mật khẩu).\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      env.stderr(`${error.userMessage}\n(${error.code}: ${error.message})\n`);
      return error.code === 'NOT_FOUND' ? 1 : 3;
    }
    if (error instanceof StartupError) return reportStartupError(env, error);
    throw error;
  }
}
