/**
 * The app shell: menu bar (browser host only; Electron has the native
 * menu), pages panel on the left, the page canvas in the middle with the
 * extensions' overlays, properties and the extensions' right-hand panels
 * (the story editor) on the right, the status bar below.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolioServices, HostInfo } from '../../shared/services/api';
import { PageCanvas } from '../canvas/PageCanvas';
import { PaintContextValue, type PaintContext } from '../canvas/paint-context';
import { PagesPanel } from '../panels/PagesPanel';
import { PropertiesPanel } from '../panels/PropertiesPanel';
import { useEditor, useEditorStore } from '../state/use-editor';
import type { Units } from '../state/view';
import type { CommandRegistry } from './command-registry';
import type { ShellExtension } from './extensions';
import { MenuBar, useMenuShortcuts } from './MenuBar';
import { PromptLayer, type Prompts } from './prompts';
import { StatusBar } from './StatusBar';

interface AppProps {
  info: HostInfo;
  services: FolioServices;
  commands: CommandRegistry;
  prompts: Prompts;
  extensions: ShellExtension[];
  paint: PaintContext;
  language: 'system' | 'zh-Hans' | 'en';
  onLanguage(language: 'system' | 'zh-Hans' | 'en'): void;
  onOpenRecent(path: string): void;
}

/** The body text size of the edition (one 字 on rulers), from its body role style. */
function useBodySize(): number {
  return useEditor((state) => {
    const styles = state.edition?.styles;
    const id = styles?.roleStyles.body;
    return (id && styles?.paragraph[id]?.fontSize) || 10.5;
  });
}

export function App({
  info,
  services,
  commands,
  prompts,
  extensions,
  paint,
  language,
  onLanguage,
  onOpenRecent,
}: AppProps) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const title = useEditor((state) => state.document?.title);
  const dirty = useEditor((state) => state.dirty);
  const error = useEditor((state) => state.error);
  const ready = useEditor((state) => state.displayList !== null);
  const bodySize = useBodySize();
  const [recent, setRecent] = useState<string[]>([]);
  const native = info.host === 'electron';

  useMenuShortcuts(commands, native ? 'none' : info.platform);
  useEffect(() => {
    document.title = `${dirty ? '• ' : ''}${title ?? t('app.untitled')} — Folio`;
  }, [title, dirty, t]);
  useEffect(() => {
    if (!native) void services['recent.list']({}).then(setRecent, () => undefined);
  }, [services, native, title]);

  const overlays = extensions.flatMap((extension) =>
    extension.CanvasOverlay ? [extension.CanvasOverlay] : [],
  );
  const badges = extensions.flatMap((extension) => (extension.PageBadge ? [extension.PageBadge] : []));
  return (
    <div className={native ? 'app native' : 'app'} data-testid="app" data-ready={ready || undefined}>
      {native ? null : (
        <MenuBar commands={commands} platform={info.platform} recent={recent} onOpenRecent={onOpenRecent} />
      )}
      <div className="workspace">
        <aside className="left-panels">
          <PagesPanel badges={badges} />
        </aside>
        <main className="center">
          {error ? (
            <div className="banner-error" role="alert" data-testid="app-error">
              {error}
            </div>
          ) : null}
          {extensions.map((extension) =>
            extension.Banner ? <extension.Banner key={extension.id} store={store} /> : null,
          )}
          {!ready && !error ? <div className="loading">{t('app.loading')}</div> : null}
          <PageCanvas paint={paint} overlays={overlays} bodySize={bodySize} />
          {/* Center views paint pages too (a comparison of proof rounds): the canvas's paint context. */}
          <PaintContextValue.Provider value={paint}>
            {extensions.map((extension) =>
              extension.CenterView ? <extension.CenterView key={extension.id} store={store} /> : null,
            )}
          </PaintContextValue.Provider>
        </main>
        <aside className="right-panels" data-testid="right-panels">
          <PropertiesPanel bodySize={bodySize} />
          {extensions.map((extension) =>
            extension.RightPanel ? (
              <section key={extension.id} className="panel extension-panel">
                <extension.RightPanel store={store} />
              </section>
            ) : null,
          )}
        </aside>
      </div>
      <StatusBar
        commands={commands}
        language={language}
        onLanguage={onLanguage}
        onUnits={(units: Units) => void services['preferences.set']({ units }).catch(() => undefined)}
      >
        {extensions.map((extension) =>
          extension.StatusItem ? <extension.StatusItem key={extension.id} store={store} /> : null,
        )}
      </StatusBar>
      <PromptLayer prompts={prompts} />
    </div>
  );
}
