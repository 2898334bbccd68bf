/**
 * Newsroom mode: File ▸ Connect to Newsroom… (sign in, the server's
 * edition list, open, publish), the shared edition instead of a file
 * (after Open, or `npm run web -- --server … --edition …`), its connection
 * state, collaborators and Disconnect in the status bar with check-out
 * buttons, the offline banner, others' carets on the canvas and in the
 * story editor.
 */
import type { ShellExtension } from '../shell/extensions';
import { sessionOf } from '../actions/session';
import { storyDecorationsOf } from '../editor/story-decorations';
import { indexedDbCopy, NewsroomSession, type LocalCopyFactory } from './newsroom-session';
import { CollabStatus } from './CollabStatus';
import { NewsroomBanner } from './NewsroomBanner';
import { RemoteCarets } from './RemoteCarets';
import { currentNewsroomSession, setNewsroomSession } from './current-session';
import { setConnectDeps, setConnectDialogOpen } from './connect-dialog-state';
import { FileCopy } from './file-copy';
import { presenceSource } from './presence-marks';

export const extension: ShellExtension = {
  id: 'newsroom',
  StatusItem: CollabStatus,
  Banner: NewsroomBanner,
  CanvasOverlay: RemoteCarets,
  activate({ store, services, commands, info, prompts }) {
    let session: NewsroomSession | null = null;
    let stopped = false;
    setConnectDeps({ services, info: info ?? null, prompts: prompts ?? null });
    const cleanups = [
      commands.register('file.connectNewsroom', { run: () => setConnectDialogOpen(true) }),
      storyDecorationsOf(store).register(
        presenceSource(() => currentNewsroomSession()?.getView().collaborators ?? []),
      ),
    ];
    void services['app.info']({}).then((host) => {
      if (stopped || !host.newsroom) return;
      // Electron keeps the local copy in a file through main; a browser has IndexedDB.
      const localCopy: LocalCopyFactory =
        host.host === 'electron'
          ? (_name, doc) =>
              new FileCopy(
                services,
                { serverUrl: host.newsroom!.serverUrl, edition: host.newsroom!.edition },
                doc,
              )
          : indexedDbCopy;
      session = new NewsroomSession(store, host.newsroom, localCopy);
      setNewsroomSession(session);
      const decorations = storyDecorationsOf(store);
      let people = session.getView().collaborators;
      cleanups.push(
        session.subscribe(() => {
          const now = session?.getView().collaborators ?? [];
          if (now !== people) decorations.changed();
          people = now;
        }),
      );
      const editing = sessionOf(store);
      // Presence follows the page in view and the story caret.
      const publish = () => {
        const selection = editing.getTextSelection();
        session?.setPresence(
          store.getState().selection.pageIndex,
          selection ? { storyId: selection.storyId, anchor: selection.anchor, focus: selection.focus } : null,
        );
      };
      editing.subscribe(publish);
      store.subscribe(publish);
      // Another document opened in this window (File ▸ Open in the browser host): it is not the shared
      // edition, so nothing of it may reach the server. The host has left newsroom mode for it already.
      cleanups.push(
        store.subscribe(() => {
          const bound = session?.documentId;
          const shown = store.getState().document?.documentId;
          if (!session || !bound || !shown || shown === bound) return;
          session.stop();
          session = null;
          setNewsroomSession(null);
        }),
      );
      void session.start();
    });
    return () => {
      stopped = true;
      for (const cleanup of cleanups.splice(0)) cleanup();
      session?.stop();
      setNewsroomSession(null);
      setConnectDeps(null);
    };
  },
};
