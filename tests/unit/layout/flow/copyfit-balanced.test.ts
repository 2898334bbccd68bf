/**
 * Copyfit against the balanced module: a story that ends level in a
 * three-column frame is short by the same few lines under each column, and
 * the story panel's line says so, with the copy that would fill them.
 */
import { describe, expect, it } from 'vitest';
import { composeEdition } from '../../../../shared/layout/compose-edition';
import { fitSummary, storyFit } from '../../../../shared/editing/copyfit';
import type { Edition, TextFrame } from '../../../../shared/model/types';
import { createFixedComposer } from './fixed-composer';
import { addFrame, addStory, body, createTextFrame, han, testEdition } from './test-edition';

/** A frame of `columns` 50 pt columns (5 characters a line), `lines` body lines tall. */
function moduleFrame(id: string, columns: number, lines: number, extra: Partial<TextFrame> = {}) {
  return createTextFrame(
    id,
    { x: 0, y: 0, width: columns * 60 - 10, height: 10 + (lines - 1) * 15 },
    { columns, gutter: 10, alignToGrid: false, ...extra },
  );
}

function storyOf(lines: number, frame: TextFrame): Edition {
  const edition = testEdition();
  addFrame(edition, 0, frame);
  const blocks = [];
  for (let done = 0; done < lines; done += 4) blocks.push(body(han(5 * Math.min(4, lines - done), done * 5)));
  addStory(edition, 's', blocks, [frame.id]);
  return edition;
}

describe('copyfit of a balanced module', () => {
  it('counts the room under each level column: 17 lines in 3 × 10 leave 4, 4, 5', () => {
    const list = composeEdition(storyOf(17, moduleFrame('a', 3, 10)), createFixedComposer());
    const report = list.stories.s;
    // Balanced 6, 6, 5: the columns have 4, 4 and 5 lines of room under them, 13 in all.
    expect(report.columnsShort).toEqual([4, 4, 5]);
    expect(report.copyfitLines).toBe(13);
    const fit = storyFit(list, 's')!;
    expect(fitSummary(fit, 'en')).toBe(
      '85 characters · 13 lines short, 4–5 under each of 3 columns, about 65 characters to add',
    );
    expect(fitSummary(fit, 'zh-Hans')).toBe('85 字 · 还差 13 行，3 栏各空 4–5 行，约可再补 65 字');
  });

  it('reads the same total as the unbalanced flow, where the last column runs short instead', () => {
    const off = composeEdition(
      storyOf(17, moduleFrame('a', 3, 10, { balanceColumns: false })),
      createFixedComposer(),
    ).stories.s;
    // 10, 7, 0: the room is 0, 3 and 10 lines — the total a desk fills is the same.
    expect(off.columnsShort).toEqual([0, 3, 10]);
    expect(off.copyfitLines).toBe(13);
  });

  it('reports no per-column room for an overset story, only lines over', () => {
    const list = composeEdition(storyOf(40, moduleFrame('a', 3, 10)), createFixedComposer());
    expect(list.stories.s.columnsShort).toBeUndefined();
    expect(list.stories.s.copyfitLines).toBe(-10);
    expect(fitSummary(storyFit(list, 's')!, 'en')).toBe('200 characters · 10 lines over (50 characters)');
  });
});
