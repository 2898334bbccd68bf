/**
 * The one apply path for every change to an edition. `applyOperation`
 * returns a new edition (unchanged parts are shared, never copied) and the
 * operation that exactly undoes it; it throws an OperationError and changes
 * nothing when the operation cannot apply. Undo/redo, the autosave journal
 * and collaboration all sit on this function.
 */
import type { Edition } from './types';
import type { AppliedOperation, Operation } from './ops/types';
import { OperationError } from './ops/errors';
import { applyStoryOperation } from './ops/story-ops';
import { applyFrameOperation } from './ops/frame-ops';
import { applyPageOperation } from './ops/page-ops';
import { applyStyleOperation } from './ops/style-ops';
import { applyEditionOperation } from './ops/edition-ops';
import { applyCopyCheckOperation } from './ops/copy-check-ops';
import { applyReviewOperation } from './ops/review-ops';
import { applyPlanOperation } from './ops/plan-ops';
import { mapReviewAnchors, pointMapFor, restoreAnchorsOp } from './ops/anchors';
import type { StoryOperation } from './ops/types';

export type * from './ops/types';
export { OperationError } from './ops/errors';
export { locateFrame, threadOwner } from './ops/locate';
export { blockLength, blockText } from './ops/text';

/** Applies one operation. Throws OperationError (edition untouched) when it cannot apply. */
export function applyOperation(edition: Edition, op: Operation): AppliedOperation {
  if (typeof op !== 'object' || op === null || typeof (op as { type?: unknown }).type !== 'string') {
    throw new OperationError('(operation)', 'an operation must be an object with a "type"');
  }
  switch (op.type) {
    case 'set_story_blocks':
    case 'replace_blocks':
    case 'insert_text':
    case 'remove_text':
    case 'split_block':
    case 'merge_block':
      return withAnchorsMapped(edition, op, applyStoryOperation(edition, op));
    case 'set_block':
    case 'set_marks':
    case 'add_story':
    case 'remove_story':
    case 'set_story_props':
    case 'set_story_thread':
      return applyStoryOperation(edition, op);
    case 'insert_frame':
    case 'remove_frame':
    case 'update_frame':
    case 'move_frame':
    case 'reorder_frame':
      return applyFrameOperation(edition, op);
    case 'insert_page':
    case 'remove_page':
    case 'move_page':
    case 'set_page_props':
    case 'insert_master':
    case 'remove_master':
    case 'set_master_props':
      return applyPageOperation(edition, op);
    case 'upsert_paragraph_style':
    case 'remove_paragraph_style':
    case 'upsert_character_style':
    case 'remove_character_style':
    case 'delete_paragraph_style':
    case 'delete_character_style':
    case 'set_role_style':
    case 'upsert_swatch':
    case 'remove_swatch':
      return applyStyleOperation(edition, op);
    case 'add_asset':
    case 'remove_asset':
    case 'set_meta':
      return applyEditionOperation(edition, op);
    case 'set_copy_checks':
      return applyCopyCheckOperation(edition, op);
    case 'upsert_note':
    case 'remove_note':
    case 'upsert_change':
    case 'remove_change':
    case 'upsert_round':
    case 'remove_round':
    case 'set_signoff':
    case 'set_review_settings':
    case 'set_review_anchors':
      return applyReviewOperation(edition, op);
    case 'set_plan':
    case 'upsert_section':
    case 'remove_section':
    case 'set_page_plan':
    case 'upsert_ad':
    case 'remove_ad':
    case 'set_assignment':
    case 'set_plan_settings':
      return applyPlanOperation(edition, op);
    case 'batch':
      return applyOperations(edition, op.ops);
    default:
      throw new OperationError(String((op as { type: unknown }).type), 'unknown operation type');
  }
}

/**
 * After a text operation, the notes and tracked changes of its story follow
 * the text (ops/anchors.ts); where the inverse would not map a point back
 * exactly, the inverse also puts the old points back.
 */
function withAnchorsMapped(before: Edition, op: StoryOperation, applied: AppliedOperation): AppliedOperation {
  const review = applied.edition.review;
  if (!review || (review.notes.length === 0 && review.changes.length === 0)) return applied;
  const storyId = (op as { storyId: string }).storyId;
  const map = pointMapFor(before.stories[storyId], op);
  if (!map) return applied;
  const inverse = applied.inverse as StoryOperation;
  const back = pointMapFor(applied.edition.stories[storyId], inverse);
  const mapped = mapReviewAnchors(review, storyId, map, back);
  const edition = mapped.review === review ? applied.edition : { ...applied.edition, review: mapped.review };
  if (mapped.moved.length === 0) return { edition, inverse };
  return { edition, inverse: { type: 'batch', ops: [inverse, restoreAnchorsOp(mapped.moved)] } };
}

/**
 * Applies operations in order as one step: the inverse is a single batch
 * that undoes them all. If any operation fails, none is applied.
 */
export function applyOperations(edition: Edition, ops: readonly Operation[]): AppliedOperation {
  if (!Array.isArray(ops)) throw new OperationError('batch', 'ops must be a list of operations');
  let current = edition;
  const inverses: Operation[] = [];
  for (const op of ops) {
    const applied = applyOperation(current, op);
    current = applied.edition;
    inverses.push(applied.inverse);
  }
  return { edition: current, inverse: { type: 'batch', ops: inverses.reverse() } };
}
