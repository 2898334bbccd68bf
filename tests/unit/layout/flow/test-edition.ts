/**
 * Small editions for flow tests, with round numbers: body 10 pt on 15 pt
 * leading (so with the fixed-advance composer a 50 pt column holds 5
 * characters a line and a line's baseline is its top + 8.8 pt), headlines
 * 20 pt on 24 pt spanning all columns, no indents, no space before/after,
 * widows/orphans 1 (tests that need them set them), no baseline grid.
 */
import { createEmptyEdition } from '../../../../shared/model/defaults';
import {
  createBlock,
  createImageFrame,
  createStory,
  createTextFrame,
} from '../../../../shared/model/factories';
import { sequentialIds } from '../../../../shared/model/ids';
import type {
  Edition,
  Frame,
  ImageFrame,
  ParagraphStyle,
  Sides,
  Story,
  StoryBlock,
  TextFrame,
} from '../../../../shared/model/types';

export function testEdition(pageCount = 1): Edition {
  const edition = createEmptyEdition({ language: 'zh-Hans', pageCount, ids: sequentialIds() });
  edition.meta = {
    ...edition.meta,
    date: '2022-12-23',
    paperName: '周口晚报',
    issueNumber: 5931,
    editionName: '示范区新闻',
  };
  edition.pages = edition.pages.map((page) => ({ ...page, baselineGrid: null }));
  const paragraph = edition.styles.paragraph;
  const set = (id: string, props: Partial<ParagraphStyle>) =>
    (paragraph[id] = { ...paragraph[id], ...props });
  for (const id of Object.keys(paragraph)) {
    set(id, {
      firstLineIndent: 0,
      spaceBefore: 0,
      spaceAfter: 0,
      widows: 1,
      orphans: 1,
      keepWithNext: false,
    });
  }
  set('ps-base', { fontSize: 10, leading: 15, alignToGrid: false });
  set('ps-body', { fontSize: 10, leading: 15, alignToGrid: true });
  set('ps-lead-in', { fontSize: 10, leading: 15 });
  set('ps-headline', { fontSize: 20, leading: 24, spanColumns: 'all' });
  set('ps-section-head', { fontSize: 10, leading: 15 });
  return edition;
}

/** A two-column text frame: 50 pt columns, 10 pt gutter, tall enough for `lines` body lines. */
export function columnsFrame(
  id: string,
  x: number,
  y: number,
  lines: number,
  extra: Partial<TextFrame> = {},
): TextFrame {
  return createTextFrame(
    id,
    { x, y, width: 110, height: 10 + (lines - 1) * 15 },
    { columns: 2, gutter: 10, alignToGrid: false, ...extra },
  );
}

export function addFrame(edition: Edition, pageIndex: number, frame: Frame): void {
  edition.pages[pageIndex] = {
    ...edition.pages[pageIndex],
    frames: [...edition.pages[pageIndex].frames, frame],
  };
}

export function addStory(edition: Edition, id: string, blocks: StoryBlock[], thread: string[]): Story {
  const story = createStory(id, id, blocks, thread);
  edition.stories = { ...edition.stories, [id]: story };
  return story;
}

/** An image frame text wraps around as a box, `offset` pt away on every side (or per side). */
export function boxWrappedImage(
  id: string,
  rect: { x: number; y: number; width: number; height: number },
  offset: number | Sides = 0,
): ImageFrame {
  const offsets =
    typeof offset === 'number' ? { top: offset, right: offset, bottom: offset, left: offset } : offset;
  return createImageFrame(id, rect, { wrap: { mode: 'box', offsets } });
}

export const body = (text: string) => createBlock('body', text);
export const block = createBlock;
export { createImageFrame, createTextFrame };

/** `n` distinct Han characters, so line contents are easy to tell apart. */
export function han(n: number, from = 0): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCodePoint(0x4e00 + from + i);
  return s;
}
