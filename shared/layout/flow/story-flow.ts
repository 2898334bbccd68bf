/**
 * One story through its thread: paragraph after paragraph from the top of
 * the first frame, keep-with-next, then overset and copyfit. Keeps the
 * cursor before every paragraph so that an edit can recompose from the
 * edited paragraph on, and stops early when a later paragraph would start
 * where it started before with the same input (the rest is then unchanged).
 */
import type { StoryReport } from '../display-list';
import type { LineSlots } from '../paragraph-types';
import { spaceAfter } from '../../model/styles';
import { balanceLastSection } from './balance';
import { rememberedBalance } from './balance-cache';
import { type FlowCursor, sameCursor, startCursor } from './cursor';
import { charactersFrom, type FlowParagraph } from './paragraphs';
import { type FlowContext, type Placement, shiftPlacement } from './place-paragraph';
import { keepWithNext, placeOne } from './place-with-keep';

export interface ParagraphResult {
  paragraph: FlowParagraph;
  before: FlowCursor;
  placement: Placement;
}

export interface StoryFlow {
  storyId: string;
  /** The natural flow, paragraph by paragraph: what incremental recomposition starts from. */
  paragraphs: ParagraphResult[];
  /**
   * What is painted: `paragraphs`, or a copy whose last section is set again
   * with its columns balanced (see balance.ts).
   */
  placed: ParagraphResult[];
  /** Overset lines counted at the last frame's last column measure. */
  oversetLines: number;
  oversetCharacters: number;
  /** Missing glyphs in overset text (found while counting its lines), by paragraph index. */
  oversetMissing: { paragraph: number; offset: number; codePoint: number }[];
  copyfitLines: number;
  report: StoryReport;
}

const EPS = 1e-6;

/**
 * The results to paint: the last section balanced where that applies. After
 * an edit that left the balanced section's paragraphs as they were (same
 * objects), the previous balance is reused.
 */
function balanced(
  context: FlowContext,
  results: ParagraphResult[],
  overset: boolean,
  previous?: StoryFlow,
): ParagraphResult[] {
  if (overset) return results;
  if (previous && previous.placed !== previous.paragraphs && previous.paragraphs.length === results.length) {
    let start = 0;
    while (start < results.length && previous.placed[start] === previous.paragraphs[start]) start++;
    let same = start < results.length;
    for (let i = start; i < results.length && same; i++) same = results[i] === previous.paragraphs[i];
    if (same) return [...results.slice(0, start), ...previous.placed.slice(start)];
  }
  return rememberedBalance(context, results, balanceLastSection) ?? results;
}

/** Lines the rest of the story takes at the last frame's last column measure. */
function oversetLineCount(
  context: FlowContext,
  paragraphs: readonly ParagraphResult[],
  first: number,
  missing: StoryFlow['oversetMissing'],
): number {
  const lastFrame = context.frames[context.frames.length - 1];
  // Without any frame there is no measure: a wide one still finds the missing glyphs.
  const width = lastFrame ? lastFrame.columns[lastFrame.columns.length - 1].width : 1e6;
  const slots: LineSlots = (index) => (index < 100_000 ? { x: 0, width } : null);
  let lines = 0;
  for (let i = first; i < paragraphs.length; i++) {
    const { paragraph, placement } = paragraphs[i];
    const from = placement.end;
    if (paragraph.input.text.length === 0) {
      if (placement.lines.length === 0) lines++;
      continue;
    }
    if (from >= paragraph.input.text.length) continue;
    const composed = context.composer.compose(paragraph.input, slots, from);
    for (const m of composed.missing) if (m.offset >= from) missing.push({ paragraph: i, ...m });
    lines += composed.lines.length;
  }
  return lastFrame ? lines : 0;
}

/** Whole lines of `leading` that still fit below the cursor, in every column left in the thread. */
function linesOfRoom(context: FlowContext, cursor: FlowCursor, leading: number, size: number): number {
  const fit = (top: number, bottom: number) =>
    bottom - top + EPS >= size ? Math.floor((bottom - top - size) / leading + EPS) + 1 : 0;
  let room = 0;
  const { frames } = context;
  for (let f = cursor.frame; f < frames.length; f++) {
    const frame = frames[f];
    for (let c = f === cursor.frame ? cursor.column : 0; c < frame.columns.length; c++) {
      const column = frame.columns[c];
      const bottom = column.y + column.height;
      const top = f === cursor.frame ? (c === cursor.column ? cursor.y : cursor.sectionTop) : column.y;
      room += fit(top, bottom);
    }
  }
  return room;
}

/**
 * Room after the painted result (balanced or not): whole lines of the last
 * paragraph's leading under each column of the frame the story ends in —
 * below the last line set in it, or from the section's top in a column
 * left empty — and in every column of the frames after it. So a balanced
 * module reports what the desk sees: the same few lines under each column.
 */
function roomAfter(
  context: FlowContext,
  placed: readonly ParagraphResult[],
  leading: number,
  size: number,
): { total: number; columns: number[] } {
  const fit = (top: number, bottom: number) =>
    bottom - top + EPS >= size ? Math.floor((bottom - top - size) / leading + EPS) + 1 : 0;
  const end = placed[placed.length - 1]?.placement.after;
  if (!end || !context.frames[end.frame]) return { total: 0, columns: [] };
  const frame = context.frames[end.frame];
  const next = new Array<number | null>(frame.columns.length).fill(null);
  for (const { paragraph, placement } of placed) {
    const style = paragraph.input.style;
    const step = style.leading > 0 ? style.leading : style.fontSize;
    for (const line of placement.lines) {
      if (line.frame !== end.frame || line.top < end.sectionTop - EPS) continue;
      const below = line.top + step + spaceAfterIfLast(placement, line, style);
      next[line.column] = Math.max(next[line.column] ?? -Infinity, below);
    }
  }
  const columns = frame.columns.map((column, c) =>
    fit(next[c] ?? Math.max(column.y, end.sectionTop), column.y + column.height),
  );
  let total = columns.reduce((a, b) => a + b, 0);
  for (let f = end.frame + 1; f < context.frames.length; f++) {
    for (const column of context.frames[f].columns) total += fit(column.y, column.y + column.height);
  }
  return { total, columns };
}

/** A paragraph's space after counts under its last line (the next paragraph would start below it). */
function spaceAfterIfLast(
  placement: Placement,
  line: Placement['lines'][number],
  style: FlowParagraph['input']['style'],
): number {
  return placement.lines[placement.lines.length - 1] === line ? spaceAfter(style) : 0;
}

/**
 * Flows `paragraphs` through the context's frames. With `previous` (the
 * flow of the same story before an edit) and `firstChanged`, paragraphs
 * before `firstChanged` are reused as they were, and from the paragraph
 * after the change on, the old tail is reused as soon as a paragraph starts
 * at the same cursor with the same input.
 */
export function flowStory(
  storyId: string,
  context: FlowContext,
  paragraphs: readonly FlowParagraph[],
  previous?: StoryFlow,
  firstChanged = 0,
): StoryFlow {
  const results: ParagraphResult[] = [];
  let cursor = startCursor(context.frames);
  let reusedTail = false;
  let tailStart = 0;
  const start = previous ? Math.min(firstChanged, previous.paragraphs.length, paragraphs.length) : 0;
  // Keep-with-next looks one paragraph ahead: a keep-with-next paragraph just
  // before the change is recomposed too.
  const restart =
    start > 0 && previous!.paragraphs[start - 1].paragraph.input.style.keepWithNext ? start - 1 : start;
  for (let i = 0; i < restart; i++) results.push(previous!.paragraphs[i]);
  if (restart > 0) cursor = previous!.paragraphs[restart - 1].placement.after;
  for (let i = restart; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i];
    const old = previous?.paragraphs[i];
    if (
      old &&
      i > start &&
      old.paragraph.key === paragraph.key &&
      sameCursor(old.before, cursor) &&
      previous!.paragraphs.length === paragraphs.length
    ) {
      for (let j = i; j < paragraphs.length; j++) results.push(previous!.paragraphs[j]);
      reusedTail = true;
      tailStart = i;
      break;
    }
    const before = cursor;
    // After the edit, a paragraph that only moved within its column is moved, not composed again.
    const shifted =
      old && i > start && old.paragraph.key === paragraph.key
        ? shiftPlacement(context, paragraph, before, old.placement)
        : null;
    let placement = shifted ?? placeOne(context, paragraph, before);
    placement = keepWithNext(context, paragraph, paragraphs[i + 1], before, placement);
    // Same input set the same way: keep the old result, so its lines keep their identity.
    if (
      old &&
      old.paragraph.key === paragraph.key &&
      sameCursor(old.before, before) &&
      samePlacement(old.placement, placement)
    ) {
      results.push(old);
    } else {
      results.push({ paragraph, before, placement });
    }
    cursor = placement.after;
  }
  if (reusedTail) return finishWithTail(storyId, context, results, previous!, tailStart);
  return finish(storyId, context, results, cursor, previous);
}

function samePlacement(a: Placement, b: Placement): boolean {
  if (a.end !== b.end || a.lines.length !== b.lines.length || !sameCursor(a.after, b.after)) return false;
  for (let i = 0; i < a.lines.length; i++) {
    const p = a.lines[i];
    const q = b.lines[i];
    if (
      p.frame !== q.frame ||
      p.column !== q.column ||
      p.top !== q.top ||
      p.baseline !== q.baseline ||
      p.originX !== q.originX ||
      p.line.start !== q.line.start ||
      p.line.end !== q.line.end ||
      p.line.x !== q.line.x ||
      p.line.width !== q.line.width
    )
      return false;
  }
  return true;
}

/** The first paragraph not set in full, or -1. */
function firstUnset(results: readonly ParagraphResult[]): number {
  return results.findIndex(({ paragraph, placement }) =>
    paragraph.input.text.length === 0
      ? placement.lines.length === 0
      : placement.end < paragraph.input.text.length,
  );
}

/**
 * The old tail was reused: where the story ends and what is overset are as
 * before, unless the overset now starts before the tail. Character totals
 * are counted again (the edit changed them).
 */
function finishWithTail(
  storyId: string,
  context: FlowContext,
  results: ParagraphResult[],
  previous: StoryFlow,
  tailStart: number,
): StoryFlow {
  const unset = firstUnset(results);
  if (unset >= 0 && unset < tailStart) {
    return finish(storyId, context, results, results[results.length - 1].placement.after, previous);
  }
  let total = 0;
  for (const { paragraph } of results) total += paragraph.characters;
  const placed = balanced(context, results, unset >= 0, previous);
  let report: StoryReport = {
    ...previous.report,
    totalCharacters: total,
    charactersSet: total - previous.oversetCharacters,
  };
  if (unset < 0 && placed !== results) {
    // The balanced section may have been set again: its room is counted again.
    const last = results[results.length - 1].paragraph.input.style;
    const leading = last.leading > 0 ? last.leading : last.fontSize;
    const room = roomAfter(context, placed, leading, last.fontSize);
    report = { ...report, copyfitLines: room.total, columnsShort: room.columns };
  }
  return { ...previous, paragraphs: results, placed, copyfitLines: report.copyfitLines, report };
}

function finish(
  storyId: string,
  context: FlowContext,
  results: ParagraphResult[],
  cursor: FlowCursor,
  previous?: StoryFlow,
): StoryFlow {
  let total = 0;
  let oversetCharacters = 0;
  let firstOverset = -1;
  for (let i = 0; i < results.length; i++) {
    const { paragraph, placement } = results[i];
    total += paragraph.characters;
    const unset =
      paragraph.input.text.length === 0
        ? placement.lines.length === 0
        : placement.end < paragraph.input.text.length;
    if (unset) {
      if (firstOverset < 0) firstOverset = i;
      oversetCharacters += charactersFrom(paragraph, placement.end);
    }
  }
  const oversetMissing: StoryFlow['oversetMissing'] = [];
  const oversetLines =
    firstOverset >= 0 ? oversetLineCount(context, results, firstOverset, oversetMissing) : 0;
  let copyfitLines = -oversetLines;
  const placed = balanced(context, results, firstOverset >= 0, previous);
  let columnsShort: number[] | undefined;
  if (firstOverset < 0) {
    const last = results[results.length - 1]?.paragraph.input.style;
    const size = last?.fontSize ?? 9;
    const leading = last && last.leading > 0 ? last.leading : size;
    const afterSpace = last ? spaceAfter(last) : 0;
    if (placed !== results) {
      // Balanced: the room is what is left under the level columns.
      const room = roomAfter(context, placed, leading, size);
      copyfitLines = room.total;
      columnsShort = room.columns;
    } else {
      copyfitLines = linesOfRoom(context, { ...cursor, y: cursor.y - afterSpace }, leading, size);
      const frame = context.frames[cursor.frame];
      if (frame && frame.columns.length > 1) columnsShort = roomAfter(context, placed, leading, size).columns;
    }
  }
  return {
    storyId,
    paragraphs: results,
    placed,
    oversetLines,
    oversetCharacters,
    oversetMissing,
    copyfitLines,
    report: {
      storyId,
      charactersSet: total - oversetCharacters,
      oversetCharacters,
      oversetLines,
      copyfitLines,
      totalCharacters: total,
      ...(columnsShort ? { columnsShort } : {}),
    },
  };
}
