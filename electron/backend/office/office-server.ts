import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../dispatch';
import { CLIENT_ADDRESS, createRequestHandler, type AccessPolicy } from '../web/request-handler';
import { prefixedStream } from './prefixed-stream';
import { allowLists, officeUrl, type ListenAddress } from './office-addresses';
import type { OfficeCertificate } from './office-certificate';

/** The first byte of every TLS connection: a handshake record. */
const TLS_HANDSHAKE = 0x16;
/** A connection that says nothing is closed instead of holding a socket forever. */
const FIRST_BYTE_TIMEOUT_MS = 10_000;

export interface OfficeServerOptions {
  backend: Backend;
  rendererDir: string;
  listen: ListenAddress;
  /** The names and addresses desks use; the certificate names the same ones. */
  names: readonly string[];
  certificate: OfficeCertificate;
  heartbeatMs?: number;
}

export interface RunningOfficeServer {
  /** https://<first name>:<port>/ */
  url: string;
  port: number;
  fingerprint: string;
  /** Open TLS connections, for shutdown and tests. */
  close(): Promise<void>;
}

/**
 * The office server: the web edition's API and renderer over HTTPS for every desk of the office. One port:
 * the first byte of each connection decides — a TLS handshake goes to the HTTPS server, anything else (plain
 * HTTP typed by habit) gets a short 400 naming the https address and is closed, so nothing is ever served in
 * clear. There is no shared token: personal logins, sessions in a header, exact Host and Origin allow-lists.
 */
export async function startOfficeServer(options: OfficeServerOptions): Promise<RunningOfficeServer> {
  const log = options.backend.ctx.log;
  let policy: AccessPolicy = { allowedHosts: new Set(), allowedOrigins: new Set(), token: null };
  let url = '';
  const secureContext = tls.createSecureContext({
    cert: options.certificate.cert,
    key: options.certificate.key,
    minVersion: 'TLSv1.2',
  });
  // The HTTP layer over decrypted TLS sockets; slow or stuck clients must not pin sockets: a request has
  // 2 minutes (a 50 MB import on a slow LAN).
  const apiServer = http.createServer(
    { requestTimeout: 120_000, headersTimeout: 20_000, keepAliveTimeout: 30_000 },
    createRequestHandler({
      backend: options.backend,
      rendererDir: options.rendererDir,
      policy: () => policy,
      ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    }),
  );
  const startTls = (socket: net.Socket, head: Buffer) => {
    const secure = new tls.TLSSocket(prefixedStream(socket, head), { isServer: true, secureContext });
    (secure as tls.TLSSocket & { [CLIENT_ADDRESS]?: string })[CLIENT_ADDRESS] = socket.remoteAddress;
    secure.once('secure', () => apiServer.emit('connection', secure));
    secure.on('error', (error) => {
      log.info('office: TLS connection failed', { from: socket.remoteAddress, detail: error.message });
      secure.destroy();
    });
  };

  const plainServer = http.createServer((_req, res) => {
    const body =
      `LicenceDesk chỉ phục vụ qua HTTPS. Hãy mở ${url}\n` +
      `LicenceDesk is served over HTTPS only. Open ${url}\n`;
    res.writeHead(400, {
      'content-type': 'text/plain; charset=utf-8',
      connection: 'close',
      'cache-control': 'no-store',
    });
    res.end(body);
  });

  const sockets = new Set<net.Socket>();
  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.setTimeout(FIRST_BYTE_TIMEOUT_MS, () => socket.destroy());
    socket.on('error', () => socket.destroy());
    socket.once('data', (chunk: Buffer) => {
      socket.setTimeout(0);
      socket.pause();
      if (chunk[0] === TLS_HANDSHAKE) {
        startTls(socket, chunk);
      } else {
        log.warn('office: refused a plain HTTP connection', { from: socket.remoteAddress });
        // The plain server reads from the handle too: give it the bytes back through the same adapter.
        plainServer.emit('connection', prefixedStream(socket, chunk));
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(options.listen.port, options.listen.host, () => resolve());
  });
  const { port } = front.address() as AddressInfo;
  const lists = allowLists(options.names, port);
  policy = { allowedHosts: lists.hosts, allowedOrigins: lists.origins, token: null };
  url = officeUrl(options.names[0] ?? '127.0.0.1', port);
  log.info('office server listening', {
    port,
    names: options.names,
    fingerprint: options.certificate.fingerprint,
  });
  return {
    url,
    port,
    fingerprint: options.certificate.fingerprint,
    close: () =>
      new Promise<void>((resolve) => {
        front.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
