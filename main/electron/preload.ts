/**
 * The preload of the application window. Sandboxed: it can reach only contextBridge and ipcRenderer, and it
 * exposes exactly one object, `window.petitionDesk`, with `call` and `onEvent`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME } from '../../shared/bridge';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(BRIDGE_NAME, createBridge(ipcRenderer));
