#!/usr/bin/env node
// `npm start` (after the build): run the desktop app in Electron when an Electron binary exists, otherwise
// the web edition on 127.0.0.1. Arguments pass through, e.g. `npm start -- --data D:\LicenceDesk`.
//
// The binary is located the way node_modules/electron/index.js does it (ELECTRON_OVERRIDE_DIST_PATH, else
// path.txt + dist/), but without calling require('electron'): when the binary is missing that call spawns
// the electron installer, which tries to download it from GitHub on every start before it throws.
import { spawn } from 'node:child_process';
import console from 'node:console';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** @returns {{ ok: true, path: string } | { ok: false, reason: string }} */
function locateElectron() {
  const require = createRequire(path.join(projectDir, 'package.json'));
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const platformFile =
    { win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' }[process.platform] ?? 'electron';
  let recorded = '';
  try {
    recorded = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    // never downloaded: no path.txt
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !recorded) {
    return {
      ok: false,
      reason: 'its binary was never downloaded: node_modules/electron/path.txt is missing',
    };
  }
  const binary = override
    ? path.join(override, recorded || platformFile)
    : path.join(packageDir, 'dist', recorded);
  try {
    if (fs.statSync(binary).isFile()) return { ok: true, path: binary };
  } catch {
    // fall through
  }
  return { ok: false, reason: `no Electron binary at ${binary}` };
}

/** Runs a child with our stdio, forwards Ctrl+C / termination, and exits with its code. */
function run(command, commandArgs, env, onSpawnError) {
  const child = spawn(command, commandArgs, { cwd: projectDir, stdio: 'inherit', env, windowsHide: false });
  let started = false;
  child.once('spawn', () => {
    started = true;
  });
  child.once('error', (error) => {
    if (!started && onSpawnError) onSpawnError(error);
    else {
      console.error(`Could not run ${command}: ${error.message}`);
      process.exit(1);
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.once('exit', (code, signal) => {
    process.exit(code ?? (signal ? 1 : 0));
  });
}

function requireBuilt(relativePath) {
  if (!fs.existsSync(path.join(projectDir, relativePath))) {
    console.error(`${relativePath} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}

function startWeb(reason) {
  console.log(`Electron is not available on this machine (${reason}); starting the web edition instead.`);
  requireBuilt('bin/licence-desk.cjs');
  run(process.execPath, [path.join(projectDir, 'bin', 'licence-desk.cjs'), 'serve', ...args], process.env);
}

const electron = locateElectron();
if (electron.ok) {
  requireBuilt('dist/electron/main.cjs');
  // ELECTRON_RUN_AS_NODE in the caller's environment would turn the app into a plain Node process.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(electron.path, [projectDir, ...args], env, (error) =>
    startWeb(`${electron.path} could not be started: ${error.code ?? error.message}`),
  );
} else {
  startWeb(electron.reason);
}
