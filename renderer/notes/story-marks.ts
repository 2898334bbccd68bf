/**
 * Notes in the story editor: each text note's words marked in its author's
 * colour (resolved ones only while the panel lists them), the note the
 * user picked more strongly. A decoration source for the story panel.
 */
import type { DecorationSource, StoryDecoration } from '../editor/story-decorations';
import { reviewOf } from '../../shared/model/review';
import type { NotesState } from './notes-state';

export function noteDecorations(notes: NotesState): DecorationSource {
  return (state, storyId) => {
    if (!state.edition) return [];
    const { open, filter, focused } = notes.get();
    const showResolved = open && filter.status !== 'open';
    const out: StoryDecoration[] = [];
    reviewOf(state.edition).notes.forEach((note, i) => {
      const a = note.anchor;
      if (a.kind !== 'text' || a.storyId !== storyId) return;
      if (note.resolved && !showResolved) return;
      if (a.from.block === a.to.block && a.from.offset === a.to.offset) return;
      out.push({
        key: `note:${note.id}`,
        from: a.from,
        to: a.to,
        className: note.id === focused ? 'note-range focused' : 'note-range',
        color: note.color,
        title: `${i + 1} · ${note.author}: ${note.text}`,
      });
    });
    return out;
  };
}
