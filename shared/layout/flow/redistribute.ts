/**
 * Balancing without composing again: in a section whose columns are equally
 * wide and free of text wrap, a line set in one column is the same line in
 * any other, so balancing only chooses where the columns break and stacks
 * the lines again with the flow's own vertical rules (space before dropped
 * at a column top, space after, the baseline grid, as `lineBoxAt`). Breaks
 * obey widows, orphans and keep-with-next as the flow does.
 */
import { spaceAfter, spaceBefore } from '../../model/styles';
import type { FlowCursor } from './cursor';
import { baselineOffset, snapToGrid } from './grid';
import type { FlowParagraph } from './paragraphs';
import type { PlacedLine, Placement } from './place-paragraph';
import type { ParagraphResult } from './story-flow';
import type { ThreadFrame } from './thread';

const EPS = 1e-6;

/** One line of the section, in reading order. */
interface SectionLine {
  placed: PlacedLine;
  /** Index of its paragraph in the story's results. */
  paragraph: number;
  /** Its index among its paragraph's lines in the section. */
  index: number;
  /** Lines of its paragraph in the section. */
  count: number;
  /** The paragraph starts with this line (space before, orphans apply). */
  opens: boolean;
}

export interface Redistribution {
  /** Whether the lines can be stacked again in other columns as they are. */
  possible: boolean;
  /** Where each column ends (em-box bottom) when filled up to `bottoms`; null when the lines do not fit. */
  fill(bottoms: readonly number[]): number[] | null;
  /** The results with the section set to `bottoms` (which must fit). */
  build(bottoms: readonly number[]): ParagraphResult[];
}

export function redistribution(
  thread: ThreadFrame,
  frameIndex: number,
  sectionTop: number,
  results: readonly ParagraphResult[],
  first: number,
): Redistribution {
  const lines: SectionLine[] = [];
  for (let p = first; p < results.length; p++) {
    const placed = results[p].placement.lines.filter(
      (l) => l.frame === frameIndex && l.top >= sectionTop - EPS,
    );
    const opensHere = results[p].placement.lines[0] === placed[0];
    placed.forEach((line, index) =>
      lines.push({
        placed: line,
        paragraph: p,
        index,
        count: placed.length,
        opens: opensHere && index === 0,
      }),
    );
  }
  const bottom = thread.interior.y + thread.interior.height;
  const clear = !thread.obstacles.some(
    (o) =>
      o.bottom > sectionTop &&
      o.top < bottom &&
      o.right > thread.interior.x &&
      o.left < thread.interior.x + thread.interior.width,
  );
  const style = (line: SectionLine) => results[line.paragraph].paragraph.input.style;

  /** May the columns break before `lines[at]`, the column having started at `columnStart`? */
  const breakAllowed = (at: number, columnStart: number): boolean => {
    const before = lines[at - 1];
    const after = lines[at];
    if (before.paragraph !== after.paragraph) return !style(before).keepWithNext;
    const { orphans, widows } = style(after);
    const partStart = Math.max(columnStart, at - after.index);
    const openedInColumn = lines[at - after.index].opens && at - after.index >= columnStart;
    if (openedInColumn && at - partStart < Math.max(1, orphans)) return false;
    return after.count - after.index >= Math.max(1, widows);
  };

  // What stacking needs of each line, looked up once: fill runs many times per balance.
  const n = lines.length;
  const sizes = new Float64Array(n);
  const leadings = new Float64Array(n);
  const before = new Float64Array(n);
  const after = new Float64Array(n);
  const onGrid = new Uint8Array(n);
  lines.forEach((line, i) => {
    const s = style(line);
    sizes[i] = s.fontSize;
    leadings[i] = s.leading > 0 ? s.leading : s.fontSize;
    before[i] = line.opens ? spaceBefore(s) : 0;
    after[i] = line.index === line.count - 1 ? spaceAfter(s) : 0;
    onGrid[i] = s.alignToGrid ? 1 : 0;
  });
  const ascents = sizes.map(baselineOffset);
  const grid = thread.grid;
  const columnCount = thread.columns.length;
  const columnsOf = new Int32Array(n);
  const tops = new Float64Array(n);
  const baselines = new Float64Array(n);

  /** Stacks the lines into columns cut off at `bottoms` (into columnsOf/tops/baselines); false when they do not fit. */
  const stack = (bottoms: readonly number[]): boolean => {
    let column = 0;
    let columnStart = 0;
    let y = sectionTop;
    let fresh = true;
    for (let at = 0; at < n;) {
      // lineBoxAt without wrap (none reaches the section): the em box, snapped to the grid.
      let top = fresh ? y : y + before[at];
      let baseline = top + ascents[at];
      if (grid && onGrid[at] === 1) {
        baseline = snapToGrid(baseline, grid);
        top = baseline - ascents[at];
      }
      if (top + sizes[at] <= bottoms[column] + EPS) {
        columnsOf[at] = column;
        tops[at] = top;
        baselines[at] = baseline;
        y = top + leadings[at] + after[at];
        fresh = false;
        at++;
        continue;
      }
      if (fresh || column + 1 >= columnCount) return false;
      // Break at the latest point the rules allow in this column, else here.
      let breakAt = at;
      while (breakAt > columnStart + 1 && !breakAllowed(breakAt, columnStart)) breakAt--;
      if (breakAt === columnStart + 1 && !breakAllowed(breakAt, columnStart)) breakAt = at;
      at = breakAt;
      column++;
      columnStart = at;
      y = sectionTop;
      fresh = true;
    }
    return true;
  };

  const fill = (bottoms: readonly number[]): number[] | null => {
    if (!stack(bottoms)) return null;
    const ends = new Array<number>(columnCount).fill(sectionTop);
    for (let i = 0; i < n; i++) ends[columnsOf[i]] = tops[i] + sizes[i];
    return ends;
  };

  const build = (bottoms: readonly number[]): ParagraphResult[] => {
    if (!stack(bottoms)) throw new Error('balance: the chosen column bottoms do not hold the section');
    const out = results.slice(0, first);
    const byParagraph = new Map<number, PlacedLine[]>();
    lines.forEach((line, i) => {
      const column = columnsOf[i];
      const moved: PlacedLine = {
        frame: frameIndex,
        column,
        top: tops[i],
        baseline: baselines[i],
        originX: line.placed.originX + thread.columns[column].x - thread.columns[line.placed.column].x,
        line: line.placed.line,
      };
      const list = byParagraph.get(line.paragraph) ?? [];
      list.push(moved);
      byParagraph.set(line.paragraph, list);
    });
    for (let p = first; p < results.length; p++) {
      const old = results[p];
      const inSection = byParagraph.get(p) ?? [];
      const kept = old.placement.lines.filter((l) => !(l.frame === frameIndex && l.top >= sectionTop - EPS));
      const placedLines = [...kept, ...inSection];
      const parts: number[] = [];
      let previous: PlacedLine | null = null;
      for (const l of placedLines) {
        if (previous && previous.frame === l.frame && previous.column === l.column) parts[parts.length - 1]++;
        else parts.push(1);
        previous = l;
      }
      out.push({
        paragraph: old.paragraph,
        before: old.before,
        placement: placementOf(old, placedLines, parts),
      });
    }
    return out;
  };

  return { possible: clear && lines.length > 0, fill, build };
}

/** A placement with the same text and its lines moved; the cursor after it follows its last line. */
function placementOf(old: ParagraphResult, lines: PlacedLine[], parts: number[]): Placement {
  const last = lines[lines.length - 1];
  const style = (old.paragraph as FlowParagraph).input.style;
  const after: FlowCursor = last
    ? {
        ...old.placement.after,
        frame: last.frame,
        column: last.column,
        y: last.top + (style.leading > 0 ? style.leading : style.fontSize) + spaceAfter(style),
        fresh: false,
      }
    : old.placement.after;
  return { lines, end: old.placement.end, after, parts, missing: old.placement.missing };
}
