/**
 * Vertical placement of lines, the baseline grid and the 背景格 character grid.
 *
 * Chinese composition thinks in em boxes: each line is a row of em boxes of
 * the paragraph's font size, and the leading (行距 + size) is the distance
 * from one row to the next. So a line occupies a line box as tall as its
 * paragraph's leading, with the em box at the top of that box and the extra
 * leading below it; the baseline sits 0.88 em below the em-box top (Noto
 * CJK, like most Chinese fonts, puts the ideographic em box from −0.12 to
 * 0.88 em around the baseline). Hence:
 *   - the first baseline of a frame (or column) is top + 0.88 × size: the
 *     first row of characters touches the top of the frame;
 *   - a line fits in a column when its em box does (top + size ≤ bottom): the
 *     leading below the last line is not needed;
 *   - n body lines take (n − 1) × leading + size, which is how a 背景格 type
 *     area is sized.
 * The position of a line is known before it is composed (it does not depend
 * on its glyphs), which lets the flow ask for wrap-shortened measures, and
 * body lines of the same leading land on the same grid in every column.
 * With a baseline grid, each baseline moves down to the next grid line.
 */
import type { BaselineGrid, ParagraphStyleProps, TextFrame } from '../../model/types';
import { frameColumns } from './geometry';

/** Ideographic em-box top above the baseline, in em. */
export const EM_BOX_ASCENT = 0.88;
/** Ideographic em-box bottom below the baseline, in em. */
export const EM_BOX_DESCENT = 0.12;

/** Distance from a line box's top (its em-box top) to its baseline. */
export function baselineOffset(size: number): number {
  return EM_BOX_ASCENT * size;
}

/** The first grid line at or below `baseline` (page coordinates). */
export function snapToGrid(baseline: number, grid: BaselineGrid): number {
  if (grid.increment <= 0) return baseline;
  const steps = Math.ceil((baseline - grid.start) / grid.increment - 1e-6);
  return grid.start + Math.max(0, steps) * grid.increment;
}

/** The 背景格: how many body characters fit across a column and how many lines down it. */
export interface CharacterGrid {
  /** Body size: one cell is size × size. */
  cell: number;
  leading: number;
  columns: number;
  /** Whole body characters per line of one column. */
  charactersPerLine: number;
  /** Whole body lines per column. */
  linesPerColumn: number;
  /** Characters per line × lines per column × columns. */
  capacity: number;
  /** Column rectangles, for drawing the cells. */
  columnRects: { x: number; y: number; width: number; height: number }[];
  /** Tracking in pt added after each character (from the style's 1/1000 em). */
  trackingPt: number;
}

/**
 * The character grid of a text frame set in a body style. Characters per line
 * count the tracking between characters (n characters and n − 1 gaps fit the
 * measure); lines per column count lines of the style's leading placed as
 * the flow places them (without a baseline grid).
 */
export function characterGrid(
  frame: TextFrame,
  body: Pick<ParagraphStyleProps, 'fontSize' | 'leading' | 'tracking'>,
): CharacterGrid {
  const columnRects = frameColumns(frame);
  const size = body.fontSize;
  const trackingPt = (body.tracking / 1000) * size;
  const measure = columnRects[0]?.width ?? 0;
  const pitch = size + trackingPt;
  const charactersPerLine = pitch > 0 ? Math.max(0, Math.floor((measure + trackingPt) / pitch + 1e-6)) : 0;
  const height = columnRects[0]?.height ?? 0;
  const leading = body.leading > 0 ? body.leading : size;
  // n lines need (n − 1) leadings plus one em box (see the note at the top).
  const linesPerColumn =
    height + 1e-6 >= size && leading > 0 ? Math.floor((height - size) / leading + 1e-6) + 1 : 0;
  return {
    cell: size,
    leading,
    columns: columnRects.length,
    charactersPerLine,
    linesPerColumn,
    capacity: charactersPerLine * linesPerColumn * columnRects.length,
    columnRects,
    trackingPt,
  };
}
