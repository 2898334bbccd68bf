/**
 * Placing one paragraph where the flow stands: across its columns when it
 * spans, else flowing; then keep-with-next, which may move it on. Shared by
 * the story flow and by column balancing, which sets a section again.
 */
import { spaceBefore } from '../../model/styles';
import { type FlowCursor, frameStart, nextColumn } from './cursor';
import type { FlowParagraph } from './paragraphs';
import { type FlowContext, type Placement, placeBody, placeSpanning, spanOf } from './place-paragraph';

const EPS = 1e-6;

export function placeOne(context: FlowContext, paragraph: FlowParagraph, cursor: FlowCursor): Placement {
  const frame = context.frames[cursor.frame];
  const span = frame ? spanOf(paragraph, frame.columns.length) : 1;
  return span > 1 ? placeSpanning(context, paragraph, cursor, span) : placeBody(context, paragraph, cursor);
}

/**
 * Keep with next: a paragraph (a section head) whose following paragraph
 * cannot start below it in the same column — not even its first `orphans`
 * lines — moves to the next column, unless it already starts a column. A
 * spanning paragraph (a headline) whose body cannot start below it in the
 * same frame moves to the top of the next frame of the thread, if any.
 */
export function keepWithNext(
  context: FlowContext,
  paragraph: FlowParagraph,
  next: FlowParagraph | undefined,
  before: FlowCursor,
  placement: Placement,
): Placement {
  if (!next || !paragraph.input.style.keepWithNext || before.fresh) return placement;
  const { after } = placement;
  const frame = context.frames[after.frame];
  if (!frame || after.frame !== before.frame || placement.end < paragraph.input.text.length) return placement;
  const style = next.input.style;
  const leading = style.leading > 0 ? style.leading : style.fontSize;
  const need = spaceBefore(style) + style.fontSize + (Math.max(1, style.orphans) - 1) * leading;
  const spans = spanOf(paragraph, frame.columns.length) > 1;
  if (spans) {
    // Only for a head whose body follows in columns: stacked heads move with the last one.
    if (spanOf(next, frame.columns.length) > 1) return placement;
    const bottom = frame.interior.y + frame.interior.height;
    if (after.y + need <= bottom + EPS || before.frame + 1 >= context.frames.length) return placement;
    const moved = placeOne(context, paragraph, frameStart(context.frames, before.frame + 1));
    return moved.end >= paragraph.input.text.length ? moved : placement;
  }
  if (spanOf(next, frame.columns.length) > 1) return placement;
  const column = frame.columns[after.column];
  if (after.y + need <= column.y + column.height + EPS) return placement;
  const moved = placeOne(context, paragraph, nextColumn(context.frames, before));
  return moved.end >= paragraph.input.text.length ? moved : placement;
}
