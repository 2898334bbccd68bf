/**
 * Sets one paragraph from a cursor: across columns and frames for body text,
 * across several columns for a spanning paragraph (a headline over its body),
 * with widow and orphan control. Returns the placed lines and the cursor
 * after the paragraph.
 */
import type { DisplayLine } from '../display-list';
import type { ComposedLine, ParagraphComposer } from '../paragraph-types';
import { baselineOffset, EM_BOX_DESCENT } from './grid';
import { boxSequence, composeInRegion, lineBoxAt, type Region, type SlotAnswer } from './line-slots';
import { copyCursor, type FlowCursor, frameStart, moveCursor, nextColumn } from './cursor';
import type { FlowParagraph } from './paragraphs';
import type { ThreadFrame } from './thread';
import { spaceAfter, spaceBefore } from '../../model/styles';

/** A composed line and where it went. */
export interface PlacedLine {
  /** Index of the frame in the thread. */
  frame: number;
  column: number;
  /** Em-box top and baseline on the page. */
  top: number;
  baseline: number;
  /** The slot origin: the composer's x values are relative to it (0: the page's left edge). */
  originX: number;
  line: ComposedLine;
  /** Its DisplayLines, made on first use (a field, not a WeakMap: cheaper to make and to collect). */
  display?: DisplayLine[];
}

export interface Placement {
  lines: PlacedLine[];
  /** Offset in the paragraph text where setting stopped (text.length when all set). */
  end: number;
  after: FlowCursor;
  /** Lines set in each column the paragraph touched, in order. */
  parts: number[];
  missing: { offset: number; codePoint: number }[];
  /** Font keys of the glyph runs, collected on first use. */
  fontKeys?: string[];
  /**
   * Set when the whole paragraph went into one column in one composer call:
   * the region and every slot answer the composer got. Another placement
   * whose slots answer the same gets the same lines (see shiftPlacement).
   */
  single?: { region: Region; answers: SlotAnswer[] };
}

export interface FlowContext {
  frames: readonly ThreadFrame[];
  composer: ParagraphComposer;
}

const EPS = 1e-6;

function leadingOf(paragraph: FlowParagraph): number {
  const { leading, fontSize } = paragraph.input.style;
  return leading > 0 ? leading : fontSize;
}

/**
 * Space above a paragraph where it starts: its space before, except at the
 * top of a column, where that is dropped — and where a paragraph starts a
 * frame, its frame-top gap (a caption's gap under the photo) applies.
 */
function spaceAbove(context: FlowContext, paragraph: FlowParagraph, cursor: FlowCursor): number {
  if (!cursor.fresh) return spaceBefore(paragraph.input.style);
  if (paragraph.topGap <= 0 || cursor.column !== 0) return 0;
  const frame = context.frames[cursor.frame];
  return frame && Math.abs(cursor.y - frame.interior.y) < EPS ? paragraph.topGap : 0;
}

/** How many columns the paragraph spans in a frame of `columns` columns (1: it flows). */
export function spanOf(paragraph: FlowParagraph, columns: number): number {
  const span = paragraph.input.style.spanColumns;
  if (span === 'all') return columns;
  return Math.max(1, Math.min(columns, Math.floor(span)));
}

/** An empty paragraph still takes a line (an empty line box the caret can sit in). */
function emptyLine(paragraph: FlowParagraph, x: number, width: number): ComposedLine {
  const size = paragraph.input.style.fontSize;
  return {
    start: 0,
    end: 0,
    x,
    width,
    ascent: baselineOffset(size),
    descent: EM_BOX_DESCENT * size,
    hyphenated: false,
    runs: [],
  };
}

/** Sets the paragraph into `region` of the cursor's frame; mutates the cursor and the placement. */
function setInRegion(
  context: FlowContext,
  paragraph: FlowParagraph,
  cursor: FlowCursor,
  region: Region,
  from: number,
  maxLines: number,
  placement: Placement,
): number {
  const frame = context.frames[cursor.frame];
  const { input } = paragraph;
  const grid = input.style.alignToGrid;
  const leading = leadingOf(paragraph);
  if (input.text.length === 0) {
    const box = maxLines > 0 ? lineBoxAt(frame, region, cursor.y, leading, input.style.fontSize, grid) : null;
    if (!box) {
      placement.parts.push(0);
      return 0;
    }
    placement.lines.push({
      frame: cursor.frame,
      column: region.column,
      top: box.top,
      baseline: box.baseline,
      originX: 0,
      line: emptyLine(paragraph, box.x, box.width),
    });
    placement.parts.push(1);
    cursor.y = box.top + leading;
    cursor.fresh = false;
    cursor.sectionBottom = Math.max(cursor.sectionBottom, cursor.y);
    return 0;
  }
  const { composed, boxes, answers } = composeInRegion(
    context.composer,
    input,
    from,
    frame,
    region,
    cursor.y,
    grid,
    maxLines,
  );
  for (let i = 0; i < composed.lines.length; i++) {
    placement.lines.push({
      frame: cursor.frame,
      column: region.column,
      top: boxes[i].top,
      baseline: boxes[i].baseline,
      originX: 0,
      line: composed.lines[i],
    });
  }
  for (const m of composed.missing) placement.missing.push(m);
  placement.parts.push(composed.lines.length);
  placement.single = from === 0 && composed.end >= input.text.length ? { region, answers } : undefined;
  if (composed.lines.length > 0) {
    cursor.y = boxes[composed.lines.length - 1].top + leading;
    cursor.fresh = false;
    cursor.sectionBottom = Math.max(cursor.sectionBottom, cursor.y);
  }
  return composed.end;
}

/**
 * Body text: fills the cursor's column, then the next columns of the section
 * and the next frames. `limits[i]` caps the lines of the i-th column part
 * (used to pull lines over for widow control).
 */
export function placeFlowing(
  context: FlowContext,
  paragraph: FlowParagraph,
  start: FlowCursor,
  limits: readonly number[] = [],
): Placement {
  const { frames } = context;
  const cursor = copyCursor(start);
  const placement: Placement = { lines: [], end: 0, after: cursor, parts: [], missing: [] };
  cursor.y += spaceAbove(context, paragraph, cursor);
  const length = paragraph.input.text.length;
  let from = 0;
  let done = false;
  let part = 0;
  while (cursor.frame < frames.length) {
    const column = frames[cursor.frame].columns[cursor.column];
    const region: Region = {
      left: column.x,
      right: column.x + column.width,
      bottom: column.y + column.height,
      column: cursor.column,
    };
    const linesBefore = placement.lines.length;
    from = setInRegion(context, paragraph, cursor, region, from, limits[part] ?? Infinity, placement);
    if (length === 0 ? placement.lines.length > linesBefore : from >= length) {
      done = true;
      break;
    }
    moveCursor(cursor, nextColumn(frames, cursor));
    part++;
  }
  placement.end = done ? length : from;
  if (done) cursor.y += spaceAfter(paragraph.input.style);
  placement.after = cursor;
  // Only a paragraph set whole in one column, without limits, can be moved by shiftPlacement.
  if (!done || placement.parts.length !== 1 || limits.length > 0) placement.single = undefined;
  return placement;
}

/**
 * The paragraph placed before as `old`, now starting at `start` in the same
 * column: when every slot the composer asked for answers the same at the new
 * place (same x and measure, room or no room), the composer would set the
 * same lines, so they are moved instead of composed again. Null when any
 * answer differs (the caller then composes). The composer is deterministic,
 * so this gives exactly what placeBody would.
 */
export function shiftPlacement(
  context: FlowContext,
  paragraph: FlowParagraph,
  start: FlowCursor,
  old: Placement,
): Placement | null {
  const single = old.single;
  if (!single || old.lines.length === 0 || start.frame !== old.lines[0].frame) return null;
  if (start.column !== single.region.column) return null;
  const frame = context.frames[start.frame];
  if (!frame || spanOf(paragraph, frame.columns.length) > 1) return null;
  const cursor = copyCursor(start);
  const { style } = paragraph.input;
  cursor.y += spaceAbove(context, paragraph, cursor);
  const boxAt = boxSequence(frame, single.region, cursor.y, paragraph.input, style.alignToGrid);
  for (let i = 0; i < single.answers.length; i++) {
    const box = boxAt(i);
    const answer = single.answers[i];
    if (!box || !answer) {
      if (box || answer) return null;
      continue;
    }
    if (box.x !== answer.x || box.width !== answer.width) return null;
  }
  const lines: PlacedLine[] = old.lines.map((placed, i) => {
    const box = boxAt(i)!;
    return {
      frame: placed.frame,
      column: placed.column,
      top: box.top,
      baseline: box.baseline,
      originX: placed.originX,
      line: placed.line,
    };
  });
  cursor.y = lines[lines.length - 1].top + leadingOf(paragraph);
  cursor.fresh = false;
  cursor.sectionBottom = Math.max(cursor.sectionBottom, cursor.y);
  cursor.y += spaceAfter(style);
  return { lines, end: old.end, after: cursor, parts: [lines.length], missing: old.missing, single };
}

/**
 * A paragraph spanning `span` columns (a headline over its body): set across
 * those columns at the current section's foot, then the columns start again
 * below it. A span that does not fit continues at the top of the next frame.
 */
export function placeSpanning(
  context: FlowContext,
  paragraph: FlowParagraph,
  start: FlowCursor,
  span: number,
): Placement {
  const { frames } = context;
  const cursor = copyCursor(start);
  const placement: Placement = { lines: [], end: 0, after: cursor, parts: [], missing: [] };
  // Body already set in this section: the span starts a new section below it.
  if (cursor.column > 0 || cursor.y > cursor.sectionTop + EPS) {
    cursor.y = Math.max(cursor.y, cursor.sectionBottom);
    cursor.column = 0;
  }
  cursor.y += spaceAbove(context, paragraph, cursor);
  const length = paragraph.input.text.length;
  let from = 0;
  let done = false;
  while (cursor.frame < frames.length) {
    const frame = frames[cursor.frame];
    const first = frame.columns[0];
    const last = frame.columns[Math.min(span, frame.columns.length) - 1];
    const region: Region = {
      left: first.x,
      right: last.x + last.width,
      bottom: frame.interior.y + frame.interior.height,
      column: 0,
    };
    const linesBefore = placement.lines.length;
    from = setInRegion(context, paragraph, cursor, region, from, Infinity, placement);
    if (length === 0 ? placement.lines.length > linesBefore : from >= length) {
      done = true;
      break;
    }
    moveCursor(cursor, frameStart(frames, cursor.frame + 1));
  }
  placement.end = done ? length : from;
  if (done) cursor.y += spaceAfter(paragraph.input.style);
  cursor.column = 0;
  cursor.sectionTop = cursor.y;
  cursor.sectionBottom = cursor.y;
  placement.after = cursor;
  placement.single = undefined; // spans are never moved by shiftPlacement
  return placement;
}

/**
 * Body text with widow and orphan control: a paragraph whose first column
 * part is shorter than `orphans` lines starts in the next column; one whose
 * last part is shorter than `widows` pulls lines over from the column before
 * (or, when that would leave too few behind, moves to the next column whole).
 * Neither applies when the paragraph already starts at a column top.
 */
export function placeBody(context: FlowContext, paragraph: FlowParagraph, start: FlowCursor): Placement {
  const { orphans, widows } = paragraph.input.style;
  const moveWhole = () => placeFlowing(context, paragraph, nextColumn(context.frames, start));
  let placement = placeFlowing(context, paragraph, start);
  const { parts } = placement;
  if (parts.length < 2) return placement;
  const firstSet = parts.findIndex((n) => n > 0);
  if (firstSet === 0 && parts[0] < orphans && !start.fresh) return moveWhole();
  const complete = placement.end >= paragraph.input.text.length;
  const last = parts[parts.length - 1];
  if (!complete || last >= widows || parts.length < 2) return placement;
  const previousIndex = parts.length - 2;
  const previous = parts[previousIndex];
  const need = widows - last;
  const minimumLeft = previousIndex === 0 ? Math.max(1, orphans) : 1;
  if (previous - need >= minimumLeft) {
    const limits: number[] = parts.map(() => Infinity);
    limits[previousIndex] = previous - need;
    const retry = placeFlowing(context, paragraph, start, limits);
    if (retry.end >= paragraph.input.text.length) placement = retry;
    return placement;
  }
  if (previousIndex === 0 && !start.fresh) return moveWhole();
  return placement;
}
