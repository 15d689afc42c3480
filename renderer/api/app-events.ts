// Backend events in the renderer, from whichever channel this window has: the Electron preload's on(), or the
// server's event stream (GET /events), read with fetch because EventSource cannot send the session header.
// One stream per tab, opened while someone listens and a session exists, reopened after a lost connection.
import {
  BRIDGE_GLOBAL,
  WEB_SESSION_HEADER,
  WEB_TOKEN_HEADER,
  type LicenceDeskBridge,
} from '../../shared/api/bridge';
import { isAppEvent, type AppEvent, type AppEventType } from '../../shared/api/events';
import { getSessionToken, subscribeSession, endSession } from './session';
import { readWebToken } from './web-token';
import { markOffline, markOnline, setConnectionState } from './connection-state';

type Listener = (payload: unknown) => void;

const listeners = new Map<AppEventType, Set<Listener>>();
let stream: { token: string; abort: AbortController } | null = null;
let retryTimer: number | null = null;
let failures = 0;

function bridge(): LicenceDeskBridge | undefined {
  const candidate = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  return typeof candidate === 'object' && candidate !== null ? (candidate as LicenceDeskBridge) : undefined;
}

/** Calls `listener` with each event of `type`; returns the unsubscribe function. */
export function onAppEvent(type: AppEventType, listener: Listener): () => void {
  const viaBridge = bridge();
  if (viaBridge) return viaBridge.on(type, listener);
  let set = listeners.get(type);
  if (!set) listeners.set(type, (set = new Set()));
  set.add(listener);
  ensureStream();
  return () => {
    set.delete(listener);
    if (listenerCount() === 0) stopStream();
  };
}

function listenerCount(): number {
  let n = 0;
  for (const set of listeners.values()) n += set.size;
  return n;
}

function deliver(event: AppEvent): void {
  for (const listener of [...(listeners.get(event.type) ?? [])]) listener(event.payload);
}

function stopStream(): void {
  stream?.abort.abort();
  stream = null;
  if (retryTimer !== null) window.clearTimeout(retryTimer);
  retryTimer = null;
}

function ensureStream(): void {
  const token = getSessionToken();
  if (stream && stream.token === token) return;
  stopStream();
  if (!token || listenerCount() === 0) return;
  const abort = new AbortController();
  stream = { token, abort };
  readStream(token, abort.signal).then(
    () => scheduleReconnect(abort.signal),
    () => scheduleReconnect(abort.signal),
  );
}

function scheduleReconnect(signal: AbortSignal): void {
  if (signal.aborted) return;
  stream = null;
  failures += 1;
  // 1 s, 2 s, 4 s … at most 10 s between tries.
  const delay = Math.min(10_000, 1000 * 2 ** Math.min(failures - 1, 4));
  retryTimer = window.setTimeout(() => {
    retryTimer = null;
    ensureStream();
  }, delay);
}

async function readStream(token: string, signal: AbortSignal): Promise<void> {
  const headers: Record<string, string> = { [WEB_SESSION_HEADER]: token };
  const webToken = readWebToken();
  if (webToken) headers[WEB_TOKEN_HEADER] = webToken;
  let response: Response;
  try {
    response = await fetch('/events', { headers, signal, credentials: 'omit', cache: 'no-store' });
  } catch (error) {
    if (!signal.aborted) markOffline();
    throw error;
  }
  if (response.status === 401) {
    // The session is over (expired, revoked): the next API call says why and shows the login screen.
    stopStream();
    return;
  }
  if (!response.ok || !response.body) throw new Error(`event stream: HTTP ${response.status}`);
  markOnline();
  failures = 0;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      handleBlock(block);
    }
  }
  if (!signal.aborted) markOffline();
}

function handleBlock(block: string): void {
  const type = /^event: (.+)$/m.exec(block)?.[1];
  const data = /^data: (.+)$/m.exec(block)?.[1];
  if (!type || !data) return;
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch {
    return;
  }
  if (type === 'session.ended') {
    stopStream();
    endSession('expired');
    return;
  }
  const event = { type, payload };
  if (isAppEvent(event)) deliver(event);
}

// A new login (or a logout) opens (or closes) the stream for that session.
subscribeSession(() => ensureStream());

// The desktop client's main process reports the link to the office server itself.
const viaBridge = bridge();
if (viaBridge) {
  viaBridge.on('connection.changed', (payload) => {
    const p = payload as { state?: unknown; message?: unknown };
    if (
      (p.state === 'online' || p.state === 'offline' || p.state === 'refused') &&
      typeof p.message === 'string'
    )
      setConnectionState({ state: p.state, message: p.message });
  });
}
