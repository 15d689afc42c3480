import os from 'node:os';
import path from 'node:path';
import { findAppRoot, readAppVersion } from '../app-root';
import { platformDataDir } from '../data-dir';
import { createBackend } from '../create-backend';
import type { Backend } from '../dispatch';
import type { CallSession, Edition } from '../context';
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

export function openBackend(env: CliEnv, dataDir: string, edition: Edition): Backend {
  return createBackend({
    dataDir,
    resourcesDir: path.join(env.appRoot, 'resources'),
    edition,
    appVersion: env.version,
  });
}

/** Until accounts exist (workflow issue), the desk user is the OS user running the program. */
export function localSession(): CallSession {
  const name = os.userInfo().username;
  return { actor: { id: `local:${name}`, name } };
}

/** Prints a start-up failure in both languages and returns the exit code. */
export function reportStartupError(env: CliEnv, error: unknown): number {
  if (error instanceof StartupError) {
    env.stderr(`${error.userMessage}\n(${error.code}: ${error.message})\n`);
    return 2;
  }
  throw error;
}
