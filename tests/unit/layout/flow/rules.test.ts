import { describe, expect, it } from 'vitest';
import { composeEdition } from '../../../../shared/layout/compose-edition';
import type { DisplayList, DisplayTextFrame } from '../../../../shared/layout/display-list';
import { createFixedComposer } from './fixed-composer';
import { addFrame, addStory, block, body, columnsFrame, han, testEdition } from './test-edition';

function textFrame(list: DisplayList, frameId: string): DisplayTextFrame {
  for (const page of list.pages) {
    for (const item of page.items) if (item.kind === 'text' && item.frameId === frameId) return item;
  }
  throw new Error(`no text frame ${frameId}`);
}

const round = (v: number) => Math.round(v * 1000) / 1000;

describe('baseline grid', () => {
  it('snaps body baselines to the page grid so columns line up under an off-grid headline', () => {
    const edition = testEdition();
    edition.pages[0] = { ...edition.pages[0], baselineGrid: { start: 8.8, increment: 15 } };
    edition.styles.paragraph['ps-headline'] = { ...edition.styles.paragraph['ps-headline'], leading: 27 };
    addFrame(edition, 0, columnsFrame('a', 0, 0, 6, { alignToGrid: true }));
    addStory(edition, 's', [block('headline', han(3)), body(han(30, 10))], ['a']);
    const lines = textFrame(composeEdition(edition, createFixedComposer()), 'a').lines;
    const [headline, ...bodyLines] = lines;
    // The headline (style not on the grid) keeps its own place: top 0 + 0.88 × 20.
    expect(round(headline.y)).toBe(17.6);
    // Body would start at 27 + 8.8 = 35.8; the next grid line is 8.8 + 2 × 15 = 38.8.
    const onGrid = (y: number) => round((y - 8.8) / 15) === Math.round((y - 8.8) / 15);
    expect(bodyLines.every((l) => onGrid(l.y))).toBe(true);
    expect(round(bodyLines[0].y)).toBe(38.8);
    const column0 = bodyLines.filter((l) => l.column === 0).map((l) => round(l.y));
    const column1 = bodyLines.filter((l) => l.column === 1).map((l) => round(l.y));
    expect(column1.length).toBeGreaterThan(0);
    expect(column1).toEqual(column0.slice(0, column1.length));
  });
});

describe('widows, orphans and keep with next', () => {
  function twoColumnStory(
    lines: number,
    paragraphs: string[],
    styleProps: Record<string, number | boolean> = {},
  ) {
    const edition = testEdition();
    edition.styles.paragraph['ps-body'] = { ...edition.styles.paragraph['ps-body'], ...styleProps };
    addFrame(edition, 0, columnsFrame('a', 0, 0, lines));
    addStory(edition, 's', paragraphs.map(body), ['a']);
    return textFrame(composeEdition(edition, createFixedComposer()), 'a').lines;
  }

  it('without control, a paragraph may leave one line at the column foot', () => {
    const lines = twoColumnStory(4, [han(15), han(20, 20)]);
    expect(lines.filter((l) => l.block === 1 && l.column === 0)).toHaveLength(1);
  });

  it('orphans: a paragraph that would leave fewer lines at the foot starts in the next column', () => {
    const lines = twoColumnStory(4, [han(15), han(20, 20)], { orphans: 2 });
    expect(lines.filter((l) => l.block === 1 && l.column === 0)).toHaveLength(0);
    expect(lines.filter((l) => l.block === 1 && l.column === 1)).toHaveLength(4);
  });

  it('widows: a paragraph that would carry one line over pulls another line with it', () => {
    // Paragraph 2 has 3 lines; 2 fit at the foot and 1 would carry over.
    const lines = twoColumnStory(4, [han(10), han(15, 20)], { widows: 2 });
    expect(lines.filter((l) => l.block === 1 && l.column === 0)).toHaveLength(1);
    expect(lines.filter((l) => l.block === 1 && l.column === 1)).toHaveLength(2);
  });

  it('keep with next: a section head never ends a column without its paragraph', () => {
    const edition = testEdition();
    edition.styles.paragraph['ps-section-head'] = {
      ...edition.styles.paragraph['ps-section-head'],
      keepWithNext: true,
    };
    addFrame(edition, 0, columnsFrame('a', 0, 0, 4));
    addStory(edition, 's', [body(han(15)), block('section-head', han(4, 30)), body(han(10, 40))], ['a']);
    const lines = textFrame(composeEdition(edition, createFixedComposer()), 'a').lines;
    const head = lines.find((l) => l.block === 1)!;
    expect(head.column).toBe(1);
    expect(round(head.y)).toBe(8.8);
    expect(lines.find((l) => l.block === 2)!.column).toBe(1);
  });
});

describe('vertical alignment', () => {
  it('centres and bottom-aligns the text of a frame', () => {
    for (const [align, shift] of [
      ['center', 15],
      ['bottom', 30],
    ] as const) {
      const edition = testEdition();
      addFrame(edition, 0, columnsFrame('a', 0, 0, 3, { columns: 1, width: 50, verticalAlign: align }));
      addStory(edition, 's', [body(han(5))], ['a']);
      const [line] = textFrame(composeEdition(edition, createFixedComposer()), 'a').lines;
      expect(round(line.y)).toBe(round(8.8 + shift));
    }
  });
});

describe('keep with next for headlines', () => {
  it('moves a spanning headline to the next frame when its body cannot start below it', () => {
    const edition = testEdition(2);
    edition.styles.paragraph['ps-headline'] = {
      ...edition.styles.paragraph['ps-headline'],
      keepWithNext: true,
    };
    // Frame a: 2 columns, 6 body lines (85 pt). Four body lines end at 60; the headline fits at
    // 60–84 but leaves no room for a body line (84 + 10 > 85).
    addFrame(edition, 0, columnsFrame('a', 0, 0, 6));
    addFrame(edition, 1, columnsFrame('b', 0, 0, 6));
    addStory(edition, 's', [body(han(20)), block('headline', han(2, 30)), body(han(10, 40))], ['a', 'b']);
    const list = composeEdition(edition, createFixedComposer());
    const a = textFrame(list, 'a').lines;
    const b = textFrame(list, 'b').lines;
    expect(a.map((l) => l.block)).toEqual([0, 0, 0, 0]);
    expect(b[0].width).toBe(110);
    expect(b[0].block).toBe(1);
    expect(round(b[0].y)).toBe(17.6);
    expect(b.filter((l) => l.block === 2).length).toBeGreaterThan(0);
  });
});
