import { describe, expect, it } from 'vitest';
import { caretRect, hitTest, selectionRects } from '../../../shared/editing/caret-map';
import type { DisplayLine, DisplayList, GlyphRun } from '../../../shared/layout/display-list';
import { oneColumnTextFrame, plainPage } from '../../support/display-items';

const black = {
  cmyk: [0, 0, 0, 100] as [number, number, number, number],
  spot: null,
  tint: 100,
  rgb: '#000',
};

/** A line of monospaced 10-pt glyphs, one per character, starting at x. */
function line(block: number, start: number, text: string, x: number, y: number): DisplayLine {
  const run: GlyphRun = {
    fontKey: 'f',
    size: 10,
    color: black,
    y,
    glyphs: [...text].map((_, i) => i + 1),
    x: [...text].map((_, i) => x + i * 10),
    advances: [...text].map(() => 10),
    clusters: [...text].map((_, i) => start + i),
    text,
    fauxItalic: false,
    fauxBold: false,
  };
  return {
    storyId: 's1',
    block,
    start,
    end: start + text.length,
    column: 0,
    x,
    width: 100,
    y,
    ascent: 8,
    descent: 2,
    text,
    runs: [run],
  };
}

// Block 0 "abcdefghij" + "klm" over two lines in frame f1; block 1 "xyz" in frame f2 on page 1.
const list: DisplayList = {
  pages: [
    plainPage('p1', 0, [
      oneColumnTextFrame('f1', 's1', { x: 100, y: 100, width: 100, height: 24 }, [
        line(0, 0, 'abcdefghij', 100, 110),
        line(0, 10, 'klm', 100, 122),
      ]),
    ]),
    plainPage('p2', 1, [
      oneColumnTextFrame('f2', 's1', { x: 0, y: 0, width: 100, height: 50 }, [line(1, 0, 'xyz', 0, 10)]),
    ]),
  ],
  stories: {},
  missingGlyphs: [],
  fonts: {},
};

describe('caret and selection on the composed page', () => {
  it('puts the caret before the character at its composed x', () => {
    expect(caretRect(list, 's1', { block: 0, offset: 3 })).toMatchObject({
      pageIndex: 0,
      x: 130,
      y: 102,
      height: 10,
    });
  });

  it('puts a caret at a line break at the start of the next line', () => {
    expect(caretRect(list, 's1', { block: 0, offset: 10 })).toMatchObject({ x: 100, y: 114 });
  });

  it('follows the thread to the next page', () => {
    expect(caretRect(list, 's1', { block: 1, offset: 3 })).toMatchObject({
      pageIndex: 1,
      frameId: 'f2',
      x: 30,
    });
  });

  it('returns no caret for text that is not set', () => {
    expect(caretRect(list, 's1', { block: 2, offset: 0 })).toBeNull();
  });

  it('covers a selection across a line break with one rectangle per line', () => {
    const rects = selectionRects(list, 's1', { block: 0, offset: 12 }, { block: 0, offset: 8 });
    expect(rects.map((r) => [r.x, r.width])).toEqual([
      [180, 20],
      [100, 20],
    ]);
  });

  it('maps a click on a character back to the story', () => {
    // Click on the right half of "c" (x 120–130): the caret goes after it.
    expect(hitTest(list, 0, 127, 105)).toMatchObject({ storyId: 's1', point: { block: 0, offset: 3 } });
    // Second line, left half of "l".
    expect(hitTest(list, 0, 111, 120)).toMatchObject({ point: { block: 0, offset: 11 } });
    expect(hitTest(list, 0, 10, 10)).toBeNull();
  });
});
