import { describe, expect, it } from 'vitest';
import { composeEdition } from '../../../../shared/layout/compose-edition';
import type { DisplayList, DisplayTextFrame } from '../../../../shared/layout/display-list';
import { createFixedComposer } from './fixed-composer';
import {
  addFrame,
  addStory,
  body,
  block,
  boxWrappedImage,
  columnsFrame,
  han,
  testEdition,
} from './test-edition';

function textFrame(list: DisplayList, frameId: string): DisplayTextFrame {
  for (const page of list.pages) {
    for (const item of page.items) if (item.kind === 'text' && item.frameId === frameId) return item;
  }
  throw new Error(`no text frame ${frameId}`);
}

const round = (v: number) => Math.round(v * 1000) / 1000;
const lineSummary = (frame: DisplayTextFrame) =>
  frame.lines.map((l) => ({ column: l.column, x: l.x, y: l.y, text: l.text }));

describe('flow through columns and frames', () => {
  it('fills column after column, then the next frame on the next page', () => {
    const edition = testEdition(2);
    addFrame(edition, 0, columnsFrame('a', 100, 100, 3));
    // Balancing off: this is about the order columns fill in (balance.test.ts covers balancing).
    addFrame(edition, 1, columnsFrame('b', 200, 50, 3, { balanceColumns: false }));
    const text = han(40);
    addStory(edition, 's', [body(text)], ['a', 'b']);
    const list = composeEdition(edition, createFixedComposer());
    // 5 characters a line, 3 lines a column: a holds 30, b the last 10.
    const top = (y: number) => y + 8.8;
    expect(lineSummary(textFrame(list, 'a'))).toEqual([
      { column: 0, x: 100, y: top(100), text: text.slice(0, 5) },
      { column: 0, x: 100, y: top(115), text: text.slice(5, 10) },
      { column: 0, x: 100, y: top(130), text: text.slice(10, 15) },
      { column: 1, x: 160, y: top(100), text: text.slice(15, 20) },
      { column: 1, x: 160, y: top(115), text: text.slice(20, 25) },
      { column: 1, x: 160, y: top(130), text: text.slice(25, 30) },
    ]);
    expect(lineSummary(textFrame(list, 'b'))).toEqual([
      { column: 0, x: 200, y: top(50), text: text.slice(30, 35) },
      { column: 0, x: 200, y: top(65), text: text.slice(35, 40) },
    ]);
    expect(list.pages[1].items.find((i) => i.frameId === 'b')).toBeDefined();
    const frameA = textFrame(list, 'a');
    expect(frameA.columns).toEqual([
      { x: 100, y: 100, width: 50, height: 40 },
      { x: 160, y: 100, width: 50, height: 40 },
    ]);
    expect(frameA.overset).toBe(false);
    // Glyphs are placed absolutely on the page.
    const first = frameA.lines[0].runs[0];
    expect(first.x.slice(0, 3)).toEqual([100, 110, 120]);
    expect(first.y).toBeCloseTo(108.8);
    expect(first.clusters.slice(0, 3)).toEqual([0, 1, 2]);
    expect(textFrame(list, 'b').lines[0].start).toBe(30);
  });

  it('applies space after between paragraphs and drops space before at a column top', () => {
    const edition = testEdition();
    edition.styles.paragraph['ps-body'] = {
      ...edition.styles.paragraph['ps-body'],
      spaceBefore: 5,
      spaceAfter: 3,
    };
    addFrame(edition, 0, columnsFrame('a', 0, 0, 10, { columns: 1, width: 50 }));
    addStory(edition, 's', [body(han(5)), body(han(5, 5))], ['a']);
    const lines = textFrame(composeEdition(edition, createFixedComposer()), 'a').lines;
    expect(lines.map((l) => l.y)).toEqual([8.8, 15 + 3 + 5 + 8.8]);
  });

  it('sets a spanning headline across the frame and the body in columns below it', () => {
    const edition = testEdition();
    addFrame(edition, 0, columnsFrame('a', 100, 100, 6));
    addStory(edition, 's', [block('headline', han(8)), body(han(20, 100))], ['a']);
    const lines = textFrame(composeEdition(edition, createFixedComposer()), 'a').lines;
    // 110 pt across at 20 pt: 5 characters, then 3. Leading 24.
    expect(lines.slice(0, 2).map((l) => [l.x, l.width, l.y, l.text.length])).toEqual([
      [100, 110, 100 + 17.6, 5],
      [100, 110, 124 + 17.6, 3],
    ]);
    // Body starts below the headline (100 + 2 × 24 = 148) in both columns.
    const bodyLines = lines.slice(2);
    expect(bodyLines.map((l) => [l.column, l.y])).toEqual([
      [0, 148 + 8.8],
      [0, 163 + 8.8],
      [1, 148 + 8.8],
      [1, 163 + 8.8],
    ]);
  });

  it('runs a lead-in into the paragraph after it, mapping each part to its own block', () => {
    const edition = testEdition();
    addFrame(edition, 0, columnsFrame('a', 0, 0, 5, { columns: 1, width: 50 }));
    addStory(edition, 's', [block('lead-in', '本报讯'), body('今天下雨了吗')], ['a']);
    const list = composeEdition(edition, createFixedComposer());
    const lines = textFrame(list, 'a').lines;
    // One printed line "本报讯今天", shown as two DisplayLines on one baseline.
    expect(lines.map((l) => [l.block, l.start, l.end, l.text, l.y, l.continuesLine ?? false])).toEqual([
      [0, 0, 3, '本报讯', 8.8, false],
      [1, 0, 2, '今天', 8.8, true],
      [1, 2, 6, '下雨了吗', 23.8, false],
    ]);
    expect(lines[0].x).toBe(0);
    expect(lines[1].x).toBe(30);
    expect(lines[0].width + lines[1].width).toBe(50);
    expect(lines[1].runs[0].clusters).toEqual([0, 1]);
    expect(lines[0].runs[0].fontKey).toMatch(/Sans/);
    expect(lines[1].runs[0].fontKey).toMatch(/Serif/);
  });
});

describe('text wrap', () => {
  it('shortens lines beside a wrapped photo and skips lines it blocks entirely', () => {
    const edition = testEdition();
    addFrame(edition, 0, columnsFrame('a', 0, 0, 6, { columns: 1, width: 100 }));
    // Covers x 60..100 (with a 5 pt offset) for the second and third line bands.
    addFrame(
      edition,
      0,
      boxWrappedImage(
        'photo',
        { x: 65, y: 17, width: 40, height: 10 },
        { top: 0, right: 0, bottom: 0, left: 5 },
      ),
    );
    // A full-width box across the fourth line band blocks it completely.
    addFrame(edition, 0, boxWrappedImage('bar', { x: 0, y: 46, width: 100, height: 2 }));
    addStory(edition, 's', [body(han(40))], ['a']);
    const lines = textFrame(composeEdition(edition, createFixedComposer()), 'a').lines;
    expect(lines.map((l) => [round(l.y - 8.8), l.x, l.width, l.text.length])).toEqual([
      [0, 0, 100, 10],
      [15, 0, 60, 6],
      [30, 0, 100, 10],
      // 45: blocked by the bar
      [60, 0, 100, 10],
      [75, 0, 100, 4],
    ]);
  });

  it('leaves frames that ignore wrap alone', () => {
    const edition = testEdition();
    addFrame(edition, 0, columnsFrame('a', 0, 0, 3, { columns: 1, width: 100, ignoreWrap: true }));
    addFrame(edition, 0, boxWrappedImage('photo', { x: 0, y: 0, width: 100, height: 100 }));
    addStory(edition, 's', [body(han(10))], ['a']);
    const lines = textFrame(composeEdition(edition, createFixedComposer()), 'a').lines;
    expect(lines.map((l) => [l.x, l.width])).toEqual([[0, 100]]);
  });
});

describe('overset and copyfit', () => {
  it('counts the characters and lines that did not fit at the last column measure', () => {
    const edition = testEdition();
    addFrame(edition, 0, columnsFrame('a', 0, 0, 2));
    addStory(edition, 's', [body(han(27)), body(han(12, 50))], ['a']);
    const list = composeEdition(edition, createFixedComposer());
    // 4 lines of 5 fit (20 characters); 7 + 12 remain: 2 + 3 lines at 5 a line.
    expect(list.stories.s).toEqual({
      storyId: 's',
      charactersSet: 20,
      oversetCharacters: 19,
      oversetLines: 5,
      copyfitLines: -5,
      totalCharacters: 39,
    });
    expect(textFrame(list, 'a').overset).toBe(true);
  });

  it('reports the lines of room left when the story is short', () => {
    const edition = testEdition();
    addFrame(edition, 0, columnsFrame('a', 0, 0, 4));
    addStory(edition, 's', [body(han(12))], ['a']);
    const list = composeEdition(edition, createFixedComposer());
    // 3 of 8 lines used: 1 left in the first column, 4 in the second.
    expect(list.stories.s.copyfitLines).toBe(5);
    expect(list.stories.s.oversetLines).toBe(0);
    expect(textFrame(list, 'a').overset).toBe(false);
  });
});
