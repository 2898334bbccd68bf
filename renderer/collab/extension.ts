/**
 * Newsroom mode (npm run web -- --server … --edition …): the shared edition
 * instead of a file, its connection state and collaborators in the status
 * bar with check-out buttons, the offline banner, others' carets on the canvas.
 */
import type { ShellExtension } from '../shell/extensions';
import { sessionOf } from '../actions/session';
import { NewsroomSession } from './newsroom-session';
import { CollabStatus } from './CollabStatus';
import { OfflineBanner } from './OfflineBanner';
import { RemoteCarets } from './RemoteCarets';
import { setNewsroomSession } from './current-session';

export const extension: ShellExtension = {
  id: 'newsroom',
  StatusItem: CollabStatus,
  Banner: OfflineBanner,
  CanvasOverlay: RemoteCarets,
  activate({ store, services }) {
    let session: NewsroomSession | null = null;
    let stopped = false;
    void services['app.info']({}).then((info) => {
      if (stopped || !info.newsroom) return;
      session = new NewsroomSession(store, info.newsroom);
      setNewsroomSession(session);
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
      void session.start();
    });
    return () => {
      stopped = true;
      session?.stop();
      setNewsroomSession(null);
    };
  },
};
