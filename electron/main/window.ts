import { BrowserWindow } from 'electron';
import type { Logger } from '../backend/context';
import { APP_ENTRY_URL } from './app-origin';
import { secureWebPreferences } from './web-preferences';

export interface MainWindowOptions {
  preloadPath: string;
  devTools: boolean;
  icon?: string;
  log: Logger;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'LicenceDesk',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences({ preloadPath: options.preloadPath, devTools: options.devTools }),
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (isMainFrame) options.log.error('renderer failed to load', { code, description, url });
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    options.log.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode });
  });
  void window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    options.log.error('loadURL failed', { detail: String(error) });
  });
  return window;
}
