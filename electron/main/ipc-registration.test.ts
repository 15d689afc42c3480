// reliability.md 1-U1: IPC is registered in exactly one place (electron/main/ipc.ts), which checks the sender.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const THIS_FILE = path.join('electron', 'main', 'ipc-registration.test.ts');
const IPC_FILE = path.join('electron', 'main', 'ipc.ts');
const SCANNED_DIRS = ['electron', 'shared', 'renderer', 'scripts', 'bin', 'test'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'release', '.git']);

// Any way of adding a main-process IPC listener: ipcMain.handle/on/once/addListener…, ipcMain['on'], and the
// same through optional chaining or a destructured alias.
const IPC_REGISTRATION =
  /\bipcMain\s*(?:\?\.|\.)\s*(?:handle|handleOnce|on|once|addListener|prependListener|prependOnceListener)\b|\bipcMain\s*(?:\?\.)?\s*\[|\{[^}]*\b(?:handle|on|once|addListener)\b[^}]*\}\s*=\s*ipcMain\b/;

function sourceFiles(dir: string): string[] {
  const absolute = path.join(repoRoot, dir);
  if (!fs.existsSync(absolute)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(absolute, { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) found.push(...sourceFiles(relative));
    } else if (/\.(?:[cm]?[jt]s|tsx|jsx)$/.test(entry.name)) {
      found.push(relative);
    }
  }
  return found;
}

const files = SCANNED_DIRS.flatMap(sourceFiles);

describe('IPC registration', () => {
  it('scans the sources it is meant to', () => {
    expect(files).toContain(IPC_FILE);
    expect(files).toContain(path.join('electron', 'preload', 'preload.ts'));
  });

  it('happens in electron/main/ipc.ts only', () => {
    const offenders = files.filter(
      (file) =>
        file !== IPC_FILE &&
        file !== THIS_FILE &&
        IPC_REGISTRATION.test(fs.readFileSync(path.join(repoRoot, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('is one ipcMain.handle for api:invoke, through the sender-checking handler, and no ipcMain.on', () => {
    const source = fs.readFileSync(path.join(repoRoot, IPC_FILE), 'utf8');
    expect(source.match(/ipcMain\.handle\(/g)).toHaveLength(1);
    expect(source).toMatch(/ipcMain\.handle\(INVOKE_CHANNEL,/);
    expect(source).toMatch(/createInvokeHandler\(/);
    expect(source).not.toMatch(/ipcMain\s*\.\s*(?:on|once|addListener|handleOnce)\b/);
  });

  it('exposes a bridge from the preload only', () => {
    const exposing = files.filter(
      (file) =>
        file !== THIS_FILE &&
        /contextBridge\s*\.\s*exposeIn/.test(fs.readFileSync(path.join(repoRoot, file), 'utf8')),
    );
    expect(exposing).toEqual([path.join('electron', 'preload', 'preload.ts')]);
  });
});
