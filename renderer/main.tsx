/**
 * The renderer's entry: connects to the host's services, sets up the UI
 * language, the editor store and commands, starts the extensions, shows the
 * window's edition and composes it once fonts and the shaper are loaded.
 */
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { extensions } from 'folio:extensions';
import type { OpenDocument } from '../shared/services/api';
import type { DisplayList } from '../shared/layout/display-list';
import { isCommandId } from '../shared/services/commands';
import { resolveLanguage, translate } from '../shared/services/locales';
import { registerFontFace, registerUiFace } from './canvas/font-faces';
import { setupI18n } from './i18n/setup';
import { createBrowserComposer } from './layout/browser-composer';
import { applyEditionOperation } from './layout/operations';
import { connectServices } from './services/transport';
import { App } from './shell/App';
import { registerAppCommands } from './shell/app-commands';
import { CommandRegistry } from './shell/command-registry';
import { Prompts } from './shell/prompts';
import { EditorStore } from './state/editor-store';
import { EditorContext } from './state/use-editor';
import { fileDropHandler } from './shell/file-drop';
import { syncWithHost } from './shell/host-sync';

async function start(): Promise<void> {
  const { services, bridge } = connectServices();
  const [info, preferences] = await Promise.all([services['app.info']({}), services['preferences.get']({})]);
  // Fetch and compile the shaper while the edition loads.
  const composerReady = createBrowserComposer(info);
  composerReady.catch(() => undefined);
  // Electron's menu resolves System with app.getLocale(); the window follows the same, so both agree.
  const systemLanguage =
    info.host === 'electron' ? info.systemLanguage : navigator.language || info.systemLanguage;
  let languagePreference = preferences.language;
  const i18n = await setupI18n(resolveLanguage(languagePreference, systemLanguage));
  document.documentElement.lang = i18n.language;

  const store = new EditorStore(applyEditionOperation);
  store.setView({ units: preferences.units });
  const commands = new CommandRegistry();
  const prompts = new Prompts();
  const show = (opened: OpenDocument) =>
    store.load(
      { documentId: opened.documentId, path: opened.path, title: opened.title },
      opened.edition,
      opened.dirty,
    );

  registerAppCommands({ store, commands, services, info, prompts, i18n, show });
  for (const extension of extensions) extension.activate?.({ store, commands, services, info, prompts });
  syncWithHost({ store, commands, services, bridge, i18n });
  if (bridge) bridge.onCommand((command) => isCommandId(command) && void commands.run(command));
  fileDropHandler({ bridge, services, prompts, show });

  const current = await services['edition.current']({});
  // A shared edition the newsroom extension showed meanwhile (from its local copy) stays shown.
  if (current && !store.getState().document) show(current);

  const root = createRoot(document.getElementById('root')!);
  const render = () =>
    root.render(
      <I18nextProvider i18n={i18n}>
        <EditorContext.Provider value={store}>
          <App
            info={info}
            services={services}
            commands={commands}
            prompts={prompts}
            extensions={extensions}
            paint={{
              lang: store.getState().edition?.meta.language ?? 'zh-Hans',
              assetUrl: (assetId, widthPx) =>
                `${info.assetBaseUrl}${store.getState().document?.documentId}/${assetId}${info.resourceQuery}${info.resourceQuery ? '&' : '?'}w=${widthPx}`,
            }}
            language={languagePreference}
            onLanguage={(language) => {
              languagePreference = language;
              void i18n.changeLanguage(resolveLanguage(language, systemLanguage));
              document.documentElement.lang = i18n.language;
              void services['preferences.set']({ language }).catch(() => undefined);
              render();
            }}
            onOpenRecent={(path) =>
              void services['edition.open']({ path }).then(
                (opened) => opened && show(opened),
                (error: Error) => prompts.notify(error, 'error'),
              )
            }
          />
        </EditorContext.Provider>
      </I18nextProvider>,
    );
  render();

  try {
    const composer = await composerReady;
    // Paint only with faces registered from the very bytes the composer measured.
    const registerFacesOf = async (list: DisplayList | null) => {
      if (!list) return;
      await Promise.all(
        Object.values(list.fonts).map((face) => {
          const bytes = composer.fontBytes(face.file);
          return bytes ? registerFontFace(face, bytes) : Promise.resolve();
        }),
      );
    };
    const registerFaces = () => registerFacesOf(store.getState().displayList);
    composer.onDetachedList = registerFacesOf;
    store.subscribe(() => void registerFaces());
    composer.onFontsLoaded = () => store.recompose();
    const edition = store.getState().edition;
    if (edition) await composer.prepare(edition);
    store.setComposer(composer);
    await registerFaces();
    await registerUiFace(composer);
    await document.fonts.ready;
    document.body.dataset.painted = 'true';
  } catch (error) {
    console.error(error);
    store.replaceEdition(store.getState().edition!, store.getState().dirty);
    prompts.notify({ key: 'app.composeFailed', values: { detail: (error as Error).message } }, 'error');
    document.body.dataset.painted = 'error';
  }
}

start().catch((error: unknown) => {
  console.error(error);
  const message = document.createElement('pre');
  message.className = 'fatal';
  // i18next may not be set up yet: the shared strings, in the system's language.
  message.textContent = translate(resolveLanguage('system', navigator.language), 'app.startFailed', {
    detail: (error as Error).message,
  });
  document.body.append(message);
});
