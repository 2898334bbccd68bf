/**
 * Rough heights of text before it is composed, from character counts, the
 * body size and the leading: enough to size a story's module on the page so
 * that its text about fills it. The layout engine sets the real lines and
 * reports overset. The estimates lean long — every paragraph's last line
 * counts as full, every column after the first loses a line — which the
 * template uses as its slack (place-stories.ts MAX_SQUEEZE); measured
 * against the real composer on the sample page, modules keep 1–3 spare
 * lines per column.
 */
import type { ParagraphStyleProps, StoryBlock, StyleSheets } from '../model/types';
import { lengthInPt, resolveParagraphStyle } from '../model/styles';
import { isHan } from '../import/script';

/** Width of a text in ems of its size: Han and full-width marks 1, Latin about half. */
export function emWidth(text: string): number {
  let ems = 0;
  for (const ch of text) {
    if (isHan(ch) || /[\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026]/.test(ch)) ems += 1;
    // Latin widths of Noto Serif, roughly: measured lines of English body
    // copy in the composer hold about 25 characters at 13.5 em.
    else if (ch === ' ') ems += 0.26;
    else if (/[A-Z]/.test(ch)) ems += 0.68;
    else if (/[il.,;:'!|]/.test(ch)) ems += 0.3;
    else ems += 0.56;
  }
  return ems;
}

const blockText = (block: StoryBlock) => block.children.map((c) => c.text).join('');

/** Lines a paragraph takes at a measure (pt). */
export function estimateLines(text: string, style: ParagraphStyleProps, measure: number): number {
  const em = style.fontSize * (1 + style.tracking / 1000);
  const perLine = Math.max(
    1,
    Math.floor(
      (measure -
        lengthInPt(style.leftIndent, style.fontSize) -
        lengthInPt(style.rightIndent, style.fontSize)) /
        em,
    ),
  );
  const ems = emWidth(text) + lengthInPt(style.firstLineIndent, style.fontSize) / style.fontSize;
  // Latin lines break at word ends and lose part of a word per line on average.
  const wordLoss = style.language === 'en' ? 1.08 : 1;
  return Math.max(1, Math.ceil((ems * wordLoss) / perLine));
}

/** Height of a paragraph at a measure, with the space before and after it. */
export function estimateParagraphHeight(text: string, style: ParagraphStyleProps, measure: number): number {
  const leading = style.leading > 0 ? style.leading : style.fontSize;
  return (
    estimateLines(text, style, measure) * leading +
    lengthInPt(style.spaceBefore, style.fontSize) +
    lengthInPt(style.spaceAfter, style.fontSize)
  );
}

export interface FrameShape {
  columns: number;
  columnWidth: number;
  gutter: number;
}

/** The paragraphs of a story as they will be set: a run-in lead-in joined with the paragraph after it. */
function settableParagraphs(blocks: readonly StoryBlock[]): { block: StoryBlock; text: string }[] {
  const out: { block: StoryBlock; text: string }[] = [];
  let carry = '';
  for (const block of blocks) {
    if (block.type === 'lead-in') {
      carry += blockText(block);
      continue;
    }
    out.push({ block, text: carry + blockText(block) });
    carry = '';
  }
  if (carry) out.push({ block: blocks[blocks.length - 1], text: carry });
  return out;
}

/**
 * Height of a text frame of `shape` that holds all of `blocks`: paragraphs
 * that span the frame's columns (headlines) at the frame's width, the rest
 * flowing through the columns and balanced across them.
 */
export function estimateStoryHeight(
  blocks: readonly StoryBlock[],
  styles: StyleSheets,
  shape: FrameShape,
): number {
  const frameWidth = shape.columns * shape.columnWidth + (shape.columns - 1) * shape.gutter;
  let spanning = 0;
  let flowing = 0;
  let bodyLeading = 0;
  let beforeBody = true;
  for (const { block, text } of settableParagraphs(blocks)) {
    const style = resolveParagraphStyle(styles, block);
    const spans = style.spanColumns === 'all' || style.spanColumns > 1;
    // Labels above the headline sit in the head too, whatever their span.
    if (spans || (beforeBody && block.type !== 'body')) {
      spanning += estimateParagraphHeight(text, style, frameWidth);
    } else {
      beforeBody = false;
      flowing += estimateParagraphHeight(text, style, shape.columnWidth);
      bodyLeading = Math.max(bodyLeading, style.leading);
    }
  }
  // Each column after the first can lose up to a line where keep rules move it.
  const perColumn = flowing / shape.columns + (shape.columns > 1 ? bodyLeading : 0);
  return spanning + perColumn;
}
