/**
 * Which paragraphs an operation batch edits, so the composer recomposes a
 * story from its first edited paragraph instead of the whole edition. Null
 * when the batch changes anything else (frames, pages, styles, threads),
 * which can move any story: then everything is recomposed.
 */
import type { Operation } from '../../shared/model/operations';
import type { StoryChange } from './editor-store';

export function storyChangesOf(operations: readonly Operation[]): StoryChange[] | null {
  const first = new Map<string, number>();
  const note = (storyId: string, block: number) =>
    first.set(storyId, Math.min(block, first.get(storyId) ?? Infinity));
  const visit = (operation: Operation): boolean => {
    switch (operation.type) {
      case 'batch':
        return operation.ops.every(visit);
      case 'insert_text':
      case 'remove_text':
      case 'set_block':
        note(operation.storyId, operation.block);
        return true;
      case 'split_block':
        note(operation.storyId, operation.block);
        return true;
      case 'merge_block':
        // Merging block b into b − 1 changes b − 1.
        note(operation.storyId, Math.max(0, operation.block - 1));
        return true;
      case 'replace_blocks':
        note(operation.storyId, operation.index);
        return true;
      case 'set_marks':
        note(operation.storyId, Math.min(operation.from.block, operation.to.block));
        return true;
      case 'set_story_blocks':
        note(operation.storyId, 0);
        return true;
      case 'set_story_props':
        return true;
      // Notes, tracked-change records, rounds and sign-off do not move any text.
      case 'upsert_note':
      case 'remove_note':
      case 'upsert_change':
      case 'remove_change':
      case 'upsert_round':
      case 'remove_round':
      case 'set_signoff':
      case 'set_review_settings':
      case 'set_review_anchors':
        return true;
      default:
        return false;
    }
  };
  if (!operations.every(visit) || first.size === 0) return null;
  return [...first].map(([storyId, block]) => ({ storyId, block }));
}
