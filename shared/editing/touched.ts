/** Which stories a list of operations changes, so the composer recomposes only from them. */
import type { Id } from '../model/types';
import type { Operation } from '../model/ops/types';

/**
 * The stories whose text or thread the operations change, or null when
 * they change something that may move any story (frames, pages, styles):
 * then the whole edition is recomposed.
 */
export function storiesTouched(ops: readonly Operation[]): Id[] | null {
  const ids = new Set<Id>();
  const visit = (op: Operation): boolean => {
    switch (op.type) {
      case 'batch':
        return op.ops.every(visit);
      case 'set_story_blocks':
      case 'replace_blocks':
      case 'insert_text':
      case 'remove_text':
      case 'split_block':
      case 'merge_block':
      case 'set_block':
      case 'set_marks':
      case 'set_story_props':
      case 'set_story_thread':
      case 'remove_story':
        ids.add(op.storyId);
        return true;
      case 'add_story':
        ids.add(op.story.id);
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
  return ops.every(visit) ? [...ids] : null;
}
