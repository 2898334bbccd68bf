/**
 * Story positions for the review desk: points compared and converted to and
 * from one flat offset over the whole story, where each paragraph break
 * counts as one character (the way the anchors are mapped).
 */
import type { ReviewPoint, Story, StoryBlock } from '../model/types';
import { blockLength } from '../model/operations';

export const point = (block: number, offset: number): ReviewPoint => ({ block, offset });

/** Negative when a comes first, 0 when equal, positive when b comes first. */
export function comparePoints(a: ReviewPoint, b: ReviewPoint): number {
  return a.block !== b.block ? a.block - b.block : a.offset - b.offset;
}

export const samePoint = (a: ReviewPoint, b: ReviewPoint): boolean => comparePoints(a, b) === 0;

/** Paragraph lengths and where each paragraph starts in flat offsets. */
export interface FlatStory {
  lengths: number[];
  starts: number[];
  /** Flat length: characters plus one per break. */
  total: number;
}

const flatCache = new WeakMap<readonly StoryBlock[], FlatStory>();

export function flatStory(blocks: readonly StoryBlock[]): FlatStory {
  const cached = flatCache.get(blocks);
  if (cached) return cached;
  const lengths = blocks.map(blockLength);
  const starts: number[] = [];
  let x = 0;
  for (const length of lengths) {
    starts.push(x);
    x += length + 1;
  }
  const flat = { lengths, starts, total: Math.max(0, x - 1) };
  flatCache.set(blocks, flat);
  return flat;
}

export const toFlat = (flat: FlatStory, p: ReviewPoint): number => flat.starts[p.block] + p.offset;

export function fromFlat(flat: FlatStory, x: number): ReviewPoint {
  // Binary search for the last paragraph starting at or before x.
  let lo = 0;
  let hi = flat.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (flat.starts[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return point(lo, Math.min(x - flat.starts[lo], flat.lengths[lo]));
}

/** The end of a story (last paragraph, its length). */
export function storyEnd(story: Story): ReviewPoint {
  const last = story.blocks.length - 1;
  return point(last, blockLength(story.blocks[last]));
}
