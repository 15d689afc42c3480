// Runs sandboxed (sandbox: true), bundled to dist/electron/preload.cjs with 'electron' external: it may only
// require('electron') for contextBridge and ipcRenderer. It exposes window.licenceDesk and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../../shared/api/bridge';
import { createBridge } from './create-bridge';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge(ipcRenderer));
