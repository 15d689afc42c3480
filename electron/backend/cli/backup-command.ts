import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import type { CliEnv } from './cli-context';
import { databaseUrlFrom } from '../store/open-store';
import { dataDirFrom, localSession, openBackend, reportStartupError } from './cli-context';
import { DATABASE_FILE } from '../data-dir';
import { AppError } from '../../../shared/api/errors';
import type { BackupResult } from '../backup/create-backup';
import { recordBackupCreated, runBackup } from '../backup/backup-service';

/**
 * `licence-desk backup [--out DIR] [--prune] [--data DIR] [--json] [--quiet]`: one verified backup. Without
 * --out it goes to the configured backup folder and the retention rule is applied there; with --out (a USB
 * stick, a NAS share) nothing is pruned unless --prune is given. Safe while the app runs: it only reads.
 */
export async function backupCommand(args: string[], env: CliEnv): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      database: { type: 'string' },
      out: { type: 'string' },
      prune: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const dataDir = dataDirFrom(values.data);
  if (!fs.existsSync(path.join(dataDir, DATABASE_FILE))) {
    // Opening would create an empty store and back that up: say what is wrong instead.
    env.stderr(
      `Không tìm thấy dữ liệu LicenceDesk trong ${dataDir} (thiếu ${DATABASE_FILE}). Hãy chỉ đúng thư mục bằng --data.\n` +
        `(no ${DATABASE_FILE} in ${dataDir})\n`,
    );
    return 1;
  }
  let backend;
  try {
    backend = await openBackend(env, dataDir, 'cli', databaseUrlFrom(values.database));
  } catch (error) {
    return reportStartupError(env, error);
  }
  const bar =
    values.quiet || values.json || !process.stderr.isTTY
      ? null
      : new SingleBar({ format: '{label} [{bar}] {percentage}%' }, Presets.shades_classic);
  try {
    const { ctx } = backend;
    const destDir = values.out ? path.resolve(values.out) : undefined;
    bar?.start(1, 0, { label: 'Sao lưu' });
    const run = await runBackup(ctx, 'manual', {
      ...(destDir ? { destDir } : {}),
      prune: destDir === undefined || values.prune,
      onProgress: (p) => {
        bar?.setTotal(Math.max(1, p.total));
        bar?.update(p.done, { label: p.label });
      },
    });
    bar?.stop();
    const { result, removed } = run;
    await recordBackupCreated(
      ctx,
      { actor: localSession().system, userId: null, sessionToken: null, clientAddress: null },
      run,
    );
    if (values.json)
      env.stdout(`${JSON.stringify({ ...result.manifest, path: result.path, removed }, null, 2)}\n`);
    else printSummary(env, result, removed);
    return 0;
  } catch (error) {
    bar?.stop();
    if (error instanceof AppError) {
      env.stderr(`${error.userMessage}\n(${error.code}: ${error.message})\n`);
      return 1;
    }
    throw error;
  } finally {
    await backend.close();
  }
}

function printSummary(env: CliEnv, result: BackupResult, removed: string[]): void {
  const m = result.manifest;
  env.stdout(`Đã tạo và kiểm tra bản sao lưu: ${result.path}\n`);
  env.stdout(`  Tệp mô tả:     ${m.file.replace(/\.db$/, '.manifest.json')}\n`);
  env.stdout(`  Kích thước:    ${m.sizeBytes} byte\n`);
  env.stdout(`  SHA-256:       ${m.sha256}\n`);
  env.stdout(
    `  Đầu chuỗi nhật ký kiểm tra: ${m.auditHead ? `#${m.auditHead.seq} ${m.auditHead.hash}` : '(trống)'}\n`,
  );
  env.stdout(`  Lược đồ:       ${m.schemaVersion}   Phiên bản: ${m.appVersion}   Lúc: ${m.createdAt}\n`);
  env.stdout(`  Số bản ghi:    ${m.rowCounts.map((c) => `${c.table} ${c.rows}`).join(', ')}\n`);
  env.stdout(`  Thời gian:     ${(result.durationMs / 1000).toFixed(1)} giây\n`);
  if (result.cleaned.length > 0) env.stdout(`  Đã dọn bản dở dang: ${result.cleaned.join(', ')}\n`);
  if (removed.length > 0) env.stdout(`  Đã xoá theo quy tắc lưu giữ: ${removed.join(', ')}\n`);
}
