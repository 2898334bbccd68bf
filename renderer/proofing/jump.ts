/**
 * Going to a place in the copy, as a result list does: the page becomes the
 * current page, the story opens in the story editor with the range selected
 * (its selection is painted on the canvas too), and the canvas highlight
 * marks it; the overlay scrolls the highlight into view.
 */
import { sessionOf } from '../actions/session';
import type { EditorStore } from '../state/editor-store';
import { proofingOf, type TextRange } from './proofing-state';

export function jumpTo(store: EditorStore, range: TextRange, pageIndex: number | null): void {
  if (pageIndex !== null) store.select({ pageIndex, frameIds: [] });
  proofingOf(store).set({ highlight: range });
  sessionOf(store).requestCaret({
    storyId: range.storyId,
    point: { block: range.block, offset: range.start },
    focus: { block: range.block, offset: range.end },
  });
}

/**
 * Keeps typing in a panel field after a jump: the story editor takes the
 * focus when it selects the range (its caret request), so the field takes
 * it back once the editor reports that selection (or after half a second).
 */
export function refocusAfterJump(store: EditorStore, element: HTMLElement | null): void {
  if (!element) return;
  const session = sessionOf(store);
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    unsubscribe();
    clearTimeout(timer);
    element.focus({ preventScroll: true });
  };
  const unsubscribe = session.subscribe(() => {
    const request = session.getCaretRequest();
    const selection = session.getTextSelection();
    if (
      request &&
      selection &&
      selection.storyId === request.storyId &&
      selection.anchor.block === request.point.block &&
      selection.anchor.offset === request.point.offset
    )
      finish();
  });
  const timer = setTimeout(finish, 500);
}
