// Electron-free factory for the object the preload exposes as window.licenceDesk (shared/api/bridge.ts).
// Kept apart from preload.ts so it can be unit-tested with a fake ipcRenderer (reliability.md 1-U4).
import type { LicenceDeskBridge } from '../../shared/api/bridge';
import type { Envelope } from '../../shared/api/errors';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The slice of Electron's ipcRenderer the bridge uses; never handed to the page itself. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

/**
 * Builds the bridge: exactly `invoke` and `on`, frozen. The page never sees ipcRenderer, a channel name or
 * an IpcRendererEvent (checklist item 20): `on` filters the single event channel by type and passes the
 * payload alone.
 */
export function createBridge(ipc: IpcRendererLike): LicenceDeskBridge {
  const bridge: LicenceDeskBridge = {
    invoke(method, input, sessionToken) {
      if (typeof method !== 'string') {
        return Promise.reject(new TypeError('licenceDesk.invoke: method must be a string'));
      }
      const token = typeof sessionToken === 'string' ? sessionToken : null;
      return ipc.invoke(INVOKE_CHANNEL, method, input, token) as Promise<Envelope<unknown>>;
    },
    on(event, listener) {
      if (typeof event !== 'string' || typeof listener !== 'function') {
        throw new TypeError('licenceDesk.on: expected (event: string, listener: function)');
      }
      const forward: IpcListener = (_ipcEvent, message) => {
        if (isEventMessage(message) && message.type === event) listener(message.payload);
      };
      ipc.on(EVENT_CHANNEL, forward);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(EVENT_CHANNEL, forward);
      };
    },
  };
  return Object.freeze(bridge);
}

function isEventMessage(value: unknown): value is { type: string; payload: unknown } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}
