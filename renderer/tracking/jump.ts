/**
 * Going to a change: its page becomes the current page and the canvas
 * scrolls its mark into view (the overlay watches `jump`); with `caret`,
 * the story also opens in the story editor with the inserted or
 * reformatted words selected, or the caret where deleted words were —
 * which takes the keyboard, so stepping through the list leaves it out.
 */
import type { TrackedChange } from '../../shared/model/types';
import { sessionOf } from '../actions/session';
import type { EditorStore } from '../state/editor-store';
import type { ChangeView } from './change-views';
import { trackingOf } from './tracking-state';

export function jumpToChange(store: EditorStore, view: ChangeView, options: { caret: boolean }): void {
  const tracking = trackingOf(store);
  const { change } = view;
  const pageIndex = view.pageIndex ?? store.getState().selection.pageIndex;
  store.select({ pageIndex, frameIds: [] });
  if (options.caret && store.getState().edition?.stories[change.storyId])
    sessionOf(store).requestCaret({ storyId: change.storyId, ...caretOf(change) });
  tracking.set({ focused: change.id, jump: tracking.get().jump + 1 });
}

function caretOf(change: TrackedChange) {
  if (change.kind === 'insert' || change.kind === 'format') return { point: change.from, focus: change.to };
  return { point: change.from };
}
