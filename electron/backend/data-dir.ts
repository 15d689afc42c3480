import os from 'node:os';
import path from 'node:path';

/** The OS per-user application-data folder, as Electron's app.getPath('userData') would give it. */
export function platformDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'LicenceDesk');
  }
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'LicenceDesk');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'licence-desk');
}

/** `--data DIR` (or `--data=DIR`) wins over LICENCE_DESK_DATA, which wins over the platform default. */
export function resolveDataDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platformDefault: string,
): string {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--data' && argv[i + 1]) return path.resolve(argv[i + 1] as string);
    if (arg?.startsWith('--data=')) return path.resolve(arg.slice('--data='.length));
  }
  if (env.LICENCE_DESK_DATA) return path.resolve(env.LICENCE_DESK_DATA);
  return platformDefault;
}

export const DATABASE_FILE = 'licence-desk.db';
