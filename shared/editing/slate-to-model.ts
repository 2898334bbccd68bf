/**
 * Turns the Slate operations of one story edit into model operations
 * (shared/model/ops/types.ts), so that every keystroke goes through the
 * model's one apply path. Typing maps to insert_text / remove_text,
 * Enter to split_block, joining paragraphs to merge_block, a role change to
 * set_block; leaf-level restructuring (marks splitting and joining runs,
 * Slate's normalisation) becomes replace_blocks of the paragraph concerned,
 * carrying exactly the paragraph Slate produced.
 *
 * Slate and the model agree on what a story is (the model's story JSON is
 * the editor's value) but not always on the fine print of an operation
 * (which run an insertion at a run boundary joins, whether empty runs stay),
 * so the translation is checked: the model operations are replayed on the
 * story's blocks and must give exactly what Slate has; if they do not, the
 * whole changed range is sent as one replace_blocks instead. The model
 * therefore always ends equal to the editor.
 */
import { createEditor, Transforms, type Descendant, type Operation as SlateOperation } from 'slate';
import type { Id, StoryBlock } from '../model/types';
import type { StoryOperation } from '../model/ops/types';
import { blockText } from './story-points';
import { sameBlock, sameStory } from './same-story';

/** Applies model story operations to a story's blocks (the model's own text functions, injected). */
export type ApplyToBlocks = (blocks: StoryBlock[], ops: readonly StoryOperation[]) => StoryBlock[];

export interface Translation {
  ops: StoryOperation[];
  /** The story's blocks after the edit (Slate's value). */
  after: StoryBlock[];
  /** True when the fine-grained translation disagreed and a replace of the changed range was sent. */
  fellBack: boolean;
}

function scratchEditor(blocks: StoryBlock[]) {
  const editor = createEditor();
  editor.children = blocks as unknown as Descendant[];
  return editor;
}

const leafStart = (block: StoryBlock, leaf: number): number => {
  let n = 0;
  for (let i = 0; i < leaf; i++) n += block.children[i].text.length;
  return n;
};

/** A leaf's marks as a comparable string. */
function marksKey(leaf: { text: string } & Record<string, unknown>): string {
  const { text: _text, ...marks } = leaf;
  return JSON.stringify(
    Object.keys(marks)
      .sort()
      .map((k) => [k, marks[k]]),
  );
}

/**
 * Translates one change. `before` is the story's blocks as the model has
 * them (equal to the editor's value before `slateOps`).
 */
export function translateSlateOps(
  storyId: Id,
  before: StoryBlock[],
  slateOps: readonly SlateOperation[],
  applyToBlocks: ApplyToBlocks,
): Translation {
  const scratch = scratchEditor(before);
  const out: StoryOperation[] = [];
  const blocksNow = () => scratch.children as unknown as StoryBlock[];
  /** Replaces paragraph `b` with what Slate has now; merges with an immediately preceding replace of the same paragraph. */
  const replaceBlock = (b: number) => {
    const last = out[out.length - 1];
    const block = blocksNow()[b];
    if (
      last &&
      last.type === 'replace_blocks' &&
      last.index === b &&
      last.count === 1 &&
      last.blocks.length === 1
    ) {
      out[out.length - 1] = { ...last, blocks: [block] };
    } else {
      out.push({ type: 'replace_blocks', storyId, index: b, count: 1, blocks: [block] });
    }
  };

  for (const op of slateOps) {
    if (op.type === 'set_selection') continue;
    const state = blocksNow();
    const depth = 'path' in op ? op.path.length : 0;
    const b = 'path' in op ? op.path[0] : 0;
    switch (op.type) {
      case 'insert_text': {
        const block = state[b];
        const l = op.path[1];
        const boundary = op.offset === 0 && l > 0;
        Transforms.transform(scratch, op);
        // At the start of a run after another run the model would join the
        // earlier run (other marks): send the paragraph instead.
        if (boundary && marksKey(block.children[l - 1] as never) !== marksKey(block.children[l] as never))
          replaceBlock(b);
        else
          out.push({
            type: 'insert_text',
            storyId,
            block: b,
            offset: leafStart(block, l) + op.offset,
            text: op.text,
          });
        break;
      }
      case 'remove_text': {
        const block = state[b];
        Transforms.transform(scratch, op);
        out.push({
          type: 'remove_text',
          storyId,
          block: b,
          offset: leafStart(block, op.path[1]) + op.offset,
          length: op.text.length,
        });
        break;
      }
      case 'split_node': {
        if (depth === 1) {
          const block = state[b];
          const offset = leafStart(block, op.position);
          const newType = (op.properties as Partial<StoryBlock>).type;
          Transforms.transform(scratch, op);
          out.push({
            type: 'split_block',
            storyId,
            block: b,
            offset,
            ...(newType && newType !== block.type ? { newType } : {}),
          });
        } else {
          // Cutting a run in two changes neither text nor marks: nothing to send.
          Transforms.transform(scratch, op);
        }
        break;
      }
      case 'merge_node': {
        Transforms.transform(scratch, op);
        // Joining two runs (Slate's normalisation) is not a change of the story either.
        if (depth === 1) out.push({ type: 'merge_block', storyId, block: b });
        break;
      }
      case 'set_node': {
        Transforms.transform(scratch, op);
        if (depth === 2) {
          // Marks on one run: set_marks over the run's characters.
          const block = state[b];
          const start = leafStart(block, op.path[1]);
          const end = start + block.children[op.path[1]].text.length;
          const props = op.newProperties as Record<string, unknown>;
          const marks: { bold?: boolean; italic?: boolean; charStyleId?: Id | null } = {};
          if ('bold' in props) marks.bold = props.bold === true;
          if ('italic' in props) marks.italic = props.italic === true;
          if ('charStyleId' in props) marks.charStyleId = (props.charStyleId as Id | undefined) ?? null;
          if (Object.keys(marks).length === 0 || 'field' in props || 'text' in props) replaceBlock(b);
          else
            out.push({
              type: 'set_marks',
              storyId,
              from: { block: b, offset: start },
              to: { block: b, offset: end },
              marks,
            });
        } else if (depth === 1) {
          const props = op.newProperties as Partial<StoryBlock>;
          const patch: { type?: StoryBlock['type']; styleId?: Id | null } = {};
          if ('type' in props && props.type) patch.type = props.type;
          if ('styleId' in props) patch.styleId = props.styleId ?? null;
          out.push({ type: 'set_block', storyId, block: b, props: patch });
        } else replaceBlock(b);
        break;
      }
      case 'insert_node': {
        Transforms.transform(scratch, op);
        if (depth === 1)
          out.push({ type: 'replace_blocks', storyId, index: b, count: 0, blocks: [op.node as StoryBlock] });
        else replaceBlock(b);
        break;
      }
      case 'remove_node': {
        const removedEmptyRun = depth === 2 && (op.node as { text?: string }).text === '';
        Transforms.transform(scratch, op);
        if (depth === 1) out.push({ type: 'replace_blocks', storyId, index: b, count: 1, blocks: [] });
        else if (!removedEmptyRun) replaceBlock(b);
        break;
      }
      case 'move_node': {
        Transforms.transform(scratch, op);
        out.push({ type: 'set_story_blocks', storyId, blocks: blocksNow() });
        break;
      }
    }
  }

  const after = blocksNow();
  let replayed: StoryBlock[] | null = null;
  try {
    replayed = applyToBlocks(before, out);
  } catch {
    replayed = null;
  }
  if (replayed && sameStory(replayed, after)) return { ops: out, after, fellBack: false };
  return { ops: rangeReplace(storyId, before, after), after, fellBack: true };
}

/** One replace_blocks covering the paragraphs that differ (common head and tail kept). */
export function rangeReplace(
  storyId: Id,
  before: readonly StoryBlock[],
  after: readonly StoryBlock[],
): StoryOperation[] {
  let head = 0;
  while (head < before.length && head < after.length && sameBlock(before[head], after[head])) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    sameBlock(before[before.length - 1 - tail], after[after.length - 1 - tail])
  )
    tail++;
  const count = before.length - head - tail;
  const blocks = after.slice(head, after.length - tail);
  if (count === 0 && blocks.length === 0) return [];
  return [{ type: 'replace_blocks', storyId, index: head, count, blocks }];
}

/** What a change did to the text, for undo grouping: the characters typed, if it only typed. */
export function typedText(ops: readonly StoryOperation[]): string | null {
  if (ops.length === 0 || !ops.every((op) => op.type === 'insert_text')) return null;
  return ops.map((op) => (op.type === 'insert_text' ? op.text : '')).join('');
}

export { blockText };
