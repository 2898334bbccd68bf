/**
 * The Electron main process: lifecycle, windows, menus, dialogs, the
 * `folio://` protocol and the services over validated IPC.
 * Bundled to dist/main/electron-main.cjs by scripts/build.ts.
 */
import { app, dialog, ipcMain, Menu } from 'electron';
import { join, resolve } from 'node:path';
import { serviceMethods, type MethodName } from '../../shared/services/api';
import { channelOf } from '../../shared/services/channels';
import type { CommandId } from '../../shared/services/commands';
import { createDispatcher, ServiceRejection } from '../../shared/services/dispatcher';
import { resolveLanguage, translate, type MessageKey } from '../../shared/services/locales';
import { EditJournal } from '../journal/edit-journal';
import { DocumentRegistry } from '../services/documents';
import { editionBackend } from '../services/edition-backend';
import { createServiceHandlers, type ServiceContext } from '../services/handlers';
import { JsonFilePreferences, type PreferencesStore } from '../services/preferences';
import { bundledFontFolders, ResourceResolver } from '../services/resources';
import { nativeDialogs } from './dialogs';
import { createElectronPreferences } from './electron-preferences';
import { buildMenuTemplate } from './menu-template';
import { handleFolioProtocol, registerFolioScheme } from './protocol';
import { installSecurity, trustedSender } from './security';
import { preloadPathBeside, WindowManager } from './windows';
import { allowNewsroomServer } from './newsroom-access';
import { describeFailure } from '../services/user-errors';
import { FAILURE } from '../../shared/services/service-failure';

// A fresh profile for tests: `--user-data-dir=<dir>` (set before anything touches userData).
const userDataArg = process.argv.find((arg) => arg.startsWith('--user-data-dir='));
if (userDataArg) app.setPath('userData', resolve(userDataArg.slice('--user-data-dir='.length)));

// `--preferences=<file.json>` keeps preferences in a plain file (tests); electron-store otherwise.
const preferencesArg = process.argv.find((arg) => arg.startsWith('--preferences='));

registerFolioScheme();
app.enableSandbox();

/** Editions named on the command line (and by the OS on macOS through open-file). */
const pendingPaths = process.argv.slice(1).filter((arg) => arg.endsWith('.folio'));

if (!app.requestSingleInstanceLock()) app.quit();
else void app.whenReady().then(start);

async function start(): Promise<void> {
  const preferences: PreferencesStore = preferencesArg
    ? new JsonFilePreferences(resolve(preferencesArg.slice('--preferences='.length)))
    : await createElectronPreferences();
  const documents = new DocumentRegistry();
  const resources = new ResourceResolver(bundledFontFolders(), documents);
  const language = () => resolveLanguage(preferences.get().language, app.getLocale());
  const windows = new WindowManager(preloadPathBeside(__dirname), documents, preferences, language, () =>
    rebuildMenu(),
  );

  installSecurity();
  handleFolioProtocol(join(__dirname, '..', 'renderer'), resources);

  const handlers = createServiceHandlers({
    backend: editionBackend,
    documents,
    preferences,
    resources,
    // The journal lives in the user's data folder, never beside the user's own file.
    journal: new EditJournal({ dir: join(app.getPath('userData'), 'recovery') }),
    allowNewsroomServer,
    // Edits to a shared edition made while its server is away, kept until they reach it.
    newsroomOfflineDir: join(app.getPath('userData'), 'newsroom'),
    hooks: {
      info: (context) => ({
        host: 'electron',
        platform: process.platform,
        version: app.getVersion(),
        nativeDialogs: true,
        systemLanguage: app.getLocale(),
        fontBaseUrl: 'folio://fonts/',
        wasmUrl: 'folio://wasm/harfbuzz.wasm',
        assetBaseUrl: 'folio://assets/',
        resourceQuery: '',
        newsroom: context.newsroom ?? null,
      }),
      dialogs: nativeDialogs(() => windows.focused()?.window ?? null, language),
      present(record, context) {
        // An empty window takes the document; otherwise it gets a window of its own.
        if (context.documentId === null) return true;
        windows.open(record.id);
        return false;
      },
      setMenuState(context, states) {
        const record = windows.all().find((candidate) => candidate.context === context);
        if (record) record.states = states;
        rebuildMenu();
      },
      async close(_record, context) {
        const window = windows.all().find((candidate) => candidate.context === context);
        if (!window) return true;
        window.window.close();
        return false;
      },
    },
  });
  const dispatch = createDispatcher(handlers);

  // One handler per declared channel: anything else has no handler and is rejected by Electron.
  for (const name of Object.keys(serviceMethods) as MethodName[]) {
    ipcMain.handle(channelOf(name), async (event, payload: unknown) => {
      if (!trustedSender(event.senderFrame?.url)) throw new Error('IPC refused: untrusted sender');
      const record = windows.byContents(event.sender.id);
      if (!record) throw new Error('IPC refused: unknown window');
      let result: unknown;
      try {
        result = await dispatch(channelOf(name), payload, record.context);
      } catch (error) {
        // A refused message stays an error; a failed service call is answered with its failure,
        // key and values included, since IPC would carry only the message.
        if (error instanceof ServiceRejection) throw error;
        return { [FAILURE]: describeFailure(error) };
      }
      if (name === 'edition.setDirty') windows.dirtyChanged(record, (payload as { dirty: boolean }).dirty);
      if (name === 'preferences.set' || name.startsWith('recent.') || name.startsWith('edition.'))
        rebuildMenu();
      return result;
    });
  }

  /** Commands main runs without a renderer (no window needed). */
  async function runInMain(command: CommandId): Promise<boolean> {
    const context: ServiceContext = { documentId: null };
    if (command === 'help.about') {
      await dialog.showMessageBox({
        message: translate(language(), 'dialog.about', { version: app.getVersion() }),
      });
      return true;
    }
    if (windows.focused()) return false;
    if (command === 'file.open') await handlers['edition.open']({}, context);
    else if (command === 'file.new')
      await handlers['edition.newFromTemplate']({ template: 'sample' }, context);
    else if (command === 'file.import') await handlers['edition.import']({}, context);
    else return false;
    if (context.documentId) windows.open(context.documentId);
    return true;
  }

  function rebuildMenu(): void {
    const focused = windows.focused();
    const template = buildMenuTemplate({
      language: language(),
      platform: process.platform,
      recent: preferences.get().recentFiles,
      states: focused?.states ?? {},
      hasWindow: Boolean(focused),
      run: (command) => {
        void runInMain(command).then((handled) => {
          const target = windows.focused();
          if (!handled && target) windows.send(target, command);
        }, reportError);
      },
      openRecent: (path) => void openPath(path),
      clearRecent: () => {
        preferences.set({ recentFiles: [] });
        rebuildMenu();
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  function reportError(error: unknown): void {
    const { message, text } = describeFailure(error);
    const shown = text
      ? translate(language(), text.key as MessageKey, text.values)
      : translate(language(), 'error.internal', { detail: message });
    dialog.showErrorBox('Folio', shown);
  }

  async function openPath(path: string): Promise<void> {
    const context: ServiceContext = { documentId: null };
    try {
      await handlers['edition.open']({ path }, context);
      if (context.documentId) windows.open(context.documentId);
    } catch (error) {
      reportError(error);
    }
  }

  async function openSample(): Promise<void> {
    const context: ServiceContext = { documentId: null };
    try {
      await handlers['edition.newFromTemplate']({ template: 'sample' }, context);
      // The sample opens as a clean document: nothing of the user's is unsaved yet.
      if (context.documentId) documents.get(context.documentId).dirty = false;
    } catch (error) {
      reportError(error);
    }
    windows.open(context.documentId);
  }

  app.on('second-instance', (_event, argv) => {
    const paths = argv.filter((arg) => arg.endsWith('.folio'));
    if (paths.length === 0) windows.focused()?.window.focus();
    for (const path of paths) void openPath(resolve(path));
  });
  app.on('activate', () => {
    if (windows.all().length === 0) void openSample();
  });

  rebuildMenu();
  openWhenReady = (path) => void openPath(path);
  if (pendingPaths.length > 0) for (const path of pendingPaths.splice(0)) await openPath(resolve(path));
  else await openSample();
}

/** Set once the app is ready: opens an edition the OS hands over (Finder, the Dock). */
let openWhenReady: ((path: string) => void) | null = null;

app.on('open-file', (event, path) => {
  event.preventDefault();
  if (openWhenReady) openWhenReady(path);
  else pendingPaths.push(path);
});
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
