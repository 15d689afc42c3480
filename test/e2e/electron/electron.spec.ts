// Electron end-to-end (architecture.md §6; reliability.md 1-E1..E3, 1-E7): boots the unpackaged build
// (`npm run build` first) on a temp data folder and checks the live security settings. Runs only where an
// Electron binary exists; needs no webServer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { WebPreferences } from 'electron';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY } from '../../../electron/main/app-origin';
import { electronBinary, hasElectronBinary, projectDir } from './electron-binary';

test.skip(
  !hasElectronBinary,
  'Electron binary is not installed on this machine (it cannot be downloaded here); these tests run where it exists.',
);
test.describe.configure({ mode: 'serial' });

/** The renderer's globals, typed here because the Node tsconfig has no DOM lib. */
type PageGlobals = {
  licenceDesk: Record<string, unknown> & { invoke(method: string, input: unknown): Promise<unknown> };
  location: { href: string };
  open(url: string): unknown;
  Notification: { requestPermission(): Promise<string> };
};
const pageGlobals = () => globalThis as unknown as PageGlobals;
/** webContents.getLastWebPreferences() exists at run time but is missing from Electron's typings. */
type WithLastPreferences = { getLastWebPreferences(): WebPreferences | null };

let electronApp: ElectronApplication | undefined;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  if (electronBinary === null) return;
  if (!fs.existsSync(path.join(projectDir, 'dist', 'electron', 'main.cjs'))) {
    throw new Error('dist/electron/main.cjs is missing: run `npm run build` before the Electron tests.');
  }
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'licence-desk-electron-'));
  const args = [projectDir, '--data', dataDir];
  // Chromium refuses to start as root with its OS sandbox (CI containers). The renderer's sandbox
  // *preference* is still asserted below; the OS-level sandbox needs a non-root user.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
  const env = { ...process.env } as Record<string, string>;
  delete env.ELECTRON_RUN_AS_NODE;
  electronApp = await electron.launch({ executablePath: electronBinary, args, env, timeout: 60_000 });
  page = await electronApp.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await electronApp?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

function app(): ElectronApplication {
  if (electronApp === undefined) throw new Error('Electron did not start');
  return electronApp;
}

test('every window runs isolated, sandboxed, without Node and without webviews', async () => {
  const all = await app().evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((window) =>
      (window.webContents as unknown as WithLastPreferences).getLastWebPreferences(),
    ),
  );
  expect(all.length).toBeGreaterThan(0);
  for (const prefs of all) {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(prefs?.allowRunningInsecureContent).not.toBe(true);
    expect(prefs?.experimentalFeatures).not.toBe(true);
  }
});

test('the renderer is app://bundle/ with no Node globals and exactly invoke/on on the bridge', async () => {
  expect(page.url()).toBe(APP_ENTRY_URL);
  const probe = await page.evaluate(() => ({
    require: typeof require,
    process: typeof process,
    bridgeKeys: Object.keys(pageGlobals().licenceDesk).sort(),
  }));
  expect(probe).toEqual({ require: 'undefined', process: 'undefined', bridgeKeys: ['invoke', 'on'] });
});

test('the API answers through the bridge, on the --data folder', async () => {
  const info = await page.evaluate(() => pageGlobals().licenceDesk.invoke('app.info', {}));
  expect(info).toMatchObject({ ok: true, data: { edition: 'electron', dataDir } });
  const unknown = await page.evaluate(() => pageGlobals().licenceDesk.invoke('no.such.method', {}));
  expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

test('responses carry the CSP, and eval is refused', async () => {
  const csp = await app().evaluate(
    async ({ net }, url) => (await net.fetch(url)).headers.get('content-security-policy'),
    APP_ENTRY_URL,
  );
  expect(csp).toBe(CONTENT_SECURITY_POLICY);
  const evalResult = await page.evaluate(() => {
    try {
      return String((0, eval)('1 + 1'));
    } catch (error) {
      return (error as Error).name;
    }
  });
  expect(evalResult).toBe('EvalError');
});

test('app:// serves the renderer folder only', async () => {
  const statuses = await app().evaluate(
    async ({ net }, urls) =>
      Promise.all(
        urls.map(async (url) => {
          try {
            return (await net.fetch(url)).status;
          } catch {
            return -1;
          }
        }),
      ),
    [
      'app://bundle/../../package.json',
      'app://bundle/%2e%2e/%2e%2e/package.json',
      'app://bundle/..%2f..%2fpackage.json',
      'app://bundle/..%5c..%5cpackage.json',
      'app://other/index.html',
    ],
  );
  for (const status of statuses) expect([404, -1]).toContain(status);
});

test('navigation away is blocked', async () => {
  const before = page.url();
  await page.evaluate(() => {
    pageGlobals().location.href = 'https://example.com/';
  });
  await page.waitForTimeout(1000);
  expect(page.url()).toBe(before);
  expect(await page.evaluate(() => typeof pageGlobals().licenceDesk)).toBe('object');
});

test('window.open opens nothing', async () => {
  const countWindows = () => app().evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
  const before = await countWindows();
  const returned = await page.evaluate(() => pageGlobals().open('https://example.com/') === null);
  await page.waitForTimeout(500);
  expect(returned).toBe(true);
  expect(await countWindows()).toBe(before);
  expect(app().windows()).toHaveLength(1);
});

test('permission requests are denied', async () => {
  expect(await page.evaluate(() => pageGlobals().Notification.requestPermission())).toBe('denied');
});
