/**
 * Empty column area of a page region, read from the display list: in each
 * column of every text frame of the stories placed, the body lines that
 * would still fit under its text (down to the column's foot, or to the top
 * of a photo standing in that column under the text), plus the grid cells
 * of the region that no frame covers at all (holes between modules). The
 * same measure serves a proposal and a page laid out by hand. Gaps of less
 * than a line (leading, paragraph spacing, the gap between modules) are not
 * room for text and do not count.
 */
import type { DisplayPage, DisplayTextFrame } from '../../layout/display-list';
import type { Id } from '../../model/types';
import type { PageInput } from './types';
import { roomUnderColumns } from './trials';
import { PHOTO_GAP, columnX } from './geometry';

export interface EmptyArea {
  /** Line-columns of room under the text of the modules. */
  roomUnderText: number;
  /** Grid cells (one step of one column) of the region covered by no frame. */
  uncovered: number;
  /** Line-columns of the region. */
  total: number;
  percent: number;
}

export function emptyColumnArea(
  display: DisplayPage,
  input: PageInput,
  storyIds: ReadonlySet<Id>,
): EmptyArea {
  const { region, step } = input;
  const rows = Math.floor(region.height / step + 1e-3);
  const frames = display.items.filter((i) => !i.fromMaster && i.kind !== 'rule');
  const images = display.items.filter((i) => i.kind === 'image');
  let room = 0;
  for (const item of display.items) {
    if (item.kind !== 'text' || !item.storyId || !storyIds.has(item.storyId)) continue;
    const text = item as DisplayTextFrame;
    room += roomUnderColumns(text, step, (c, bottom) => {
      // A photo (with its wrap) standing in the column below the text ends the column there.
      let floor = c.y + c.height;
      for (const image of images) {
        const across = image.x < c.x + c.width - 0.5 && image.x + image.width > c.x + 0.5;
        if (across && image.y >= bottom - 1 && image.y < floor) floor = image.y - PHOTO_GAP;
      }
      return floor;
    }).reduce((a, b) => a + b, 0);
  }
  let uncovered = 0;
  for (let c = 0; c < input.columns; c++) {
    const x = columnX(input, c) + input.columnWidth / 2;
    for (let r = 0; r < rows; r++) {
      const y = region.y + (r + 0.5) * step;
      // A cell is covered when a frame holds it or one step's gap (between modules) separates it from one.
      const covered = frames.some(
        (f) => x >= f.x && x <= f.x + f.width && y >= f.y - step && y <= f.y + f.height + step,
      );
      if (!covered) uncovered++;
    }
  }
  const total = rows * input.columns;
  return {
    roomUnderText: room,
    uncovered,
    total,
    percent: total > 0 ? ((room + uncovered) * 100) / total : 0,
  };
}
