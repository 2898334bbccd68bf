/** The type area of a page and the geometry of modules on its column grid. */
import type { Page, Pt } from '../model/types';

export interface TypeArea {
  left: Pt;
  top: Pt;
  width: Pt;
  height: Pt;
  columns: number;
  columnWidth: Pt;
  gutter: Pt;
}

export function typeArea(page: Page): TypeArea {
  const width = page.size.width - page.margins.left - page.margins.right;
  return {
    left: page.margins.left,
    top: page.margins.top,
    width,
    height: page.size.height - page.margins.top - page.margins.bottom,
    columns: page.columns,
    columnWidth: (width - (page.columns - 1) * page.gutter) / page.columns,
    gutter: page.gutter,
  };
}

/** Left edge of page column `column` (0-based). */
export const columnX = (area: TypeArea, column: number): Pt =>
  area.left + column * (area.columnWidth + area.gutter);

/** Width of `columns` page columns and the gutters between them. */
export const spanWidth = (area: TypeArea, columns: number): Pt =>
  columns * area.columnWidth + (columns - 1) * area.gutter;
