import type http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { dispatch, type Backend } from '../dispatch';
import { REQUEST_ID_HEADER, WEB_SESSION_HEADER, WEB_TOKEN_HEADER } from '../../../shared/api/bridge';
import { genericMessages, type Envelope } from '../../../shared/api/errors';
import { CONTENT_SECURITY_POLICY } from '../../../shared/api/content-security-policy';
import { contentTypeFor, readStatic } from './static-files';
import { ReplayCache, type Reply } from './replay-cache';
import { hashToken } from '../auth/session-store';
import { serveEventStream } from './event-stream';

export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** A legacy import carries its file (up to 50 MB) as base64 in the JSON body. */
const LARGE_BODY_METHODS: Record<string, number> = { 'import.dossiers': 72 * 1024 * 1024 };
/** Where the event stream is served (GET, with the same headers as an API call). */
export const EVENTS_PATH = '/events';

/** Who may reach the server at all: checked before anything else, on every request. */
export interface AccessPolicy {
  /** Exact Host header values ('127.0.0.1:4780', 'licence.so-vhttdl.local:8443'). */
  allowedHosts: ReadonlySet<string>;
  /** Exact Origin header values a browser may send ('https://licence.so-vhttdl.local:8443'). */
  allowedOrigins: ReadonlySet<string>;
  /**
   * The web edition's per-start token, required on every API call; null on the office server, where
   * personal logins are the only credential.
   */
  token: Buffer | null;
}

export interface RequestHandlerOptions {
  backend: Backend;
  rendererDir: string;
  /** Read per request: the loopback server learns its port only once it listens. */
  policy: () => AccessPolicy;
  /** The event stream's heartbeat (tests use a short one). */
  heartbeatMs?: number;
}

const BASE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * The HTTP side of the API, shared by the loopback web edition and the office server: Host and Origin
 * allow-lists, the token (web edition), `POST /api/<method>` into dispatch with the session header,
 * `GET /events` for the event stream, and the built renderer for everything else.
 */
export function createRequestHandler(
  options: RequestHandlerOptions,
): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const log = options.backend.ctx.log;
  const replies = new ReplayCache();

  return (req, res) => {
    const policy = options.policy();
    const extraHeaders: Record<string, string> = isTls(req)
      ? { ...BASE_HEADERS, 'strict-transport-security': 'max-age=31536000' }
      : BASE_HEADERS;
    const send = (
      status: number,
      body: string | Buffer,
      type: string,
      extra: Record<string, string> = {},
    ) => {
      res.writeHead(status, { 'content-type': type, ...extraHeaders, ...extra });
      res.end(body);
    };
    const sendJson = (status: number, envelope: Envelope<unknown>) =>
      send(status, JSON.stringify(envelope), 'application/json; charset=utf-8');

    if (!policy.allowedHosts.has(req.headers.host ?? '')) {
      log.warn('web: refused foreign Host header', { host: String(req.headers.host).slice(0, 100) });
      return send(421, 'Misdirected request: unknown host name', 'text/plain; charset=utf-8');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !policy.allowedOrigins.has(origin)) {
      log.warn('web: refused foreign Origin', { origin: origin.slice(0, 100) });
      return send(403, 'Forbidden origin', 'text/plain; charset=utf-8');
    }
    const url = req.url ?? '/';
    const pathname = url.split('?')[0] ?? '/';
    const isApi = url.startsWith('/api/');
    const isEvents = pathname === EVENTS_PATH;

    if (isApi || isEvents) {
      if (policy.token) {
        const given = Buffer.from(String(req.headers[WEB_TOKEN_HEADER] ?? ''));
        if (given.length !== policy.token.length || !timingSafeEqual(given, policy.token)) {
          return sendJson(401, {
            ok: false,
            error: { code: 'UNAUTHENTICATED', message: genericMessages.UNAUTHENTICATED },
          });
        }
      }
      const header = req.headers[WEB_SESSION_HEADER];
      const sessionToken = typeof header === 'string' && header.length > 0 ? header : null;
      if (isEvents) {
        if (req.method !== 'GET')
          return send(405, 'Method not allowed', 'text/plain; charset=utf-8', { allow: 'GET' });
        serveEventStream(options.backend, req, res, sessionToken, extraHeaders, options.heartbeatMs).catch(
          (error: unknown) => {
            log.error('web: event stream failed', { detail: String(error) });
            if (!res.headersSent)
              sendJson(500, { ok: false, error: { code: 'INTERNAL', message: genericMessages.INTERNAL } });
            else res.end();
          },
        );
        return;
      }
      if (req.method !== 'POST')
        return send(405, 'Method not allowed', 'text/plain; charset=utf-8', { allow: 'POST' });
      // A JSON content type cannot be sent cross-site without a CORS preflight, which we never answer; the
      // session travels in a header, never a cookie, so another site's page has nothing to ride on.
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(415, 'Expected application/json', 'text/plain; charset=utf-8');
      }
      let method: string;
      try {
        method = decodeURIComponent(url.slice('/api/'.length).split('?')[0] ?? '');
      } catch {
        // A malformed escape must not throw out of the request listener (that would end the server).
        return sendJson(404, { ok: false, error: { code: 'NOT_FOUND', message: 'Không có chức năng này.' } });
      }
      const requestId = req.headers[REQUEST_ID_HEADER];
      const clientAddress = clientAddressOf(req);
      readBody(req, LARGE_BODY_METHODS[method] ?? MAX_BODY_BYTES)
        .then(async (raw) => {
          let input: unknown;
          try {
            input = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
          } catch {
            return sendJson(400, {
              ok: false,
              error: { code: 'VALIDATION_FAILED', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' },
            });
          }
          const call = async (): Promise<Reply> => {
            const envelope = await dispatch(options.backend, method, input, { sessionToken, clientAddress });
            const isFinal =
              envelope.ok || (envelope.error.code !== 'BUSY' && envelope.error.code !== 'INTERNAL');
            return { json: JSON.stringify(envelope), isFinal };
          };
          // The replay key includes the session, so one person's request id never answers another's call.
          const reply =
            typeof requestId === 'string' && requestId.length > 0 && requestId.length <= 100
              ? await replies.run(
                  `${sessionToken ? hashToken(sessionToken) : '-'}:${method}:${requestId}`,
                  call,
                )
              : await call();
          // The client may have gone meanwhile (closed tab, lost link): the reply stays in the replay cache.
          if (!res.destroyed) send(200, reply.json, 'application/json; charset=utf-8');
        })
        .catch((error: unknown) => {
          if (error instanceof BodyTooLargeError) {
            return sendJson(413, {
              ok: false,
              error: { code: 'VALIDATION_FAILED', message: 'Dữ liệu gửi lên quá lớn.' },
            });
          }
          if (error instanceof ClientGoneError) {
            log.info('web: client left before sending the whole request', { method });
            return;
          }
          log.error('web: request failed', { detail: String(error) });
          if (!res.headersSent)
            sendJson(500, { ok: false, error: { code: 'INTERNAL', message: genericMessages.INTERNAL } });
        });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(405, 'Method not allowed', 'text/plain; charset=utf-8');
    const file = readStatic(options.rendererDir, url);
    if (!file) return send(404, 'Not found', 'text/plain; charset=utf-8');
    send(200, file.body, contentTypeFor(file.file), { 'content-security-policy': CONTENT_SECURITY_POLICY });
  };
}

/**
 * Where the office server records a connection's peer address: its TLS sockets run over a stream adapter
 * (see office-server.ts), which has no address of its own.
 */
export const CLIENT_ADDRESS = Symbol('licence-desk.client-address');

function clientAddressOf(req: http.IncomingMessage): string | null {
  const socket = req.socket as typeof req.socket & { [CLIENT_ADDRESS]?: string };
  return socket[CLIENT_ADDRESS] ?? socket.remoteAddress ?? null;
}

function isTls(req: http.IncomingMessage): boolean {
  return (req.socket as { encrypted?: boolean }).encrypted === true;
}

class BodyTooLargeError extends Error {}
class ClientGoneError extends Error {}

/** The whole body, or a rejection; a client that drops mid-body never reaches dispatch (nothing half-done). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('aborted', () => reject(new ClientGoneError()));
    req.on('close', () => {
      if (!req.complete) reject(new ClientGoneError());
    });
    req.on('error', reject);
  });
}
