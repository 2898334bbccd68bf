/**
 * Snapping for moving and resizing frames: the dragged rectangle's edges
 * (and centre) are pulled to the page's margins, column edges, baseline
 * grid and the edges and centres of other frames (smart guides), when they
 * come within a threshold. Pure geometry: the tool passes the page and the
 * other frames; the result is the snapped rectangle and the guides to draw.
 */
import type { BaselineGrid, Pt, Sides, Size } from '../model/types';

export interface Rect {
  x: Pt;
  y: Pt;
  width: Pt;
  height: Pt;
}

/** What a guide snapped to, so the canvas can draw and label it. */
export type SnapSource = 'margin' | 'column' | 'baseline' | 'frame' | 'page';

/** A line the rectangle may snap to: vertical (x = value) or horizontal (y = value). */
export interface SnapLine {
  axis: 'x' | 'y';
  value: Pt;
  source: SnapSource;
}

/** A guide the canvas draws while dragging: the line and the stretch it covers. */
export interface Guide {
  axis: 'x' | 'y';
  value: Pt;
  from: Pt;
  to: Pt;
  source: SnapSource;
}

export interface PageGeometry {
  size: Size;
  margins: Sides;
  columns: number;
  gutter: Pt;
  baselineGrid: BaselineGrid | null;
}

/** Which edges move: a move drags all of them, a resize handle some. */
export interface DragEdges {
  left: boolean;
  right: boolean;
  top: boolean;
  bottom: boolean;
}

export const MOVE_EDGES: DragEdges = { left: true, right: true, top: true, bottom: true };

/** Vertical lines at the page's column edges (left and right of each column), margins and page edges. */
export function pageSnapLines(page: PageGeometry): SnapLine[] {
  const lines: SnapLine[] = [];
  const { size, margins } = page;
  lines.push({ axis: 'x', value: 0, source: 'page' }, { axis: 'x', value: size.width, source: 'page' });
  lines.push({ axis: 'y', value: 0, source: 'page' }, { axis: 'y', value: size.height, source: 'page' });
  lines.push({ axis: 'x', value: margins.left, source: 'margin' });
  lines.push({ axis: 'x', value: size.width - margins.right, source: 'margin' });
  lines.push({ axis: 'y', value: margins.top, source: 'margin' });
  lines.push({ axis: 'y', value: size.height - margins.bottom, source: 'margin' });
  for (const x of columnEdges(page)) lines.push({ axis: 'x', value: x, source: 'column' });
  return lines;
}

/** The inner column edges of the page's type area (the margins themselves excluded). */
export function columnEdges(page: PageGeometry): Pt[] {
  const left = page.margins.left;
  const measure = page.size.width - page.margins.left - page.margins.right;
  const n = Math.max(1, Math.floor(page.columns));
  const columnWidth = (measure - (n - 1) * page.gutter) / n;
  const edges: Pt[] = [];
  for (let i = 1; i < n; i++) {
    const rightOfPrevious = left + i * columnWidth + (i - 1) * page.gutter;
    edges.push(rightOfPrevious, rightOfPrevious + page.gutter);
  }
  return edges;
}

/** Edges and centres of other frames, for smart guides. */
export function frameSnapLines(frames: readonly Rect[]): SnapLine[] {
  const lines: SnapLine[] = [];
  for (const f of frames) {
    lines.push(
      { axis: 'x', value: f.x, source: 'frame' },
      { axis: 'x', value: f.x + f.width, source: 'frame' },
      { axis: 'x', value: f.x + f.width / 2, source: 'frame' },
      { axis: 'y', value: f.y, source: 'frame' },
      { axis: 'y', value: f.y + f.height, source: 'frame' },
      { axis: 'y', value: f.y + f.height / 2, source: 'frame' },
    );
  }
  return lines;
}

/** The nearest baseline-grid line to y, or null without a grid. */
export function nearestBaseline(grid: BaselineGrid | null, y: Pt): Pt | null {
  if (!grid || grid.increment <= 0) return null;
  const n = Math.round((y - grid.start) / grid.increment);
  return grid.start + n * grid.increment;
}

export interface SnapInput {
  /** The rectangle where the pointer would put it, before snapping. */
  rect: Rect;
  edges: DragEdges;
  page: PageGeometry;
  /** The page's other frames (not the ones being dragged). */
  others: readonly Rect[];
  /** Snap distance in points (the tool converts its screen pixels at the current zoom). */
  threshold: Pt;
  /** Snapping can be switched off (e.g. holding Ctrl/Cmd while dragging). */
  enabled?: boolean;
}

export interface SnapResult {
  rect: Rect;
  guides: Guide[];
}

/**
 * Snaps the dragged rectangle. A move keeps the size and shifts the
 * rectangle by the smallest pull found on each axis; a resize moves only
 * the dragged edges. Horizontal edges also snap to the baseline grid.
 */
export function snapRect(input: SnapInput): SnapResult {
  const { rect, edges, page, others, threshold } = input;
  if (input.enabled === false) return { rect, guides: [] };
  const lines = [...pageSnapLines(page), ...frameSnapLines(others)];
  const moving = edges.left && edges.right && edges.top && edges.bottom;

  const xCandidates: { at: Pt; edge: 'left' | 'right' | 'center' }[] = [];
  if (edges.left) xCandidates.push({ at: rect.x, edge: 'left' });
  if (edges.right) xCandidates.push({ at: rect.x + rect.width, edge: 'right' });
  if (moving) xCandidates.push({ at: rect.x + rect.width / 2, edge: 'center' });
  const yCandidates: { at: Pt; edge: 'top' | 'bottom' | 'center' }[] = [];
  if (edges.top) yCandidates.push({ at: rect.y, edge: 'top' });
  if (edges.bottom) yCandidates.push({ at: rect.y + rect.height, edge: 'bottom' });
  if (moving) yCandidates.push({ at: rect.y + rect.height / 2, edge: 'center' });

  const xLines = lines.filter((l) => l.axis === 'x');
  const yLines = lines.filter((l) => l.axis === 'y');
  for (const c of yCandidates) {
    if (c.edge === 'center') continue;
    const b = nearestBaseline(page.baselineGrid, c.at);
    if (b !== null) yLines.push({ axis: 'y', value: b, source: 'baseline' });
  }

  const bestX = bestPull(xCandidates, xLines, threshold);
  const bestY = bestPull(yCandidates, yLines, threshold);

  const out: Rect = { ...rect };
  if (bestX) applyPull(out, bestX.edge, bestX.delta, moving, 'x');
  if (bestY) applyPull(out, bestY.edge, bestY.delta, moving, 'y');

  const guides: Guide[] = [];
  for (const line of xLines) {
    if ([out.x, out.x + out.width, moving ? out.x + out.width / 2 : NaN].some((v) => near(v, line.value))) {
      guides.push(guideFor(line, out, others, page));
    }
  }
  for (const line of yLines) {
    if ([out.y, out.y + out.height, moving ? out.y + out.height / 2 : NaN].some((v) => near(v, line.value))) {
      guides.push(guideFor(line, out, others, page));
    }
  }
  return { rect: out, guides: dedupe(guides) };
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.01;
}

function bestPull<E extends string>(
  candidates: { at: Pt; edge: E }[],
  lines: SnapLine[],
  threshold: Pt,
): { edge: E; delta: Pt } | null {
  let best: { edge: E; delta: Pt } | null = null;
  for (const c of candidates) {
    for (const line of lines) {
      const delta = line.value - c.at;
      if (Math.abs(delta) <= threshold && (!best || Math.abs(delta) < Math.abs(best.delta))) {
        best = { edge: c.edge, delta };
      }
    }
  }
  return best;
}

function applyPull(rect: Rect, edge: string, delta: Pt, moving: boolean, axis: 'x' | 'y'): void {
  if (axis === 'x') {
    if (moving) rect.x += delta;
    else if (edge === 'left') {
      rect.x += delta;
      rect.width -= delta;
    } else rect.width += delta;
  } else {
    if (moving) rect.y += delta;
    else if (edge === 'top') {
      rect.y += delta;
      rect.height -= delta;
    } else rect.height += delta;
  }
}

/** A guide spans the dragged rectangle and, for a frame guide, the frames on the same line. */
function guideFor(line: SnapLine, rect: Rect, others: readonly Rect[], page: PageGeometry): Guide {
  if (line.source !== 'frame') {
    return line.axis === 'x'
      ? { axis: 'x', value: line.value, from: 0, to: page.size.height, source: line.source }
      : { axis: 'y', value: line.value, from: 0, to: page.size.width, source: line.source };
  }
  let from = line.axis === 'x' ? rect.y : rect.x;
  let to = line.axis === 'x' ? rect.y + rect.height : rect.x + rect.width;
  for (const f of others) {
    const values =
      line.axis === 'x' ? [f.x, f.x + f.width, f.x + f.width / 2] : [f.y, f.y + f.height, f.y + f.height / 2];
    if (!values.some((v) => near(v, line.value))) continue;
    from = Math.min(from, line.axis === 'x' ? f.y : f.x);
    to = Math.max(to, line.axis === 'x' ? f.y + f.height : f.x + f.width);
  }
  return { axis: line.axis, value: line.value, from, to, source: line.source };
}

function dedupe(guides: Guide[]): Guide[] {
  const seen = new Set<string>();
  return guides.filter((g) => {
    const key = `${g.axis}:${g.value.toFixed(2)}:${g.source}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Minimum frame size a resize may leave, in points. */
export const MIN_FRAME_SIZE: Pt = 6;

/** Keeps a resized rectangle at least MIN_FRAME_SIZE wide and high, pinned at the edge not dragged. */
export function clampSize(rect: Rect, edges: DragEdges): Rect {
  const out = { ...rect };
  if (out.width < MIN_FRAME_SIZE) {
    if (edges.left && !edges.right) out.x = rect.x + rect.width - MIN_FRAME_SIZE;
    out.width = MIN_FRAME_SIZE;
  }
  if (out.height < MIN_FRAME_SIZE) {
    if (edges.top && !edges.bottom) out.y = rect.y + rect.height - MIN_FRAME_SIZE;
    out.height = MIN_FRAME_SIZE;
  }
  return out;
}
