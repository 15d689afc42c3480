// The body of the single 'api:invoke' IPC handler, Electron-free so the refusal rules are unit-tested
// (reliability.md 1-U2): a foreign sender gets FORBIDDEN and nothing behind it runs.
import { genericMessages, type Envelope } from '../../shared/api/errors';
import type { Logger } from '../backend/context';
import { OPEN_PDF_METHOD } from './open-pdf';
import type { ConnectionMethod } from '../../shared/api/schemas/connection';
import { isConnectionMethod } from '../backend/office-client/connection-methods';
import { isTrustedSender, type FrameLike } from './trusted-sender';

/** The part of Electron's IpcMainInvokeEvent the handler reads. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

export interface InvokeHandlerDeps {
  /** dispatch(backend, method, input, { sessionToken }) with the backend bound. */
  callBackend: (method: string, input: unknown, sessionToken: string | null) => Promise<Envelope<unknown>>;
  /** The main-process pseudo-method `shell.openPdf`. */
  openPdf: (input: unknown) => Promise<Envelope<unknown>>;
  /** The first-run choice's `connection.*` methods (shared/api/schemas/connection.ts), answered in main. */
  connection?: (method: ConnectionMethod, input: unknown) => Promise<Envelope<unknown>>;
  log: Logger;
}

export const FORBIDDEN_SENDER_MESSAGE = 'Yêu cầu bị từ chối: không đến từ cửa sổ chính của ứng dụng.';

export function createInvokeHandler(
  deps: InvokeHandlerDeps,
): (
  event: InvokeEventLike,
  method: unknown,
  input: unknown,
  sessionToken?: unknown,
) => Promise<Envelope<unknown>> {
  return async (event, method, input, sessionToken) => {
    let frame: FrameLike | null;
    try {
      frame = event.senderFrame;
    } catch {
      frame = null; // the frame was disposed (navigated away or closed) before we looked
    }
    if (!isTrustedSender(frame)) {
      deps.log.warn('IPC refused: untrusted sender', {
        url: safeUrl(frame),
        method: String(method).slice(0, 100),
      });
      return { ok: false, error: { code: 'FORBIDDEN', message: FORBIDDEN_SENDER_MESSAGE } };
    }
    // shell.openPdf needs the OS shell, which only the main process has; the bridge stays invoke/on only,
    // so it is routed here by name before dispatch instead of through a second channel.
    if (method === OPEN_PDF_METHOD) {
      try {
        return await deps.openPdf(input);
      } catch (error) {
        deps.log.error('shell.openPdf failed', {
          detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'Không mở được tệp PDF. Vui lòng thử lại.' },
        };
      }
    }
    if (deps.connection && isConnectionMethod(method)) return deps.connection(method, input);
    // dispatch answers NOT_FOUND for anything that is not a contract method, including a non-string.
    try {
      return await deps.callBackend(
        typeof method === 'string' ? method : '',
        input,
        typeof sessionToken === 'string' ? sessionToken : null,
      );
    } catch (error) {
      // dispatch already turns handler failures into envelopes; this only guards the transport, so the
      // renderer never gets a rejected invoke carrying a main-process stack trace.
      deps.log.error('dispatch threw', {
        detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      return { ok: false, error: { code: 'INTERNAL', message: genericMessages.INTERNAL } };
    }
  };
}

function safeUrl(frame: FrameLike | null): string {
  try {
    return frame === null ? '(no frame)' : String(frame.url).slice(0, 200);
  } catch {
    return '(unreadable)';
  }
}
