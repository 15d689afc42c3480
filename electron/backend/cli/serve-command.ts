import path from 'node:path';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliEnv } from './cli-context';
import { databaseUrlFrom } from '../store/open-store';
import { dataDirFrom, openBackend, reportStartupError } from './cli-context';
import { startWebServer } from '../web/web-server';
import { acquireDataDirLock, type DataDirLock } from '../store/data-dir-lock';
import { startMaintenance } from '../maintenance';

export async function serveCommand(args: string[], env: CliEnv): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string' }, database: { type: 'string' }, port: { type: 'string' } },
    strict: true,
  });
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
  let lock: DataDirLock | undefined;
  let backend;
  try {
    // One writer per data folder: a second server or the desktop app on the same folder is refused.
    lock = acquireDataDirLock(dataDir, { edition: 'web' });
    backend = await openBackend(env, dataDir, 'web', databaseUrlFrom(values.database));
  } catch (error) {
    lock?.release();
    return reportStartupError(env, error);
  }
  const stopMaintenance = startMaintenance(backend.ctx);
  const server = await startWebServer({ backend, rendererDir, port });
  env.stdout(`Data folder: ${dataDir}\n`);
  env.stdout(`LicenceDesk web edition: ${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  stopMaintenance();
  await backend.close();
  lock.release();
  return 0;
}
