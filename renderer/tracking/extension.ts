/**
 * The tracked-changes (修订) extension: Review ▸ Track Changes (the
 * edition, Ctrl/Cmd+Shift+E), Track Changes in This Story, Show Final,
 * Accept / Reject Change, Accept / Reject All Changes and the Changes
 * panel; the changes' marks on the canvas and in the story editor; the
 * status bar item. While tracking is on, every user edit passes the editing
 * session's filter, which records it (shared/review trackOperations) in
 * the user's name and colour.
 */
import i18next from 'i18next';
import type { Id } from '../../shared/model/types';
import { isTracking, reviewOf } from '../../shared/model/review';
import { pendingChanges } from '../../shared/review';
import { sessionOf } from '../actions/session';
import { storyDecorationsOf } from '../editor/story-decorations';
import type { ShellExtension } from '../shell/extensions';
import type { EditorStore } from '../state/editor-store';
import { decide, setEditionTracking, setStoryTracking, trackingFilter } from './change-actions';
import { changeViews } from './change-views';
import { ChangesOverlay } from './ChangesOverlay';
import { ChangesPanel, decideAndMove } from './ChangesPanel';
import { changeDecorations } from './story-marks';
import { trackingOf } from './tracking-state';
import { TrackingStatus } from './TrackingStatus';
import { userOf } from '../comments/user-state';

/** The change a Review ▸ Accept/Reject Change acts on: the one picked in the panel, else the one at the caret. */
export function currentChange(store: EditorStore): Id | null {
  const edition = store.getState().edition;
  if (!edition) return null;
  const focused = trackingOf(store).get().focused;
  if (focused && pendingChanges(edition).some((c) => c.id === focused)) return focused;
  return changeAtCaret(store);
}

/** The pending change the story editor's caret (or selection's focus) is in, if any. */
function changeAtCaret(store: EditorStore): Id | null {
  const edition = store.getState().edition;
  if (!edition) return null;
  const pending = pendingChanges(edition);
  const caret = sessionOf(store).getTextSelection();
  if (!caret || caret.storyId !== store.getState().selection.storyId) return null;
  const p = caret.focus;
  const before = (a: { block: number; offset: number }, b: { block: number; offset: number }) =>
    a.block < b.block || (a.block === b.block && a.offset <= b.offset);
  const here = pending.find((c) => c.storyId === caret.storyId && before(c.from, p) && before(p, c.to));
  return here?.id ?? null;
}

export const extension: ShellExtension = {
  id: 'tracking',
  RightPanel: ChangesPanel,
  CanvasOverlay: ChangesOverlay,
  StatusItem: TrackingStatus,
  activate({ store, commands, services }) {
    const tracking = trackingOf(store);
    // Every keystroke is stamped with who the user is: have it read before the first edit.
    const user = userOf(store);
    user.services ??= services;
    if (!user.get().loaded) void user.load().catch(() => undefined);
    const session = sessionOf(store);
    const editable = () => {
      if (!store.getState().edition) return { enabled: false, reason: 'reason.noDocument' as const };
      if (!store.canApply) return { enabled: false, reason: 'reason.noEditor' as const };
      return { enabled: true };
    };
    const decorations = storyDecorationsOf(store);
    // Marks in the story editor depend on the picked change and the view, not only the edition.
    let last = {
      focused: tracking.get().focused,
      open: tracking.get().open,
      view: store.getState().view.review,
    };
    const followTracking = tracking.subscribe(() => {
      const now = tracking.get();
      if (now.focused !== last.focused) decorations.changed();
      commands.changed();
      last = { ...last, focused: now.focused, open: now.open };
    });
    // A language switch: the editor's tooltips are made when listed.
    const onLanguage = () => decorations.changed();
    i18next.on('languageChanged', onLanguage);
    const followView = store.subscribe(() => {
      const view = store.getState().view.review;
      if (view === last.view) return;
      last = { ...last, view };
      decorations.changed();
      commands.changed();
    });
    // Preferences may change in another window: read who the user is again when this one comes back.
    const onFocus = () => void user.load().catch(() => undefined);
    window.addEventListener('focus', onFocus);
    const storyOpen = () => {
      const { edition, selection } = store.getState();
      return edition && selection.storyId && edition.stories[selection.storyId] ? selection.storyId : null;
    };
    const withChanges = () => {
      const state = editable();
      const edition = store.getState().edition;
      return state.enabled && edition && pendingChanges(edition).length === 0
        ? { enabled: false, reason: 'tracking.reason.noChanges' as const }
        : state;
    };
    const onCurrent = () => {
      const state = editable();
      return state.enabled && !currentChange(store)
        ? { enabled: false, reason: 'tracking.reason.noCurrent' as const }
        : state;
    };
    const decideCurrent = (decision: 'accept' | 'reject') => {
      const id = currentChange(store);
      const { edition, displayList } = store.getState();
      if (id && edition) decideAndMove(store, changeViews(edition, displayList), id, decision);
    };
    // The caret put in a change (a click on the page or in the galley) picks it: the panel shows
    // which it is and Accept / Reject Change act on it.
    let caret = session.getTextSelection();
    const followCaret = session.subscribe(() => {
      const now = session.getTextSelection();
      if (now === caret) return;
      caret = now;
      const id = changeAtCaret(store);
      if (id && id !== tracking.get().focused) tracking.set({ focused: id });
    });
    const cleanups = [
      followCaret,
      followTracking,
      followView,
      () => window.removeEventListener('focus', onFocus),
      () => i18next.off('languageChanged', onLanguage),
      session.addFilter(trackingFilter(store)),
      decorations.register(changeDecorations(tracking, (key, values) => i18next.t(key, values))),
      commands.register('review.trackChanges', {
        state: () => ({
          ...editable(),
          checked: !!store.getState().edition && reviewOf(store.getState().edition!).settings.trackChanges,
        }),
        run: () => {
          const edition = store.getState().edition;
          if (edition) setEditionTracking(store, !reviewOf(edition).settings.trackChanges);
        },
      }),
      commands.register('review.trackStory', {
        state: () => {
          const storyId = storyOpen();
          const state = editable();
          if (!state.enabled) return state;
          if (!storyId) return { enabled: false, reason: 'tracking.reason.noStory' as const };
          return { enabled: true, checked: isTracking(store.getState().edition!, storyId) };
        },
        run: () => {
          const storyId = storyOpen();
          if (storyId) setStoryTracking(store, storyId, !isTracking(store.getState().edition!, storyId));
        },
      }),
      commands.register('review.finalView', {
        state: () => ({
          enabled: store.getState().edition !== null,
          checked: store.getState().view.review === 'final',
        }),
        run: () => store.setView({ review: store.getState().view.review === 'final' ? 'markup' : 'final' }),
      }),
      commands.register('review.acceptChange', { state: onCurrent, run: () => decideCurrent('accept') }),
      commands.register('review.rejectChange', { state: onCurrent, run: () => decideCurrent('reject') }),
      commands.register('review.acceptAll', {
        state: withChanges,
        run: () => void decide(store, 'accept', {}),
      }),
      commands.register('review.rejectAll', {
        state: withChanges,
        run: () => void decide(store, 'reject', {}),
      }),
      commands.register('review.changes', {
        state: () => ({ enabled: store.getState().edition !== null, checked: tracking.get().open }),
        run: () => {
          const open = !tracking.get().open;
          tracking.set({ open, focusList: open ? tracking.get().focusList + 1 : tracking.get().focusList });
        },
      }),
    ];
    return () => {
      for (const cleanup of cleanups) cleanup();
    };
  },
};
