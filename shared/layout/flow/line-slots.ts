/**
 * Where the lines of a paragraph go inside one region (a column, or the
 * columns a spanning paragraph covers): line boxes stacked by the leading,
 * snapped to the baseline grid when asked, shortened by text wrap, and the
 * LineSlots callback the composer pulls them through.
 */
import type { ComposedParagraph, LineSlots, ParagraphComposer, ParagraphInput } from '../paragraph-types';
import { baselineOffset, snapToGrid } from './grid';
import type { ThreadFrame } from './thread';
import { widestFreeInterval } from './wrap';

/** A horizontal band of a frame that lines are set in. */
export interface Region {
  left: number;
  right: number;
  bottom: number;
  /** The column index reported for lines set here (the first column for a span). */
  column: number;
}

/** A line's box: em-box top, baseline, and the free interval on the page. */
export interface LineBox {
  top: number;
  baseline: number;
  x: number;
  width: number;
}

/** Text wrap never leaves a sliver narrower than two characters of the paragraph's size. */
export function minimumMeasure(size: number): number {
  return Math.max(1, 2 * size);
}

/**
 * The first line box at or below `top` in the region: snapped to the grid if
 * `grid`, moved down line by line while wrap blocks it; null when the em box
 * no longer fits above the region's bottom.
 */
export function lineBoxAt(
  frame: ThreadFrame,
  region: Region,
  top: number,
  leading: number,
  size: number,
  grid: boolean,
): LineBox | null {
  const eps = 1e-6;
  const ascent = baselineOffset(size);
  const step = leading > 0 ? leading : Math.max(size, 1);
  const minWidth = minimumMeasure(size);
  let t = top;
  for (let guard = 0; guard < 100_000; guard++) {
    let baseline = t + ascent;
    if (grid && frame.grid) {
      baseline = snapToGrid(baseline, frame.grid);
      t = baseline - ascent;
    }
    if (t + size > region.bottom + eps) return null;
    const free = frame.obstacles.length
      ? widest(frame, region, t, t + size, minWidth)
      : region.right - region.left >= minWidth - eps
        ? { x: region.left, width: region.right - region.left }
        : null;
    if (free) return { top: t, baseline, x: free.x, width: free.width };
    t += step;
  }
  return null;
}

function widest(frame: ThreadFrame, region: Region, top: number, bottom: number, minWidth: number) {
  return widestFreeInterval(region.left, region.right, top, bottom, frame.obstacles, minWidth);
}

/** What a slot query answered: the measure and left edge, or null (no room). */
export type SlotAnswer = { x: number; width: number } | null;

/**
 * The line boxes of a region from `top` down, computed on demand and
 * remembered: box i is the first box below box i − 1 (one leading further).
 */
export function boxSequence(
  frame: ThreadFrame,
  region: Region,
  top: number,
  input: ParagraphInput,
  grid: boolean,
): (index: number) => LineBox | null {
  const { leading: rawLeading, fontSize: size } = input.style;
  const leading = rawLeading > 0 ? rawLeading : size;
  const boxes: LineBox[] = [];
  let exhausted = false;
  return (index) => {
    while (boxes.length <= index && !exhausted) {
      const previous = boxes[boxes.length - 1];
      const next = lineBoxAt(frame, region, previous ? previous.top + leading : top, leading, size, grid);
      if (next) boxes.push(next);
      else exhausted = true;
    }
    return boxes[index] ?? null;
  };
}

export interface RegionComposition {
  composed: ComposedParagraph;
  /** One box per composed line. */
  boxes: LineBox[];
  /** Every answer the composer got, by line index (it may ask beyond the lines it sets). */
  answers: SlotAnswer[];
}

/**
 * Composes `input` from `from` into the region starting with a line box at
 * `top`, at most `maxLines` lines. Slot x values are page coordinates (the
 * slot origin is x = 0 on the page).
 */
export function composeInRegion(
  composer: ParagraphComposer,
  input: ParagraphInput,
  from: number,
  frame: ThreadFrame,
  region: Region,
  top: number,
  grid: boolean,
  maxLines: number,
): RegionComposition {
  const boxAt = boxSequence(frame, region, top, input, grid);
  // The slot origin is the page's left edge: the composer's glyph x values
  // come back absolute, so display lines can share its arrays without a copy.
  const answerAt = (index: number): SlotAnswer => {
    const box = index < maxLines ? boxAt(index) : null;
    return box ? { x: box.x, width: box.width } : null;
  };
  const answers: SlotAnswer[] = [];
  const slots: LineSlots = (index) => (answers[index] = answerAt(index));
  const composed = composer.compose(input, slots, from);
  const boxes: LineBox[] = [];
  for (let i = 0; i < composed.lines.length; i++) boxes.push(boxAt(i)!);
  // Indices below the highest one asked count as asked too (strict, and keeps the array dense).
  for (let i = 0; i < answers.length; i++) if (answers[i] === undefined) answers[i] = answerAt(i);
  return { composed, boxes, answers };
}
