import { describe, expect, it } from 'vitest';
import { followPoint } from '../../../shared/editing/follow-point';
import type { StoryBlock } from '../../../shared/model/types';

const p = (text: string): StoryBlock => ({ type: 'body', children: [{ text }] });

describe('a caret when the story changes under it', () => {
  const a = p('本报讯 记者');
  const b = p('第二段');
  it('moves by what someone else typed before it in its paragraph', () => {
    expect(followPoint([a, b], [p('甲乙本报讯 记者'), b], { block: 0, offset: 4 })).toEqual({
      block: 0,
      offset: 6,
    });
  });
  it('stays where it is when the text changed at or after it', () => {
    expect(followPoint([a, b], [p('本报讯 记者张三'), b], { block: 0, offset: 4 })).toEqual({
      block: 0,
      offset: 4,
    });
    expect(followPoint([a, b], [p('本报讯甲 记者'), b], { block: 0, offset: 3 })).toEqual({
      block: 0,
      offset: 3,
    });
  });
  it('moves back by text removed before it', () => {
    expect(followPoint([a, b], [p('讯 记者'), b], { block: 0, offset: 5 })).toEqual({ block: 0, offset: 3 });
  });
  it('follows its paragraph when paragraphs are added above it', () => {
    expect(followPoint([a, b], [p('新'), a, b], { block: 1, offset: 2 })).toEqual({ block: 2, offset: 2 });
  });
});
