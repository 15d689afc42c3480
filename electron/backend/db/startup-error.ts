// Start-up failures a clerk can act on. The Vietnamese text is shown in the window; the English one is logged.

export type StartupErrorCode =
  | 'DB_NEWER_VERSION'
  | 'DB_CORRUPT'
  | 'DB_READ_ONLY'
  | 'DB_CANNOT_OPEN'
  | 'DB_NETWORK_PATH'
  | 'DB_LOCKED'
  | 'DB_UNREACHABLE'
  | 'DB_NO_PRIVILEGE';

export class StartupError extends Error {
  readonly code: StartupErrorCode;
  readonly userMessage: string;

  constructor(
    code: StartupErrorCode,
    userMessage: string,
    logMessage: string,
    options?: { cause?: unknown },
  ) {
    super(logMessage, options);
    this.name = 'StartupError';
    this.code = code;
    this.userMessage = userMessage;
  }
}
