/**
 * The others' carets and selections inside the story editor (the canvas
 * has RemoteCarets): a story-decoration source, so the editor paints them
 * as it paints notes. A selection is the range tinted in the person's
 * colour; a caret is a bar in that colour beside the character before it
 * (after it at the start of a paragraph). Hovering either shows the name.
 */
import type { StoryPoint } from '../../shared/layout/display-list';
import type { Id } from '../../shared/model/types';
import type { DecorationSource, StoryDecoration } from '../editor/story-decorations';
import type { EditorState } from '../state/editor-store';
import type { Collaborator } from './newsroom-session';

const before = (a: StoryPoint, b: StoryPoint) =>
  a.block < b.block || (a.block === b.block && a.offset < b.offset);

function blockLength(state: EditorState, storyId: Id, block: number): number {
  const children = state.edition?.stories[storyId]?.blocks[block]?.children ?? [];
  return children.reduce((sum, run) => sum + run.text.length, 0);
}

/** The marks of one person in one story, in the story as this window has it. */
export function presenceMarks(state: EditorState, storyId: Id, person: Collaborator): StoryDecoration[] {
  const caret = person.caret;
  if (!caret || caret.storyId !== storyId) return [];
  const marks: StoryDecoration[] = [];
  const [from, to] = before(caret.focus, caret.anchor)
    ? [caret.focus, caret.anchor]
    : [caret.anchor, caret.focus];
  if (before(from, to))
    marks.push({
      key: `remote:${person.clientId}:selection`,
      from,
      to,
      className: 'remote-selection',
      color: person.color,
      title: person.user,
    });
  // Their caret may be past the end of a paragraph they have typed into and we have not received yet.
  const length = blockLength(state, storyId, caret.focus.block);
  const offset = Math.min(caret.focus.offset, length);
  if (length > 0) {
    const atStart = offset === 0;
    marks.push({
      key: `remote:${person.clientId}:caret`,
      from: { block: caret.focus.block, offset: atStart ? 0 : offset - 1 },
      to: { block: caret.focus.block, offset: atStart ? 1 : offset },
      className: atStart ? 'remote-caret remote-caret-start' : 'remote-caret',
      color: person.color,
      title: person.user,
    });
  }
  return marks;
}

export function presenceSource(people: () => readonly Collaborator[]): DecorationSource {
  return (state, storyId) => people().flatMap((person) => presenceMarks(state, storyId, person));
}
