/**
 * Going to a note, from the panel: its page becomes the current page; a
 * text note's story opens in the story editor with its words selected, a
 * frame note's frame is selected; the canvas scrolls its marker into view
 * (the overlay watches `jump`).
 */
import type { NoteView } from '../../shared/review';
import { sessionOf } from '../actions/session';
import type { EditorStore } from '../state/editor-store';
import { notesOf } from './notes-state';

export function jumpToNote(store: EditorStore, view: NoteView): void {
  const notes = notesOf(store);
  const { anchor } = view.note;
  const pageIndex = view.pageIndex ?? store.getState().selection.pageIndex;
  if (anchor.kind === 'text') {
    if (store.getState().edition?.stories[anchor.storyId]) {
      store.select({ pageIndex, frameIds: [] });
      sessionOf(store).requestCaret({ storyId: anchor.storyId, point: anchor.from, focus: anchor.to });
    }
  } else if (anchor.kind === 'frame') {
    if (view.pageIndex !== null) store.select({ pageIndex, frameIds: [anchor.frameId] });
  } else if (view.pageIndex !== null) store.select({ pageIndex, frameIds: [] });
  notes.set({ focused: view.note.id, jump: notes.get().jump + 1 });
}
