// THE place that registers IPC (architecture.md §2; reliability.md 1-U1: a test fails if any other file
// registers a handler). One channel, 'api:invoke': sender check first, then
//   - method 'shell.openPdf' -> handled here in the main process (OS viewer; see open-pdf.ts), because the
//     bridge is fixed to invoke/on and gets no second function;
//   - anything else -> dispatch(), exactly like the web edition and the CLI.
import path from 'node:path';
import { BrowserWindow, ipcMain, shell } from 'electron';
import type { AppEvent } from '../../shared/api/events';
import type { Logger } from '../backend/context';
import { dispatch, type Backend } from '../backend/dispatch';
import type { Envelope } from '../../shared/api/errors';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../preload/ipc-channels';
import { isAppUrl } from './app-origin';
import { createInvokeHandler, type InvokeHandlerDeps } from './invoke-handler';
import { createOpenPdf } from './open-pdf';

export interface IpcOptions {
  /**
   * Where calls go: the local backend (dispatch), or in client mode the office server (office-client.ts), or
   * nowhere yet on the first start (every call refused until a mode is chosen).
   */
  callBackend: (method: string, input: unknown, sessionToken: string | null) => Promise<Envelope<unknown>>;
  connection: InvokeHandlerDeps['connection'];
  /** app.getPath('temp') */
  tempDir: string;
  log: Logger;
}

/** The local backend as the invoke target (single-PC mode). */
export function localBackendCall(backend: Backend): IpcOptions['callBackend'] {
  return (method, input, sessionToken) => dispatch(backend, method, input, { sessionToken });
}

export function pdfTempDir(tempDir: string): string {
  return path.join(tempDir, 'licence-desk');
}

export function registerIpc(options: IpcOptions): void {
  const handler = createInvokeHandler({
    // The login session token travels with each call; the backend resolves it to a user and checks roles.
    callBackend: options.callBackend,
    connection: options.connection,
    openPdf: createOpenPdf({
      baseDir: pdfTempDir(options.tempDir),
      openPath: (filePath) => shell.openPath(filePath),
      log: options.log,
    }),
    log: options.log,
  });
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown, sessionToken: unknown) =>
    handler(event, method, input, sessionToken),
  );
}

/**
 * Pushes a backend event to every window showing our own page (never to a window that somehow shows
 * something else). The preload hands listeners the payload only.
 */
export function sendAppEvent(event: AppEvent): void {
  for (const window of BrowserWindow.getAllWindows()) {
    const contents = window.webContents;
    if (contents.isDestroyed() || !isAppUrl(contents.getURL())) continue;
    contents.send(EVENT_CHANNEL, { type: event.type, payload: event.payload });
  }
}
