import path from 'node:path';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliEnv } from './cli-context';
import { databaseUrlFrom } from '../store/open-store';
import { dataDirFrom, openBackend, reportStartupError } from './cli-context';
import { startWebServer } from '../web/web-server';
import { acquireDataDirLock, type DataDirLock } from '../store/data-dir-lock';
import { startMaintenance } from '../maintenance';
import type { Backend } from '../dispatch';
import { startOfficeCommand } from './serve-office';

/**
 * `licence-desk serve`: the web edition on 127.0.0.1 with a per-start token (one PC), or with `--office` the
 * HTTPS server every desk of the office connects to (serve-office.ts).
 */
export async function serveCommand(args: string[], env: CliEnv): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      database: { type: 'string' },
      port: { type: 'string' },
      office: { type: 'boolean', default: false },
      listen: { type: 'string' },
      'host-name': { type: 'string', multiple: true },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
    },
    strict: true,
  });
  if (!values.office && (values.listen || values['host-name'] || values['tls-cert'] || values['tls-key'])) {
    env.stderr('--listen, --host-name, --tls-cert and --tls-key need --office\n');
    return 1;
  }
  if (values.office && values.port !== undefined) {
    env.stderr('--office takes --listen ADDR:PORT instead of --port\n');
    return 1;
  }
  const port = values.port === undefined ? 4780 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    env.stderr(`--port must be a whole number from 0 to 65535, got "${values.port}"\n`);
    return 1;
  }
  const rendererDir = path.join(env.appRoot, 'dist', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    env.stderr(`The renderer is not built (${rendererDir}). Run "npm run build" first.\n`);
    return 1;
  }
  const dataDir = dataDirFrom(values.data);
  const edition = values.office ? 'office' : 'web';
  let lock: DataDirLock | undefined;
  let backend: Backend;
  try {
    // One writer per data folder: a second server or the desktop app on the same folder is refused.
    lock = acquireDataDirLock(dataDir, { edition: 'web' });
    backend = await openBackend(env, dataDir, edition, databaseUrlFrom(values.database));
  } catch (error) {
    lock?.release();
    return reportStartupError(env, error);
  }
  const stopMaintenance = startMaintenance(backend.ctx);
  let close: () => Promise<void>;
  env.stdout(`Data folder: ${dataDir}\n`);
  if (values.office) {
    const started = await startOfficeCommand(env, backend, {
      rendererDir,
      dataDir,
      listen: values.listen,
      hostNames: values['host-name'] ?? [],
      tlsCert: values['tls-cert'],
      tlsKey: values['tls-key'],
    });
    if (typeof started === 'number') {
      stopMaintenance();
      await backend.close();
      lock.release();
      return started;
    }
    close = started.close;
  } else {
    const server = await startWebServer({ backend, rendererDir, port });
    env.stdout(`LicenceDesk web edition: ${server.url}\n`);
    close = server.close;
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await close();
  stopMaintenance();
  await backend.close();
  lock.release();
  return 0;
}
