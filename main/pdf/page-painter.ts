/**
 * Paints one display page onto the current PDF sheet, translated to the
 * page's place on the sheet and clipped to its trim plus bleed, so nothing
 * prints into the marks.
 *
 * Items are painted in display-list order (master items first, then frames
 * bottom to top), except the text of text frames: that is written after
 * everything else, story by story in reading order (page-logic.ts), with
 * the frames of a story in thread order — so extractors that follow the
 * content stream (pdf.js, `pdftotext -raw`, copy and paste) give the text
 * story by story. Text is moved only when nothing painted above it in the
 * display list overlaps its lines, so what prints never changes; text that
 * something covers stays in its place.
 */
import type { DisplayItem, DisplayPage, DisplayTextFrame } from '../../shared/layout/display-list';
import type { Id } from '../../shared/model/types';
import type { GraphicsPainter } from './graphics-painter';
import type { PdfImageSet } from './image-set';
import type { PageReading } from './page-logic';
import type { Tagger } from './page-tagger';
import type { PlacedPage } from './sheet-layout';
import type { TextPainter } from './text-painter';
import { rectPath } from './graphics-painter';
import { num } from './pdf-syntax';

export interface Painters {
  text: TextPainter;
  graphics: GraphicsPainter;
  images: PdfImageSet;
  tagger: Tagger;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function paintPage(placed: PlacedPage, painters: Painters, plan: TextPlan): string {
  const out: string[] = [`q ${rectPath(placed.clip)} W n 1 0 0 1 ${num(placed.x)} ${num(placed.y)} cm\n`];
  for (const item of placed.page.items) {
    if (item.kind === 'text' && plan.moved.has(item)) {
      out.push(painters.tagger.artifact(frameDecoration(item, painters.graphics, 'fill')));
      out.push(painters.tagger.artifact(frameDecoration(item, painters.graphics, 'stroke')));
      continue;
    }
    out.push(paintItem(item, painters));
  }
  for (const frame of plan.moved) out.push(paintText(frame, painters));
  out.push('Q\n');
  return out.join('');
}

/** Which text frames' text is written after the page's other items, in the order it is written. */
export interface TextPlan {
  /** Insertion order is writing order: story by story in reading order, frames in thread order. */
  moved: Set<DisplayTextFrame>;
}

/**
 * Plans the page's text: every story's text frame whose lines nothing
 * painted later covers (its own stroke included) moves to the end, in
 * reading order; the rest stays where the display list paints it.
 */
export function planText(
  page: DisplayPage,
  reading: PageReading,
  threadIndex: (storyId: Id, frameId: Id) => number,
): TextPlan {
  const { items } = page;
  const moving = items.filter(
    (item, index): item is DisplayTextFrame =>
      item.kind === 'text' &&
      item.storyId !== null &&
      movable(item, [...(item.stroke ? [{ ...item, fill: null }] : []), ...items.slice(index + 1)]),
  );
  const order = new Map(reading.stories.map((id, i) => [id, i]));
  const rank = (frame: DisplayTextFrame) => order.get(frame.storyId as Id) ?? order.size;
  moving.sort(
    (a, b) =>
      rank(a) - rank(b) || threadIndex(a.storyId as Id, a.frameId) - threadIndex(b.storyId as Id, b.frameId),
  );
  return { moved: new Set(moving) };
}

/** The page's text frames in the order their text is written to the PDF. */
export function textWritingOrder(page: DisplayPage, plan: TextPlan): DisplayTextFrame[] {
  const inPlace = page.items.filter((i): i is DisplayTextFrame => i.kind === 'text' && !plan.moved.has(i));
  return [...inPlace, ...plan.moved];
}

/** Whether a text frame's lines can be written after `later` items without anything of theirs covering them. */
function movable(frame: DisplayTextFrame, later: DisplayItem[]): boolean {
  const lines: Box[] = frame.lines.map((l) => ({
    x: l.x,
    y: l.y - l.ascent,
    width: l.width,
    height: l.ascent + l.descent,
  }));
  return later.every(
    (item) => !paintedAreas(item).some((area) => lines.some((line) => intersects(line, area))),
  );
}

/** The areas an item paints over: a fill covers its rectangle, a stroke only the band along the edges. */
function paintedAreas(item: DisplayItem): Box[] {
  if (item.kind === 'rule') {
    const x = Math.min(item.x, item.x + item.width);
    const y = Math.min(item.y, item.y + item.height);
    return [grow({ x, y, width: Math.abs(item.width), height: Math.abs(item.height) }, item.stroke.width)];
  }
  // A text frame's own text is text too (moved or not): only its fill and stroke cover what lies under it.
  const filled = item.kind === 'image' ? item.assetId !== null : item.fill !== null;
  const areas: Box[] = filled ? [item] : [];
  if (item.stroke && item.stroke.width > 0) {
    const w = item.stroke.width;
    const { x, y, width, height } = item;
    areas.push(
      grow({ x, y, width, height: 0 }, w),
      grow({ x, y: y + height, width, height: 0 }, w),
      grow({ x, y, width: 0, height }, w),
      grow({ x: x + width, y, width: 0, height }, w),
    );
  }
  return areas;
}

function grow(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function paintItem(item: DisplayItem, painters: Painters): string {
  const { graphics, images, tagger } = painters;
  switch (item.kind) {
    case 'box':
      return tagger.artifact(
        (item.fill ? graphics.fillRect(item, item.fill) : '') +
          (item.stroke ? graphics.strokeRect(item, item.stroke) : ''),
      );
    case 'rule':
      return tagger.artifact(graphics.rule(item, item.stroke));
    case 'image': {
      const image = images.paint(item);
      const figure = image ? tagger.figure(item) : null;
      return (
        (figure ? `${tagger.begin(figure)}\n${image}EMC\n` : tagger.artifact(image)) +
        tagger.artifact(item.stroke ? graphics.strokeRect(item, item.stroke) : '')
      );
    }
    case 'text':
      return (
        tagger.artifact(frameDecoration(item, graphics, 'fill')) +
        paintText(item, painters) +
        tagger.artifact(frameDecoration(item, graphics, 'stroke'))
      );
  }
}

function frameDecoration(item: DisplayTextFrame, graphics: GraphicsPainter, part: 'fill' | 'stroke'): string {
  if (part === 'fill') return item.fill ? graphics.fillRect(item, item.fill) : '';
  return item.stroke ? graphics.strokeRect(item, item.stroke) : '';
}

function paintText(item: DisplayTextFrame, { text, tagger }: Painters): string {
  if (!tagger.tagged) return text.paintLines(item.lines);
  return text.paintLines(item.lines, {
    line: (line) => tagger.line(line, item.fromMaster),
    begin: (element) => tagger.begin(element),
  });
}
