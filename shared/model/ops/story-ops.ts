/** Story operations: paragraphs, text, marks, threads, adding and removing stories. */
import type { Edition, Id, Story, StoryBlock } from '../types';
import { storyBlockSchema, storySchema, blockRoleSchema } from '../schema';
import { z } from 'zod';
import type { AppliedOperation, Operation, StoryOperation } from './types';
import { OperationError, ensure } from './errors';
import { checkBlockRefs, checkIndex, checkShape } from './checks';
import { dropKey, hasKey, locateFrame, putKey, threadOwner, withStory } from './locate';
import { blockLength, insertText, mergeBlocks, removeText, setMarksInBlock, splitBlock } from './text';

const blocksSchema = z.array(storyBlockSchema).min(1, 'a story needs at least one paragraph');

function getStory(edition: Edition, storyId: Id, opType: string): Story {
  ensure(
    typeof storyId === 'string' && hasKey(edition.stories, storyId),
    opType,
    `story "${String(storyId)}" does not exist`,
  );
  return edition.stories[storyId];
}

function withBlocks(edition: Edition, story: Story, blocks: StoryBlock[]): Edition {
  return withStory(edition, { ...story, blocks });
}

/** Applies a splice to a story's paragraphs, returning the inverse splice. */
function replaceBlocks(
  edition: Edition,
  story: Story,
  index: number,
  count: number,
  blocks: StoryBlock[],
): AppliedOperation {
  const old = story.blocks.slice(index, index + count);
  const next = story.blocks.slice();
  next.splice(index, count, ...blocks);
  return {
    edition: withBlocks(edition, story, next),
    inverse: { type: 'replace_blocks', storyId: story.id, index, count: blocks.length, blocks: old },
  };
}

function checkThread(edition: Edition, storyId: Id, thread: unknown, opType: string): asserts thread is Id[] {
  ensure(Array.isArray(thread), opType, 'thread must be a list of frame ids');
  const seen = new Set<Id>();
  for (const frameId of thread as unknown[]) {
    ensure(typeof frameId === 'string', opType, 'thread must be a list of frame ids');
    const location = locateFrame(edition, frameId);
    ensure(location, opType, `frame "${frameId}" does not exist`);
    ensure(
      location.frame.kind === 'text',
      opType,
      `frame "${frameId}" is a ${location.frame.kind} frame, not a text frame`,
    );
    ensure(!seen.has(frameId), opType, `frame "${frameId}" appears twice in the thread`);
    const owner = threadOwner(edition, frameId);
    ensure(
      owner === undefined || owner === storyId,
      opType,
      `frame "${frameId}" is already in the thread of story "${owner}"`,
    );
    seen.add(frameId);
  }
}

export function applyStoryOperation(edition: Edition, op: StoryOperation): AppliedOperation {
  switch (op.type) {
    case 'set_story_blocks': {
      const story = getStory(edition, op.storyId, op.type);
      checkShape(blocksSchema, op.blocks, op.type, 'blocks');
      checkBlockRefs(edition, op.blocks, op.type);
      return {
        edition: withBlocks(edition, story, op.blocks),
        inverse: { type: 'set_story_blocks', storyId: story.id, blocks: story.blocks },
      };
    }
    case 'replace_blocks': {
      const story = getStory(edition, op.storyId, op.type);
      ensure(
        Number.isInteger(op.index) && op.index >= 0 && op.index <= story.blocks.length,
        op.type,
        `index ${op.index} is out of range`,
      );
      ensure(
        Number.isInteger(op.count) && op.count >= 0 && op.index + op.count <= story.blocks.length,
        op.type,
        `count ${op.count} runs past the last paragraph`,
      );
      checkShape(z.array(storyBlockSchema), op.blocks, op.type, 'blocks');
      ensure(
        story.blocks.length - op.count + op.blocks.length > 0,
        op.type,
        'a story needs at least one paragraph',
      );
      checkBlockRefs(edition, op.blocks, op.type);
      return replaceBlocks(edition, story, op.index, op.count, op.blocks);
    }
    case 'insert_text': {
      const story = getStory(edition, op.storyId, op.type);
      checkIndex(op.block, story.blocks.length, op.type, 'paragraph');
      const block = story.blocks[op.block];
      ensure(typeof op.text === 'string', op.type, 'text must be a string');
      ensure(
        Number.isInteger(op.offset) && op.offset >= 0 && op.offset <= blockLength(block),
        op.type,
        `offset ${op.offset} is outside paragraph ${op.block} (length ${blockLength(block)})`,
      );
      const blocks = story.blocks.slice();
      blocks[op.block] = insertText(block, op.offset, op.text);
      return {
        edition: withBlocks(edition, story, blocks),
        inverse: {
          type: 'remove_text',
          storyId: story.id,
          block: op.block,
          offset: op.offset,
          length: op.text.length,
        },
      };
    }
    case 'remove_text': {
      const story = getStory(edition, op.storyId, op.type);
      checkIndex(op.block, story.blocks.length, op.type, 'paragraph');
      const block = story.blocks[op.block];
      const length = blockLength(block);
      ensure(
        Number.isInteger(op.offset) &&
          Number.isInteger(op.length) &&
          op.offset >= 0 &&
          op.length >= 0 &&
          op.offset + op.length <= length,
        op.type,
        `range ${op.offset}+${op.length} is outside paragraph ${op.block} (length ${length})`,
      );
      return replaceBlocks(edition, story, op.block, 1, [removeText(block, op.offset, op.length)]);
    }
    case 'split_block': {
      const story = getStory(edition, op.storyId, op.type);
      checkIndex(op.block, story.blocks.length, op.type, 'paragraph');
      const block = story.blocks[op.block];
      ensure(
        Number.isInteger(op.offset) && op.offset >= 0 && op.offset <= blockLength(block),
        op.type,
        `offset ${op.offset} is outside paragraph ${op.block}`,
      );
      if (op.newType !== undefined) checkShape(blockRoleSchema, op.newType, op.type, 'newType');
      return replaceBlocks(edition, story, op.block, 1, splitBlock(block, op.offset, op.newType));
    }
    case 'merge_block': {
      const story = getStory(edition, op.storyId, op.type);
      ensure(
        Number.isInteger(op.block) && op.block >= 1 && op.block < story.blocks.length,
        op.type,
        `paragraph ${op.block} has no paragraph before it to join`,
      );
      const merged = mergeBlocks(story.blocks[op.block - 1], story.blocks[op.block]);
      return replaceBlocks(edition, story, op.block - 1, 2, [merged]);
    }
    case 'set_block': {
      const story = getStory(edition, op.storyId, op.type);
      checkIndex(op.block, story.blocks.length, op.type, 'paragraph');
      const block = story.blocks[op.block];
      const next: StoryBlock = { ...block };
      const props = op.props ?? {};
      if (props.type !== undefined)
        next.type = checkShape(blockRoleSchema, props.type, op.type, 'props.type') as StoryBlock['type'];
      if (props.styleId === null) delete next.styleId;
      else if (props.styleId !== undefined) next.styleId = props.styleId;
      checkBlockRefs(edition, [next], op.type);
      const blocks = story.blocks.slice();
      blocks[op.block] = next;
      const inverseProps: { type?: StoryBlock['type']; styleId?: Id | null } = {};
      if (props.type !== undefined) inverseProps.type = block.type;
      if (props.styleId !== undefined) inverseProps.styleId = block.styleId ?? null;
      return {
        edition: withBlocks(edition, story, blocks),
        inverse: { type: 'set_block', storyId: story.id, block: op.block, props: inverseProps },
      };
    }
    case 'set_marks': {
      const story = getStory(edition, op.storyId, op.type);
      const { from, to } = op;
      checkIndex(from?.block, story.blocks.length, op.type, 'from paragraph');
      checkIndex(to?.block, story.blocks.length, op.type, 'to paragraph');
      ensure(
        from.block < to.block || (from.block === to.block && from.offset <= to.offset),
        op.type,
        '"from" must not come after "to"',
      );
      ensure(
        Number.isInteger(from.offset) &&
          from.offset >= 0 &&
          from.offset <= blockLength(story.blocks[from.block]),
        op.type,
        `from offset ${from.offset} is outside its paragraph`,
      );
      ensure(
        Number.isInteger(to.offset) && to.offset >= 0 && to.offset <= blockLength(story.blocks[to.block]),
        op.type,
        `to offset ${to.offset} is outside its paragraph`,
      );
      const marks = op.marks ?? {};
      if (typeof marks.charStyleId === 'string') {
        ensure(
          hasKey(edition.styles.character, marks.charStyleId),
          op.type,
          `character style "${marks.charStyleId}" does not exist`,
        );
      }
      const changed = story.blocks.slice(from.block, to.block + 1).map((block, i) => {
        const b = from.block + i;
        const start = b === from.block ? from.offset : 0;
        const end = b === to.block ? to.offset : Infinity;
        return setMarksInBlock(block, start, end, marks);
      });
      return replaceBlocks(edition, story, from.block, changed.length, changed);
    }
    case 'add_story': {
      const story = checkShape(storySchema, op.story, op.type, 'story') as Story;
      ensure(!hasKey(edition.stories, story.id), op.type, `story id "${story.id}" is already in use`);
      checkBlockRefs(edition, story.blocks, op.type);
      checkThread(edition, story.id, story.thread, op.type);
      return {
        edition: { ...edition, stories: putKey(edition.stories, story.id, story, op.index) },
        inverse: { type: 'remove_story', storyId: story.id },
      };
    }
    case 'remove_story': {
      const story = getStory(edition, op.storyId, op.type);
      const { record, index } = dropKey(edition.stories, story.id);
      let next: Edition = { ...edition, stories: record };
      // Photo frames captioned by this story lose the link (and get it back on undo).
      const relink: Operation[] = [];
      const unlink = (frames: Edition['pages'][number]['frames']) =>
        frames.map((frame) => {
          if (frame.kind !== 'image' || frame.captionStoryId !== story.id) return frame;
          relink.push({ type: 'update_frame', frameId: frame.id, props: { captionStoryId: story.id } });
          return { ...frame, captionStoryId: null };
        });
      const pages = edition.pages.map((p) => {
        const frames = unlink(p.frames);
        return frames.some((f, i) => f !== p.frames[i]) ? { ...p, frames } : p;
      });
      const masters = edition.masters.map((m) => {
        const frames = unlink(m.frames);
        return frames.some((f, i) => f !== m.frames[i]) ? { ...m, frames } : m;
      });
      if (relink.length > 0) next = { ...next, pages, masters };
      const restore: Operation = { type: 'add_story', story, index };
      return {
        edition: next,
        inverse: relink.length > 0 ? { type: 'batch', ops: [restore, ...relink] } : restore,
      };
    }
    case 'set_story_props': {
      const story = getStory(edition, op.storyId, op.type);
      const props = op.props ?? {};
      if (props.name === undefined)
        return { edition, inverse: { type: 'set_story_props', storyId: story.id, props: {} } };
      ensure(typeof props.name === 'string', op.type, 'name must be a string');
      return {
        edition: withStory(edition, { ...story, name: props.name }),
        inverse: { type: 'set_story_props', storyId: story.id, props: { name: story.name } },
      };
    }
    case 'set_story_thread': {
      const story = getStory(edition, op.storyId, op.type);
      checkThread(edition, story.id, op.thread, op.type);
      return {
        edition: withStory(edition, { ...story, thread: op.thread.slice() }),
        inverse: { type: 'set_story_thread', storyId: story.id, thread: story.thread },
      };
    }
    default:
      throw new OperationError((op as { type: string }).type, 'unknown story operation');
  }
}
