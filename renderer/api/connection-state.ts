// Whether the backend can be reached: set by the API client (a call that could not get through, then one that
// did), by the event stream, and in the desktop client by the main process ('connection.changed'). The banner
// reads it; nothing else depends on it.
import { useSyncExternalStore } from 'react';

export interface ConnectionState {
  state: 'online' | 'offline' | 'refused';
  /** Vietnamese, shown in the banner when not online. */
  message: string;
}

const ONLINE: ConnectionState = { state: 'online', message: '' };
export const OFFLINE_MESSAGE =
  'Mất kết nối với máy chủ LicenceDesk. Đang thử kết nối lại… Thao tác đang gửi sẽ được gửi lại một lần, không bị ghi hai lần.';

let current: ConnectionState = ONLINE;
const listeners = new Set<() => void>();

export function setConnectionState(next: ConnectionState): void {
  if (next.state === current.state && next.message === current.message) return;
  current = next;
  for (const listener of listeners) listener();
}

export function markOnline(): void {
  if (current.state === 'offline') setConnectionState(ONLINE);
}

export function markOffline(message = OFFLINE_MESSAGE): void {
  if (current.state !== 'refused') setConnectionState({ state: 'offline', message });
}

export function getConnectionState(): ConnectionState {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(subscribe, getConnectionState);
}
