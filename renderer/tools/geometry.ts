/** Handle and port geometry of the frame tools, in page points at a given zoom. */
import type { DisplayItem } from '../../shared/layout/display-list';
import type { DragEdges, Rect } from '../../shared/editing/snapping';

/** Screen size of a handle, in CSS pixels. */
export const HANDLE_PX = 7;
/** Pointer slop for hitting a handle or a port, in CSS pixels. */
export const HIT_PX = 5;
/** Snap distance, in CSS pixels. */
export const SNAP_PX = 6;

export type HandleId = 'nw' | 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w';

export const HANDLE_EDGES: Record<HandleId, DragEdges> = {
  nw: { left: true, top: true, right: false, bottom: false },
  n: { left: false, top: true, right: false, bottom: false },
  ne: { left: false, top: true, right: true, bottom: false },
  e: { left: false, top: false, right: true, bottom: false },
  se: { left: false, top: false, right: true, bottom: true },
  s: { left: false, top: false, right: false, bottom: true },
  sw: { left: true, top: false, right: false, bottom: true },
  w: { left: true, top: false, right: false, bottom: false },
};

export function rectOf(item: Pick<DisplayItem, 'x' | 'y' | 'width' | 'height'>): Rect {
  // Rules may have a negative width or height; tools work on the normalised box.
  const x = Math.min(item.x, item.x + item.width);
  const y = Math.min(item.y, item.y + item.height);
  return { x, y, width: Math.abs(item.width), height: Math.abs(item.height) };
}

export function handlePoints(r: Rect): Record<HandleId, { x: number; y: number }> {
  const cx = r.x + r.width / 2;
  const cy = r.y + r.height / 2;
  const right = r.x + r.width;
  const bottom = r.y + r.height;
  return {
    nw: { x: r.x, y: r.y },
    n: { x: cx, y: r.y },
    ne: { x: right, y: r.y },
    e: { x: right, y: cy },
    se: { x: right, y: bottom },
    s: { x: cx, y: bottom },
    sw: { x: r.x, y: bottom },
    w: { x: r.x, y: cy },
  };
}

/** In-port (top-left, where text comes in) and out-port (bottom-right, where it flows on) of a text frame. */
export function portPoints(
  r: Rect,
  scale: number,
): { in: { x: number; y: number }; out: { x: number; y: number } } {
  const inset = 10 / scale;
  return {
    in: { x: r.x + inset, y: r.y + inset },
    out: { x: r.x + r.width - inset, y: r.y + r.height - inset },
  };
}

export function near(a: { x: number; y: number }, b: { x: number; y: number }, distance: number): boolean {
  return Math.abs(a.x - b.x) <= distance && Math.abs(a.y - b.y) <= distance;
}

export function normalise(a: { x: number; y: number }, b: { x: number; y: number }): Rect {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(b.x - a.x),
    height: Math.abs(b.y - a.y),
  };
}

export function resizeRect(orig: Rect, edges: DragEdges, dx: number, dy: number): Rect {
  const r = { ...orig };
  if (edges.left) {
    r.x += dx;
    r.width -= dx;
  }
  if (edges.right) r.width += dx;
  if (edges.top) {
    r.y += dy;
    r.height -= dy;
  }
  if (edges.bottom) r.height += dy;
  return r;
}
