import type { Envelope } from './errors';
import type { AppEventType } from './events';

/**
 * What the Electron preload exposes on `window.licenceDesk` (and nothing else). The web edition has no
 * bridge: the renderer then posts to /api/<method> with the per-start token.
 */
export interface LicenceDeskBridge {
  /** `sessionToken` is the login session returned by auth.login (null before login). */
  invoke(method: string, input: unknown, sessionToken?: string | null): Promise<Envelope<unknown>>;
  /** Subscribes to a backend event; returns the unsubscribe function. Only the payload is passed on. */
  on(event: AppEventType, listener: (payload: unknown) => void): () => void;
}

export const BRIDGE_GLOBAL = 'licenceDesk';
/** Header carrying the web edition's per-start token. */
export const WEB_TOKEN_HEADER = 'x-licence-desk-token';
/** Header carrying the login session token (auth.login) in the web edition. */
export const WEB_SESSION_HEADER = 'x-licence-desk-session';
/**
 * Header carrying a per-call id: a call retried after a lost connection carries the same id, and the server
 * answers it with the first attempt's outcome instead of running it again.
 */
export const REQUEST_ID_HEADER = 'x-licence-desk-request-id';
