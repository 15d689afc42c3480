// Checklist item 17: validate the sender of every IPC message. Electron-free (a WebFrameMain is only read
// through this shape) so it is unit-tested under plain Node.
import { isAppUrl } from './app-origin';

/** The part of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * Accepts only our own top frame: the frame exists, has no parent (iframes, even same-origin ones, are
 * refused) and shows an app://bundle/ page. Anything odd — a disposed frame whose getters throw included —
 * is refused.
 */
export function isTrustedSender(frame: FrameLike | null | undefined): boolean {
  if (frame === null || frame === undefined) return false;
  try {
    if (frame.parent !== null) return false;
    return typeof frame.url === 'string' && isAppUrl(frame.url);
  } catch {
    return false;
  }
}
