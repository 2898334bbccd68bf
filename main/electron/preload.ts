/**
 * The sandboxed preload (bundled to CommonJS): exposes ONE object,
 * `window.folio`, and forwards only channels with the app prefix. Everything
 * else — validation, what a channel means — happens in main.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';

const PREFIX = 'folio:';
const COMMAND_EVENT = 'folio:command';

contextBridge.exposeInMainWorld('folio', {
  invoke(channel: unknown, payload: unknown): Promise<unknown> {
    if (typeof channel !== 'string' || !channel.startsWith(PREFIX) || channel === COMMAND_EVENT) {
      return Promise.reject(new Error(`refused channel ${String(channel).slice(0, 80)}`));
    }
    return ipcRenderer.invoke(channel, payload);
  },
  onCommand(listener: (command: string) => void): () => void {
    // Hand the renderer the command only, never the IPC event (it would expose ipcRenderer).
    const handler = (_event: unknown, command: unknown) => {
      if (typeof command === 'string') listener(command);
    };
    ipcRenderer.on(COMMAND_EVENT, handler);
    return () => ipcRenderer.removeListener(COMMAND_EVENT, handler);
  },
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
});
