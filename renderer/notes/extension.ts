/**
 * The Notes (批注) extension: Review ▸ New Note (Ctrl/Cmd+Alt+M), New Note
 * on Page and the Notes panel; the notes' marks on the canvas and in the
 * story editor. The model's note operations (shared/review/notes.ts) do
 * the editing; the anchors follow the text in the model's apply path.
 */
import type { ShellExtension } from '../shell/extensions';
import { storyDecorationsOf } from '../editor/story-decorations';
import { notesOf } from './notes-state';
import { NotesPanel } from './NotesPanel';
import { NotesOverlay } from './NotesOverlay';
import { startNote } from './start-note';
import { noteDecorations } from './story-marks';

export const extension: ShellExtension = {
  id: 'notes',
  RightPanel: NotesPanel,
  CanvasOverlay: NotesOverlay,
  activate({ store, commands, services }) {
    const notes = notesOf(store);
    notes.services = services;
    const editable = () => {
      const { edition } = store.getState();
      if (!edition) return { enabled: false, reason: 'reason.noDocument' as const };
      if (!store.canApply) return { enabled: false, reason: 'reason.noEditor' as const };
      return { enabled: true };
    };
    const decorations = storyDecorationsOf(store);
    // The story editor's marks depend on the panel's filter and the picked note, not only the edition.
    let last = notes.get();
    const unsubscribe = notes.subscribe(() => {
      const now = notes.get();
      if (now.focused !== last.focused || now.open !== last.open || now.filter.status !== last.filter.status)
        decorations.changed();
      // The menu's check mark follows the panel.
      if (now.open !== last.open) commands.changed();
      last = now;
    });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && notes.get().placing) notes.set({ placing: false });
    };
    window.addEventListener('keydown', onKey);
    const cleanups = [
      unsubscribe,
      () => window.removeEventListener('keydown', onKey),
      decorations.register(noteDecorations(notes)),
      commands.register('review.addNote', { state: editable, run: () => startNote(store) }),
      commands.register('review.notePage', { state: editable, run: () => startNote(store, true) }),
      commands.register('review.notes', {
        state: () => ({
          ...editable(),
          enabled: store.getState().edition !== null,
          checked: notes.get().open,
        }),
        run: () => notes.set({ open: !notes.get().open, placing: false }),
      }),
    ];
    return () => {
      for (const cleanup of cleanups) cleanup();
    };
  },
};
