/**
 * The preload as Electron runs it: bundled to CommonJS, given a stand-in for
 * the `electron` module. It must expose exactly one object and forward only
 * channels with the app prefix.
 */
import { build } from 'esbuild';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

interface Bridge {
  invoke(channel: unknown, payload: unknown): Promise<unknown>;
  onCommand(listener: (command: string) => void): () => void;
}

describe('the sandboxed preload', () => {
  const exposed: Record<string, unknown> = {};
  const invoked: [string, unknown][] = [];
  const listeners = new Map<string, (event: unknown, value: unknown) => void>();

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [join(import.meta.dirname, '..', '..', '..', 'main', 'electron', 'preload.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
    });
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
      ipcRenderer: {
        invoke: async (channel: string, payload: unknown) => {
          invoked.push([channel, payload]);
          return 'answer';
        },
        on: (channel: string, listener: (event: unknown, value: unknown) => void) =>
          listeners.set(channel, listener),
        removeListener: (channel: string) => listeners.delete(channel),
      },
      webUtils: { getPathForFile: () => '/dropped/file.folio' },
    };
    const module = { exports: {} };
    runInNewContext(bundle.outputFiles[0].text, {
      require: (name: string) => {
        if (name !== 'electron') throw new Error(`the preload may not require ${name}`);
        return electron;
      },
      module,
      exports: module.exports,
    });
  });

  it('exposes one object, window.folio', () => {
    expect(Object.keys(exposed)).toEqual(['folio']);
    expect(Object.keys(exposed.folio as object).sort()).toEqual(['invoke', 'onCommand', 'pathForFile']);
  });

  it('forwards prefixed channels and refuses everything else', async () => {
    const bridge = exposed.folio as Bridge;
    expect(await bridge.invoke('folio:app.info', {})).toBe('answer');
    await expect(bridge.invoke('ELECTRON_BROWSER_REQUIRE', {})).rejects.toThrow(/refused/);
    await expect(bridge.invoke('app.info', {})).rejects.toThrow(/refused/);
    await expect(bridge.invoke({ toString: () => 'folio:x' }, {})).rejects.toThrow(/refused/);
    await expect(bridge.invoke('folio:command', {})).rejects.toThrow(/refused/);
    expect(invoked).toEqual([['folio:app.info', {}]]);
  });

  it('hands menu commands to the renderer without the IPC event', () => {
    const bridge = exposed.folio as Bridge;
    const received: unknown[] = [];
    const stop = bridge.onCommand((...args: unknown[]) => received.push(args));
    listeners.get('folio:command')!({ sender: 'ipcRenderer' }, 'view.zoomIn');
    expect(received).toEqual([['view.zoomIn']]);
    stop();
    expect(listeners.has('folio:command')).toBe(false);
  });
});
