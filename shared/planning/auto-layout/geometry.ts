/** Module geometry on the region's column grid, and the frames' fixed spacing. */
import type { Pt } from '../../model/types';
import type { PageInput } from './types';

/** Space between a module's text and its photo, and between photos. */
export const PHOTO_GAP: Pt = 6;
/** Grid steps between modules one above the other (the rule sits in the middle). */
export const GAP_STEPS = 1;
/** Narrowest module, in columns. */
export const MIN_COLUMNS = 2;
/** The lead's module takes at least half the page's columns: narrower, it would not read as the lead. */
export const leadMinColumns = (columns: number) => Math.ceil(columns / 2);
/** How far a photo may be cropped: height / width between these factors of the picture's own. */
export const CROP_MIN = 0.75;
export const CROP_MAX = 1.5;

/** Left edge of region column `column` (0-based within the page's columns). */
export const columnX = (input: PageInput, column: number): Pt =>
  input.region.x + column * (input.columnWidth + input.gutter);

/** Width of `columns` columns and the gutters between them. */
export const spanWidth = (input: PageInput, columns: number): Pt =>
  columns * input.columnWidth + (columns - 1) * input.gutter;

/** Photo heights allowed at a width: the picture's shape, cropped at most to CROP_MIN–CROP_MAX. */
export function photoRange(aspect: number, width: Pt): { min: Pt; max: Pt } {
  const min = Math.max(0.35, aspect * CROP_MIN);
  const max = Math.min(1.3, aspect * CROP_MAX);
  return { min: width * min, max: width * Math.max(min, max) };
}

/** Columns a module's photos take when they sit beside the text (about half the module). */
export const besideColumns = (columns: number) => Math.max(2, Math.min(columns - 2, Math.round(columns / 2)));

/** Steps of a height in points, rounded up (a thousandth of a step of tolerance). */
export const stepsFor = (height: Pt, step: Pt) => Math.max(0, Math.ceil(height / step - 1e-3));
