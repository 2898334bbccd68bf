/**
 * From story positions to composed positions and back, through the display
 * list's character map (DisplayLine block/start/end and GlyphRun
 * clusters/x): where to paint the caret and the selection on the page, and
 * which character a click on the page hits.
 */
import type { Id, Pt } from '../model/types';
import type { DisplayLine, DisplayList, DisplayTextFrame, StoryPoint } from '../layout/display-list';
import { markupMapOf } from '../review/markup';

/** A line of the story with where it sits. */
export interface PlacedLine {
  pageIndex: number;
  frameId: Id;
  line: DisplayLine;
}

/** A caret or a piece of selection on a page, in page points. */
export interface PageRect {
  pageIndex: number;
  frameId: Id;
  x: Pt;
  y: Pt;
  width: Pt;
  height: Pt;
}

/** Every composed line of a story in reading order (thread order, then line order). */
export function storyLines(list: DisplayList, storyId: Id): PlacedLine[] {
  const out: PlacedLine[] = [];
  for (const page of list.pages) {
    for (const item of page.items) {
      if (item.kind !== 'text' || item.storyId !== storyId) continue;
      for (const line of item.lines) {
        // Jump lines are not story text: no caret goes there.
        if (line.storyId === storyId && !line.generated)
          out.push({ pageIndex: page.index, frameId: item.frameId, line });
      }
    }
  }
  // Pages are in edition order but a thread may go back a page; sort by story position.
  out.sort((a, b) => a.line.block - b.line.block || a.line.start - b.line.start);
  return out;
}

/** The glyph edges of a line: for each glyph, its cluster, left x and advance. */
function glyphEdges(line: DisplayLine): { cluster: number; x: Pt; advance: Pt }[] {
  const edges: { cluster: number; x: Pt; advance: Pt }[] = [];
  for (const run of line.runs) {
    for (let i = 0; i < run.glyphs.length; i++) {
      edges.push({ cluster: run.clusters[i], x: run.x[i], advance: run.advances[i] });
    }
  }
  edges.sort((a, b) => a.cluster - b.cluster || a.x - b.x);
  return edges;
}

/** The x of the caret before character `offset` of a line (offset within start..end). */
export function xAtOffset(line: DisplayLine, offset: number): Pt {
  const edges = glyphEdges(line);
  if (edges.length === 0) return line.x;
  let before = edges[0];
  if (offset <= before.cluster) return before.x;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (e.cluster === offset) return e.x;
    if (e.cluster > offset) {
      // Inside a cluster (a ligature or a grapheme of several code units): share its width.
      const span = e.cluster - before.cluster;
      const share = span > 0 ? (offset - before.cluster) / span : 0;
      return before.x + before.advance * Math.min(1, share);
    }
    before = e;
  }
  const last = edges[edges.length - 1];
  const lastEnd = line.end;
  if (offset >= lastEnd || lastEnd <= last.cluster) return last.x + last.advance;
  const share = (offset - last.cluster) / (lastEnd - last.cluster);
  return last.x + last.advance * Math.min(1, share);
}

/**
 * The line that shows a story point. A point at the end of one line and
 * the start of the next belongs to the next line (where typing goes),
 * except at the end of its block.
 */
export function lineForPoint(lines: PlacedLine[], point: StoryPoint): PlacedLine | null {
  let match: PlacedLine | null = null;
  for (const placed of lines) {
    const { line } = placed;
    if (line.block !== point.block) continue;
    if (point.offset >= line.start && point.offset < line.end) return placed;
    if (point.offset >= line.end) match = placed;
  }
  return match;
}

/** Where to paint the caret for a story point; null when that text is overset or unknown. */
export function caretRect(list: DisplayList, storyId: Id, storyPoint: StoryPoint): PageRect | null {
  // In the markup view deleted text is on the page too: speak its points.
  const point = markupMapOf(list, storyId)?.toMarkup(storyPoint) ?? storyPoint;
  const lines = storyLines(list, storyId);
  const placed = lineForPoint(lines, point);
  if (!placed) return null;
  const { line } = placed;
  if (point.offset > line.end) return null;
  const x = xAtOffset(line, Math.max(line.start, point.offset));
  return {
    pageIndex: placed.pageIndex,
    frameId: placed.frameId,
    x,
    y: line.y - line.ascent,
    width: 0,
    height: line.ascent + line.descent,
  };
}

function comparePoints(a: StoryPoint, b: StoryPoint): number {
  return a.block - b.block || a.offset - b.offset;
}

/** Rectangles covering a selection, one per line it touches. */
export function selectionRects(list: DisplayList, storyId: Id, a: StoryPoint, b: StoryPoint): PageRect[] {
  const [first, last] = comparePoints(a, b) <= 0 ? [a, b] : [b, a];
  const map = markupMapOf(list, storyId);
  if (!map) return markupSelectionRects(list, storyId, first, last);
  return markupSelectionRects(list, storyId, map.toMarkup(first, 'forward'), map.toMarkup(last));
}

/** Selection rectangles in the composed text's own points (the markup story's in the markup view). */
export function markupSelectionRects(
  list: DisplayList,
  storyId: Id,
  a: StoryPoint,
  b: StoryPoint,
): PageRect[] {
  const [start, end] = comparePoints(a, b) <= 0 ? [a, b] : [b, a];
  if (comparePoints(start, end) === 0) return [];
  const rects: PageRect[] = [];
  for (const placed of storyLines(list, storyId)) {
    const { line } = placed;
    const lineStart: StoryPoint = { block: line.block, offset: line.start };
    const lineEnd: StoryPoint = { block: line.block, offset: line.end };
    if (
      comparePoints(lineEnd, start) <= 0 &&
      !(line.start === line.end && comparePoints(lineEnd, start) === 0)
    )
      continue;
    if (comparePoints(lineStart, end) >= 0) continue;
    const from = comparePoints(start, lineStart) > 0 ? start.offset : line.start;
    const to = comparePoints(end, lineEnd) < 0 ? end.offset : line.end;
    const x0 = xAtOffset(line, from);
    const x1 = xAtOffset(line, to);
    rects.push({
      pageIndex: placed.pageIndex,
      frameId: placed.frameId,
      x: Math.min(x0, x1),
      y: line.y - line.ascent,
      width: Math.abs(x1 - x0),
      height: line.ascent + line.descent,
    });
  }
  return rects;
}

/** The text frame under a page point (topmost first), if any. */
export function textFrameAt(list: DisplayList, pageIndex: number, x: Pt, y: Pt): DisplayTextFrame | null {
  const page = list.pages.find((p) => p.index === pageIndex);
  if (!page) return null;
  for (let i = page.items.length - 1; i >= 0; i--) {
    const item = page.items[i];
    if (item.kind !== 'text' || item.fromMaster) continue;
    if (x >= item.x && x <= item.x + item.width && y >= item.y && y <= item.y + item.height) return item;
  }
  return null;
}

/**
 * The story point a click at (x, y) on a page hits: the nearest line of
 * the text frame under the pointer, then the nearest glyph edge on it.
 * Null when the click is not on a text frame holding a story.
 */
export function hitTest(
  list: DisplayList,
  pageIndex: number,
  x: Pt,
  y: Pt,
): { storyId: Id; frameId: Id; point: StoryPoint } | null {
  const frame = textFrameAt(list, pageIndex, x, y);
  if (!frame || !frame.storyId) return null;
  const storyId = frame.storyId;
  if (frame.lines.length === 0) {
    return { storyId, frameId: frame.frameId, point: firstPointOfFrame(list, storyId, frame) };
  }
  let best: DisplayLine = frame.lines[0];
  let bestDistance = Infinity;
  for (const line of frame.lines) {
    if (line.generated) continue;
    const top = line.y - line.ascent;
    const bottom = line.y + line.descent;
    const dy = y < top ? top - y : y > bottom ? y - bottom : 0;
    const dx = x < line.x ? line.x - x : x > line.x + line.width ? x - line.x - line.width : 0;
    // Vertical distance decides; horizontal distance picks the column.
    const distance = dy * 4 + dx;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = line;
    }
  }
  const point = { block: best.block, offset: offsetAtX(best, x) };
  return { storyId, frameId: frame.frameId, point: markupMapOf(list, storyId)?.toStory(point) ?? point };
}

/** The nearest caret offset to x on a line. */
export function offsetAtX(line: DisplayLine, x: Pt): number {
  const edges = glyphEdges(line);
  if (edges.length === 0) return line.start;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (x < e.x + e.advance / 2) return Math.max(line.start, e.cluster);
  }
  return line.end;
}

function firstPointOfFrame(list: DisplayList, storyId: Id, frame: DisplayTextFrame): StoryPoint {
  // An empty frame in a thread: the caret goes to the end of the text set before it.
  let last: StoryPoint = { block: 0, offset: 0 };
  for (const placed of storyLines(list, storyId)) {
    if (placed.frameId === frame.frameId) break;
    last = { block: placed.line.block, offset: placed.line.end };
  }
  return last;
}
