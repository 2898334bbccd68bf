/**
 * Story operations applied to a bare list of paragraphs, with the model's
 * own paragraph functions (shared/model/ops/text.ts). The story editor
 * uses it to check its translation of Slate's operations before sending
 * them; the store still applies them through applyOperation.
 */
import type { StoryBlock } from '../model/types';
import type { StoryOperation } from '../model/ops/types';
import { insertText, mergeBlocks, removeText, setMarksInBlock, splitBlock } from '../model/ops/text';

export function applyToBlocks(blocks: StoryBlock[], ops: readonly StoryOperation[]): StoryBlock[] {
  let out = blocks;
  for (const op of ops) out = applyOne(out, op);
  return out;
}

function at(blocks: StoryBlock[], index: number): StoryBlock {
  const block = blocks[index];
  if (!block) throw new RangeError(`paragraph ${index} does not exist (${blocks.length} paragraphs)`);
  return block;
}

function applyOne(blocks: StoryBlock[], op: StoryOperation): StoryBlock[] {
  const copy = blocks.slice();
  switch (op.type) {
    case 'set_story_blocks':
      return op.blocks;
    case 'replace_blocks':
      copy.splice(op.index, op.count, ...op.blocks);
      return copy;
    case 'insert_text':
      copy[op.block] = insertText(at(blocks, op.block), op.offset, op.text);
      return copy;
    case 'remove_text':
      copy[op.block] = removeText(at(blocks, op.block), op.offset, op.length);
      return copy;
    case 'split_block': {
      const [first, second] = splitBlock(at(blocks, op.block), op.offset, op.newType);
      copy.splice(op.block, 1, first, second);
      return copy;
    }
    case 'merge_block': {
      const merged = mergeBlocks(at(blocks, op.block - 1), at(blocks, op.block));
      copy.splice(op.block - 1, 2, merged);
      return copy;
    }
    case 'set_block': {
      const block = { ...at(blocks, op.block) };
      if (op.props.type) block.type = op.props.type;
      if (op.props.styleId === null) delete block.styleId;
      else if (op.props.styleId !== undefined) block.styleId = op.props.styleId;
      copy[op.block] = block;
      return copy;
    }
    case 'set_marks': {
      for (let b = op.from.block; b <= op.to.block; b++) {
        const from = b === op.from.block ? op.from.offset : 0;
        const to = b === op.to.block ? op.to.offset : Infinity;
        copy[b] = setMarksInBlock(at(blocks, b), from, to, op.marks);
      }
      return copy;
    }
    default:
      return blocks;
  }
}
