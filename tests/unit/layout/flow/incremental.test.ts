import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Composition, composeEdition } from '../../../../shared/layout/compose-edition';
import type { Edition, StoryBlock } from '../../../../shared/model/types';
import { createFixedComposer } from './fixed-composer';
import {
  addFrame,
  addStory,
  block,
  body,
  boxWrappedImage,
  columnsFrame,
  createTextFrame,
  han,
  testEdition,
} from './test-edition';

/** Three pages: story s threads pages 1 and 2 (with a wrapped photo), story t sits alone on page 3. */
function edition(): Edition {
  const e = testEdition(3);
  addFrame(e, 0, columnsFrame('a', 0, 0, 6));
  addFrame(e, 0, boxWrappedImage('photo', { x: 70, y: 20, width: 40, height: 20 }, 2));
  addFrame(e, 1, columnsFrame('b', 0, 0, 6));
  addFrame(e, 2, columnsFrame('c', 0, 0, 6));
  addStory(
    e,
    's',
    [
      block('headline', han(6)),
      block('lead-in', '本报讯'),
      body(han(23, 10)),
      block('section-head', han(4, 40)),
      body(han(31, 50)),
      body(han(17, 90)),
    ],
    ['a', 'b'],
  );
  addStory(e, 't', [body(han(20, 200))], ['c']);
  return e;
}

function withBlocks(e: Edition, storyId: string, blocks: StoryBlock[]): Edition {
  return { ...e, stories: { ...e.stories, [storyId]: { ...e.stories[storyId], blocks } } };
}

/** Edits the text of one block: insert or delete characters at an offset. */
function editText(e: Edition, blockIndex: number, at: number, remove: number, insert: string): Edition {
  const blocks = e.stories.s.blocks.map((b, i) => {
    if (i !== blockIndex) return b;
    const text = b.children.map((c) => c.text).join('');
    const cut = Math.min(at, text.length);
    return { ...b, children: [{ text: text.slice(0, cut) + insert + text.slice(cut + remove) }] };
  });
  return withBlocks(e, 's', blocks);
}

describe('incremental recomposition', () => {
  it('one typed character recomposes its story only and keeps untouched pages as they were', () => {
    const composer = createFixedComposer();
    const composition = new Composition(composer);
    const first = composition.compose(edition());
    const before = composer.calls;
    // Block 2 (the paragraph the lead-in runs into) crosses from page 1 to page 2.
    const edited = editText(composition['state']!.edition, 2, 5, 0, '字');
    const next = composition.update(edited, { storyId: 's', block: 2 });
    expect(next).toEqual(composeEdition(edited, createFixedComposer()));
    // Page 3 (story t) is the very same object; the pages of story s were rebuilt.
    expect(next.pages[2]).toBe(first.pages[2]);
    expect(next.pages[0]).not.toBe(first.pages[0]);
    expect(next.pages[1]).not.toBe(first.pages[1]);
    // The headline's lines keep their objects.
    const frameBefore = first.pages[0].items.find((i) => i.frameId === 'a');
    const frameAfter = next.pages[0].items.find((i) => i.frameId === 'a');
    if (frameBefore?.kind !== 'text' || frameAfter?.kind !== 'text') throw new Error('frame a missing');
    expect(frameAfter.lines[0]).toBe(frameBefore.lines[0]);
    // Fewer composer calls than composing the edition again.
    const full = createFixedComposer();
    composeEdition(edited, full);
    expect(composer.calls - before).toBeLessThan(full.calls);
  });

  it('an edit that does not change the rest of the flow reuses the tail of the story', () => {
    const composer = createFixedComposer();
    const composition = new Composition(composer);
    const first = composition.compose(edition());
    const before = composer.calls;
    // Block 4 sits on page 2 only; replacing one character keeps every line break.
    const edited = editText(composition['state']!.edition, 4, 3, 1, '字');
    const next = composition.update(edited, { storyId: 's', block: 4 });
    expect(next).toEqual(composeEdition(edited, createFixedComposer()));
    expect(next.pages[0]).toBe(first.pages[0]);
    // The last paragraph (block 5) was not composed again: its lines are the same objects.
    const linesOf = (list: typeof first) => {
      const frame = list.pages[1].items.find((i) => i.frameId === 'b');
      return frame?.kind === 'text' ? frame.lines.filter((l) => l.block === 5) : [];
    };
    expect(linesOf(next).length).toBeGreaterThan(0);
    linesOf(next).forEach((line, i) => expect(line).toBe(linesOf(first)[i]));
    // Only the paragraphs around the edit were composed again (section head, block 4).
    expect(composer.calls - before).toBe(2);
  });

  it('moves the paragraphs below an edit that added a line instead of composing them again', () => {
    const e = testEdition(1);
    addFrame(e, 0, columnsFrame('tall', 0, 0, 30, { columns: 1, width: 50 }));
    addStory(e, 'u', [body(han(10)), body(han(12, 20)), body(han(7, 40)), body(han(9, 60))], ['tall']);
    const composer = createFixedComposer();
    const composition = new Composition(composer);
    composition.compose(e);
    const before = composer.calls;
    // Five more characters: the first paragraph grows from 2 lines to 3.
    const blocks = e.stories.u.blocks.map((b, i) => (i === 0 ? body(han(15)) : b));
    const edited = { ...e, stories: { ...e.stories, u: { ...e.stories.u, blocks } } };
    const next = composition.update(edited, { storyId: 'u', block: 0 });
    expect(next).toEqual(composeEdition(edited, createFixedComposer()));
    // Only the edited paragraph went through the composer; the three below moved down a line.
    expect(composer.calls - before).toBe(1);
    const frame = next.pages[0].items.find((i) => i.frameId === 'tall');
    if (frame?.kind !== 'text') throw new Error('frame missing');
    expect(frame.lines.find((l) => l.block === 1)!.y).toBeCloseTo(3 * 15 + 8.8);
  });

  it('gives the same display list as a full compose after any sequence of edits', () => {
    const edit = fc.record({
      block: fc.nat(5),
      at: fc.nat(40),
      remove: fc.nat(12),
      insert: fc.string({ unit: fc.constantFrom('字', '文', '𠮷', 'a', ' '), maxLength: 15 }),
      kind: fc.constantFrom('type', 'type', 'split', 'merge'),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const composition = new Composition(createFixedComposer());
        let current = edition();
        composition.compose(current);
        for (const e of edits) {
          if (e.kind === 'merge' && current.stories.s.blocks.length > 1) {
            // Backspace at a block start: the block joins the one before it.
            const blocks = [...current.stories.s.blocks];
            const index = Math.max(1, Math.min(e.block, blocks.length - 1));
            const joined = [...blocks[index - 1].children, ...blocks[index].children];
            blocks.splice(index - 1, 2, { ...blocks[index - 1], children: joined });
            current = withBlocks(current, 's', blocks);
            composition.update(current, { storyId: 's', block: index - 1 });
          } else if (e.kind === 'split') {
            // Enter: split a block in two (the block count changes).
            const blocks = [...current.stories.s.blocks];
            const target = blocks[Math.min(e.block, blocks.length - 1)];
            const text = target.children.map((c) => c.text).join('');
            const cut = Math.min(e.at, text.length);
            const index = blocks.indexOf(target);
            blocks.splice(
              index,
              1,
              { ...target, children: [{ text: text.slice(0, cut) }] },
              body(text.slice(cut)),
            );
            current = withBlocks(current, 's', blocks);
            composition.update(current, { storyId: 's', block: index });
          } else {
            const index = Math.min(e.block, current.stories.s.blocks.length - 1);
            current = editText(current, index, e.at, e.remove, e.insert);
            composition.update(current, { storyId: 's', block: index });
          }
          expect(composition.displayList).toEqual(composeEdition(current, createFixedComposer()));
        }
      }),
      { numRuns: 40, seed: 20261127 },
    );
  });

  it('recomposes everything when frames change', () => {
    const composition = new Composition(createFixedComposer());
    const e = edition();
    composition.compose(e);
    const moved = {
      ...e,
      pages: e.pages.map((p, i) =>
        i === 0 ? { ...p, frames: p.frames.map((f) => (f.id === 'a' ? { ...f, x: 5 } : f)) } : p,
      ),
    };
    expect(composition.update(moved, { storyId: 's', block: 0 })).toEqual(
      composeEdition(moved, createFixedComposer()),
    );
  });
});

describe('incremental recomposition of master-page stories', () => {
  it('recomposes a folio line on every page that shows it', () => {
    const e = testEdition(2);
    const folio = createTextFrame('folio', { x: 0, y: 0, width: 300, height: 12 }, { alignToGrid: false });
    e.masters = [{ ...e.masters[0], frames: [folio] }];
    addFrame(e, 0, columnsFrame('a', 0, 20, 3));
    addStory(
      e,
      'f',
      [{ type: 'folio', children: [{ text: '第' }, { text: '', field: 'pageNumber' }, { text: '版' }] }],
      ['folio'],
    );
    addStory(e, 's', [body(han(10))], ['a']);
    const composition = new Composition(createFixedComposer());
    const first = composition.compose(e);
    const pageWithBody = first.pages[0];
    const edited = withBlocks(e, 'f', [
      { type: 'folio', children: [{ text: '第' }, { text: '', field: 'pageNumber' }, { text: '版 要闻' }] },
    ]);
    const next = composition.update(edited, { storyId: 'f', block: 0 });
    expect(next).toEqual(composeEdition(edited, createFixedComposer()));
    const text = (list: typeof first, page: number) => {
      const item = list.pages[page].items[0];
      return item.kind === 'text' ? item.lines.map((l) => l.text).join('') : '';
    };
    expect([text(first, 0), text(first, 1)]).toEqual(['第1版', '第2版']);
    expect([text(next, 0), text(next, 1)]).toEqual(['第1版 要闻', '第2版 要闻']);
    // The body frame on page 1 is untouched by the folio edit.
    expect(next.pages[0].items[1]).toBe(pageWithBody.items[1]);
  });
});
