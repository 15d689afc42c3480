// One error vocabulary for every transport (architecture.md §5). The Vietnamese message is what a clerk sees;
// the English detail goes to the log only.

export const errorCodes = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'STORAGE_FULL',
  'BUSY',
  /** The desktop client could not reach the office server, or refused it (changed certificate). */
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Field path (dot-joined, e.g. "applicant.name") -> Vietnamese message. */
export type FieldErrors = Record<string, string>;

export interface ErrorPayload {
  code: ErrorCode;
  /** Vietnamese, shown to the user. */
  message: string;
  fieldErrors?: FieldErrors;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly fieldErrors: FieldErrors | undefined;

  /**
   * @param userMessage Vietnamese text for the UI.
   * @param logMessage English text for the log (defaults to the Vietnamese one).
   */
  constructor(
    code: ErrorCode,
    userMessage: string,
    options?: { fieldErrors?: FieldErrors; logMessage?: string },
  ) {
    super(options?.logMessage ?? userMessage);
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage;
    this.fieldErrors = options?.fieldErrors;
  }

  toPayload(): ErrorPayload {
    return this.fieldErrors
      ? { code: this.code, message: this.userMessage, fieldErrors: this.fieldErrors }
      : { code: this.code, message: this.userMessage };
  }
}

export const genericMessages: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Dữ liệu nhập chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.',
  NOT_FOUND: 'Không tìm thấy dữ liệu yêu cầu.',
  CONFLICT: 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại rồi thử lại.',
  INVALID_TRANSITION: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  UNAUTHENTICATED: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
  STORAGE_FULL:
    'Ổ đĩa đã đầy, không thể ghi dữ liệu. Chưa có gì được lưu; hãy giải phóng dung lượng rồi thử lại.',
  BUSY: 'Cơ sở dữ liệu đang bận. Chưa có gì được lưu; vui lòng thử lại sau giây lát.',
  UNAVAILABLE: 'Không kết nối được máy chủ của cơ quan. Vui lòng thử lại sau ít phút.',
  INTERNAL: 'Đã xảy ra lỗi hệ thống. Chưa có gì được lưu; vui lòng thử lại hoặc liên hệ quản trị viên.',
};
