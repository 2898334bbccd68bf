import { describe, expect, it } from 'vitest';
import { createEditor, Editor, Transforms, type Descendant, type Operation } from 'slate';
import { applyToBlocks } from '../../../shared/editing/apply-to-blocks';
import { sameStory } from '../../../shared/editing/same-story';
import { translateSlateOps } from '../../../shared/editing/slate-to-model';
import type { StoryBlock } from '../../../shared/model/types';

/** Runs an edit on a headless Slate editor and returns its operations and result. */
function edit(blocks: StoryBlock[], run: (editor: Editor) => void) {
  const editor = createEditor();
  editor.children = structuredClone(blocks) as unknown as Descendant[];
  const ops: Operation[] = [];
  const { apply } = editor;
  editor.apply = (op) => {
    ops.push(op);
    apply(op);
  };
  run(editor);
  Editor.normalize(editor, { force: true });
  return { ops, after: editor.children as unknown as StoryBlock[] };
}

const story: StoryBlock[] = [
  { type: 'headline', children: [{ text: '示范区真抓实干' }] },
  { type: 'body', children: [{ text: 'Hello ' }, { text: 'bold', bold: true }, { text: ' world' }] },
];

function translate(run: (editor: Editor) => void) {
  const { ops, after } = edit(story, run);
  const result = translateSlateOps('s1', story, ops, applyToBlocks);
  // Whatever the route, the model ends exactly where the editor is.
  expect(sameStory(applyToBlocks(story, result.ops), after)).toBe(true);
  return result;
}

describe('Slate edits become model operations', () => {
  it('maps typing to insert_text at the paragraph offset', () => {
    const r = translate((e) => {
      Transforms.select(e, { path: [1, 2], offset: 3 });
      e.insertText('中文');
    });
    expect(r.fellBack).toBe(false);
    expect(r.ops).toEqual([{ type: 'insert_text', storyId: 's1', block: 1, offset: 13, text: '中文' }]);
  });

  it('maps Backspace to remove_text', () => {
    const r = translate((e) => {
      Transforms.select(e, { path: [0, 0], offset: 3 });
      e.deleteBackward('character');
    });
    expect(r.ops).toEqual([{ type: 'remove_text', storyId: 's1', block: 0, offset: 2, length: 1 }]);
  });

  it('maps Enter to split_block and Backspace at a paragraph start to merge_block', () => {
    const split = translate((e) => {
      Transforms.select(e, { path: [0, 0], offset: 3 });
      e.insertBreak();
    });
    expect(split.ops[0]).toMatchObject({ type: 'split_block', block: 0, offset: 3 });
    const merge = translate((e) => {
      Transforms.select(e, { path: [1, 0], offset: 0 });
      e.deleteBackward('character');
    });
    expect(merge.fellBack).toBe(false);
    expect(merge.ops).toEqual([{ type: 'merge_block', storyId: 's1', block: 1 }]);
    expect(split.fellBack).toBe(false);
  });

  it('maps a role change to set_block', () => {
    const r = translate((e) => {
      Transforms.select(e, { path: [1, 0], offset: 0 });
      Transforms.setNodes(e, { type: 'section-head' });
    });
    expect(r.ops).toEqual([{ type: 'set_block', storyId: 's1', block: 1, props: { type: 'section-head' } }]);
  });

  it('keeps marks exact when bolding part of a run', () => {
    const r = translate((e) => {
      Transforms.select(e, { anchor: { path: [1, 0], offset: 0 }, focus: { path: [1, 0], offset: 5 } });
      Editor.addMark(e, 'italic', true);
    });
    expect(r.fellBack).toBe(false);
    expect(r.ops).toEqual([
      {
        type: 'set_marks',
        storyId: 's1',
        from: { block: 1, offset: 0 },
        to: { block: 1, offset: 5 },
        marks: { italic: true },
      },
    ]);
  });

  it('keeps typing after a bold run plain, at the run boundary', () => {
    const r = translate((e) => {
      Transforms.select(e, { path: [1, 2], offset: 0 });
      e.insertText('!');
    });
    expect(r.after[1].children.map((l) => l.text)).toEqual(['Hello ', 'bold', '! world']);
  });

  it('maps a pasted fragment of several paragraphs', () => {
    const r = translate((e) => {
      Transforms.select(e, { path: [1, 2], offset: 6 });
      Transforms.insertFragment(e, [
        { type: 'body', children: [{ text: ' One.' }] },
        { type: 'lead-in', children: [{ text: '本报讯' }] },
        { type: 'body', children: [{ text: 'Two.' }] },
      ]);
    });
    expect(r.after.map((b) => b.type)).toEqual(['headline', 'body', 'lead-in', 'body']);
  });
});
