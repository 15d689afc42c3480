// Main-process lifecycle. Bundled to dist/electron/main.cjs (CJS; 'electron' and 'better-sqlite3' external),
// so __dirname is dist/electron and the preload and renderer sit beside it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import type { Logger } from '../backend/context';
import type { Backend } from '../backend/dispatch';
import { createBackend } from '../backend/create-backend';
import { platformDataDir, resolveDataDir } from '../backend/data-dir';
import { StartupError } from '../backend/db/startup-error';
import { createFileLogger } from '../backend/log';
import { localBackendCall, pdfTempDir, registerIpc, sendAppEvent, type IpcOptions } from './ipc';
import { acquireDataDirLock, type DataDirLock } from '../backend/store/data-dir-lock';
import { DATABASE_FILE } from '../backend/data-dir';
import { readConnectionSettings } from '../backend/office-client/connection-settings';
import { callConnectionMethod } from '../backend/office-client/connection-methods';
import { createOfficeClient, type OfficeClient } from '../backend/office-client/office-client';
import type { ConnectionSettings } from '../../shared/api/schemas/connection';
import { startMaintenance } from '../backend/maintenance';
import { pruneOldPdfs } from './open-pdf';
import { registerAppSchemeAsPrivileged, serveRendererBundle } from './protocol';
import { denyAllPermissions, installWebContentsPolicy } from './security';
import { createMainWindow } from './window';

const APP_ID = 'vn.gov.licencedesk';
const DIALOG_TITLE = 'LicenceDesk — không khởi động được';
const GENERIC_STARTUP_MESSAGE =
  'Không khởi động được LicenceDesk do lỗi hệ thống. ' +
  'Vui lòng liên hệ quản trị viên; chi tiết đã được ghi vào nhật ký.';

// Same default as the web edition and the CLI, so all three open the same database.
const defaultDataDir = platformDataDir();
const dataDir = resolveDataDir(process.argv, process.env, defaultDataDir);
if (path.resolve(dataDir) !== path.resolve(defaultDataDir)) {
  // Chromium's profile (and with it the single-instance lock) follows the data folder: one instance per
  // database, so a test run on a temp --data folder neither collides with nor focuses the clerk's app.
  const key = crypto.createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  app.setPath('userData', path.join(app.getPath('userData'), 'profiles', key));
}
const log = createLog(dataDir);

registerAppSchemeAsPrivileged(); // must happen before 'ready'

if (!app.requestSingleInstanceLock()) {
  // A second start focuses the first (see 'second-instance') and never opens the database a second time.
  app.quit();
} else {
  run();
}

function run(): void {
  let backend: Backend | null = null;
  let dataDirLock: DataDirLock | null = null;
  let stopBackups: () => void = () => undefined;
  let officeClient: OfficeClient | null = null;
  let mainWindow: BrowserWindow | null = null;

  installWebContentsPolicy(log);
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    stopBackups();
    officeClient?.close();
    officeClient = null;
    const closing = backend;
    backend = null;
    if (closing === null) {
      dataDirLock?.release();
      dataDirLock = null;
      return;
    }
    // Closing the store is async (it waits for a transaction in flight, then folds the WAL back): hold the
    // quit until it is done, then quit again with nothing left to close.
    event.preventDefault();
    closing
      .close()
      .catch((error: unknown) => log.error('backend close failed', { detail: String(error) }))
      .finally(() => {
        dataDirLock?.release();
        dataDirLock = null;
        app.quit();
      });
  });

  const openWindow = () => {
    mainWindow = createMainWindow({
      preloadPath: path.join(__dirname, 'preload.cjs'),
      devTools: !app.isPackaged,
      icon: existingFile(path.join(app.getAppPath(), 'resources', 'icons', 'icon.png')),
      log,
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app
    .whenReady()
    .then(async () => {
      denyAllPermissions(session.defaultSession, log);
      const settingsDir = app.getPath('userData');
      const connection: IpcOptions['connection'] = (method, input) =>
        callConnectionMethod(
          {
            dir: settingsDir,
            log,
            restart: () => {
              app.relaunch();
              app.exit(0);
            },
            current: () => chosenMode(settingsDir),
          },
          method,
          input,
        );
      const choice = chosenMode(settingsDir);
      serveRendererBundle(path.join(__dirname, '..', 'renderer'), log);
      const ipcBase = { connection, tempDir: app.getPath('temp'), log };
      if (choice === null) {
        // First start: the renderer shows "Dùng trên máy này" / "Kết nối máy chủ của cơ quan" and nothing else.
        registerIpc({
          ...ipcBase,
          callBackend: async () => ({ ok: false, error: { code: 'UNAVAILABLE', message: NOT_CHOSEN } }),
        });
        openWindow();
        return;
      }
      if (choice.mode === 'office') {
        // Client mode: every call goes to the office server over the pinned HTTPS link; no local store opens.
        const client = createOfficeClient({
          url: choice.url,
          fingerprint: choice.fingerprint,
          log,
          onEvent: sendAppEvent,
        });
        officeClient = client;
        registerIpc({ ...ipcBase, callBackend: forwardingCall(client) });
        openWindow();
        app.on('activate', () => {
          if (mainWindow === null) openWindow();
        });
        return;
      }
      let opened: Backend;
      try {
        // Also guards against a web edition or CLI server holding the same data folder.
        dataDirLock = acquireDataDirLock(dataDir, { edition: 'electron' });
        opened = await createBackend({
          dataDir,
          resourcesDir: path.join(app.getAppPath(), 'resources'),
          edition: 'electron',
          appVersion: app.getVersion(),
          log,
        });
      } catch (error) {
        dataDirLock?.release();
        failStartup(error);
        return;
      }
      backend = opened;
      registerIpc({ ...ipcBase, callBackend: localBackendCall(opened) });
      // Changes and job progress reach the window the same way they reach the office's browsers.
      opened.ctx.events.subscribe((message) => sendAppEvent(message.event));
      stopBackups = startMaintenance(opened.ctx);
      void pruneOldPdfs(pdfTempDir(app.getPath('temp')), Date.now());
      openWindow();
      app.on('activate', () => {
        if (mainWindow === null) openWindow();
      });
    })
    .catch(failStartup);
}

const NOT_CHOSEN = 'Hãy chọn cách dùng LicenceDesk trên máy này trước.';

/**
 * The saved first-run choice. A machine that already has a local database, or a start with an explicit
 * --data folder (tests, a second register), keeps working on its local store without being asked.
 */
function chosenMode(settingsDir: string): ConnectionSettings | null {
  const saved = readConnectionSettings(settingsDir);
  if (saved) return saved;
  const isExplicitData = path.resolve(dataDir) !== path.resolve(defaultDataDir);
  if (isExplicitData || fs.existsSync(path.join(dataDir, DATABASE_FILE))) return { mode: 'local' };
  return null;
}

/** Forwards a call to the office server and keeps the event stream on the renderer's current session. */
function forwardingCall(client: OfficeClient): IpcOptions['callBackend'] {
  return async (method, input, sessionToken) => {
    client.followSession(sessionToken);
    const reply = await client.invoke(method, input, sessionToken);
    if (method === 'auth.logout') client.followSession(null);
    if (method === 'auth.login' && reply.ok)
      client.followSession((reply.data as { sessionToken: string }).sessionToken);
    return reply;
  };
}

/**
 * The database could not be opened (newer version, corrupt, read-only, locked, network path …): say why in
 * Vietnamese and quit. Nothing is retried, repaired or created — the file is left exactly as found.
 */
function failStartup(error: unknown): void {
  if (error instanceof StartupError) {
    log.error('startup refused', { code: error.code, detail: error.message });
    dialog.showErrorBox(DIALOG_TITLE, error.userMessage);
  } else {
    log.error('startup failed', {
      detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    dialog.showErrorBox(DIALOG_TITLE, GENERIC_STARTUP_MESSAGE);
  }
  app.exit(1);
}

function createLog(dir: string): Logger {
  try {
    return createFileLogger(dir, !app.isPackaged);
  } catch {
    // The data folder cannot even hold a log (read-only, missing drive): createBackend will report why.
    const write = (level: string, message: string, data?: Record<string, unknown>) =>
      process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), level, message, ...data })}\n`);
    return {
      info: (m, d) => write('info', m, d),
      warn: (m, d) => write('warn', m, d),
      error: (m, d) => write('error', m, d),
    };
  }
}

function existingFile(filePath: string): string | undefined {
  return fs.existsSync(filePath) ? filePath : undefined;
}
