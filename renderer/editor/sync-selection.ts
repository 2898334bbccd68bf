/**
 * Slate learns of a moved DOM selection through `selectionchange`, which
 * slate-react throttles to one update per 100 ms. A shortcut pressed sooner
 * than that after Shift+Arrow (a fast typist, key repeat) would act on the
 * previous selection: Ctrl+B on a stale collapsed caret only sets a pending
 * mark and nothing turns bold. Shortcuts call this first so they act on
 * what the user sees selected.
 */
import { Range, Transforms, type Editor } from 'slate';
import { ReactEditor } from 'slate-react';

export function syncSelectionFromDom(editor: Editor): void {
  if (ReactEditor.isComposing(editor)) return;
  const domSelection = window.getSelection(); // the galley is not in a shadow root
  if (!domSelection || domSelection.rangeCount === 0) return;
  // Only a selection inside this editor's text counts (not the role menu, not the page).
  if (
    !ReactEditor.hasTarget(editor, domSelection.anchorNode) ||
    !ReactEditor.hasTarget(editor, domSelection.focusNode)
  )
    return;
  const range = ReactEditor.toSlateRange(editor, domSelection, { exactMatch: false, suppressThrow: true });
  if (range && !(editor.selection && Range.equals(range, editor.selection))) Transforms.select(editor, range);
}
