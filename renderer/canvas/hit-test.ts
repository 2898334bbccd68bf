/** Which frame is under a point of a page: the topmost in paint order, page frames before master frames. */
import type { DisplayItem, DisplayPage } from '../../shared/layout/display-list';

/** Rules are thin: they are hit within this many points of their line. */
const RULE_SLOP = 3;

function contains(item: DisplayItem, x: number, y: number): boolean {
  const left = Math.min(item.x, item.x + item.width);
  const top = Math.min(item.y, item.y + item.height);
  const slop = item.kind === 'rule' ? RULE_SLOP : 0;
  return (
    x >= left - slop &&
    x <= left + Math.abs(item.width) + slop &&
    y >= top - slop &&
    y <= top + Math.abs(item.height) + slop
  );
}

export function frameAt(page: DisplayPage, x: number, y: number): DisplayItem | null {
  for (const masters of [false, true]) {
    for (let i = page.items.length - 1; i >= 0; i--) {
      const item = page.items[i];
      if (item.fromMaster === masters && contains(item, x, y)) return item;
    }
  }
  return null;
}
