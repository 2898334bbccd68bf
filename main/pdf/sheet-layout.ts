/**
 * Where pages sit on the PDF's sheets, and the sheets' boxes. A sheet is one
 * page, or two pages side by side for a reader spread (page 1 alone, then
 * 2–3, 4–5 …). With marks on, a margin around the bleed holds crop and
 * registration marks and the slug line.
 *
 * Coordinates here are y-down from the sheet's top-left (like the display
 * list); `pdfBox` converts to PDF's y-up boxes.
 */
import type { DisplayPage } from '../../shared/layout/display-list';
import type { Sides } from '../../shared/model/types';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedPage {
  page: DisplayPage;
  /** Offset of the page's trim origin on the sheet. */
  x: number;
  y: number;
  /** What of the page may print: its trim plus its bleed on the outer sides (sheet coordinates). */
  clip: Rect;
}

export interface SheetLayout {
  width: number;
  height: number;
  trim: Rect;
  bleed: Rect;
  pages: PlacedPage[];
}

/** Distance from the bleed edge to the start of a crop mark, and the mark's length. */
export const MARK_GAP = 6;
export const MARK_LENGTH = 18;
/** Space beyond the marks for the slug line and breathing room. */
export const MARKS_MARGIN = MARK_GAP + MARK_LENGTH + 12;

export interface SheetOptions {
  /** Include each page's bleed in the sheet (Press); when false the sheet is the trim. */
  bleed: boolean;
  marks: boolean;
}

const none: Sides = { top: 0, right: 0, bottom: 0, left: 0 };

/** Groups selected pages (1-based numbers) into sheets: singles, or reader spreads. */
export function groupSheets(pages: DisplayPage[], selected: number[], spreads: boolean): DisplayPage[][] {
  const chosen = selected.map((n) => pages[n - 1]);
  if (!spreads) return chosen.map((page) => [page]);
  const groups = new Map<number, DisplayPage[]>();
  for (const page of chosen) {
    const spread = Math.floor((page.index + 1) / 2);
    const group = groups.get(spread) ?? [];
    group.push(page);
    groups.set(spread, group);
  }
  return [...groups.values()];
}

export function layoutSheet(pages: DisplayPage[], options: SheetOptions): SheetLayout {
  const left = pages[0];
  const right = pages[pages.length - 1];
  const bleedOf = (page: DisplayPage) => (options.bleed ? page.bleed : none);
  const outer: Sides = {
    left: bleedOf(left).left,
    right: bleedOf(right).right,
    top: Math.max(...pages.map((p) => bleedOf(p).top)),
    bottom: Math.max(...pages.map((p) => bleedOf(p).bottom)),
  };
  const trimWidth = pages.reduce((sum, p) => sum + p.width, 0);
  const trimHeight = Math.max(...pages.map((p) => p.height));
  const margin = options.marks ? MARKS_MARGIN : 0;
  const trim: Rect = { x: margin + outer.left, y: margin + outer.top, width: trimWidth, height: trimHeight };
  const bleed: Rect = {
    x: margin,
    y: margin,
    width: trimWidth + outer.left + outer.right,
    height: trimHeight + outer.top + outer.bottom,
  };
  let x = trim.x;
  const placed = pages.map((page, i) => {
    const b = bleedOf(page);
    // Between the pages of a spread there is no bleed: each page is clipped at the fold.
    const clipLeft = i === 0 ? b.left : 0;
    const clipRight = i === pages.length - 1 ? b.right : 0;
    const clip: Rect = {
      x: x - clipLeft,
      y: trim.y - b.top,
      width: page.width + clipLeft + clipRight,
      height: page.height + b.top + b.bottom,
    };
    const entry: PlacedPage = { page, x, y: trim.y, clip };
    x += page.width;
    return entry;
  });
  return {
    width: bleed.width + 2 * margin,
    height: bleed.height + 2 * margin,
    trim,
    bleed,
    pages: placed,
  };
}

/** A y-down rectangle as a PDF box [llx lly urx ury] on a sheet of the given height. */
export function pdfBox(rect: Rect, sheetHeight: number): number[] {
  const round = (v: number) => Math.round(v * 10000) / 10000;
  return [
    round(rect.x),
    round(sheetHeight - rect.y - rect.height),
    round(rect.x + rect.width),
    round(sheetHeight - rect.y),
  ];
}
