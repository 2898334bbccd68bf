/**
 * Where a caret goes when a story changes under it (someone else typed in
 * the same paragraph, an undo elsewhere): text inserted or removed before
 * the caret in its paragraph moves it by that much, so a collaborator typing
 * earlier in the line does not push one's own typing into the middle of
 * theirs. Text changed at or after the caret leaves it where it is.
 * Paragraphs added or removed before the caret's move it by their count.
 */
import type { StoryPoint } from '../layout/display-list';
import type { StoryBlock } from '../model/types';
import { blockText } from './story-points';
import { sameBlock } from './same-story';

export function followPoint(
  before: readonly StoryBlock[],
  after: readonly StoryBlock[],
  point: StoryPoint,
): StoryPoint {
  if (before === after) return point;
  // Paragraphs before the caret's that are unchanged, from the start and from the end.
  let head = 0;
  while (head < point.block && head < after.length && sameBlock(before[head], after[head])) head++;
  let block = point.block;
  if (head < point.block) {
    // Something changed above the caret's paragraph: follow it from the end when the tail is shared.
    let tail = 0;
    while (
      tail < before.length - point.block &&
      tail < after.length &&
      sameBlock(before[before.length - 1 - tail], after[after.length - 1 - tail])
    )
      tail++;
    if (tail >= before.length - point.block) block = point.block + (after.length - before.length);
    else return clamp(after, point);
  }
  const old = before[point.block];
  const now = after[block];
  if (!old || !now) return clamp(after, { block, offset: point.offset });
  if (sameBlock(old, now)) return { block, offset: point.offset };
  const x = blockText(old);
  const y = blockText(now);
  let prefix = 0;
  while (prefix < x.length && prefix < y.length && x.charCodeAt(prefix) === y.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < x.length - prefix &&
    suffix < y.length - prefix &&
    x.charCodeAt(x.length - 1 - suffix) === y.charCodeAt(y.length - 1 - suffix)
  )
    suffix++;
  // The change lies in [prefix, x.length - suffix) of the old text.
  if (x.length - suffix <= point.offset && prefix < point.offset)
    return { block, offset: point.offset + (y.length - x.length) };
  return clamp(after, { block, offset: Math.min(point.offset, y.length) });
}

function clamp(blocks: readonly StoryBlock[], point: StoryPoint): StoryPoint {
  const block = Math.max(0, Math.min(blocks.length - 1, point.block));
  const length = blocks[block] ? blockText(blocks[block]).length : 0;
  return { block, offset: Math.max(0, Math.min(length, point.offset)) };
}
