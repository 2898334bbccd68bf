/**
 * From a place on a composed page to the story text under it, for comments
 * a reviewer drew on a proof PDF: the characters a highlight's boxes cover,
 * the word under a sticky note's corner, the insertion point of a caret.
 * Everything goes through the display list's glyph positions — the same
 * ones the PDF painted — and the markup map when the page shows deleted
 * words, so the result is in the story's own points.
 */
import type { DisplayLine, DisplayList, DisplayPage } from '../layout/display-list';
import type { Id, ReviewPoint } from '../model/types';
import { blockText } from '../model/operations';
import type { Edition } from '../model/types';
import { markupMapOf } from './markup';
import { offsetAtX } from '../editing/caret-map';

/** A y-down box on a page, in points from the trimmed page's top-left corner. */
export interface PageBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A range of one story's text. */
export interface StoryRange {
  storyId: Id;
  from: ReviewPoint;
  to: ReviewPoint;
}

interface PlacedGlyph {
  storyId: Id;
  line: DisplayLine;
  /** Characters [start, end) of the line's block that the glyph draws. */
  start: number;
  end: number;
  x0: number;
  x1: number;
}

/** Story lines of a page's own text frames (not master text, not generated jump lines). */
function pageLines(page: DisplayPage): DisplayLine[] {
  const lines: DisplayLine[] = [];
  for (const item of page.items)
    if (item.kind === 'text' && !item.fromMaster && item.storyId)
      for (const line of item.lines) if (!line.generated) lines.push(line);
  return lines;
}

function lineGlyphs(line: DisplayLine): PlacedGlyph[] {
  const edges: { cluster: number; x: number; advance: number }[] = [];
  for (const run of line.runs)
    for (let i = 0; i < run.glyphs.length; i++)
      edges.push({ cluster: run.clusters[i], x: run.x[i], advance: run.advances[i] });
  edges.sort((a, b) => a.cluster - b.cluster || a.x - b.x);
  const out: PlacedGlyph[] = [];
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    // The second glyph of a cluster draws no character of its own.
    if (i > 0 && edges[i - 1].cluster === e.cluster) continue;
    let next = line.end;
    for (let j = i + 1; j < edges.length; j++)
      if (edges[j].cluster > e.cluster) {
        next = edges[j].cluster;
        break;
      }
    out.push({
      storyId: line.storyId,
      line,
      start: e.cluster,
      end: Math.max(e.cluster + 1, next),
      x0: e.x,
      x1: e.x + e.advance,
    });
  }
  return out;
}

const overlap = (a0: number, a1: number, b0: number, b1: number) =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** Composed (markup) points to the story's own. */
function toStory(list: DisplayList, storyId: Id, p: ReviewPoint): ReviewPoint {
  return markupMapOf(list, storyId)?.toStory(p) ?? p;
}

/**
 * The text under a set of boxes (a highlight's QuadPoints): every character
 * whose glyph the boxes cover for at least half its width on a line they
 * cover for at least half its height (or half their own height, for thin
 * strike-out boxes). When several stories are touched, the one with the
 * most characters. Null when no text is under the boxes.
 */
export function textUnder(list: DisplayList, pageIndex: number, boxes: PageBox[]): StoryRange | null {
  const page = list.pages[pageIndex];
  if (!page) return null;
  const hits = new Map<Id, { count: number; from: ReviewPoint; to: ReviewPoint }>();
  for (const line of pageLines(page)) {
    const top = line.y - line.ascent;
    const bottom = line.y + line.descent;
    const height = bottom - top;
    for (const box of boxes) {
      const v = overlap(top, bottom, box.y0, box.y1);
      if (v <= 0 || v < 0.5 * Math.min(height, box.y1 - box.y0)) continue;
      for (const g of lineGlyphs(line)) {
        const width = g.x1 - g.x0;
        if (width <= 0 || overlap(g.x0, g.x1, box.x0, box.x1) < 0.5 * width) continue;
        const from = { block: line.block, offset: g.start };
        const to = { block: line.block, offset: g.end };
        const hit = hits.get(g.storyId);
        if (!hit) hits.set(g.storyId, { count: 1, from, to });
        else {
          hit.count++;
          if (before(from, hit.from)) hit.from = from;
          if (before(hit.to, to)) hit.to = to;
        }
      }
    }
  }
  let best: [Id, { count: number; from: ReviewPoint; to: ReviewPoint }] | null = null;
  for (const entry of hits) if (!best || entry[1].count > best[1].count) best = entry;
  if (!best) return null;
  const [storyId, { from, to }] = best;
  return { storyId, from: toStory(list, storyId, from), to: toStory(list, storyId, to) };
}

const before = (a: ReviewPoint, b: ReviewPoint) =>
  a.block < b.block || (a.block === b.block && a.offset < b.offset);

/** The line whose box holds a point (within `slack` points), nearest first. */
function lineAt(page: DisplayPage, x: number, y: number, slack: number): DisplayLine | null {
  let best: DisplayLine | null = null;
  let distance = Infinity;
  for (const line of pageLines(page)) {
    const top = line.y - line.ascent;
    const bottom = line.y + line.descent;
    const dy = y < top ? top - y : y > bottom ? y - bottom : 0;
    const dx = x < line.x ? line.x - x : x > line.x + line.width ? x - line.x - line.width : 0;
    if (dy > slack || dx > slack) continue;
    if (dy + dx < distance) {
      distance = dy + dx;
      best = line;
    }
  }
  return best;
}

const WORD = /[\p{L}\p{N}'’_-]/u;
const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The word under a point (a sticky note's or text box's corner): a run of
 * letters and digits in Latin text, one character in Chinese. Null when
 * the point is on no line.
 */
export function wordAt(
  edition: Edition,
  list: DisplayList,
  pageIndex: number,
  x: number,
  y: number,
): StoryRange | null {
  const page = list.pages[pageIndex];
  if (!page) return null;
  const line = lineAt(page, x, y, 2);
  if (!line) return null;
  const glyph = lineGlyphs(line).find((g) => x >= g.x0 && x < g.x1) ?? nearestGlyph(line, x);
  if (!glyph) return null;
  const storyId = line.storyId;
  const from = toStory(list, storyId, { block: line.block, offset: glyph.start });
  const to = toStory(list, storyId, { block: line.block, offset: glyph.end });
  const story = edition.stories[storyId];
  if (!story || from.block !== to.block) return { storyId, from, to };
  const text = blockText(story.blocks[from.block]);
  let start = from.offset;
  let end = to.offset;
  const here = text.slice(start, end);
  if (WORD.test(here) && !HAN.test(here)) {
    while (start > 0 && WORD.test(text[start - 1]) && !HAN.test(text[start - 1])) start--;
    while (end < text.length && WORD.test(text[end]) && !HAN.test(text[end])) end++;
  }
  return { storyId, from: { block: from.block, offset: start }, to: { block: from.block, offset: end } };
}

function nearestGlyph(line: DisplayLine, x: number): PlacedGlyph | null {
  let best: PlacedGlyph | null = null;
  let distance = Infinity;
  for (const g of lineGlyphs(line)) {
    const d = x < g.x0 ? g.x0 - x : x > g.x1 ? x - g.x1 : 0;
    if (d < distance) {
      distance = d;
      best = g;
    }
  }
  return best;
}

/**
 * The insertion point a caret marks: its box's middle on the line its box
 * overlaps most, at the nearest glyph edge. Null when it is on no line.
 */
export function caretPoint(
  list: DisplayList,
  pageIndex: number,
  box: PageBox,
): { storyId: Id; point: ReviewPoint } | null {
  const page = list.pages[pageIndex];
  if (!page) return null;
  const x = (box.x0 + box.x1) / 2;
  let best: DisplayLine | null = null;
  let most = 0;
  for (const line of pageLines(page)) {
    if (x < line.x - 2 || x > line.x + line.width + 2) continue;
    const v = overlap(line.y - line.ascent, line.y + line.descent, box.y0 - 1, box.y1 + 1);
    if (v > most) {
      most = v;
      best = line;
    }
  }
  if (!best) return null;
  const point = { block: best.block, offset: offsetAtX(best, x) };
  return { storyId: best.storyId, point: toStory(list, best.storyId, point) };
}
