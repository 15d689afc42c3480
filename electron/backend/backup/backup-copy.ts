import { AppError } from '../../../shared/api/errors';
import type { TableCount } from './inspect-copy';
import type { FileEntry } from './backup-files';

/** What an engine's copy step leaves in the staging file, checked and counted for the manifest. */
export interface ProducedCopy {
  rowCounts: TableCount[];
  auditHead: { seq: number; hash: string } | null;
  chainRoot: string | null;
  schemaVersion: number;
  /** The stored files the copied state refers to, read in that state. */
  files: FileEntry[];
}

/** A copy that failed its checks: nothing is published, and the administrator is told why. */
export function failedVerification(problems: readonly string[]): AppError {
  return new AppError(
    'INTERNAL',
    'Bản sao lưu vừa tạo không vượt qua kiểm tra toàn vẹn nên đã bị huỷ; chưa có bản sao lưu mới. Dữ liệu gốc có thể có vấn đề: quản trị viên hãy chạy "licence-desk verify" và xem nhật ký.',
    { logMessage: `backup copy failed verification: ${problems.join(' | ')}` },
  );
}
