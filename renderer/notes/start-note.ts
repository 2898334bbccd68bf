/**
 * Review ▸ New Note (Ctrl/Cmd+Alt+M): a note on the text selected in the
 * story editor or on the canvas, else on the selected frame, else on the
 * point of the page the user clicks next. Review ▸ New Note on Page always
 * waits for that click. The note is written in the Notes panel and made
 * when the user adds it (one undo step); Escape or Cancel drops it.
 */
import type { EditorStore } from '../state/editor-store';
import { anchorFromSelection, draftWords } from './note-actions';
import { notesOf } from './notes-state';

export function startNote(store: EditorStore, onPage = false): void {
  const notes = notesOf(store);
  const anchor = onPage ? null : anchorFromSelection(store);
  if (anchor) notes.startDraft(anchor, draftWords(store, anchor));
  else notes.set({ open: true, placing: true, draft: null });
}
