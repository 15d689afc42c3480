// The renderer's webPreferences, in one Electron-free place (type-only import) so a unit test pins them and
// the Playwright spec checks the live values (reliability.md 1-E1).
import type { WebPreferences } from 'electron';

export function secureWebPreferences(options: { preloadPath: string; devTools: boolean }): WebPreferences {
  return {
    preload: options.preloadPath,
    contextIsolation: true, // checklist 3
    sandbox: true, // checklist 4: the preload is one bundled CJS file that only needs contextBridge/ipcRenderer
    nodeIntegration: false, // checklist 2
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true, // checklist 6
    allowRunningInsecureContent: false, // checklist 8
    experimentalFeatures: false, // checklist 9
    webviewTag: false, // checklist 11
    navigateOnDragDrop: false, // a PDF dropped on the window must not replace the app
    spellcheck: false, // the Vietnamese dictionary is not bundled, and it would mark every name
    safeDialogs: true,
    // The packaged app has no DevTools: a clerk's machine is not where the renderer is debugged.
    devTools: options.devTools,
  };
}
