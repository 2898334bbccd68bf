/**
 * The frames a story flows through, resolved to geometry: interior, column
 * rectangles, the wrap areas of the other frames on the same page, and the
 * baseline grid when the frame aligns to it.
 */
import type { BaselineGrid, Frame, Page, TextFrame } from '../../model/types';
import { frameColumns, frameInterior, type Rect } from './geometry';
import type { JumpSlot } from './jump-lines';
import { wrapObstacles, type Obstacle } from './wrap';

export interface ThreadFrame {
  frame: TextFrame;
  /** Index of the page the frame is on (for master frames: the page painted). */
  pageIndex: number;
  interior: Rect;
  columns: Rect[];
  obstacles: Obstacle[];
  /** The page's baseline grid when the frame aligns to it, else null. */
  grid: BaselineGrid | null;
  /** Jump lines (转版) reserved in this frame, where the thread changes page (jump-lines.ts). */
  jumps?: JumpSlot[];
}

/**
 * Geometry of a text frame on a page. `pageFrames` are all frames painted on
 * the page (master frames and the page's own), whose wrap may apply.
 */
export function threadFrame(
  frame: TextFrame,
  page: Page,
  pageIndex: number,
  pageFrames: readonly Frame[],
): ThreadFrame {
  const obstacles = wrapObstacles(pageFrames, frame);
  const grid = frame.alignToGrid && page.baselineGrid ? page.baselineGrid : null;
  return {
    frame,
    pageIndex,
    interior: frameInterior(frame),
    columns: frameColumns(frame),
    obstacles,
    grid,
  };
}
