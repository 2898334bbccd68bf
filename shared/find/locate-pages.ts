/**
 * Which page (and frame) shows a place in a story, through the display
 * list's character map (each composed line names its story, block and the
 * range of the block's text it shows). Built once per display list, then
 * each lookup is a binary search, so listing thousands of results stays
 * cheap.
 */
import type { DisplayList } from '../layout/display-list';
import type { Id } from '../model/types';

export interface PagePlace {
  /** Zero-based page index. */
  pageIndex: number;
  frameId: Id;
}

interface LineSpan extends PagePlace {
  block: number;
  start: number;
  end: number;
}

export class PageLocator {
  private readonly byStory = new Map<Id, LineSpan[]>();
  /** Stories in the order they first appear on the pages (reading order of the edition). */
  readonly storyOrder: Id[] = [];
  /** Stories with at least one line on each page, by page index. */
  private readonly onPage = new Map<number, Set<Id>>();

  constructor(list: DisplayList | null) {
    if (!list) return;
    for (const page of list.pages) {
      const here = new Set<Id>();
      this.onPage.set(page.index, here);
      for (const item of page.items) {
        if (item.kind !== 'text' || !item.storyId) continue;
        for (const line of item.lines) {
          if (line.generated) continue; // a jump line is not story text
          let spans = this.byStory.get(line.storyId);
          if (!spans) {
            spans = [];
            this.byStory.set(line.storyId, spans);
            this.storyOrder.push(line.storyId);
          }
          spans.push({
            block: line.block,
            start: line.start,
            end: line.end,
            pageIndex: page.index,
            frameId: item.frameId,
          });
          here.add(line.storyId);
        }
      }
    }
    // A thread may run back a page: order each story's lines by story position.
    for (const spans of this.byStory.values())
      spans.sort((a, b) => a.block - b.block || a.start - b.start || a.end - b.end);
  }

  /** Stories that show text on a page. */
  storiesOnPage(pageIndex: number): Set<Id> {
    return this.onPage.get(pageIndex) ?? new Set();
  }

  /**
   * The page and frame showing the character at `offset` of `block`, or
   * null when it is not composed on any page (overset, or no frame).
   */
  locate(storyId: Id, block: number, offset: number): PagePlace | null {
    const spans = this.byStory.get(storyId);
    if (!spans || spans.length === 0) return null;
    // The last line starting at or before the point.
    let lo = 0;
    let hi = spans.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = spans[mid];
      if (s.block < block || (s.block === block && s.start <= offset)) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return null;
    const span = spans[found];
    if (span.block !== block) return null;
    const place = { pageIndex: span.pageIndex, frameId: span.frameId };
    if (offset <= span.end) return place;
    // Past the line's end: a space dropped at the break belongs with it; past the block's last line is overset.
    const next = spans[found + 1];
    return next && next.block === block ? place : null;
  }
}
