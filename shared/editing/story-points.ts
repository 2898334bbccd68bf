/**
 * Two ways to name a place in a story: Slate's (path [block, leaf] and an
 * offset in that leaf) and the display list's (block and an offset in the
 * block's whole text, StoryPoint). The editor speaks the first, the
 * composed page the second.
 */
import type { StoryBlock } from '../model/types';
import type { StoryPoint } from '../layout/display-list';

/** A Slate point inside a story: [block, leaf] and an offset in the leaf's text. */
export interface LeafPoint {
  path: number[];
  offset: number;
}

/** The whole text of a block, as the composer numbers its characters. */
export function blockText(block: StoryBlock): string {
  let text = '';
  for (const leaf of block.children) text += leaf.text;
  return text;
}

/** Characters in a story (what the status bar counts): every block's text. */
export function storyLength(blocks: readonly StoryBlock[]): number {
  let n = 0;
  for (const block of blocks) for (const leaf of block.children) n += leaf.text.length;
  return n;
}

/** Slate point → story point. Out-of-range paths are clamped to the story. */
export function toStoryPoint(blocks: readonly StoryBlock[], point: LeafPoint): StoryPoint {
  const blockIndex = Math.max(0, Math.min(blocks.length - 1, point.path[0] ?? 0));
  const block = blocks[blockIndex];
  if (!block) return { block: 0, offset: 0 };
  const leafIndex = Math.max(0, Math.min(block.children.length - 1, point.path[1] ?? 0));
  let offset = 0;
  for (let i = 0; i < leafIndex; i++) offset += block.children[i].text.length;
  return {
    block: blockIndex,
    offset: offset + Math.min(point.offset, block.children[leafIndex]?.text.length ?? 0),
  };
}

/**
 * Story point → Slate point. At the boundary of two leaves the caret goes
 * to the end of the earlier one, so typing continues its marks.
 */
export function toLeafPoint(blocks: readonly StoryBlock[], point: StoryPoint): LeafPoint {
  const blockIndex = Math.max(0, Math.min(blocks.length - 1, point.block));
  const block = blocks[blockIndex];
  if (!block || block.children.length === 0) return { path: [blockIndex, 0], offset: 0 };
  let remaining = Math.max(0, point.offset);
  for (let i = 0; i < block.children.length; i++) {
    const length = block.children[i].text.length;
    if (remaining <= length) return { path: [blockIndex, i], offset: remaining };
    remaining -= length;
  }
  const last = block.children.length - 1;
  return { path: [blockIndex, last], offset: block.children[last].text.length };
}
