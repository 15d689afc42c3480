import https from 'node:https';
import { randomUUID } from 'node:crypto';
import type { Envelope } from '../../../shared/api/errors';
import { REQUEST_ID_HEADER, WEB_SESSION_HEADER } from '../../../shared/api/bridge';
import { isAppEvent, type AppEvent, type ConnectionChanged } from '../../../shared/api/events';
import type { Logger } from '../context';
import { CertificateChangedError, PinnedAgent } from './pinned-agent';
import { connectionMessages } from './connection-messages';

export interface OfficeClientOptions {
  /** The office server, 'https://licence.so-vhttdl.local:8443/'. */
  url: string;
  /** The certificate's SHA-256, confirmed by a person at the first connection. */
  fingerprint: string;
  log: Logger;
  /** Backend events from the server's stream, and the client's own 'connection.changed'. */
  onEvent: (event: AppEvent) => void;
  /** How long a call keeps retrying through a lost connection (default 60 s). */
  retryForMs?: number;
  /** Pause between tries: 0.5 s, 1 s, 2 s … at most this (default 5 s). */
  maxBackoffMs?: number;
  /** How long one attempt may take before it counts as lost (default 120 s: imports, backups). */
  requestTimeoutMs?: number;
  /** Where to connect when it is not the URL's host and port (a port forward; tests put a relay there). */
  dial?: { host: string; port: number };
}

export interface OfficeClient {
  /** Forwards one call; always resolves with an envelope (never rejects), as dispatch does. */
  invoke(method: string, input: unknown, sessionToken: string | null): Promise<Envelope<unknown>>;
  /** The session whose events to stream (the renderer's current login); null stops the stream. */
  followSession(sessionToken: string | null): void;
  close(): void;
}

class HttpStatusError extends Error {}

/**
 * The desktop app as a client of the office server: the Electron main process forwards every invoke here
 * instead of opening a local store. Calls go over HTTPS to the pinned certificate only. A call that cannot
 * get through is retried with the same request id — the server answers a repeat with the first outcome — so
 * a lost connection neither loses an action silently nor does it twice. Electron-free, so it is tested
 * against a real office server under Node.
 */
export function createOfficeClient(options: OfficeClientOptions): OfficeClient {
  const base = new URL(options.url);
  const agent = new PinnedAgent(options.fingerprint, {}, options.dial);
  const retryForMs = options.retryForMs ?? 60_000;
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 120_000;
  let connection: ConnectionChanged['state'] = 'online';
  let isClosed = false;

  const report = (state: ConnectionChanged['state'], message = '') => {
    if (state === connection) return;
    connection = state;
    options.log.info('office connection', { state });
    options.onEvent({ type: 'connection.changed', payload: { state, message } });
  };

  const post = (method: string, body: string, sessionToken: string | null, requestId: string) =>
    new Promise<Envelope<unknown>>((resolve, reject) => {
      const req = https.request(
        new URL(`/api/${encodeURIComponent(method)}`, base),
        {
          method: 'POST',
          agent,
          timeout: requestTimeoutMs,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            [REQUEST_ID_HEADER]: requestId,
            ...(sessionToken ? { [WEB_SESSION_HEADER]: sessionToken } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            if (!res.complete) return reject(new Error('response cut short'));
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Envelope<unknown>);
            } catch {
              reject(new HttpStatusError(`HTTP ${res.statusCode}: not an envelope`));
            }
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('request timed out')));
      req.on('error', reject);
      req.end(body);
    });

  const invoke: OfficeClient['invoke'] = async (method, input, sessionToken) => {
    const requestId = randomUUID();
    const body = JSON.stringify(input ?? {});
    const started = Date.now();
    for (let attempt = 0; ; attempt += 1) {
      try {
        const envelope = await post(method, body, sessionToken, requestId);
        report('online');
        return envelope;
      } catch (error) {
        if (error instanceof CertificateChangedError) {
          options.log.error('office server certificate changed: refused', {
            expected: error.expected,
            presented: error.presented,
          });
          const message = connectionMessages.certificateChanged(error);
          report('refused', message);
          return { ok: false, error: { code: 'UNAVAILABLE', message } };
        }
        if (error instanceof HttpStatusError) {
          options.log.error('office server answered without an envelope', { method, detail: error.message });
          return {
            ok: false,
            error: { code: 'INTERNAL', message: 'Máy chủ của cơ quan trả lời không hợp lệ.' },
          };
        }
        report('offline', connectionMessages.offline);
        if (isClosed || Date.now() - started >= retryForMs) {
          options.log.warn('office call given up', { method, requestId, detail: String(error) });
          return { ok: false, error: { code: 'UNAVAILABLE', message: connectionMessages.gaveUp } };
        }
        options.log.info('office call retried', { method, requestId, attempt, detail: String(error) });
        await sleep(Math.min(maxBackoffMs, 500 * 2 ** attempt));
      }
    }
  };

  // The event stream: one GET /events for the renderer's current session, reopened after a lost connection.
  let stream: { token: string; stop: () => void } | null = null;
  const openStream = (token: string) => {
    let request: ReturnType<typeof https.get> | null = null;
    let timer: NodeJS.Timeout | null = null;
    let stopped = false;
    let failures = 0;
    const connect = () => {
      if (stopped) return;
      request = https.get(
        new URL('/events', base),
        { agent, headers: { [WEB_SESSION_HEADER]: token } },
        (res) => {
          if (res.statusCode === 401) {
            res.resume();
            stopped = true;
            return;
          }
          if (res.statusCode !== 200) {
            res.resume();
            retry();
            return;
          }
          failures = 0;
          report('online');
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (text: string) => {
            buffer += text;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              deliver(buffer.slice(0, end));
              buffer = buffer.slice(end + 2);
            }
          });
          res.on('close', retry);
        },
      );
      request.on('error', (error) => {
        if (error instanceof CertificateChangedError)
          report('refused', connectionMessages.certificateChanged(error));
        else report('offline', connectionMessages.offline);
        retry();
      });
    };
    const retry = () => {
      if (stopped || timer) return;
      failures += 1;
      timer = setTimeout(
        () => {
          timer = null;
          connect();
        },
        Math.min(maxBackoffMs * 2, 500 * 2 ** Math.min(failures, 6)),
      );
    };
    connect();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      request?.destroy();
    };
  };
  const deliver = (block: string) => {
    const type = /^event: (.+)$/m.exec(block)?.[1];
    const data = /^data: (.+)$/m.exec(block)?.[1];
    if (!type || !data) return;
    try {
      const event = { type, payload: JSON.parse(data) as unknown };
      if (isAppEvent(event) && event.type !== 'connection.changed') options.onEvent(event);
    } catch {
      // A malformed line is skipped; the next one stands alone.
    }
  };

  return {
    invoke,
    followSession(token) {
      if (stream?.token === token) return;
      stream?.stop();
      stream = token ? { token, stop: openStream(token) } : null;
    },
    close() {
      isClosed = true;
      stream?.stop();
      stream = null;
      agent.destroy();
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
