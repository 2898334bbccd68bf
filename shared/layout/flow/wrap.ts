/**
 * Text wrap: frames with wrap mode 'box' push text out of their rectangle
 * grown by the wrap offsets. A line box that overlaps such an area vertically
 * takes the widest free interval of its column; a line whose widest interval
 * is too narrow to hold text is skipped (the flow moves down a line).
 */
import type { Frame } from '../../model/types';

/** An area text must avoid, in page coordinates. */
export interface Obstacle {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The wrap areas that apply to `target` (none when it ignores wrap); its own wrap never applies. */
export function wrapObstacles(frames: readonly Frame[], target: Frame): Obstacle[] {
  if (target.kind === 'text' && target.ignoreWrap) return [];
  const obstacles: Obstacle[] = [];
  for (const frame of frames) {
    if (frame.id === target.id || frame.wrap.mode !== 'box') continue;
    const { offsets } = frame.wrap;
    // A rule's height may be negative (it goes up); normalise to a rectangle.
    const x0 = Math.min(frame.x, frame.x + frame.width);
    const x1 = Math.max(frame.x, frame.x + frame.width);
    const y0 = Math.min(frame.y, frame.y + frame.height);
    const y1 = Math.max(frame.y, frame.y + frame.height);
    obstacles.push({
      left: x0 - offsets.left,
      top: y0 - offsets.top,
      right: x1 + offsets.right,
      bottom: y1 + offsets.bottom,
    });
  }
  return obstacles;
}

/**
 * The widest interval of [left, right] not covered by an obstacle that
 * overlaps the band [top, bottom) vertically, or null when none is at least
 * `minWidth` wide. Ties go to the leftmost interval, so text reads on the
 * side a designer expects.
 */
export function widestFreeInterval(
  left: number,
  right: number,
  top: number,
  bottom: number,
  obstacles: readonly Obstacle[],
  minWidth: number,
): { x: number; width: number } | null {
  const eps = 1e-6;
  const blocked: [number, number][] = [];
  for (const o of obstacles) {
    if (o.bottom <= top + eps || o.top >= bottom - eps) continue;
    if (o.right <= left + eps || o.left >= right - eps) continue;
    blocked.push([Math.max(left, o.left), Math.min(right, o.right)]);
  }
  if (blocked.length === 0) return right - left >= minWidth ? { x: left, width: right - left } : null;
  blocked.sort((a, b) => a[0] - b[0]);
  let best: { x: number; width: number } | null = null;
  let cursor = left;
  const consider = (start: number, end: number) => {
    const width = end - start;
    if (width + eps >= minWidth && (!best || width > best.width + eps)) best = { x: start, width };
  };
  for (const [start, end] of blocked) {
    if (start > cursor) consider(cursor, start);
    cursor = Math.max(cursor, end);
  }
  if (right > cursor) consider(cursor, right);
  return best;
}
