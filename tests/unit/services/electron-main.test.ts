/**
 * The Electron main process as bundled (dist/main/electron-main.cjs), run
 * against a stand-in for the `electron` module, since the Electron binary
 * cannot be installed here. It checks what Electron's security checklist
 * asks and what the app promises: the window's web preferences, the
 * folio:// protocol, every permission denied, no network, navigation and
 * new windows blocked, IPC only on the declared channels from the app's own
 * page, and the native menu.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceMethods } from '../../../shared/services/api';
import { buildMain, MAIN_OUT } from '../../../scripts/build';

type Handler = (...args: never[]) => unknown;

interface FakeWindow {
  id: number;
  options: { webPreferences: Record<string, unknown> };
  url: string | null;
  webContents: { id: number; sent: unknown[][] };
}

/** Records what the main process asks of Electron. */
function fakeElectron(userData: string) {
  const calls = {
    schemes: [] as unknown[],
    protocolHandler: null as null | ((request: Request) => Promise<Response>),
    ipc: new Map<string, Handler>(),
    appEvents: new Map<string, Handler>(),
    permissionRequest: null as null | Handler,
    permissionCheck: null as null | Handler,
    beforeRequest: null as null | { filter: { urls: string[] }; listener: Handler },
    menu: null as null | { label?: string; role?: string }[],
    windows: [] as FakeWindow[],
    errors: [] as string[],
  };
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  class BrowserWindow {
    static getFocusedWindow = () => null;
    static getAllWindows = () => calls.windows;
    id: number;
    url: string | null = null;
    webContents: { id: number; sent: unknown[][]; send: (...args: unknown[]) => void };
    constructor(readonly options: FakeWindow['options']) {
      this.id = calls.windows.length + 1;
      this.webContents = { id: 100 + this.id, sent: [], send: (...args) => this.webContents.sent.push(args) };
      calls.windows.push(this as unknown as FakeWindow);
    }
    once() {}
    on() {}
    show() {}
    focus() {}
    maximize() {}
    close() {}
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1200, height: 800 });
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
  }
  const electron = {
    app: {
      setPath: () => undefined,
      enableSandbox: () => undefined,
      requestSingleInstanceLock: () => true,
      whenReady: () => whenReady,
      on: (event: string, handler: Handler) => calls.appEvents.set(event, handler),
      getPath: () => userData,
      getLocale: () => 'zh-CN',
      getVersion: () => '0.1.0',
      quit: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => calls.schemes.push(...schemes),
      handle: (_scheme: string, handler: (request: Request) => Promise<Response>) =>
        (calls.protocolHandler = handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Handler) => (calls.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Handler) => (calls.permissionCheck = handler),
        setDevicePermissionHandler: () => undefined,
        webRequest: {
          onBeforeRequest: (filter: { urls: string[] }, listener: Handler) =>
            (calls.beforeRequest = { filter, listener }),
        },
      },
    },
    ipcMain: { handle: (channel: string, handler: Handler) => calls.ipc.set(channel, handler) },
    Menu: {
      buildFromTemplate: (template: { label?: string; role?: string }[]) => template,
      setApplicationMenu: (menu: { label?: string; role?: string }[]) => (calls.menu = menu),
    },
    BrowserWindow,
    dialog: {
      showErrorBox: (_title: string, message: string) => calls.errors.push(message),
      showMessageBox: async () => ({ response: 2 }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    screen: { getPrimaryDisplay: () => ({ workAreaSize: { width: 1920, height: 1080 } }) },
  };
  return { electron, calls, ready: () => ready() };
}

describe('the Electron main process (bundled, with Electron stood in)', () => {
  const userData = mkdtempSync(join(tmpdir(), 'folio-electron-main-'));
  const fake = fakeElectron(userData);
  const { calls } = fake;

  beforeAll(async () => {
    await buildMain({ quiet: true });
    const bundle = join(MAIN_OUT, 'electron-main.cjs');
    const realRequire = createRequire(bundle);
    const argv = process.argv;
    process.argv = [argv[0], bundle, `--preferences=${join(userData, 'preferences.json')}`];
    try {
      const wrapper = runInThisContext(
        `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`,
      ) as (...args: unknown[]) => void;
      const module = { exports: {} };
      wrapper(
        module.exports,
        (name: string) => (name === 'electron' ? fake.electron : realRequire(name)),
        module,
        bundle,
        dirname(bundle),
      );
    } finally {
      process.argv = argv;
    }
    fake.ready();
    // The sample edition opens in the first window.
    for (let wait = 0; wait < 600 && calls.windows.length === 0; wait++)
      await new Promise((resolve) => setTimeout(resolve, 50));
  });

  it('opens the sample in a window with contextIsolation, sandbox and no Node', () => {
    expect(calls.errors).toEqual([]);
    expect(calls.windows).toHaveLength(1);
    const [window] = calls.windows;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
    expect(String(window.options.webPreferences.preload)).toMatch(/preload\.cjs$/);
    expect(window.url).toBe('folio://app/index.html');
  });

  it('serves the app and fonts through folio:// with a strict CSP, and nothing outside them', async () => {
    expect(calls.schemes).toEqual([
      expect.objectContaining({
        scheme: 'folio',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    const get = (url: string) => calls.protocolHandler!(new Request(url));
    const page = await get('folio://app/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:/);
    expect((await get('folio://fonts/NotoSerifSC_400Regular.ttf')).status).toBe(200);
    for (const url of [
      'folio://fonts/..%2F..%2Fpackage.json',
      'folio://app/package.json',
      'folio://app/..%2F..%2Fpackage.json',
      'folio://assets/x/..%2F..%2Fpackage.json',
      'folio://elsewhere/index.html',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
  });

  it('denies every permission and cancels every request to the network', () => {
    let granted: boolean | null = null;
    (calls.permissionRequest as unknown as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(
      null,
      'media',
      (ok) => (granted = ok),
    );
    expect(granted).toBe(false);
    expect((calls.permissionCheck as unknown as () => boolean)()).toBe(false);
    expect(calls.beforeRequest!.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    let answer: unknown = null;
    (calls.beforeRequest!.listener as unknown as (d: unknown, cb: (r: unknown) => void) => void)(
      { url: 'https://example.com' },
      (r) => (answer = r),
    );
    expect(answer).toEqual({ cancel: true });
  });

  it('blocks navigation away from the app, redirects, webviews and new windows', () => {
    const events = new Map<string, Handler>();
    let openHandler: Handler | null = null;
    const contents = {
      on: (event: string, handler: Handler) => events.set(event, handler),
      setWindowOpenHandler: (handler: Handler) => (openHandler = handler),
    };
    (calls.appEvents.get('web-contents-created') as unknown as (e: unknown, c: unknown) => void)(
      {},
      contents,
    );
    const tryEvent = (name: string, url?: string) => {
      let prevented = false;
      (events.get(name) as unknown as (e: unknown, u?: string) => void)(
        { preventDefault: () => (prevented = true) },
        url,
      );
      return prevented;
    };
    expect(tryEvent('will-navigate', 'https://example.com/')).toBe(true);
    expect(tryEvent('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(tryEvent('will-navigate', 'folio://app/index.html')).toBe(false);
    expect(tryEvent('will-redirect', 'https://example.com/')).toBe(true);
    expect(tryEvent('will-attach-webview')).toBe(true);
    expect((openHandler as unknown as () => unknown)()).toEqual({ action: 'deny' });
  });

  it('handles IPC only on the declared channels, only from the app’s own page', async () => {
    const declared = Object.keys(serviceMethods).map((name) => `folio:${name}`);
    expect([...calls.ipc.keys()].sort()).toEqual(declared.sort());
    const info = calls.ipc.get('folio:app.info') as unknown as (
      event: unknown,
      payload: unknown,
    ) => Promise<unknown>;
    const window = calls.windows[0];
    const from = (url: string, id = window.webContents.id) => ({ senderFrame: { url }, sender: { id } });
    await expect(info(from('https://evil.example/'), {})).rejects.toThrow(/untrusted sender/);
    await expect(info(from('folio://app/index.html', 999), {})).rejects.toThrow(/unknown window/);
    await expect(info(from('folio://app/index.html'), { unexpected: true })).rejects.toThrow(
      /invalid arguments/,
    );
    expect(await info(from('folio://app/index.html'), {})).toMatchObject({
      host: 'electron',
      nativeDialogs: true,
      fontBaseUrl: 'folio://fonts/',
    });
    const current = calls.ipc.get('folio:edition.current') as unknown as (
      event: unknown,
      payload: unknown,
    ) => Promise<{ title: string } | null>;
    expect((await current(from('folio://app/index.html'), {}))?.title).toBeTruthy();
  });

  it('builds the native menu in the system language (Chinese here)', () => {
    expect(calls.menu!.map((menu) => menu.label ?? menu.role)).toEqual([
      '文件',
      '编辑',
      '视图',
      '排版',
      '审校',
      '窗口',
      '帮助',
    ]);
  });

  it('rebuilds the native menu in the language the user switches to, and back to the system’s', async () => {
    const window = calls.windows[0];
    const from = { senderFrame: { url: 'folio://app/index.html' }, sender: { id: window.webContents.id } };
    const set = calls.ipc.get('folio:preferences.set') as unknown as (
      e: unknown,
      p: unknown,
    ) => Promise<unknown>;
    await set(from, { language: 'en' });
    expect(calls.menu!.map((menu) => menu.label ?? menu.role)).toEqual([
      'File',
      'Edit',
      'View',
      'Layout',
      'Review',
      'Window',
      'Help',
    ]);
    await set(from, { language: 'system' });
    expect(calls.menu!.map((menu) => menu.label)).toEqual([
      '文件',
      '编辑',
      '视图',
      '排版',
      '审校',
      '窗口',
      '帮助',
    ]);
  });

  it('answers a failed service call with the problem as a message key, for the UI language', async () => {
    const window = calls.windows[0];
    const from = { senderFrame: { url: 'folio://app/index.html' }, sender: { id: window.webContents.id } };
    const open = calls.ipc.get('folio:edition.open') as unknown as (
      e: unknown,
      p: unknown,
    ) => Promise<unknown>;
    const missing = join(userData, 'missing.folio');
    expect(await open(from, { path: missing })).toEqual({
      'folio:failure': {
        message: expect.stringContaining(missing),
        text: { key: 'error.file.not-found', values: { file: missing } },
      },
    });
  });
});
