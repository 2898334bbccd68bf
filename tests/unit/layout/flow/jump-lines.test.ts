/**
 * Jump lines (转版): a story whose thread leaves page 1 for page 5 ends its
 * frame on page 1 with 下转第5版 and starts on page 5 with 上接第1版, in
 * room the body gives up; the numbers follow the pages when they move, the
 * lines stay through reflow, and they are not story text.
 */
import { describe, expect, it } from 'vitest';
import { Composition, composeEdition } from '../../../../shared/layout/compose-edition';
import type { DisplayLine, DisplayList, DisplayTextFrame } from '../../../../shared/layout/display-list';
import { storyLines } from '../../../../shared/editing/caret-map';
import { storyFit } from '../../../../shared/editing/copyfit';
import { newPlan } from '../../../../shared/model/plan';
import type { Edition, JumpLineSettings, StoryBlock } from '../../../../shared/model/types';
import { layoutSummary } from '../../../../main/cli/commands/layout';
import { createFixedComposer } from './fixed-composer';
import { addFrame, addStory, body, createTextFrame, han, testEdition } from './test-edition';

/** A one-column frame, 200 pt wide (20 body characters a line), `lines` body lines tall. */
const frame = (id: string, lines: number, y = 0) =>
  createTextFrame(id, { x: 0, y, width: 200, height: 10 + (lines - 1) * 15 }, { alignToGrid: false });

/** Body blocks of `lines` full lines (20 characters each), one paragraph per line. */
function lines(n: number): StoryBlock[] {
  return Array.from({ length: n }, (_, i) => body(han(20, i * 20)));
}

interface Setup {
  pages?: number;
  /** Frames: [frame id, page index, body lines it holds]. */
  frames?: [string, number, number][];
  storyLines?: number;
  jumpLines?: Partial<JumpLineSettings>;
  language?: 'zh-Hans' | 'en';
}

/** Six pages with jump lines on; the story runs from a frame on page 1 to one on page 5. */
function jumpEdition(setup: Setup = {}): Edition {
  const edition = testEdition(setup.pages ?? 6);
  const frames = setup.frames ?? [
    ['p1', 0, 5],
    ['p5', 4, 5],
  ];
  frames.forEach(([id, page, n]) => addFrame(edition, page, frame(id, n)));
  addStory(
    edition,
    's',
    lines(setup.storyLines ?? 8),
    frames.map(([id]) => id),
  );
  const plan = newPlan();
  edition.plan = {
    ...plan,
    settings: { ...plan.settings, jumpLines: { ...plan.settings.jumpLines, ...setup.jumpLines } },
  };
  if (setup.language) edition.meta = { ...edition.meta, language: setup.language };
  return edition;
}

function textFrame(list: DisplayList, id: string): DisplayTextFrame {
  for (const page of list.pages)
    for (const item of page.items) if (item.kind === 'text' && item.frameId === id) return item;
  throw new Error(`no frame ${id}`);
}

const jumps = (f: DisplayTextFrame) => f.lines.filter((l) => l.generated);
const bodyLines = (f: DisplayTextFrame) => f.lines.filter((l) => !l.generated);
const jumpText = (f: DisplayTextFrame, kind: DisplayLine['generated']) =>
  f.lines.find((l) => l.generated === kind)?.text ?? null;

describe('jump lines between pages', () => {
  it('ends the frame on page 1 with 下转第5版 and starts page 5 with 上接第1版, taking one body line from each', () => {
    const list = composeEdition(jumpEdition(), createFixedComposer());
    const first = textFrame(list, 'p1');
    const last = textFrame(list, 'p5');
    expect(jumpText(first, 'jump-to')).toBe('下转第5版');
    expect(jumpText(last, 'jump-from')).toBe('上接第1版');
    expect(jumps(first)).toHaveLength(1);
    expect(jumps(last)).toHaveLength(1);
    // Five-line frames: four lines of body each, the fifth is the jump line.
    expect(bodyLines(first)).toHaveLength(4);
    expect(bodyLines(last)).toHaveLength(4);
    // The 'continued on' line is the frame's last line, at its foot; 'continued from' its first, at its head.
    const to = first.lines[first.lines.length - 1];
    expect(to.generated).toBe('jump-to');
    expect(to.y).toBeGreaterThan(Math.max(...bodyLines(first).map((l) => l.y)));
    expect(to.y + to.descent).toBeLessThanOrEqual(first.y + first.height + 1e-6);
    const from = last.lines[0];
    expect(from.generated).toBe('jump-from');
    expect(from.y).toBeLessThan(Math.min(...bodyLines(last).map((l) => l.y)));
    // The body below it starts a whole body line down: where the second line would have been.
    expect(bodyLines(last)[0].y).toBeCloseTo(last.columns[0].y + 15 + 8.8, 6);
    expect(list.stories.s.oversetLines).toBe(0);
    expect(list.stories.s.charactersSet).toBe(8 * 20);
  });

  it('points each line at the story text beside it and keeps it out of the caret map and copyfit', () => {
    const list = composeEdition(jumpEdition(), createFixedComposer());
    const first = textFrame(list, 'p1');
    const last = textFrame(list, 'p5');
    const to = jumps(first)[0];
    const from = jumps(last)[0];
    // Four body lines on page 1: the story leaves after block 3; it resumes at block 4.
    expect([to.block, to.start, to.end]).toEqual([3, 20, 20]);
    expect([from.block, from.start, from.end]).toEqual([4, 0, 0]);
    const caretLines = storyLines(list, 's');
    expect(caretLines).toHaveLength(8);
    expect(caretLines.some((p) => p.line.generated)).toBe(false);
    const fit = storyFit(list, 's')!;
    expect(fit.frames.map((f) => f.lines)).toEqual([4, 4]);
    expect(fit.frames.map((f) => f.linesShort)).toEqual([0, 0]);
    expect(fit.charactersPerLine).toBe(20);
  });

  it('gives the body one line less per frame, so text that filled two frames is now overset', () => {
    const composer = createFixedComposer();
    const off = composeEdition(jumpEdition({ storyLines: 10, jumpLines: { enabled: false } }), composer);
    expect(off.stories.s.oversetLines).toBe(0);
    expect(jumps(textFrame(off, 'p1'))).toHaveLength(0);
    const on = composeEdition(jumpEdition({ storyLines: 10 }), composer);
    expect(on.stories.s.oversetLines).toBe(2);
    expect(on.stories.s.oversetCharacters).toBe(40);
    // Overset on page 5: the lines are still there, the out-port is red.
    expect(textFrame(on, 'p5').overset).toBe(true);
    expect(jumpText(textFrame(on, 'p5'), 'jump-from')).toBe('上接第1版');
  });

  it('follows the page when it moves: page 5 moved to position 3 makes 下转第3版', () => {
    const edition = jumpEdition();
    const composition = new Composition(createFixedComposer());
    composition.compose(edition);
    const pages = [...edition.pages];
    const [moved] = pages.splice(4, 1);
    pages.splice(2, 0, moved);
    const list = composition.update({ ...edition, pages });
    expect(jumpText(textFrame(list, 'p1'), 'jump-to')).toBe('下转第3版');
    expect(jumpText(textFrame(list, 'p5'), 'jump-from')).toBe('上接第1版');
    // And the page the story comes from moving behind it renumbers the other line.
    const back = [...pages];
    const [front] = back.splice(0, 1);
    back.splice(4, 0, front);
    const again = composition.update({ ...edition, pages: back });
    expect(jumpText(textFrame(again, 'p1'), 'jump-to')).toBe('下转第2版');
    expect(jumpText(textFrame(again, 'p5'), 'jump-from')).toBe('上接第5版');
  });

  it('prints the plan’s section page numbers as the folio does: 下转A05版, 上接A01版', () => {
    const edition = jumpEdition();
    const plan = edition.plan!;
    edition.plan = {
      ...plan,
      sections: [{ id: 'sec-a', name: '要闻', prefix: 'A' }],
      pages: Object.fromEntries(
        edition.pages.map((p) => [p.id, { sectionId: 'sec-a', color: 'color', status: 'planned' }]),
      ),
    };
    const list = composeEdition(edition, createFixedComposer());
    expect(jumpText(textFrame(list, 'p1'), 'jump-to')).toBe('下转A05版');
    expect(jumpText(textFrame(list, 'p5'), 'jump-from')).toBe('上接A01版');
  });

  it('keeps the lines through reflow, and an incremental update equals composing from scratch', () => {
    const edition = jumpEdition({ storyLines: 6 });
    const composer = createFixedComposer();
    const composition = new Composition(composer);
    const before = composition.compose(edition);
    expect(bodyLines(textFrame(before, 'p5'))).toHaveLength(2);
    const untouched = textFrame(before, 'p5');
    // Type a line's worth into the first paragraph: the text reflows across the jump.
    const story = edition.stories.s;
    const blocks = [body(han(40, 900)), ...story.blocks.slice(1)];
    const edited = { ...edition, stories: { ...edition.stories, s: { ...story, blocks } } };
    const after = composition.update(edited, { storyId: 's', block: 0 });
    const first = textFrame(after, 'p1');
    const last = textFrame(after, 'p5');
    expect(jumpText(first, 'jump-to')).toBe('下转第5版');
    expect(jumpText(last, 'jump-from')).toBe('上接第1版');
    expect(bodyLines(last)).toHaveLength(3);
    expect(jumps(last)[0].block).toBe(3);
    expect(after).toEqual(composeEdition(edited, createFixedComposer()));
    expect(last).not.toBe(untouched);
    // Deleting the text that ran over takes the lines away: nothing continues on page 5.
    const short = { ...edition, stories: { ...edition.stories, s: { ...story, blocks: lines(3) } } };
    const shortList = composition.update(short, { storyId: 's', block: 0 });
    expect(jumps(textFrame(shortList, 'p1'))).toHaveLength(0);
    expect(textFrame(shortList, 'p5').lines).toHaveLength(0);
    expect(shortList).toEqual(composeEdition(short, createFixedComposer()));
  });

  it('keeps the frames of an unchanged page as they were after an edit elsewhere in the story', () => {
    const edition = jumpEdition({ storyLines: 8 });
    const composition = new Composition(createFixedComposer());
    const before = composition.compose(edition);
    const story = edition.stories.s;
    const blocks = [...story.blocks.slice(0, 7), body(han(10, 900))];
    const after = composition.update(
      { ...edition, stories: { ...edition.stories, s: { ...story, blocks } } },
      { storyId: 's', block: 7 },
    );
    expect(textFrame(after, 'p1')).toBe(textFrame(before, 'p1'));
    expect(jumps(textFrame(after, 'p5'))[0]).toBe(jumps(textFrame(before, 'p5'))[0]);
  });

  it('words them in English for an English edition', () => {
    const list = composeEdition(jumpEdition({ language: 'en' }), createFixedComposer());
    expect(jumpText(textFrame(list, 'p1'), 'jump-to')).toBe('Continued on page 5');
    expect(jumpText(textFrame(list, 'p5'), 'jump-from')).toBe('Continued from page 1');
  });

  it('uses the desk’s own wording with {page}', () => {
    const list = composeEdition(
      jumpEdition({ jumpLines: { continuedOn: '（下转{page}版）', continuedFrom: '（上接{page}版）' } }),
      createFixedComposer(),
    );
    expect(jumpText(textFrame(list, 'p1'), 'jump-to')).toBe('（下转5版）');
    expect(jumpText(textFrame(list, 'p5'), 'jump-from')).toBe('（上接1版）');
  });

  it('puts none between frames on the same page', () => {
    const edition = jumpEdition({
      frames: [
        ['a', 0, 5],
        ['b', 0, 5],
      ],
    });
    const list = composeEdition(edition, createFixedComposer());
    expect(jumps(textFrame(list, 'a'))).toHaveLength(0);
    expect(jumps(textFrame(list, 'b'))).toHaveLength(0);
    expect(bodyLines(textFrame(list, 'a'))).toHaveLength(5);
  });

  it('puts them between consecutive pages unless the setting skips those', () => {
    const frames: [string, number, number][] = [
      ['a', 1, 5],
      ['b', 2, 5],
    ];
    const on = composeEdition(jumpEdition({ frames }), createFixedComposer());
    expect(jumpText(textFrame(on, 'a'), 'jump-to')).toBe('下转第3版');
    expect(jumpText(textFrame(on, 'b'), 'jump-from')).toBe('上接第2版');
    const skip = composeEdition(
      jumpEdition({ frames, jumpLines: { skipConsecutive: true } }),
      createFixedComposer(),
    );
    expect(jumps(textFrame(skip, 'a'))).toHaveLength(0);
    expect(jumps(textFrame(skip, 'b'))).toHaveLength(0);
    expect(bodyLines(textFrame(skip, 'a'))).toHaveLength(5);
    // Still jumps where the pages are not next to each other.
    const far = composeEdition(jumpEdition({ jumpLines: { skipConsecutive: true } }), createFixedComposer());
    expect(jumpText(textFrame(far, 'p1'), 'jump-to')).toBe('下转第5版');
  });

  it('gives a middle frame both lines: page 1 → page 3 → page 5', () => {
    const edition = jumpEdition({
      frames: [
        ['a', 0, 5],
        ['b', 2, 5],
        ['c', 4, 5],
      ],
      storyLines: 12,
    });
    const list = composeEdition(edition, createFixedComposer());
    const middle = textFrame(list, 'b');
    expect(middle.lines[0].text).toBe('上接第1版');
    expect(middle.lines[middle.lines.length - 1].text).toBe('下转第5版');
    expect(bodyLines(middle)).toHaveLength(3);
    expect(jumpText(textFrame(list, 'c'), 'jump-from')).toBe('上接第3版');
  });

  it('puts none where the plan turns them off or there is no plan', () => {
    const off = composeEdition(jumpEdition({ jumpLines: { enabled: false } }), createFixedComposer());
    expect(jumps(textFrame(off, 'p1'))).toHaveLength(0);
    const edition = jumpEdition();
    delete edition.plan;
    const none = composeEdition(edition, createFixedComposer());
    expect(jumps(textFrame(none, 'p5'))).toHaveLength(0);
    expect(bodyLines(textFrame(none, 'p1'))).toHaveLength(5);
  });

  it('marks them in `folio layout --json`', () => {
    const edition = jumpEdition();
    const summary = layoutSummary(edition, composeEdition(edition, createFixedComposer()));
    const marked = summary.lines.filter((l) => l.generated);
    expect(marked.map((l) => [l.page, l.frame, l.text, l.generated])).toEqual([
      [1, 'p1', '下转第5版', 'jump-to'],
      [5, 'p5', '上接第1版', 'jump-from'],
    ]);
    expect(summary.lines.filter((l) => !l.generated)).toHaveLength(8);
  });

  it('names the jump line’s font in the list’s fonts, so the painters load it', () => {
    const list = composeEdition(jumpEdition(), createFixedComposer());
    const keys = jumps(textFrame(list, 'p1')).flatMap((l) => l.runs.map((r) => r.fontKey));
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(list.fonts[key]).toBeDefined();
  });
});

describe('jump lines with a multi-column frame', () => {
  it('reserves the foot of the last column and the head of the first', () => {
    const edition = jumpEdition({ frames: [], storyLines: 20 });
    const two = (id: string) =>
      createTextFrame(
        id,
        { x: 0, y: 0, width: 410, height: 70 },
        { columns: 2, gutter: 10, alignToGrid: false },
      );
    addFrame(edition, 0, two('m1'));
    addFrame(edition, 3, two('m4'));
    edition.stories = { ...edition.stories, s: { ...edition.stories.s, thread: ['m1', 'm4'] } };
    const list = composeEdition(edition, createFixedComposer());
    const m1 = textFrame(list, 'm1');
    const m4 = textFrame(list, 'm4');
    const count = (f: DisplayTextFrame, column: number) =>
      bodyLines(f).filter((l) => l.column === column).length;
    expect([count(m1, 0), count(m1, 1)]).toEqual([5, 4]);
    expect(jumps(m1)[0].column).toBe(1);
    expect(jumps(m1)[0].text).toBe('下转第4版');
    expect(jumps(m4)[0].column).toBe(0);
    expect(count(m4, 0)).toBe(4);
  });
});

describe('jump lines on the baseline grid', () => {
  it('sit on grid lines: the first of the continuing frame, the last whose em box fits in the leaving one', () => {
    const edition = jumpEdition({ storyLines: 8 });
    const grid = { start: 8.8, increment: 15 };
    edition.pages = edition.pages.map((p) => ({ ...p, baselineGrid: grid }));
    edition.pages = edition.pages.map((p) => ({
      ...p,
      frames: p.frames.map((f) => (f.kind === 'text' ? { ...f, alignToGrid: true } : f)),
    }));
    const jump = edition.styles.roleStyles['jump-line'];
    edition.styles.paragraph[jump] = { ...edition.styles.paragraph[jump], leading: 15, alignToGrid: true };
    const list = composeEdition(edition, createFixedComposer());
    const onGrid = (y: number) =>
      Math.abs((y - grid.start) / grid.increment - Math.round((y - grid.start) / grid.increment)) < 1e-6;
    const first = textFrame(list, 'p1');
    const last = textFrame(list, 'p5');
    for (const line of [...first.lines, ...last.lines]) expect(onGrid(line.y)).toBe(true);
    const to = jumps(first)[0];
    const from = jumps(last)[0];
    // Frames 70 pt tall: grid lines at 8.8 … 68.8; 下转 takes the last one whose em box fits (9 pt type: 68.8 + 1.08 ≤ 70).
    expect(to.y).toBeCloseTo(68.8, 6);
    expect(Math.max(...bodyLines(first).map((l) => l.y))).toBeCloseTo(53.8, 6);
    expect(from.y).toBeCloseTo(8.8, 6);
    expect(bodyLines(last)[0].y).toBeCloseTo(23.8, 6);
    expect(list.stories.s.oversetLines).toBe(0);
  });
});
