/**
 * Tracked changes in the story editor (the galley), as on the page: the
 * story holds the final text, so insertions and formatting changes mark
 * their own characters; a deletion's words are shown struck through
 * beside the character next to where they were (a CSS label, outside the
 * editable text, so Slate's points are untouched); a paragraph's new role
 * or style puts a ¶ before its first character. In the final view the
 * galley shows the final text plain, as the page does.
 */
import type { DecorationSource, StoryDecoration } from '../editor/story-decorations';
import type { Id, TrackedChange } from '../../shared/model/types';
import { blockLength, blockText } from '../../shared/model/operations';
import { pendingChanges } from '../../shared/review';
import type { TrackingState } from './tracking-state';

type Translate = (key: string, values?: Record<string, unknown>) => string;

export function changeDecorations(tracking: TrackingState, t: Translate): DecorationSource {
  return (state, storyId) => {
    const edition = state.edition;
    if (!edition || state.view.review === 'final') return [];
    const story = edition.stories[storyId];
    if (!story) return [];
    const { focused } = tracking.get();
    const out: StoryDecoration[] = [];
    const title = (c: TrackedChange) => `${t(`tracking.kind.${c.kind}`)} · ${c.author}`;
    const cls = (name: string, id: Id) => (id === focused ? `${name} focused` : name);
    for (const change of pendingChanges(edition, { storyId })) {
      const common = { color: change.color, title: title(change) };
      if (change.kind === 'insert' || change.kind === 'format') {
        out.push({
          key: `change:${change.id}`,
          from: change.from,
          to: change.to,
          className: cls(change.kind === 'insert' ? 'change-insert' : 'change-format', change.id),
          ...common,
        });
        continue;
      }
      const at = change.from;
      const block = story.blocks[at.block];
      if (!block || blockLength(block) === 0) continue;
      // The character before the point carries the mark after it; at a paragraph's start, the first one before it.
      const after = at.offset > 0;
      const from = { block: at.block, offset: after ? at.offset - 1 : 0 };
      const to = { block: at.block, offset: after ? at.offset : 1 };
      if (change.kind === 'delete')
        out.push({
          key: `change:${change.id}`,
          from,
          to,
          className: cls(after ? 'change-deleted-after' : 'change-deleted-before', change.id),
          label: change.content.map(blockText).join('¶'),
          ...common,
        });
      else
        out.push({
          key: `change:${change.id}`,
          from: { block: at.block, offset: 0 },
          to: { block: at.block, offset: 1 },
          className: cls('change-paragraph', change.id),
          label: '¶',
          ...common,
        });
    }
    return out;
  };
}
