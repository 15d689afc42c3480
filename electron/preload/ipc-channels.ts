// The two IPC channels between the preload and the main process. Plain constants, so both sides (and tests)
// can import them without pulling in Electron.

/** Renderer -> main request/response: `invoke(method, input)` resolves with an Envelope. */
export const INVOKE_CHANNEL = 'api:invoke';

/** Main -> renderer push of backend events, as `{ type, payload }` (shared/api/events.ts). */
export const EVENT_CHANNEL = 'api:event';
