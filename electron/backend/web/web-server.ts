import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { dispatch, type Backend } from '../dispatch';
import { WEB_SESSION_HEADER, WEB_TOKEN_HEADER } from '../../../shared/api/bridge';
import { genericMessages, type Envelope } from '../../../shared/api/errors';
import { contentTypeFor, readStatic } from './static-files';
import { CONTENT_SECURITY_POLICY } from '../../../shared/api/content-security-policy';

export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** A legacy import carries its file (up to 50 MB) as base64 in the JSON body. */
const LARGE_BODY_METHODS: Record<string, number> = { 'import.dossiers': 72 * 1024 * 1024 };

export interface WebServerOptions {
  backend: Backend;
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a fresh random one per start otherwise. */
  token?: string;
}

export interface RunningWebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * The web edition: the same API as the Electron IPC, on 127.0.0.1 only. A per-start token and exact Host and
 * Origin checks stop other local pages (DNS rebinding, CSRF) and other users' browsers from driving it.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const log = options.backend.ctx.log;
  let allowedHosts: Set<string> = new Set();

  const server = http.createServer((req, res) => {
    const send = (
      status: number,
      body: string | Buffer,
      type: string,
      extra: Record<string, string> = {},
    ) => {
      res.writeHead(status, {
        'content-type': type,
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        ...extra,
      });
      res.end(body);
    };
    const sendJson = (status: number, envelope: Envelope<unknown>) =>
      send(status, JSON.stringify(envelope), 'application/json; charset=utf-8');

    if (!allowedHosts.has(req.headers.host ?? '')) {
      log.warn('web: refused foreign Host header', { host: String(req.headers.host).slice(0, 100) });
      return send(421, 'Misdirected request', 'text/plain; charset=utf-8');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      log.warn('web: refused foreign Origin', { origin: origin.slice(0, 100) });
      return send(403, 'Forbidden origin', 'text/plain; charset=utf-8');
    }
    const url = req.url ?? '/';

    if (url.startsWith('/api/')) {
      if (req.method !== 'POST')
        return send(405, 'Method not allowed', 'text/plain; charset=utf-8', { allow: 'POST' });
      const given = Buffer.from(String(req.headers[WEB_TOKEN_HEADER] ?? ''));
      if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) {
        return sendJson(401, {
          ok: false,
          error: { code: 'UNAUTHENTICATED', message: genericMessages.UNAUTHENTICATED },
        });
      }
      // A JSON content type cannot be sent cross-site without a CORS preflight, which we never answer.
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
          const sessionToken = req.headers[WEB_SESSION_HEADER];
          const envelope = await dispatch(options.backend, method, input, {
            sessionToken: typeof sessionToken === 'string' ? sessionToken : null,
          });
          sendJson(200, envelope);
        })
        .catch((error: unknown) => {
          if (error instanceof BodyTooLargeError) {
            return sendJson(413, {
              ok: false,
              error: { code: 'VALIDATION_FAILED', message: 'Dữ liệu gửi lên quá lớn.' },
            });
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
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      resolve({
        url: `http://127.0.0.1:${port}/#token=${token}`,
        port,
        token,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

class BodyTooLargeError extends Error {}

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
    req.on('error', reject);
  });
}
