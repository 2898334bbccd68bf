/**
 * The shell's own commands: files (through the host's services), the view
 * and help. Undo and redo belong to the editing actions, which register
 * them as an extension.
 */
import type { i18n } from 'i18next';
import type { FolioServices, HostInfo, OpenDocument } from '../../shared/services/api';
import { APP_MENU, formatAccelerator, type CommandItem } from '../../shared/services/commands';
import type { Edition } from '../../shared/model/types';
import type { EditorStore } from '../state/editor-store';
import { ACTUAL_SIZE, stepZoom, type ViewState } from '../state/view';
import type { CommandRegistry, CommandStateView } from './command-registry';
import type { Prompts } from './prompts';
import { LocalizedError } from '../../shared/services/locales/localized-error';
import { findingText } from '../../shared/preflight/finding-text';
import { uiLanguage } from '../i18n/ui-text';

interface AppCommandDeps {
  store: EditorStore;
  commands: CommandRegistry;
  services: FolioServices;
  info: HostInfo;
  prompts: Prompts;
  i18n: i18n;
  /** Shows a document the host opened. */
  show(document: OpenDocument): void;
}

export function registerAppCommands(deps: AppCommandDeps): void {
  const { store, commands, services, info, prompts } = deps;
  const hasDocument = (): CommandStateView =>
    store.getState().document ? { enabled: true } : { enabled: false, reason: 'reason.noDocument' };

  /** Native dialogs decide in the host; otherwise the UI asks for a path first. */
  async function pathFor(titleKey: string, defaultPath: string): Promise<string | undefined | null> {
    if (info.nativeDialogs) return undefined;
    return prompts.askPath({ key: titleKey }, defaultPath);
  }

  function current(): { documentId: string; edition: Edition; path: string | null } {
    const { document, edition } = store.getState();
    if (!document || !edition) throw new LocalizedError('error.noEdition');
    return { documentId: document.documentId, edition, path: document.path };
  }

  /** Runs a file command; failures become one notice the user can read. */
  const guarded = (run: () => Promise<void>) => async () => {
    try {
      await run();
    } catch (error) {
      prompts.notify(error as Error, 'error');
    }
  };

  const siblingPath = (path: string | null, extension: string) =>
    path ? path.replace(/\.[^./\\]+$/, '') + extension : `edition${extension}`;

  commands.register('file.new', {
    run: guarded(async () => {
      const created = await services['edition.newFromTemplate']({ template: 'sample' });
      if (created) deps.show(created);
    }),
  });
  commands.register('file.open', {
    run: guarded(async () => {
      const path = await pathFor('command.file.open', '');
      if (path === null) return;
      const opened = await services['edition.open']({ path: path || undefined });
      if (opened) deps.show(opened);
    }),
  });
  commands.register('file.save', {
    state: hasDocument,
    run: guarded(async () => {
      const doc = current();
      const path = doc.path ? undefined : await pathFor('command.file.save', siblingPath(null, '.folio'));
      if (path === null) return;
      const saved = path
        ? await services['edition.saveAs']({ documentId: doc.documentId, edition: doc.edition, path })
        : // The save arguments are strict: the document's path is the host's to know, not ours to send.
          await services['edition.save']({ documentId: doc.documentId, edition: doc.edition });
      if (saved) {
        store.markSaved(saved.path, doc.edition);
        prompts.notify({ key: 'dialog.saved', values: { path: saved.path } });
      }
    }),
  });
  commands.register('file.saveAs', {
    state: hasDocument,
    run: guarded(async () => {
      const doc = current();
      const path = await pathFor('command.file.saveAs', siblingPath(doc.path, '.folio'));
      if (path === null) return;
      const saved = await services['edition.saveAs']({
        documentId: doc.documentId,
        edition: doc.edition,
        path: path || undefined,
      });
      if (saved) {
        store.markSaved(saved.path, doc.edition);
        prompts.notify({ key: 'dialog.saved', values: { path: saved.path } });
      }
    }),
  });
  commands.register('file.import', {
    run: guarded(async () => {
      const path = await pathFor('command.file.import', '');
      if (path === null) return;
      const opened = await services['edition.import']({ path: path || undefined });
      if (opened) deps.show(opened);
    }),
  });
  commands.register('file.exportPdf', {
    state: hasDocument,
    run: guarded(async () => {
      const doc = current();
      const path = await pathFor('command.file.exportPdf', siblingPath(doc.path, '.pdf'));
      if (path === null) return;
      const written = await services['edition.exportPdf']({
        documentId: doc.documentId,
        edition: doc.edition,
        path: path || undefined,
      });
      if (written)
        prompts.notify({ key: 'dialog.exported', values: { count: written.pages, path: written.path } });
    }),
  });
  commands.register('file.preflight', {
    state: hasDocument,
    run: guarded(async () => {
      const { documentId, edition } = current();
      const { problems } = await services['edition.preflight']({ documentId, edition });
      if (problems.length === 0) prompts.notify({ key: 'dialog.preflightOk' });
      else {
        prompts.notify({ key: 'dialog.preflightProblems', values: { count: problems.length } }, 'error');
        for (const problem of problems.slice(0, 5)) {
          const { detail } = problem;
          const shown = detail
            ? (instance: i18n) =>
                findingText(
                  {
                    pageNumber: problem.pageIndex === null ? null : problem.pageIndex + 1,
                    frameId: problem.frameId,
                    frameName: problem.frameName ?? null,
                    detail,
                  },
                  uiLanguage(instance),
                )
            : problem.message;
          prompts.notify(shown, problem.severity === 'error' ? 'error' : 'info');
        }
      }
    }),
  });
  commands.register('file.close', {
    state: hasDocument,
    run: guarded(async () => {
      const { documentId } = current();
      const { closed } = await services['edition.close']({ documentId });
      if (closed && !info.nativeDialogs) window.close();
    }),
  });

  // Clipboard commands: the focused text field or editor does the work.
  for (const [id, name] of [
    ['edit.cut', 'cut'],
    ['edit.copy', 'copy'],
    ['edit.paste', 'paste'],
    ['edit.selectAll', 'selectAll'],
  ] as const) {
    commands.register(id, { run: () => void document.execCommand(name) });
  }

  const view = () => store.getState().view;
  const setScale = (scale: number) => store.setView({ scale, fit: false });
  commands.register('view.zoomIn', { run: () => setScale(stepZoom(view().scale, 1)) });
  commands.register('view.zoomOut', { run: () => setScale(stepZoom(view().scale, -1)) });
  commands.register('view.fitPage', { run: () => store.setView({ fit: true }) });
  commands.register('view.actualSize', { run: () => setScale(ACTUAL_SIZE) });
  const toggles: [Parameters<CommandRegistry['register']>[0], keyof ViewState][] = [
    ['view.guides', 'guides'],
    ['view.baselineGrid', 'baselineGrid'],
    ['view.frameEdges', 'frameEdges'],
    ['view.textThreads', 'textThreads'],
    ['view.preview', 'preview'],
  ];
  for (const [id, key] of toggles) {
    commands.register(id, {
      state: () => ({ enabled: true, checked: Boolean(view()[key]) }),
      run: () => store.setView({ [key]: !view()[key] }),
    });
  }

  commands.register('help.about', {
    run: () => prompts.notify({ key: 'dialog.about', values: { version: info.version } }),
  });
  commands.register('help.shortcuts', {
    run: () =>
      prompts.notify((instance) => {
        const items = APP_MENU.flatMap((menu) => menu.items).filter(
          (item): item is CommandItem => typeof item === 'object' && Boolean(item.accelerator),
        );
        const list = items.map(
          (item) =>
            `${instance.t(`command.${item.command}`)} ${formatAccelerator(item.accelerator!, info.platform)}`,
        );
        return `${instance.t('command.help.shortcuts')}: ${list.join(' · ')}`;
      }),
  });
}
