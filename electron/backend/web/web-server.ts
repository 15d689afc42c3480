import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../dispatch';
import { createRequestHandler, type AccessPolicy } from './request-handler';

export { MAX_BODY_BYTES } from './request-handler';

export interface WebServerOptions {
  backend: Backend;
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a fresh random one per start otherwise. */
  token?: string;
  heartbeatMs?: number;
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
  let policy: AccessPolicy = {
    allowedHosts: new Set(),
    allowedOrigins: new Set(),
    token: Buffer.from(token),
  };
  const server = http.createServer(
    createRequestHandler({
      backend: options.backend,
      rendererDir: options.rendererDir,
      policy: () => policy,
      ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    }),
  );

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
      policy = {
        allowedHosts: new Set(hosts),
        allowedOrigins: new Set(hosts.map((host) => `http://${host}`)),
        token: Buffer.from(token),
      };
      resolve({
        url: `http://127.0.0.1:${port}/#token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            // Event streams never end on their own: close them too, or close() would wait forever.
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
