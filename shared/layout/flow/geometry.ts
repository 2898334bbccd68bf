/**
 * Rectangles of a text frame: the area inside its inset and the columns in
 * that area. Pure arithmetic, shared by the flow and by the canvas (column
 * guides, the 背景格 character grid).
 */
import type { TextFrame } from '../../model/types';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The frame's rectangle minus its inset (never negative in size). */
export function frameInterior(frame: TextFrame): Rect {
  const { inset } = frame;
  return {
    x: frame.x + inset.left,
    y: frame.y + inset.top,
    width: Math.max(0, frame.width - inset.left - inset.right),
    height: Math.max(0, frame.height - inset.top - inset.bottom),
  };
}

/**
 * Column rectangles, left to right: the interior split into `columns` equal
 * columns separated by `gutter`. A frame with columns < 1 is treated as one
 * column; gutters wider than the interior shrink so that the columns (of
 * zero width then) stay inside the frame.
 */
export function frameColumns(frame: TextFrame): Rect[] {
  const interior = frameInterior(frame);
  const count = Math.max(1, Math.floor(frame.columns));
  // Gutters never take more than the interior: a too-narrow frame gets zero-width columns inside it.
  const gutter = count > 1 ? Math.min(Math.max(0, frame.gutter), interior.width / (count - 1)) : 0;
  const width = Math.max(0, (interior.width - gutter * (count - 1)) / count);
  const columns: Rect[] = [];
  for (let i = 0; i < count; i++) {
    columns.push({ x: interior.x + i * (width + gutter), y: interior.y, width, height: interior.height });
  }
  return columns;
}
