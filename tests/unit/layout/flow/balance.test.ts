/**
 * Column balancing: a story that ends inside a multi-column frame ends with
 * its columns level (line counts equal ±1), as a newspaper module does,
 * instead of a full first column and a short last one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeComposer } from '../../../../main/fonts';
import { Composition, composeEdition } from '../../../../shared/layout/compose-edition';
import type { DisplayList, DisplayTextFrame } from '../../../../shared/layout/display-list';
import type { ParagraphComposer } from '../../../../shared/layout/paragraph-types';
import type { Edition, TextFrame } from '../../../../shared/model/types';
import { buildSampleEdition } from '../../../../shared/sample';
import { createFixedComposer } from './fixed-composer';
import { addFrame, addStory, block, body, createTextFrame, han, testEdition } from './test-edition';

function textFrame(list: DisplayList, frameId: string): DisplayTextFrame {
  for (const page of list.pages) {
    for (const item of page.items) if (item.kind === 'text' && item.frameId === frameId) return item;
  }
  throw new Error(`no text frame ${frameId}`);
}

/** Printed lines per column (a run-in lead-in and the text after it on one baseline count once). */
function columnCounts(frame: DisplayTextFrame, below = -Infinity): number[] {
  const counts = frame.columns.map(() => 0);
  for (const line of frame.lines) if (!line.continuesLine && line.y > below) counts[line.column]++;
  return counts;
}

/** A frame of `columns` 50 pt columns, 10 pt gutters, `lines` body lines tall (15 pt leading). */
function moduleFrame(id: string, columns: number, lines: number, extra: Partial<TextFrame> = {}) {
  return createTextFrame(
    id,
    { x: 0, y: 0, width: columns * 60 - 10, height: 10 + (lines - 1) * 15 },
    { columns, gutter: 10, alignToGrid: false, ...extra },
  );
}

/** One story of `lines` body lines (5 characters a line) in paragraphs of `perParagraph` lines. */
function storyEdition(frames: TextFrame[], lines: number, perParagraph = 4): Edition {
  const edition = testEdition();
  for (const frame of frames) addFrame(edition, 0, frame);
  const blocks = [];
  for (let done = 0; done < lines; done += perParagraph)
    blocks.push(body(han(5 * Math.min(perParagraph, lines - done), done * 5)));
  addStory(
    edition,
    's',
    blocks,
    frames.map((f) => f.id),
  );
  return edition;
}

describe('column balancing', () => {
  it('ends a three-column module level: 17 lines as 6, 6, 5, every character set', () => {
    const list = composeEdition(storyEdition([moduleFrame('a', 3, 10)], 17), createFixedComposer());
    const frame = textFrame(list, 'a');
    expect(columnCounts(frame)).toEqual([6, 6, 5]);
    expect(frame.overset).toBe(false);
    expect(frame.lines.map((l) => l.text).join('')).toBe(han(85));
  });

  it('lets the text run out where balancing is switched off for the frame', () => {
    const frames = [moduleFrame('a', 3, 10, { balanceColumns: false })];
    const list = composeEdition(storyEdition(frames, 17), createFixedComposer());
    expect(columnCounts(textFrame(list, 'a'))).toEqual([10, 7, 0]);
  });

  it('gives the first columns the longer share when a common bottom leaves the last short (3, 3, 2, 2)', () => {
    const list = composeEdition(storyEdition([moduleFrame('a', 4, 10)], 10), createFixedComposer());
    expect(columnCounts(textFrame(list, 'a'))).toEqual([3, 3, 2, 2]);
  });

  it('leaves a full module, an overset story and a one-column frame as they are', () => {
    const full = composeEdition(storyEdition([moduleFrame('a', 3, 10)], 30), createFixedComposer());
    expect(columnCounts(textFrame(full, 'a'))).toEqual([10, 10, 10]);
    const overset = composeEdition(storyEdition([moduleFrame('a', 3, 10)], 35), createFixedComposer());
    expect(columnCounts(textFrame(overset, 'a'))).toEqual([10, 10, 10]);
    expect(textFrame(overset, 'a').overset).toBe(true);
    const single = composeEdition(storyEdition([moduleFrame('a', 1, 10)], 6), createFixedComposer());
    expect(columnCounts(textFrame(single, 'a'))).toEqual([6]);
  });

  it('balances only the frame the story ends in, below its headline', () => {
    const edition = storyEdition([moduleFrame('a', 2, 4), { ...moduleFrame('b', 3, 10), x: 200 }], 21);
    const story = edition.stories.s;
    edition.stories.s = { ...story, blocks: [block('headline', han(4, 500)), ...story.blocks] };
    const list = composeEdition(edition, createFixedComposer());
    // The headline spans frame a (24 pt); two body lines fit under it in each column.
    expect(columnCounts(textFrame(list, 'a'), 24)).toEqual([2, 2]);
    // The other 17 lines end in frame b, level.
    expect(columnCounts(textFrame(list, 'b'))).toEqual([6, 6, 5]);
  });

  it('keeps balancing right while the designer types: an incremental update equals a fresh compose', () => {
    const composer = createFixedComposer();
    let edition = storyEdition([moduleFrame('a', 3, 10)], 17);
    const composition = new Composition(composer);
    composition.compose(edition);
    for (let i = 0; i < 12; i++) {
      const story = edition.stories.s;
      const blocks = story.blocks.slice();
      const last = blocks.length - 1;
      blocks[last] = body(blocks[last].children[0].text + han(1, 900 + i));
      edition = { ...edition, stories: { ...edition.stories, s: { ...story, blocks } } };
      const updated = composition.update(edition, { storyId: 's', block: last });
      const fresh = composeEdition(edition, composer);
      expect(columnCounts(textFrame(updated, 'a'))).toEqual(columnCounts(textFrame(fresh, 'a')));
      expect(textFrame(updated, 'a').lines.map((l) => [l.column, l.y, l.text])).toEqual(
        textFrame(fresh, 'a').lines.map((l) => [l.column, l.y, l.text]),
      );
    }
  });
});

describe('column balancing on the sample page', () => {
  let composer: ParagraphComposer;
  beforeAll(async () => {
    composer = await createNodeComposer();
  });

  it('ends every module level: line counts equal ±1 in every module; column ends within one line, or two where section heads are', () => {
    const { edition } = buildSampleEdition();
    const list = composeEdition(edition, composer);
    const wrapped = edition.pages[0].frames.filter((f) => f.wrap.mode !== 'none');
    let modules = 0;
    for (const item of list.pages[0].items) {
      if (item.kind !== 'text' || item.columns.length < 2 || !item.storyId) continue;
      const story = edition.stories[item.storyId];
      if (story.thread[story.thread.length - 1] !== item.frameId) continue;
      // A photo in the module's columns sets how far they reach: nothing to level there.
      const photoInside = wrapped.some(
        (f) =>
          f.x < item.x + item.width &&
          f.x + f.width > item.x &&
          f.y < item.y + item.height &&
          f.y + f.height > item.y,
      );
      if (photoInside) continue;
      // The last section starts below the story's spanning lines (headline, byline).
      const spanning = item.lines.filter((l) => l.width > item.columns[0].width + 1);
      const below = spanning.length ? Math.max(...spanning.map((l) => l.y)) : -Infinity;
      const section = item.lines.filter((l) => l.y > below);
      const ends = item.columns.map((_, c) =>
        Math.max(...section.filter((l) => l.column === c).map((l) => l.y)),
      );
      const bodyLeading = 13.5;
      // Section heads (taller, kept with their text) can leave a column a line short of the others.
      const onlyBody = section.every(
        (l) => story.blocks[l.block].type === 'body' || l.block === section[0].block,
      );
      const allowed = (onlyBody ? 1 : 2) * bodyLeading + 0.01;
      expect(
        Math.max(...ends) - Math.min(...ends),
        `${item.storyId}: ends ${ends.join(', ')}`,
      ).toBeLessThanOrEqual(allowed);
      modules++;
      // Line counts are equal ±1 in every module, section heads or not (a head is one line).
      const counts = columnCounts(item, below);
      expect(
        Math.max(...counts) - Math.min(...counts),
        `${item.storyId}: ${counts.join(', ')}`,
      ).toBeLessThanOrEqual(1);
    }
    expect(modules).toBeGreaterThanOrEqual(5);
  });
});
