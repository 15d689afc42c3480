// Whether an Electron binary exists on this machine, found the way node_modules/electron/index.js finds it
// (ELECTRON_OVERRIDE_DIST_PATH, else path.txt + dist/) — but without require('electron'), which would try
// to download the binary from GitHub when it is missing. Same rules as scripts/start.mjs.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectDir = fileURLToPath(new URL('../../../', import.meta.url));

function locate(): { path: string | null; reason: string } {
  let packageDir: string;
  try {
    packageDir = path.dirname(
      createRequire(path.join(projectDir, 'package.json')).resolve('electron/package.json'),
    );
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const platformFile =
    ({ win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' } as Record<string, string>)[
      process.platform
    ] ?? 'electron';
  let recorded = '';
  try {
    recorded = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    // never downloaded
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !recorded) return { path: null, reason: 'node_modules/electron/path.txt is missing' };
  const binary = override
    ? path.join(override, recorded || platformFile)
    : path.join(packageDir, 'dist', recorded);
  try {
    if (fs.statSync(binary).isFile()) return { path: binary, reason: '' };
  } catch {
    // fall through
  }
  return { path: null, reason: `no Electron binary at ${binary}` };
}

const located = locate();

/** Absolute path of the Electron executable, or null. */
export const electronBinary: string | null = located.path;
export const hasElectronBinary = electronBinary !== null;
/** Why there is none (empty when there is one). */
export const electronMissingReason = located.reason;
