/**
 * Jump lines (转版): where a story's thread leaves one page for another, the
 * last frame on the page it leaves ends with 下转第5版 (Continued on page 5)
 * and the first frame on the page it continues on starts with 上接第1版
 * (Continued from page 1).
 *
 * They are composition, not story text. Before the story flows, each
 * crossing reserves one line: at the foot of the leaving frame's last
 * column and at the head of the continuing frame's first column. The
 * reservation is an obstacle the flow already understands (like a wrapped
 * photo: a line it covers is skipped), so the body reflows around it,
 * overset counts it and nothing in the flow itself changes. After the flow,
 * the line is set by the paragraph composer in the "Jump line" role style
 * into the reserved box and handed to the frame as a generated line — only
 * when the story really continues (the continuing frame got text). The
 * caret map, Find and copyfit leave generated lines out.
 *
 * Page numbers come from the plan (pageLabels) at composition time, so
 * moving a page renumbers the lines at the next composition, as it does
 * the folio lines.
 */
import { planOf } from '../../model/plan';
import { resolveParagraphStyle } from '../../model/styles';
import type { Edition, ParagraphStyleProps, StoryBlock } from '../../model/types';
import { type JumpKind, jumpLineText } from '../../planning/jump-text';
import type { DisplayLine, StoryPoint } from '../display-list';
import type { ParagraphComposer } from '../paragraph-types';
import { baselineOffset } from './grid';
import { type LineBox, lineBoxAt, minimumMeasure, type Region } from './line-slots';
import { buildParagraph, type FlowParagraph, type ParagraphBuildContext, storyPointAt } from './paragraphs';
import type { PlacedLine } from './place-paragraph';
import type { FrameLine } from './text-frame-item';
import type { ThreadFrame } from './thread';
import { type Obstacle, widestFreeInterval } from './wrap';

const EPS = 1e-6;

/** A jump line reserved in a frame of a thread. */
export interface JumpSlot {
  kind: JumpKind;
  /** The column it is set in: the first at the frame's head, the last at its foot. */
  column: number;
  /** The thread index of the frame at the other end of the crossing. */
  partner: number;
  /** The jump line's text, styled, as one paragraph. */
  paragraph: FlowParagraph;
  /** Where it goes (em-box top, baseline, free interval). */
  box: LineBox;
  /** The line as composed (made on first use; null: the text has no room at all). */
  placed?: PlacedLine | null;
  /** The entry last handed out, reused while its anchor is the same (frames keep their identity). */
  entry?: FrameLine;
}

/** What a generated frame entry carries: which line it is and the story point next to it. */
export interface GeneratedMark {
  kind: JumpKind;
  anchor: StoryPoint;
}

/**
 * The jump-line role style, with the alignment each line takes: the
 * 'continued on' line as the style says (flush right by default, and when
 * an older style sheet has no jump-line style at all), the 'continued
 * from' line flush with the start of the column, where reading resumes.
 */
function jumpStyle(edition: Edition, kind: JumpKind): ParagraphStyleProps {
  const style = resolveParagraphStyle(edition.styles, { type: 'jump-line' });
  if (kind === 'jump-from') return { ...style, align: 'left', lastLineAlign: 'left', firstLineIndent: 0 };
  if (edition.styles.roleStyles['jump-line']) return style;
  return { ...style, align: 'right', lastLineAlign: 'right', firstLineIndent: 0 };
}

function jumpParagraph(
  edition: Edition,
  kind: JumpKind,
  text: string,
  context: ParagraphBuildContext,
): FlowParagraph {
  const block: StoryBlock = { type: 'jump-line', children: [{ text }] };
  const paragraph = buildParagraph([block], 0, 0, context);
  return { ...paragraph, input: { ...paragraph.input, style: jumpStyle(edition, kind) } };
}

const leadingOf = (style: ParagraphStyleProps) => (style.leading > 0 ? style.leading : style.fontSize);

function columnRegion(frame: ThreadFrame, column: number): Region {
  const c = frame.columns[column];
  return { left: c.x, right: c.x + c.width, bottom: c.y + c.height, column };
}

/**
 * The lowest line box of the region whose em box fits above its bottom (on
 * the baseline grid when the style and frame align to it), moving up past
 * wrap; null when none fits below `top`.
 */
function lowestBox(
  frame: ThreadFrame,
  region: Region,
  top: number,
  style: ParagraphStyleProps,
): LineBox | null {
  const size = style.fontSize;
  const ascent = baselineOffset(size);
  const grid = style.alignToGrid && frame.grid && frame.grid.increment > 0 ? frame.grid : null;
  let t = region.bottom - size;
  for (let guard = 0; guard < 10_000; guard++) {
    let baseline = t + ascent;
    if (grid) {
      baseline = grid.start + Math.floor((baseline - grid.start) / grid.increment + EPS) * grid.increment;
      t = baseline - ascent;
    }
    if (t < top - EPS) return null;
    const free = widestFreeInterval(
      region.left,
      region.right,
      t,
      t + size,
      frame.obstacles,
      minimumMeasure(size),
    );
    if (free) return { top: t, baseline, x: free.x, width: free.width };
    t -= leadingOf(style);
  }
  return null;
}

/**
 * The frame with one jump line reserved: the box it goes in, and an
 * obstacle over the column covering its em box and half its extra leading
 * on the body's side, so the body's lines stop one line higher (foot) or
 * start one line lower (head) and keep at least that much white from it —
 * half, not all, so a body line of another size one grid line away still
 * fits (body 10 pt and jump line 9 pt on a 15 pt grid).
 */
function reserve(frame: ThreadFrame, kind: JumpKind, partner: number, paragraph: FlowParagraph): ThreadFrame {
  const style = paragraph.input.style;
  const column = kind === 'jump-from' ? 0 : frame.columns.length - 1;
  const rect = frame.columns[column];
  if (!rect) return frame;
  const region = columnRegion(frame, column);
  const leading = leadingOf(style);
  const box =
    kind === 'jump-from'
      ? lineBoxAt(frame, region, rect.y, leading, style.fontSize, style.alignToGrid)
      : lowestBox(frame, region, rect.y, style);
  if (!box) return frame;
  const white = Math.max(0, leading - style.fontSize) / 2;
  const obstacle: Obstacle =
    kind === 'jump-from'
      ? { left: rect.x, right: rect.x + rect.width, top: rect.y, bottom: box.top + style.fontSize + white }
      : {
          left: rect.x,
          right: rect.x + rect.width,
          top: box.top - white,
          bottom: rect.y + rect.height + style.fontSize,
        };
  const slot: JumpSlot = { kind, column, partner, paragraph, box };
  return { ...frame, obstacles: [...frame.obstacles, obstacle], jumps: [...(frame.jumps ?? []), slot] };
}

/**
 * The thread's frames with jump lines reserved where it changes page: the
 * plan's jump-line settings on, the next frame on another page (not the
 * next page when `skipConsecutive`). `labels` are the pages' printed
 * numbers. Without a crossing the frames come back as they were.
 */
export function reserveJumpLines(
  edition: Edition,
  frames: ThreadFrame[],
  labels: readonly string[],
  context: ParagraphBuildContext,
): ThreadFrame[] {
  const settings = planOf(edition).settings.jumpLines;
  if (!settings.enabled || frames.length < 2) return frames;
  let out = frames;
  for (let i = 0; i + 1 < frames.length; i++) {
    const from = frames[i].pageIndex;
    const to = frames[i + 1].pageIndex;
    if (from === to || (settings.skipConsecutive && Math.abs(from - to) === 1)) continue;
    if (out === frames) out = frames.slice();
    const language = edition.meta.language;
    const onText = jumpLineText(settings, language, 'jump-to', labels[to] ?? String(to + 1));
    const fromText = jumpLineText(settings, language, 'jump-from', labels[from] ?? String(from + 1));
    out[i] = reserve(out[i], 'jump-to', i + 1, jumpParagraph(edition, 'jump-to', onText, context));
    out[i + 1] = reserve(out[i + 1], 'jump-from', i, jumpParagraph(edition, 'jump-from', fromText, context));
  }
  return out;
}

/** The slot's line, composed once into its box (one line: a text too long for the column is cut). */
function placedLine(slot: JumpSlot, frameIndex: number, composer: ParagraphComposer): PlacedLine | null {
  if (slot.placed !== undefined) return slot.placed;
  const { box } = slot;
  const composed = composer.compose(slot.paragraph.input, (i) =>
    i === 0 ? { x: box.x, width: box.width } : null,
  );
  const line = composed.lines[0];
  slot.placed = line
    ? { frame: frameIndex, column: slot.column, top: box.top, baseline: box.baseline, originX: 0, line }
    : null;
  return slot.placed;
}

/**
 * Per-frame entries with the jump lines added: at the head of a continuing
 * frame, at the foot of a leaving one, each only when the story has text on
 * both sides of the crossing. `entries` (from frameEntries) is changed in
 * place and returned.
 */
export function withJumpLines(
  entries: FrameLine[][],
  frames: readonly ThreadFrame[],
  composer: ParagraphComposer,
): FrameLine[][] {
  const counts = entries.map((list) => list.length);
  frames.forEach((frame, i) => {
    if (!frame.jumps || counts[i] === 0) return;
    for (const slot of frame.jumps) {
      if (!counts[slot.partner]) continue;
      const placed = placedLine(slot, i, composer);
      if (!placed) continue;
      const next = slot.kind === 'jump-to' ? entries[i][counts[i] - 1] : entries[i][0];
      const offset = slot.kind === 'jump-to' ? next.placed.line.end : next.placed.line.start;
      const anchor = storyPointAt(next.paragraph, offset);
      let entry = slot.entry;
      const same =
        entry?.generated &&
        entry.generated.anchor.block === anchor.block &&
        entry.generated.anchor.offset === anchor.offset;
      if (!entry || !same) {
        // A copy per anchor: the frame item caches display lines on it.
        entry = { paragraph: slot.paragraph, placed: { ...placed }, generated: { kind: slot.kind, anchor } };
        slot.entry = entry;
      }
      if (slot.kind === 'jump-to') entries[i].push(entry);
      else entries[i].unshift(entry);
    }
  });
  return entries;
}

/** A generated line as the display list carries it: marked, and pointing at the story text beside it. */
export function markGenerated(line: DisplayLine, mark: GeneratedMark): DisplayLine {
  return {
    ...line,
    block: mark.anchor.block,
    start: mark.anchor.offset,
    end: mark.anchor.offset,
    generated: mark.kind,
  };
}

/** Font keys of the jump lines shown in a thread's frames (the painters load every face the list names). */
export function collectJumpFonts(entries: readonly FrameLine[][], keys: Set<string>): void {
  for (const list of entries) {
    for (const entry of list) {
      if (entry.generated) for (const run of entry.placed.line.runs) keys.add(run.fontKey);
    }
  }
}
