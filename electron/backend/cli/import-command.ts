import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import type { CliEnv } from './cli-context';
import { databaseUrlFrom } from '../store/open-store';
import { dataDirFrom, localSession, openBackend, reportStartupError } from './cli-context';
import { MAX_IMPORT_BYTES, type ImportIssue, type ImportReport } from '../../../shared/api/schemas/import';
import { importDossiers, type ImportProgress } from '../import/import-dossiers';

export const IMPORT_USAGE =
  'licence-desk import FILE.csv|FILE.xlsx [--dry-run] [--skip-invalid] [--json] [--quiet] [--data DIR]';

/** Exit codes: 0 imported (or a clean dry run), 1 usage, 2 the data folder cannot be opened, 3 bad file/rows. */
export const EXIT_BAD_FILE = 3;

const PHASES: Record<ImportProgress['phase'], string> = {
  read: 'Đọc tệp    ',
  check: 'Kiểm tra   ',
  write: 'Ghi dữ liệu',
};

const STATUS_LABELS: Record<keyof ImportReport['byStatus'], string> = {
  returned: 'đã trả kết quả',
  approved: 'đã cấp phép, chưa trả',
  refused: 'từ chối, chưa trả',
  withdrawn: 'rút hồ sơ',
  appraising: 'đang xử lý',
};

function issueLine(item: ImportIssue): string {
  return item.line === null ? `  ${item.message}` : `  dòng ${item.line}: ${item.message}`;
}

/** The report as the office reads it: what the file was, what was (or would be) written, every bad row. */
export function formatReport(report: ImportReport): string {
  const out: string[] = [];
  const kind =
    report.format === 'csv'
      ? `CSV, phân cách "${report.delimiter ?? '?'}"${report.hasBom ? ', có BOM' : ''}`
      : report.format === 'xlsx'
        ? `Excel, trang tính «${report.sheetName ?? '?'}»`
        : 'không rõ định dạng';
  out.push(`Tệp: ${report.fileName} (${kind})`);
  out.push(`SHA-256: ${report.sha256}`);
  if (report.totalRows > 0) {
    out.push(
      `Số dòng: ${report.totalRows} — hợp lệ ${report.validRows}, lỗi ${report.invalidRows}, trùng (bỏ qua) ${report.skippedDuplicates}`,
    );
    const statuses = (Object.keys(STATUS_LABELS) as Array<keyof typeof STATUS_LABELS>)
      .filter((s) => report.byStatus[s] > 0)
      .map((s) => `${STATUS_LABELS[s]} ${report.byStatus[s]}`);
    if (statuses.length > 0) {
      out.push(
        `${report.dryRun ? 'Sẽ nhập' : report.outcome === 'imported' ? 'Đã nhập' : 'Hợp lệ'}: ${statuses.join(', ')}`,
      );
    }
  }
  if (report.errorCount > 0) {
    out.push(`Lỗi (${report.errorCount}):`);
    for (const item of report.errors) out.push(issueLine(item));
  }
  if (report.warningCount > 0) {
    out.push(`Cảnh báo (${report.warningCount}):`);
    for (const item of report.warnings) out.push(issueLine(item));
  }
  if (report.isTruncated)
    out.push('(Danh sách lỗi/cảnh báo quá dài, chỉ hiện phần đầu; dùng --json để lấy cả báo cáo.)');
  out.push(report.summary);
  return `${out.join('\n')}\n`;
}

/**
 * `licence-desk import`: the legacy import with a progress bar. It calls the import directly rather than
 * through dispatch (no base64 round trip for a 50 MB file, and the progress callback reaches the bar); the
 * CLI is a trusted local administrator (cli-context.ts), as for every other command.
 */
export async function importCommand(args: string[], env: CliEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      database: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'skip-invalid': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    env.stderr(`Usage: ${IMPORT_USAGE}\n`);
    return 1;
  }
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    env.stderr(`Không tìm thấy tệp: ${file}\n`);
    return 1;
  }
  if (size > MAX_IMPORT_BYTES) {
    env.stderr(
      `Tệp quá lớn (${(size / 1024 / 1024).toFixed(1)} MB): tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Hãy chia tệp thành nhiều phần (ví dụ theo năm).\n`,
    );
    return EXIT_BAD_FILE;
  }
  const bytes = fs.readFileSync(file);
  let backend;
  try {
    backend = await openBackend(env, dataDirFrom(values.data), 'cli', databaseUrlFrom(values.database));
  } catch (error) {
    return reportStartupError(env, error);
  }
  const showBar = !values.quiet && !values.json;
  const bar = showBar
    ? new SingleBar(
        { format: '{phase} [{bar}] {value}/{total} ({percentage}%) {eta_formatted}', hideCursor: true },
        Presets.shades_classic,
      )
    : null;
  let phase: ImportProgress['phase'] | null = null;
  try {
    const report = await importDossiers(
      backend.ctx,
      { name: path.basename(file), bytes },
      {
        dryRun: values['dry-run'],
        skipInvalid: values['skip-invalid'],
        actor: localSession().system,
        onProgress: (progress) => {
          if (!bar) return;
          if (progress.phase !== phase) {
            if (phase !== null) bar.stop();
            phase = progress.phase;
            bar.start(progress.total, progress.done, { phase: PHASES[progress.phase] });
          } else {
            bar.update(progress.done);
          }
        },
      },
    );
    bar?.stop();
    env.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    const isClean =
      report.outcome === 'imported' || (report.outcome === 'checked' && report.errorCount === 0);
    return isClean ? 0 : EXIT_BAD_FILE;
  } finally {
    bar?.stop();
    await backend.close();
  }
}
