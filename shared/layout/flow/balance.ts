/**
 * Column balancing: where a story ends inside a multi-column frame, the
 * columns of its last section end level (line counts equal ±1), as a
 * newspaper module does, instead of the last column running short and
 * leaving a hole. The natural flow stays what incremental recomposition
 * reuses; balancing sets the last section again with the columns' bottoms
 * raised, through the same placement code, so every flow rule (space
 * before, keep-with-next, widows and orphans, wrap, the grid) still holds.
 *
 * The bottoms tried are the em-box bottoms of lines the natural flow placed,
 * so the composer sees the same measures and reuses its line breaks.
 */
import { spaceAfter, spaceBefore } from '../../model/styles';
import { copyCursor, type FlowCursor } from './cursor';
import type { FlowParagraph } from './paragraphs';
import type { FlowContext, PlacedLine } from './place-paragraph';
import { keepWithNext, placeOne } from './place-with-keep';
import { type Redistribution, redistribution } from './redistribute';
import type { ParagraphResult } from './story-flow';
import type { ThreadFrame } from './thread';

const EPS = 1e-6;

/** What balancing works on: the frame the story ends in and its last section. */
interface Section {
  frameIndex: number;
  top: number;
  /** Index of the first paragraph with a line in the section. */
  first: number;
}

/** The last section of the frame where the story ends, when it is worth balancing. */
function lastSection(context: FlowContext, results: readonly ParagraphResult[]): Section | null {
  const end = results[results.length - 1]?.placement.after;
  if (!end) return null;
  const thread = context.frames[end.frame];
  if (!thread || thread.columns.length < 2 || thread.frame.balanceColumns === false) return null;
  let first = -1;
  for (let i = results.length - 1; i >= 0; i--) {
    const inSection = results[i].placement.lines.some((line) => inSectionOf(line, end.frame, end.sectionTop));
    if (inSection) first = i;
    else if (first >= 0) break;
  }
  return first < 0 ? null : { frameIndex: end.frame, top: end.sectionTop, first };
}

function inSectionOf(line: PlacedLine, frameIndex: number, top: number): boolean {
  return line.frame === frameIndex && line.top >= top - EPS;
}

/**
 * How far apart the columns of the section end: the lowest em-box bottom
 * minus the highest (an empty column ends at the section's top).
 */
function raggedness(results: readonly ParagraphResult[], section: Section, columns: number): number {
  const ends = new Array<number>(columns).fill(section.top);
  for (let i = section.first; i < results.length; i++) {
    const size = results[i].paragraph.input.style.fontSize;
    for (const line of results[i].placement.lines) {
      if (inSectionOf(line, section.frameIndex, section.top))
        ends[line.column] = Math.max(ends[line.column], line.top + size);
    }
  }
  return Math.max(...ends) - Math.min(...ends);
}

/** The thread with the section's frame cut off at `bottoms` (one per column, never lower than the frame's). */
function cappedContext(context: FlowContext, frameIndex: number, bottoms: readonly number[]): FlowContext {
  const thread = context.frames[frameIndex];
  const capped: ThreadFrame = {
    ...thread,
    columns: thread.columns.map((column, c) => ({
      ...column,
      height: Math.min(column.height, Math.max(0, bottoms[c] - column.y)),
    })),
  };
  const frames = context.frames.slice();
  frames[frameIndex] = capped;
  return { ...context, frames };
}

/**
 * Sets the paragraphs from `section.first` on into the capped thread; null
 * when they no longer fit in the section's frame (text left over, or pushed
 * on to a later frame).
 */
function setSection(
  context: FlowContext,
  results: readonly ParagraphResult[],
  section: Section,
  bottoms: readonly number[],
): ParagraphResult[] | null {
  const capped = cappedContext(context, section.frameIndex, bottoms);
  const paragraphs: FlowParagraph[] = results.map((result) => result.paragraph);
  const out = results.slice(0, section.first);
  let cursor: FlowCursor = copyCursor(results[section.first].before);
  // Paragraphs set whole in the first column above its new bottom are set as before.
  let start = section.first;
  for (; start < results.length; start++) {
    const { paragraph, placement } = results[start];
    const unmoved =
      !paragraph.input.style.keepWithNext &&
      placement.after.frame === section.frameIndex &&
      placement.after.column === 0 &&
      placement.lines.every(
        (line) =>
          line.frame === section.frameIndex &&
          line.column === 0 &&
          line.top + paragraph.input.style.fontSize <= bottoms[0] + EPS,
      );
    if (!unmoved) break;
    out.push(results[start]);
    cursor = placement.after;
  }
  for (let i = start; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i];
    const before = cursor;
    let placement = placeOne(capped, paragraph, before);
    placement = keepWithNext(capped, paragraph, paragraphs[i + 1], before, placement);
    const complete =
      paragraph.input.text.length === 0
        ? placement.lines.length > 0
        : placement.end >= paragraph.input.text.length;
    if (!complete || placement.lines.some((line) => line.frame > section.frameIndex)) {
      return null;
    }
    out.push({ paragraph, before, placement });
    cursor = placement.after;
  }
  return out;
}

/** Em-box bottoms of the section's lines, ascending and distinct: the column bottoms worth trying. */
function candidateBottoms(results: readonly ParagraphResult[], section: Section): number[] {
  const bottoms = new Set<number>();
  for (let i = section.first; i < results.length; i++) {
    const size = results[i].paragraph.input.style.fontSize;
    for (const line of results[i].placement.lines) {
      if (inSectionOf(line, section.frameIndex, section.top)) bottoms.add(line.top + size);
    }
  }
  return [...bottoms].sort((a, b) => a - b);
}

/** A line of the section as the natural flow set it: how far below the line before it, and its size. */
interface SimulatedLine {
  /** Top-to-top distance from the previous line when both are in one column. */
  gap: number;
  size: number;
}

/**
 * The section's lines in reading order, for a quick estimate of how they
 * fill columns cut off at other bottoms. Gaps come from the natural flow
 * (leading, paragraph spacing, grid snapping) where two lines follow in one
 * column, else from the styles. Keep-with-next and widow rules are not
 * estimated: every estimate is checked by setting the section for real.
 */
function simulatedLines(results: readonly ParagraphResult[], section: Section): SimulatedLine[] {
  const lines: SimulatedLine[] = [];
  let previous: { top: number; column: number; leading: number; spaceAfter: number } | null = null;
  for (let i = section.first; i < results.length; i++) {
    const { style } = results[i].paragraph.input;
    const leading = style.leading > 0 ? style.leading : style.fontSize;
    results[i].placement.lines.forEach((line, index) => {
      if (!inSectionOf(line, section.frameIndex, section.top)) return;
      const opensParagraph = index === 0;
      let gap = 0;
      if (previous) {
        gap =
          previous.column === line.column
            ? line.top - previous.top
            : previous.leading + (opensParagraph ? previous.spaceAfter + spaceBefore(style) : 0);
      }
      lines.push({ gap, size: style.fontSize });
      previous = { top: line.top, column: line.column, leading, spaceAfter: spaceAfter(style) };
    });
  }
  return lines;
}

/** Where each column would end with the lines filled in up to `bottoms`; null when they do not all fit. */
function simulateFill(
  lines: readonly SimulatedLine[],
  top: number,
  bottoms: readonly number[],
): number[] | null {
  const ends = new Array<number>(bottoms.length).fill(top);
  let column = 0;
  let lineTop = top;
  let fresh = true;
  for (const line of lines) {
    if (!fresh) lineTop += line.gap;
    while (lineTop + line.size > bottoms[column] + EPS) {
      if (fresh || ++column >= bottoms.length) return null;
      lineTop = top;
      fresh = true;
    }
    ends[column] = lineTop + line.size;
    fresh = false;
  }
  return ends;
}

const spread = (ends: readonly number[]) => Math.max(...ends) - Math.min(...ends);

/**
 * The paragraph results with the story's last section balanced, or null
 * when there is nothing to balance (one column, balancing off, the text
 * fills the frame or runs on, or it is level already) or no balanced
 * setting fits. Bottoms are chosen by estimate and every choice is set for
 * real; only a real setting that fits and is more level is kept.
 */
export function balanceLastSection(
  context: FlowContext,
  results: readonly ParagraphResult[],
): ParagraphResult[] | null {
  const section = lastSection(context, results);
  if (!section) return null;
  const columns = context.frames[section.frameIndex].columns.length;
  // Level means the columns end within one line of the story's last paragraph.
  const lastStyle = results[results.length - 1].paragraph.input.style;
  const step = (lastStyle.leading > 0 ? lastStyle.leading : lastStyle.fontSize) + EPS;
  if (raggedness(results, section, columns) <= step) return null;

  const candidates = candidateBottoms(results, section);
  const lines = simulatedLines(results, section);
  // First guess: where the columns would end with an even share of the lines.
  const share = Math.ceil(lines.length / columns);
  let height = 0;
  for (let i = 1; i < share; i++) height += lines[i].gap;
  const guessBottom = section.top + height + (lines[share - 1]?.size ?? 0);
  const found = candidates.findIndex((b) => b >= guessBottom - EPS);
  const guess = found < 0 ? candidates.length - 1 : found;
  const thread = context.frames[section.frameIndex];
  const moving = redistribution(thread, section.frameIndex, section.top, results, section.first);
  if (moving.possible) return levelByMoving(moving, candidates, columns, step, guess);
  const top = results[section.first].placement.lines.find((line) =>
    inSectionOf(line, section.frameIndex, section.top),
  )!.top;
  const common = (index: number) => new Array<number>(columns).fill(candidates[index]);
  const estimate = (bottoms: readonly number[]) => simulateFill(lines, top, bottoms);
  const set = (bottoms: readonly number[]) => setSection(context, results, section, bottoms);

  // The lowest common bottom at which the lines fit, by estimate, then for real
  // (a few candidates up when the estimate was too optimistic).
  let low = 0;
  let high = candidates.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (estimate(common(middle))) high = middle;
    else low = middle + 1;
  }
  let level: ParagraphResult[] | null = null;
  for (; low < candidates.length && !level; low++) level = set(common(low));
  low--;
  if (!level) return null;
  let best = level;
  let bestRagged = raggedness(level, section, columns);
  if (bestRagged <= step || low === 0) return best;
  const consider = (bottoms: readonly number[]) => {
    const result = set(bottoms);
    if (!result) return;
    const ragged = raggedness(result, section, columns);
    if (ragged < bestRagged - EPS) {
      best = result;
      bestRagged = ragged;
    }
  };

  // A common bottom can still leave the last column short (3, 3, 1 lines).
  // First as newspapers end a module: the left columns keep the common
  // bottom, the others end one line higher (3, 2, 2).
  const bottom = candidates[low];
  const higher = candidates[low - 1];
  for (let at = 1; at < columns; at++) {
    const bottoms = Array.from({ length: columns }, (_, c) => (c < at ? bottom : higher));
    if (!estimate(bottoms)) continue;
    consider(bottoms);
    break;
  }
  if (bestRagged <= step) return best;
  // Section heads make lines uneven: end columns one line higher, left to
  // right, wherever the estimate says that still fits and levels the module.
  const bottoms = common(low);
  let ends = estimate(bottoms)!;
  for (let c = 0; c < columns - 1; c++) {
    bottoms[c] = higher;
    const next = estimate(bottoms);
    if (next && spread(next) < spread(ends) - EPS) ends = next;
    else bottoms[c] = bottom;
  }
  if (bottoms.some((b) => b !== bottom)) consider(bottoms);
  return best;
}

/**
 * Balancing a section free of wrap by moving its lines (exact and cheap, so
 * more settings are tried): the lowest common bottom that holds the lines,
 * then the left columns long (3, 2, 2), then each column one or two lines
 * higher where that levels the module more.
 */
function levelByMoving(
  moving: Redistribution,
  candidates: readonly number[],
  columns: number,
  step: number,
  guess: number,
): ParagraphResult[] | null {
  const common = (index: number) => new Array<number>(columns).fill(candidates[index]);
  const fits = (index: number) => moving.fill(common(index)) !== null;
  // The lowest common bottom that holds the lines: from the guess, step down
  // while it still fits, or up until it does (a line or two either way).
  let low = Math.max(0, Math.min(candidates.length - 1, guess));
  if (fits(low)) while (low > 0 && fits(low - 1)) low--;
  else {
    while (low < candidates.length && !fits(low)) low++;
    if (low === candidates.length) return null;
  }
  let best = common(low);
  let bestSpread = spread(moving.fill(best)!);
  const consider = (bottoms: number[]): boolean => {
    const ends = moving.fill(bottoms);
    if (!ends || spread(ends) >= bestSpread - EPS) return false;
    best = bottoms;
    bestSpread = spread(ends);
    return true;
  };
  if (bestSpread <= step || low === 0) return moving.build(best);
  // A common bottom can still leave the last column short (3, 3, 1): first
  // as newspapers end a module, the left columns long (3, 2, 2)...
  const bottom = candidates[low];
  const higher = candidates[low - 1];
  // (The fewest long columns that still hold the lines: more long columns hold more.)
  const split = (at: number) => Array.from({ length: columns }, (_, c) => (c < at ? bottom : higher));
  let fewest = 1;
  let most = columns - 1;
  while (fewest < most) {
    const middle = (fewest + most) >> 1;
    if (moving.fill(split(middle))) most = middle;
    else fewest = middle + 1;
  }
  consider(split(fewest));
  // ...then, where section heads make the lines uneven, each column one or
  // two lines higher (or back), left to right, wherever that levels the
  // module more; a second pass when the first helped (a raised column can
  // make room for the next).
  const levels = [bottom, higher, candidates[low - 2]].filter((b) => b !== undefined);
  for (let pass = 0, improved = true; pass < 2 && improved && bestSpread > step; pass++) {
    improved = false;
    for (let c = 0; c < columns - 1 && bestSpread > step; c++) {
      for (const level of levels) {
        if (best[c] === level) continue;
        const bottoms = best.slice();
        bottoms[c] = level;
        if (consider(bottoms)) improved = true;
      }
    }
  }
  return moving.build(best);
}
