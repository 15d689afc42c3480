// The Electron security policy (reliability.md §1.1) applied to every session and every webContents.
import { app, shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../backend/context';
import { isAppUrl } from './app-origin';
import { isAllowedExternalUrl } from './external-links';

/** Call before 'ready': every webContents ever created gets the navigation/pop-up/webview policy. */
export function installWebContentsPolicy(log: Logger): void {
  // Checklist 4, belt and braces: forces the sandbox on every renderer, whatever its webPreferences say.
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
}

function hardenWebContents(contents: WebContents, log: Logger): void {
  // Checklist 13: the app is one page; the main frame never navigates anywhere (loadURL is programmatic
  // and does not emit this event).
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    log.warn('navigation blocked', { url: event.url.slice(0, 300) });
  });
  // Subframes (a PDF preview iframe) may show only our own pages, blob: and about:blank.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || !isAllowedSubframeUrl(event.url)) {
      event.preventDefault();
      log.warn('frame navigation blocked', { url: event.url.slice(0, 300), isMainFrame: event.isMainFrame });
    }
  });
  // Checklist 14: no new windows, ever. An allow-listed URL (none yet) goes to the OS browser instead.
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalIfAllowed(url, log);
    return { action: 'deny' };
  });
  // Checklist 11/12: webviewTag is off; refuse any attempt anyway.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview blocked');
  });
}

function isAllowedSubframeUrl(url: string): boolean {
  return (
    isAppUrl(url) || url.startsWith('blob:app://bundle/') || url === 'about:blank' || url === 'about:srcdoc'
  );
}

/** Checklist 5: deny every permission request and check (camera, notifications, clipboard-read, HID …). */
export function denyAllPermissions(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('permission request denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Checklist 15: the one way to open a URL in the OS browser. Exact allow-list match (external-links.ts). */
export async function openExternalIfAllowed(url: string, log: Logger): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) {
    log.warn('external URL refused', { url: String(url).slice(0, 300) });
    return false;
  }
  await shell.openExternal(url);
  return true;
}
