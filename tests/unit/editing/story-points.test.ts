import { describe, expect, it } from 'vitest';
import { blockText, storyLength, toLeafPoint, toStoryPoint } from '../../../shared/editing/story-points';
import type { StoryBlock } from '../../../shared/model/types';

const blocks: StoryBlock[] = [
  { type: 'headline', children: [{ text: '示范区' }] },
  { type: 'body', children: [{ text: 'ab' }, { text: 'cd', bold: true }, { text: 'e' }] },
];

describe('story points', () => {
  it('numbers a block by its whole text, across bold and plain leaves', () => {
    expect(blockText(blocks[1])).toBe('abcde');
    expect(storyLength(blocks)).toBe(8);
    expect(toStoryPoint(blocks, { path: [1, 1], offset: 1 })).toEqual({ block: 1, offset: 3 });
    expect(toStoryPoint(blocks, { path: [1, 2], offset: 1 })).toEqual({ block: 1, offset: 5 });
  });

  it('maps back to the leaf holding the character, ending a leaf rather than starting the next', () => {
    expect(toLeafPoint(blocks, { block: 1, offset: 3 })).toEqual({ path: [1, 1], offset: 1 });
    expect(toLeafPoint(blocks, { block: 1, offset: 2 })).toEqual({ path: [1, 0], offset: 2 });
    expect(toLeafPoint(blocks, { block: 1, offset: 99 })).toEqual({ path: [1, 2], offset: 1 });
  });

  it('round-trips every position of the story', () => {
    for (let b = 0; b < blocks.length; b++) {
      for (let o = 0; o <= blockText(blocks[b]).length; o++) {
        expect(toStoryPoint(blocks, toLeafPoint(blocks, { block: b, offset: o }))).toEqual({
          block: b,
          offset: o,
        });
      }
    }
  });
});
