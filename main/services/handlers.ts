/**
 * The services' implementation, shared by the Electron main process and the
 * browser host. Host-specific parts (dialogs, windows, the native menu) come
 * in through `HostHooks`; the arguments arrive already validated by the
 * dispatcher.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { Edition } from '../../shared/model/types';
import type { CommandState, HostInfo, ServiceHandlers } from '../../shared/services/api';
import { applyOperation, type Operation } from '../../shared/model/operations';
import { createEditingHandlers } from '../journal/journal-handlers';
import type { EditJournal } from '../journal/edit-journal';
import { DocumentSessions } from '../journal/document-sessions';
import { editionFingerprint } from '../journal/edition-fingerprint';
import type { EditionBackend } from './backend';
import { PathRequiredError, type HostDialogs } from './dialogs';
import { documentTitle, toOpenDocument, type DocumentRecord, type DocumentRegistry } from './documents';
import { systemUserName, withRecent, type PreferencesStore } from './preferences';
import type { ResourceResolver } from './resources';
import { LocalizedError } from '../../shared/services/locales/localized-error';
import { createNewsroomHandlers, type NewsroomContext } from './newsroom-handlers';

/** Who is calling: one window in Electron, the browser session in the web host. */
export interface ServiceContext extends NewsroomContext {
  /** The document this window or session shows; null before one is open. */
  documentId: string | null;
}

export interface HostHooks {
  /** The host's facts; the context says which shared edition the window works on, if any. */
  info(context: ServiceContext): HostInfo;
  /** Null when the host has no dialogs (the browser host). */
  dialogs: HostDialogs | null;
  /**
   * Where a document just opened goes. Returns true when the calling window
   * shows it (its context is rebound); false when the host opened it
   * elsewhere (Electron: a new window), in which case the caller gets null.
   */
  present(record: DocumentRecord, context: ServiceContext): boolean;
  /** The renderer's command states, for a native menu. */
  setMenuState(context: ServiceContext, commands: Record<string, CommandState>): void;
  /** Closes the caller's document; Electron asks about unsaved changes first. */
  close(record: DocumentRecord, context: ServiceContext): Promise<boolean>;
}

export interface ServiceDeps {
  backend: EditionBackend;
  documents: DocumentRegistry;
  preferences: PreferencesStore;
  resources: ResourceResolver;
  hooks: HostHooks;
  /** The edit journal in the user's data folder (crash recovery). */
  journal: EditJournal;
  /** Newsroom servers: lets the window's page reach one it signed in to (CSP, request filter). */
  allowNewsroomServer?(serverUrl: string): void;
  /** Where local copies of shared editions are kept (Electron; the browser uses IndexedDB). */
  newsroomOfflineDir?: string;
}

/** Replaces a path's extension: the PDF next to `page.folio` is `page.pdf`. */
function besideWithExtension(path: string | null, title: string, extension: string): string {
  if (!path) return join(process.cwd(), `${title}${extension}`);
  return join(dirname(path), basename(path, extname(path)) + extension);
}

export function createServiceHandlers(deps: ServiceDeps): ServiceHandlers<ServiceContext> {
  const { backend, documents, preferences, resources, hooks } = deps;

  function remember(path: string): void {
    preferences.set({ recentFiles: withRecent(preferences.get().recentFiles, path) });
  }

  function present(record: DocumentRecord, context: ServiceContext) {
    if (!hooks.present(record, context)) return null;
    // The window shows a document of its own now, not the shared edition it worked on.
    context.newsroom = null;
    context.documentBefore = null;
    context.documentId = record.id;
    return toOpenDocument(record);
  }

  async function choose(
    kind: 'edition' | 'import' | 'pdf',
    given: string | undefined,
  ): Promise<string | null> {
    if (given) return given;
    if (!hooks.dialogs)
      throw new PathRequiredError(
        kind === 'edition' ? 'open' : kind === 'pdf' ? 'import comments' : 'import',
      );
    return hooks.dialogs.chooseOpenPath(kind);
  }

  async function chooseSave(kind: 'edition' | 'pdf', given: string | undefined, fallback: string) {
    if (given) return given;
    if (!hooks.dialogs) throw new PathRequiredError(kind === 'pdf' ? 'export PDF' : 'save');
    return hooks.dialogs.chooseSavePath(kind, fallback);
  }

  /** Takes the renderer's edition as the document's current state. */
  function update(documentId: string, edition: unknown): DocumentRecord {
    const record = documents.get(documentId);
    record.edition = edition as Edition;
    return record;
  }

  // Which journal sessions edit which document: a save is noted in each, so
  // a crash after it does not offer edits the file already has.
  const journalSessions = new DocumentSessions(deps.journal);

  async function saveTo(record: DocumentRecord, path: string) {
    await backend.write(path, record.edition, record.assets);
    record.path = path;
    record.dirty = false;
    remember(path);
    journalSessions.saved(record.id, path, record.edition);
    return { path };
  }

  const journalHandlers = createEditingHandlers<ServiceContext>(
    deps.journal,
    {
      describeDocument(documentId) {
        const record = documents.get(documentId);
        return { path: record.path, title: documentTitle(record), assets: record.assets };
      },
      applyOperation: (edition, op) => applyOperation(edition as Edition, op as Operation).edition,
      async openRecovered(recovered, context) {
        const record = documents.add(recovered.edition as Edition, recovered.assets, recovered.path, true);
        // The renderer that asked shows the recovered edition itself.
        context.documentId = record.id;
        return { documentId: record.id };
      },
      storeAsset(documentId, assetId, bytes) {
        documents.get(documentId).assets.set(assetId, bytes);
      },
      async savedFingerprint(path) {
        try {
          return editionFingerprint((await backend.read(path)).edition);
        } catch {
          // Moved, deleted or unreadable: nothing on disk to compare with.
          return null;
        }
      },
    },
    { sessions: journalSessions },
  );

  const newsroomHandlers = createNewsroomHandlers<ServiceContext>({
    documents,
    backend,
    dialogs: hooks.dialogs,
    allowServer: (url) => deps.allowNewsroomServer?.(url),
    offlineDir: deps.newsroomOfflineDir,
  });

  return {
    ...journalHandlers,
    ...newsroomHandlers,
    'app.info': async (_args, context) => hooks.info(context),

    'edition.current': async (_args, context) => {
      const record = context.documentId ? documents.find(context.documentId) : undefined;
      return record ? toOpenDocument(record) : null;
    },

    'edition.open': async ({ path }, context) => {
      const chosen = await choose('edition', path);
      if (!chosen) return null;
      const open = documents.byPath(chosen);
      if (open) return present(open, context);
      const loaded = await backend.read(chosen);
      remember(chosen);
      return present(documents.add(loaded.edition, loaded.assets, chosen), context);
    },

    'edition.newFromTemplate': async ({ template }, context) => {
      const loaded = await backend.fromTemplate(template);
      const record = documents.add(loaded.edition, loaded.assets, null, true);
      return present(record, context);
    },

    'edition.save': async ({ documentId, edition }) => {
      const record = update(documentId, edition);
      const path =
        record.path ??
        (await chooseSave('edition', undefined, besideWithExtension(null, 'edition', '.folio')));
      return path ? saveTo(record, path) : null;
    },

    'edition.saveAs': async ({ documentId, edition, path }) => {
      const record = update(documentId, edition);
      const chosen = await chooseSave('edition', path, besideWithExtension(record.path, 'edition', '.folio'));
      return chosen ? saveTo(record, chosen) : null;
    },

    'edition.import': async ({ path }, context) => {
      const chosen = await choose('import', path);
      if (!chosen) return null;
      const loaded = await backend.importCopy(chosen);
      return present(documents.add(loaded.edition, loaded.assets, null, true), context);
    },

    'edition.exportPdf': async ({ documentId, edition, path }) => {
      const record = update(documentId, edition);
      const chosen = await chooseSave('pdf', path, besideWithExtension(record.path, 'edition', '.pdf'));
      if (!chosen) return null;
      const written = await backend.exportPdf(record.edition, record.assets, chosen);
      return { path: chosen, ...written };
    },

    'edition.exportProof': async ({ documentId, edition, path }) => {
      const record = update(documentId, edition);
      if (!backend.exportProof) throw new LocalizedError('error.proofUnavailable');
      const chosen = await chooseSave('pdf', path, besideWithExtension(record.path, 'edition', '-proof.pdf'));
      if (!chosen) return null;
      const written = await backend.exportProof(record.edition, record.assets, chosen);
      return { path: chosen, ...written };
    },

    'review.importComments': async ({ documentId, edition, path }) => {
      // The notes are worked out on the edition the renderer sent, and applied there as one undo step.
      const record = update(documentId, edition);
      if (!backend.importComments) throw new LocalizedError('error.commentsUnavailable');
      const chosen = await choose('pdf', path);
      if (!chosen) return null;
      const { userName, userColor } = preferences.get();
      const file = basename(chosen);
      const report = await backend.importComments(record.edition, chosen, {
        fallback: { author: userName || systemUserName(), color: userColor, time: new Date().toISOString() },
        fileName: file,
        editionName: documentTitle(record),
      });
      return { file, ...report };
    },

    'edition.exportFlatplan': async ({ documentId, edition, path, language }) => {
      const record = update(documentId, edition);
      if (!backend.exportFlatplan) throw new LocalizedError('error.flatplanUnavailable');
      const chosen = await chooseSave(
        'pdf',
        path,
        besideWithExtension(record.path, 'edition', '-flatplan.pdf'),
      );
      if (!chosen) return null;
      const written = await backend.exportFlatplan(record.edition, chosen, language);
      return { path: chosen, ...written };
    },

    'edition.exportSplit': async ({ documentId, edition, folder, pattern, force }) => {
      const record = update(documentId, edition);
      if (!backend.exportSplit) throw new LocalizedError('exportEdition.unavailable');
      let chosen = folder ?? null;
      if (!chosen) {
        if (!hooks.dialogs?.chooseFolderPath) throw new PathRequiredError('export for the printer');
        chosen = await hooks.dialogs.chooseFolderPath(besideWithExtension(record.path, 'edition', '-pages'));
      }
      if (!chosen) return null;
      const written = await backend.exportSplit(record.edition, record.assets, chosen, pattern, force);
      return { folder: chosen, ...written };
    },

    'edition.preflight': async ({ documentId, edition }) => {
      const record = update(documentId, edition);
      const { userDictionary } = preferences.get();
      return { problems: await backend.preflight(record.edition, record.assets, { userDictionary }) };
    },

    'edition.setDirty': async ({ documentId, dirty }, context) => {
      // A shared edition's edits are on the server (or in its local copy until it is back): closing the
      // window loses nothing, so Electron does not ask to save it as a file.
      documents.get(documentId).dirty = dirty && !(context.newsroom && context.documentId === documentId);
      return null;
    },

    'edition.close': async ({ documentId }, context) => {
      const record = documents.get(documentId);
      const closed = await hooks.close(record, context);
      if (closed) {
        documents.remove(documentId);
        if (context.documentId === documentId) context.documentId = null;
      }
      return { closed };
    },

    'recent.list': async () => preferences.get().recentFiles,
    'recent.clear': async () => {
      preferences.set({ recentFiles: [] });
      return null;
    },

    'preferences.get': async () => preferences.get(),
    'preferences.set': async (change) => preferences.set(change),

    'fonts.list': async () => resources.fontList(),

    'menu.setState': async ({ commands }, context) => {
      hooks.setMenuState(context, commands);
      return null;
    },
  };
}
