import type { BackendContext } from '../context';
import { officeNow } from '../office-clock';
import { filesDirOf } from '../files/content-store';
import { verifyStore } from './verify-store';

const KEY = 'verify';
const WEEK_MS = 7 * 86_400_000;

export interface VerifyRecord {
  at: string;
  ok: boolean;
  lines: string[];
}

export async function lastVerification(ctx: BackendContext): Promise<VerifyRecord | null> {
  const row = (await ctx.db.get('SELECT value FROM settings WHERE key = ?', [KEY])) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as VerifyRecord) : null;
}

/**
 * The slow full check (integrity_check, foreign keys, audit chain, licence register) once a week in the app;
 * quick_check runs at every start. A failure is kept and shown to every user until the next good check.
 */
export async function runWeeklyVerifyIfDue(ctx: BackendContext): Promise<VerifyRecord | null> {
  const last = await lastVerification(ctx);
  const now = (await officeNow(ctx)).iso;
  if (last && Date.parse(now) - Date.parse(last.at) < WEEK_MS) return null;
  const report = await verifyStore(ctx.db, { filesDir: filesDirOf(ctx.dataDir) });
  const record: VerifyRecord = { at: now, ok: report.ok, lines: report.lines };
  await ctx.db.run(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [KEY, JSON.stringify(record)],
  );
  if (report.ok) ctx.log.info('weekly verification passed', { lines: report.lines });
  else ctx.log.error('weekly verification FAILED', { lines: report.lines });
  return record;
}

export const INTEGRITY_ALERT =
  'Lần kiểm tra toàn vẹn dữ liệu gần nhất phát hiện sai lệch. Không xóa hay sửa tệp dữ liệu; hãy báo ngay quản trị viên để đối chiếu với bản sao lưu và bản kê đã ký.';
