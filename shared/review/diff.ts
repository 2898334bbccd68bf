/**
 * Comparing two states of an edition (two rounds, or a round and now):
 * per story a text diff (redline: what was deleted, what inserted), per
 * page the regions whose picture changed — found by comparing the two
 * composed display lists line by line and item by item, so a change that
 * reflows a column shows as the lines it moved.
 */
import type { DisplayItem, DisplayLine, DisplayList, DisplayPage } from '../layout/display-list';
import type { Edition, Id, Story } from '../model/types';
import { blockText } from '../model/operations';

export type DiffSegment = { kind: 'same' | 'insert' | 'delete'; text: string };

export interface StoryDiff {
  storyId: Id;
  name: string;
  /** Only in the later state / only in the earlier one. */
  added: boolean;
  removed: boolean;
  segments: DiffSegment[];
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageDiff {
  pageId: Id;
  /** Page number (1-based) in the later state, or in the earlier one for a removed page. */
  number: number;
  added: boolean;
  removed: boolean;
  /** Changed regions in page points (union of both states' boxes of each changed line or item). */
  rects: Rect[];
}

export interface EditionDiff {
  stories: StoryDiff[];
  pages: PageDiff[];
}

const storyText = (story: Story | undefined): string => (story ? story.blocks.map(blockText).join('\n') : '');

/**
 * Myers' O(ND) diff of two strings by UTF-16 units, as same/insert/delete
 * runs. A common head and tail are cut first, which is most of a corrected story.
 */
export function diffText(a: string, b: string): DiffSegment[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const out: DiffSegment[] = [];
  const push = (kind: DiffSegment['kind'], text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  push('same', a.slice(0, head));
  for (const s of myers(x, y)) push(s.kind, s.text);
  push('same', a.slice(a.length - tail));
  return out;
}

function myers(a: string, b: string): DiffSegment[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m ? [{ kind: 'insert', text: b }] : [];
  if (m === 0) return [{ kind: 'delete', text: a }];
  const max = n + m;
  const offset = max;
  let v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let xx =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])
          ? v[offset + k + 1]
          : v[offset + k - 1] + 1;
      let yy = xx - k;
      while (xx < n && yy < m && a.charCodeAt(xx) === b.charCodeAt(yy)) {
        xx++;
        yy++;
      }
      next[offset + k] = xx;
      if (xx >= n && yy >= m) {
        found = true;
        break;
      }
    }
    v = next;
  }
  trace.push(v);
  // Walk back through the trace.
  const ops: DiffSegment[] = [];
  let xx = n;
  let yy = m;
  for (let d = trace.length - 2; d >= 0; d--) {
    const vd = trace[d];
    const k = xx - yy;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (xx > prevX && yy > prevY) {
      ops.push({ kind: 'same', text: a[xx - 1] });
      xx--;
      yy--;
    }
    if (d > 0) {
      if (xx === prevX) ops.push({ kind: 'insert', text: b[yy - 1] });
      else ops.push({ kind: 'delete', text: a[xx - 1] });
    }
    xx = prevX;
    yy = prevY;
  }
  const out: DiffSegment[] = [];
  for (const op of ops.reverse()) {
    const last = out[out.length - 1];
    if (last && last.kind === op.kind) last.text += op.text;
    else out.push({ ...op });
  }
  return out;
}

/** Per-story redlines between two states; unchanged stories are left out. */
export function diffStories(before: Edition, after: Edition): StoryDiff[] {
  const ids = [...new Set([...Object.keys(before.stories), ...Object.keys(after.stories)])];
  const out: StoryDiff[] = [];
  for (const id of ids) {
    const a = before.stories[id];
    const b = after.stories[id];
    if (a === b) continue;
    const [ta, tb] = [storyText(a), storyText(b)];
    if (a && b && ta === tb) continue;
    out.push({
      storyId: id,
      name: (b ?? a).name,
      added: !a,
      removed: !b,
      segments: diffText(ta, tb),
    });
  }
  return out;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** What a line looks like: its text and where its glyph runs sit, font and size. */
function lineKey(line: DisplayLine): string {
  return JSON.stringify([
    line.text,
    round1(line.x),
    round1(line.y),
    round1(line.width),
    line.runs.map((r) => [r.fontKey, r.size, r.color.rgb, round1(r.x[0] ?? 0), round1(r.y), r.glyphs.length]),
  ]);
}

/** Whether two lines look the same (what lineKey says, without building the key). */
function sameLine(a: DisplayLine, b: DisplayLine): boolean {
  if (a === b) return true;
  if (
    a.text !== b.text ||
    round1(a.x) !== round1(b.x) ||
    round1(a.y) !== round1(b.y) ||
    round1(a.width) !== round1(b.width) ||
    a.runs.length !== b.runs.length
  )
    return false;
  return a.runs.every((r, i) => {
    const q = b.runs[i];
    return (
      r.fontKey === q.fontKey &&
      r.size === q.size &&
      r.color.rgb === q.color.rgb &&
      round1(r.x[0] ?? 0) === round1(q.x[0] ?? 0) &&
      round1(r.y) === round1(q.y) &&
      r.glyphs.length === q.glyphs.length
    );
  });
}

const lineBox = (line: DisplayLine): Rect => ({
  x: line.x,
  y: line.y - line.ascent,
  width: line.width,
  height: line.ascent + line.descent,
});

const itemBox = (item: DisplayItem): Rect => ({
  x: Math.min(item.x, item.x + item.width),
  y: Math.min(item.y, item.y + item.height),
  width: Math.abs(item.width) || 1,
  height: Math.abs(item.height) || 1,
});

/** What an item other than its lines looks like. */
function itemKey(item: DisplayItem): string {
  if (item.kind === 'text') {
    const { lines: _lines, storyId: _story, overset: _overset, ...frame } = item;
    return JSON.stringify(frame);
  }
  return JSON.stringify(item);
}

/** The regions of a page whose picture differs between two states. */
export function pageRegions(a: DisplayPage, b: DisplayPage): Rect[] {
  const rects: Rect[] = [];
  const key = (i: DisplayItem) => `${i.fromMaster ? 'm' : 'p'}:${i.frameId}`;
  const itemsA = new Map(a.items.map((i) => [key(i), i]));
  const itemsB = new Map(b.items.map((i) => [key(i), i]));
  for (const [k, item] of itemsA) if (!itemsB.has(k)) rects.push(itemBox(item));
  for (const [k, item] of itemsB) {
    const before = itemsA.get(k);
    if (!before) {
      rects.push(itemBox(item));
      continue;
    }
    if (before === item) continue;
    if (itemKey(before) !== itemKey(item)) {
      rects.push(itemBox(before), itemBox(item));
      continue;
    }
    if (item.kind !== 'text' || before.kind !== 'text') continue;
    // Most frames of a changed page are as they were: tell that without building keys.
    if (
      before.lines.length === item.lines.length &&
      before.lines.every((line, i) => sameLine(line, item.lines[i]))
    )
      continue;
    // Lines by how they look: a line in one state and not the other changed.
    const count = (lines: DisplayLine[]) => {
      const map = new Map<string, DisplayLine[]>();
      for (const line of lines) {
        const list = map.get(lineKey(line)) ?? [];
        list.push(line);
        map.set(lineKey(line), list);
      }
      return map;
    };
    const linesA = count(before.lines);
    const linesB = count(item.lines);
    for (const [k2, list] of linesA) {
      const other = linesB.get(k2)?.length ?? 0;
      for (const line of list.slice(other)) rects.push(lineBox(line));
    }
    for (const [k2, list] of linesB) {
      const other = linesA.get(k2)?.length ?? 0;
      for (const line of list.slice(other)) rects.push(lineBox(line));
    }
  }
  return mergeRects(rects);
}

/** Rectangles merged where they overlap or touch, so a reflowed column reads as one region. */
export function mergeRects(input: readonly Rect[]): Rect[] {
  const rects = input.map((r) => ({ ...r }));
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const [p, q] = [rects[i], rects[j]];
        const slack = 1;
        if (
          p.x <= q.x + q.width + slack &&
          q.x <= p.x + p.width + slack &&
          p.y <= q.y + q.height + slack &&
          q.y <= p.y + p.height + slack
        ) {
          const x = Math.min(p.x, q.x);
          const y = Math.min(p.y, q.y);
          rects[i] = {
            x,
            y,
            width: Math.max(p.x + p.width, q.x + q.width) - x,
            height: Math.max(p.y + p.height, q.y + q.height) - y,
          };
          rects.splice(j, 1);
          merged = true;
          break outer;
        }
      }
  }
  return rects;
}

/** Per-page changed regions between two composed states; pages that did not change are left out. */
export function diffPages(
  before: Edition,
  after: Edition,
  listA: DisplayList,
  listB: DisplayList,
): PageDiff[] {
  const out: PageDiff[] = [];
  const indexA = new Map(before.pages.map((p, i) => [p.id, i]));
  const indexB = new Map(after.pages.map((p, i) => [p.id, i]));
  after.pages.forEach((page, i) => {
    const a = indexA.get(page.id);
    const pageB = listB.pages[i];
    if (a === undefined) {
      out.push({
        pageId: page.id,
        number: i + 1,
        added: true,
        removed: false,
        rects: [{ x: 0, y: 0, width: pageB.width, height: pageB.height }],
      });
      return;
    }
    const pageA = listA.pages[a];
    if (pageA === pageB) return;
    const rects =
      pageA.width !== pageB.width || pageA.height !== pageB.height
        ? [{ x: 0, y: 0, width: pageB.width, height: pageB.height }]
        : pageRegions(pageA, pageB);
    if (rects.length > 0) out.push({ pageId: page.id, number: i + 1, added: false, removed: false, rects });
  });
  before.pages.forEach((page, i) => {
    if (!indexB.has(page.id))
      out.push({
        pageId: page.id,
        number: i + 1,
        added: false,
        removed: true,
        rects: [{ x: 0, y: 0, width: listA.pages[i].width, height: listA.pages[i].height }],
      });
  });
  return out;
}

/** Text and picture differences between two states, given their display lists. */
export function diffEditions(
  before: Edition,
  after: Edition,
  listA: DisplayList,
  listB: DisplayList,
): EditionDiff {
  return { stories: diffStories(before, after), pages: diffPages(before, after, listA, listB) };
}
