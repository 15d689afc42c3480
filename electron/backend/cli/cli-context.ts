import os from 'node:os';
import path from 'node:path';
import { findAppRoot, readAppVersion } from '../app-root';
import { platformDataDir } from '../data-dir';
import { createBackend } from '../create-backend';
import type { Backend } from '../dispatch';
import type { Caller, Edition } from '../context';
import { StartupError } from '../db/startup-error';

export interface CliEnv {
  appRoot: string;
  version: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export function defaultCliEnv(): CliEnv {
  const appRoot = findAppRoot(__dirname);
  return {
    appRoot,
    version: readAppVersion(appRoot),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  };
}

export function dataDirFrom(flag: string | undefined): string {
  if (flag) return path.resolve(flag);
  if (process.env.LICENCE_DESK_DATA) return path.resolve(process.env.LICENCE_DESK_DATA);
  return platformDataDir();
}

/** The backend on the data folder's SQLite file, or on the PostgreSQL database `databaseUrl` when given. */
export async function openBackend(
  env: CliEnv,
  dataDir: string,
  edition: Edition,
  databaseUrl?: string,
): Promise<Backend> {
  return await createBackend({
    dataDir,
    resourcesDir: path.join(env.appRoot, 'resources'),
    edition,
    appVersion: env.version,
    databaseUrl,
  });
}

/**
 * The command line runs as a trusted local administrator: whoever can run it can already open the database
 * file. Its audit entries name the OS account.
 */
export function localSession(): Caller & { system: { id: string; name: string; roles: ['admin'] } } {
  let name: string;
  try {
    name = os.userInfo().username;
  } catch {
    name = process.env.USER ?? process.env.USERNAME ?? 'local';
  }
  return { system: { id: `system:${name}`, name, roles: ['admin'] } };
}

/** Prints a start-up failure in both languages and returns the exit code. */
export function reportStartupError(env: CliEnv, error: unknown): number {
  if (error instanceof StartupError) {
    env.stderr(`${error.userMessage}\n(${error.code}: ${error.message})\n`);
    return 2;
  }
  throw error;
}
