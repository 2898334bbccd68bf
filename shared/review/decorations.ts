/**
 * The proofreading desk's marks on the page: tracked changes (insertions
 * underlined, deletions struck through, formatting and paragraph changes
 * underlined dotted — all in the author's colour) and notes (the range
 * highlighted, a numbered marker in the page's margin). They are computed
 * from the display list's character map and put on the DisplayPages, so the
 * canvas and the proof PDF paint the same marks.
 */
import type { DisplayList, DisplayPage, ReviewMark } from '../layout/display-list';
import type { Edition, Id, Note, ReviewPoint, TrackedChange } from '../model/types';
import { reviewOf } from '../model/review';
import { markupSelectionRects, storyLines } from '../editing/caret-map';
import { isMoot } from './resolve';
import type { MarkupMap } from './markup';

export interface MarkOptions {
  /** Show tracked changes (markup view); the final view shows notes only. */
  changes: boolean;
  notes: boolean;
  /** Show resolved notes too (default: no). */
  resolvedNotes?: boolean;
}

type Rects = { pageIndex: number; rect: ReviewMark['rects'][number] }[];

function rangeRects(
  list: DisplayList,
  storyId: Id,
  from: ReviewPoint,
  to: ReviewPoint,
  map?: MarkupMap,
): Rects {
  const a = map ? map.toMarkup(from, 'forward') : from;
  const b = map ? map.toMarkup(to) : to;
  return markupSelectionRects(list, storyId, a, b).map((r) => ({
    pageIndex: r.pageIndex,
    rect: { x: r.x, y: r.y, width: r.width, height: r.height },
  }));
}

/** Where a point of a story is on the page (a zero-width rectangle), for collapsed ranges. */
function pointRect(list: DisplayList, storyId: Id, p: ReviewPoint, map?: MarkupMap): Rects {
  const m = map ? map.toMarkup(p) : p;
  for (const placed of storyLines(list, storyId)) {
    const { line } = placed;
    if (line.block === m.block && m.offset >= line.start && m.offset <= line.end)
      return [
        {
          pageIndex: placed.pageIndex,
          rect: { x: line.x, y: line.y - line.ascent, width: 0, height: line.ascent + line.descent },
        },
      ];
  }
  return [];
}

function changeMarks(
  list: DisplayList,
  change: TrackedChange,
  maps: Map<Id, MarkupMap>,
): Map<number, ReviewMark> {
  const map = maps.get(change.storyId);
  const out = new Map<number, ReviewMark>();
  const add = (rects: Rects, kind: ReviewMark['kind']) => {
    for (const { pageIndex, rect } of rects) {
      if (rect.width <= 0 && kind !== 'paragraph') continue;
      const mark = out.get(pageIndex) ?? {
        kind,
        id: change.id,
        color: change.color,
        author: change.author,
        rects: [],
      };
      mark.rects.push(rect);
      out.set(pageIndex, mark);
    }
  };
  if (change.kind === 'delete') {
    if (!map) return out;
    // The markup story shows the deleted text: strike exactly its segments.
    map.segments.forEach((segments, block) => {
      for (const s of segments)
        if (s.changeId === change.id && s.end > s.start)
          add(markupRange(list, change.storyId, block, s.start, s.end), 'delete');
    });
  } else if (change.kind === 'paragraph') {
    add(pointRect(list, change.storyId, change.from, map), 'paragraph');
  } else add(rangeRects(list, change.storyId, change.from, change.to, map), change.kind);
  return out;
}

function markupRange(list: DisplayList, storyId: Id, block: number, start: number, end: number): Rects {
  return markupSelectionRects(list, storyId, { block, offset: start }, { block, offset: end }).map((r) => ({
    pageIndex: r.pageIndex,
    rect: { x: r.x, y: r.y, width: r.width, height: r.height },
  }));
}

/** The margin marker's place: beside the page's outer edge, at the height of the mark. */
function marginX(page: DisplayPage): number {
  return page.width - Math.max(6, page.margins.right / 2);
}

function noteMarks(
  list: DisplayList,
  edition: Edition,
  note: Note,
  number: number,
  maps: Map<Id, MarkupMap>,
): Map<number, ReviewMark> {
  const out = new Map<number, ReviewMark>();
  const base = {
    kind: 'note' as const,
    id: note.id,
    color: note.color,
    author: note.author,
    number,
    resolved: note.resolved !== null,
  };
  const anchor = note.anchor;
  if (anchor.kind === 'text') {
    const map = maps.get(anchor.storyId);
    const collapsed = anchor.from.block === anchor.to.block && anchor.from.offset === anchor.to.offset;
    const rects = collapsed
      ? pointRect(list, anchor.storyId, anchor.from, map)
      : rangeRects(list, anchor.storyId, anchor.from, anchor.to, map);
    for (const { pageIndex, rect } of rects) {
      const mark = out.get(pageIndex) ?? { ...base, rects: [], detached: collapsed && anchor.quote !== '' };
      mark.rects.push(rect);
      out.set(pageIndex, mark);
    }
  } else if (anchor.kind === 'frame') {
    for (const page of list.pages) {
      const item = page.items.find((i) => i.frameId === anchor.frameId && !i.fromMaster);
      if (item)
        out.set(page.index, {
          ...base,
          rects: [{ x: item.x, y: item.y, width: item.width, height: item.height }],
        });
    }
  } else {
    const pageIndex = edition.pages.findIndex((p) => p.id === anchor.pageId);
    if (pageIndex >= 0) out.set(pageIndex, { ...base, rects: [], marker: { x: anchor.x, y: anchor.y } });
  }
  for (const [pageIndex, mark] of out) {
    const page = list.pages[pageIndex];
    if (!mark.marker && page) mark.marker = { x: marginX(page), y: mark.rects[0]?.y ?? 0 };
  }
  return out;
}

const pageCache = new WeakMap<DisplayPage, { key: string; page: DisplayPage }>();

/**
 * The display list with each page's review marks. Pages whose marks are the
 * same as last time keep their object (the canvas skips repainting them).
 */
export function withReviewMarks(
  list: DisplayList,
  edition: Edition,
  maps: Map<Id, MarkupMap>,
  options: MarkOptions,
): DisplayList {
  const review = reviewOf(edition);
  const byPage = new Map<number, ReviewMark[]>();
  const put = (marks: Map<number, ReviewMark>) => {
    for (const [pageIndex, mark] of marks) {
      const list = byPage.get(pageIndex) ?? [];
      list.push(mark);
      byPage.set(pageIndex, list);
    }
  };
  if (options.changes)
    for (const change of review.changes)
      if (!isMoot(change) && edition.stories[change.storyId]) put(changeMarks(list, change, maps));
  if (options.notes)
    review.notes.forEach((note, i) => {
      if (note.resolved && !options.resolvedNotes) return;
      put(noteMarks(list, edition, note, i + 1, maps));
    });
  if (byPage.size === 0 && !list.pages.some((p) => p.review)) return list;
  const pages = list.pages.map((page) => {
    const marks = byPage.get(page.index);
    if (!marks) return page.review ? { ...page, review: undefined } : page;
    const key = JSON.stringify(marks);
    const cached = pageCache.get(page);
    if (cached && cached.key === key) return cached.page;
    const decorated = { ...page, review: marks };
    pageCache.set(page, { key, page: decorated });
    return decorated;
  });
  return { ...list, pages };
}
