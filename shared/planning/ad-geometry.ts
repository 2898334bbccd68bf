/**
 * Where a booked ad sits on its page: its size in page columns × cm turned
 * into points on the page's grid (the columns it spans and the gutters
 * between them; the height from the foot or head of the type area), at the
 * corner it is booked for. The flatplan draws this rectangle, placing an ad
 * makes its frame this size, and preflight compares a placed frame with it.
 */
import type { Page } from '../model/types';
import type { AdBooking } from '../model/plan-types';
import { cmToPt } from '../model/plan';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How far a placed frame may differ from its booking before preflight says so: half a millimetre. */
export const AD_SIZE_TOLERANCE_PT = (0.5 * 72) / 25.4;

/** The page's type area (inside its margins). */
export function typeAreaOf(page: Pick<Page, 'size' | 'margins'>): Rect {
  return {
    x: page.margins.left,
    y: page.margins.top,
    width: page.size.width - page.margins.left - page.margins.right,
    height: page.size.height - page.margins.top - page.margins.bottom,
  };
}

/** The width in points of `columns` page columns with the gutters between them. */
export function columnsWidth(
  page: Pick<Page, 'size' | 'margins' | 'columns' | 'gutter'>,
  columns: number,
): number {
  const area = typeAreaOf(page);
  const count = Math.max(1, page.columns);
  const column = (area.width - (count - 1) * page.gutter) / count;
  return columns * column + Math.max(0, columns - 1) * page.gutter;
}

/** The ad's rectangle on its page, at its booked corner of the type area. */
export function adRect(page: Page, ad: Pick<AdBooking, 'columns' | 'heightCm' | 'anchor'>): Rect {
  const area = typeAreaOf(page);
  const width = columnsWidth(page, ad.columns);
  const height = cmToPt(ad.heightCm);
  const right = ad.anchor === 'bottom-right' || ad.anchor === 'top-right';
  const bottom = ad.anchor === 'bottom-left' || ad.anchor === 'bottom-right';
  return {
    x: right ? area.x + area.width - width : area.x,
    y: bottom ? area.y + area.height - height : area.y,
    width,
    height,
  };
}

/** Why a booking does not fit its page (a message key and its values), or null when it does. */
export function adFitProblem(
  page: Page,
  ad: Pick<AdBooking, 'columns' | 'heightCm'>,
): { key: 'ads.tooWide' | 'ads.tooTall' | 'ads.badSize'; values: Record<string, number> } | null {
  if (!Number.isInteger(ad.columns) || ad.columns < 1 || !(ad.heightCm > 0))
    return { key: 'ads.badSize', values: {} };
  if (ad.columns > page.columns)
    return { key: 'ads.tooWide', values: { columns: ad.columns, max: page.columns } };
  const area = typeAreaOf(page);
  const maxCm = Math.floor(((area.height * 2.54) / 72) * 10) / 10;
  if (cmToPt(ad.heightCm) > area.height + 0.01)
    return { key: 'ads.tooTall', values: { height: ad.heightCm, max: maxCm } };
  return null;
}

/** A placed frame's size in the booking's terms: columns it spans (rounded to 0.1) and height in cm. */
export function sizeInColumns(
  page: Page,
  rect: Pick<Rect, 'width' | 'height'>,
): { columns: number; heightCm: number } {
  const one = columnsWidth(page, 1);
  const columns = (rect.width + page.gutter) / (one + page.gutter);
  return {
    columns: Math.round(columns * 10) / 10,
    heightCm: Math.round(((rect.height * 2.54) / 72) * 10) / 10,
  };
}
