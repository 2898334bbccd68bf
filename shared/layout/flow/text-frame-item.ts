/**
 * The DisplayTextFrame of one frame of a thread: its column rectangles and
 * the lines the story's flow put in it, moved for the frame's vertical
 * alignment.
 */
import type { TextFrame } from '../../model/types';
import type { DisplayLine, DisplayTextFrame } from '../display-list';
import { toDisplayLines } from './display-lines';
import type { ColorOf } from './frame-items';
import { displayStroke } from './frame-items';
import { frameColumns, frameInterior } from './geometry';
import { type GeneratedMark, markGenerated } from './jump-lines';
import type { PlacedLine } from './place-paragraph';
import type { FlowParagraph } from './paragraphs';
import type { ComposedLine } from '../paragraph-types';

/** A placed line with the paragraph it belongs to. */
export interface FrameLine {
  paragraph: FlowParagraph;
  placed: PlacedLine;
  /** Set on a line the composer made (a jump line, jump-lines.ts), not story text. */
  generated?: GeneratedMark;
}

function displayLines(storyId: string, entry: FrameLine, dy: number): DisplayLine[] {
  const lines = toDisplayLines(storyId, entry.paragraph, entry.placed, dy);
  const mark = entry.generated;
  return mark ? lines.map((line) => markGenerated(line, mark)) : lines;
}

/** The display lines last made of a composed line, and what they were made for. */
interface Shown {
  paragraph: FlowParagraph;
  storyId: string;
  column: number;
  baseline: number;
  originX: number;
  generated: GeneratedMark | undefined;
  lines: DisplayLine[];
}

/**
 * Display lines by the composed line they show. The composer hands out the
 * same ComposedLine for the same text set the same way, and the flow the
 * same FlowParagraph for unchanged blocks, so a line set again at the same
 * place (a fresh compose, a balancing trial, an edit elsewhere) gets the
 * DisplayLine objects it had: nothing to build, and the canvas sees the
 * identity it skips repainting on. Display lists are read-only.
 */
const shownLines = new WeakMap<ComposedLine, Shown>();

/** Display lines of a placed line, made once and kept on it: unchanged paragraphs keep their DisplayLine objects. */
function linesOf(storyId: string, entry: FrameLine, dy: number): DisplayLine[] {
  if (dy !== 0) return displayLines(storyId, entry, dy);
  const { placed, paragraph } = entry;
  let lines = placed.display;
  if (!lines) {
    const shown = shownLines.get(placed.line);
    if (
      shown &&
      shown.paragraph === paragraph &&
      shown.storyId === storyId &&
      shown.column === placed.column &&
      shown.baseline === placed.baseline &&
      shown.originX === placed.originX &&
      shown.generated === entry.generated
    ) {
      lines = shown.lines;
    } else {
      lines = displayLines(storyId, entry, 0);
      shownLines.set(placed.line, {
        generated: entry.generated,
        paragraph,
        storyId,
        column: placed.column,
        baseline: placed.baseline,
        originX: placed.originX,
        lines,
      });
    }
    placed.display = lines;
  }
  return lines;
}

/**
 * Vertical alignment: 'center' and 'bottom' move all lines down by the free
 * space below the deepest line (half or all of it); 'justify' spreads each
 * column's free space evenly between its lines. Frames aligned to the
 * baseline grid stay on the grid (alignment is not applied), as in InDesign.
 */
function verticalShifts(frame: TextFrame, entries: readonly FrameLine[]): number[] {
  const shifts = new Array<number>(entries.length).fill(0);
  if (frame.verticalAlign === 'top' || entries.length === 0 || frame.alignToGrid) return shifts;
  const interior = frameInterior(frame);
  const bottom = interior.y + interior.height;
  const emBottom = (e: FrameLine) => e.placed.top + e.paragraph.input.style.fontSize;
  if (frame.verticalAlign === 'justify') {
    const byColumn = new Map<number, number[]>();
    entries.forEach((e, i) => {
      const list = byColumn.get(e.placed.column) ?? [];
      list.push(i);
      byColumn.set(e.placed.column, list);
    });
    for (const indexes of byColumn.values()) {
      if (indexes.length < 2) continue;
      const free = bottom - Math.max(...indexes.map((i) => emBottom(entries[i])));
      if (free <= 0) continue;
      const gap = free / (indexes.length - 1);
      indexes.forEach((lineIndex, k) => (shifts[lineIndex] = gap * k));
    }
    return shifts;
  }
  const free = bottom - Math.max(...entries.map(emBottom));
  if (free <= 0) return shifts;
  const shift = frame.verticalAlign === 'center' ? free / 2 : free;
  return shifts.fill(shift);
}

export function textFrameItem(
  frame: TextFrame,
  fromMaster: boolean,
  storyId: string | null,
  entries: readonly FrameLine[],
  overset: boolean,
  color: ColorOf,
): DisplayTextFrame {
  const shifts = frame.verticalAlign === 'top' ? null : verticalShifts(frame, entries);
  const lines: DisplayLine[] = [];
  for (let i = 0; i < entries.length; i++) {
    const shown = linesOf(storyId ?? '', entries[i], shifts ? shifts[i] : 0);
    for (let k = 0; k < shown.length; k++) lines.push(shown[k]);
  }
  return {
    kind: 'text',
    frameId: frame.id,
    fromMaster,
    x: frame.x,
    y: frame.y,
    width: frame.width,
    height: frame.height,
    storyId,
    columns: frameColumns(frame),
    lines,
    fill: frame.fill ? color(frame.fill) : null,
    stroke: displayStroke(frame.stroke, color),
    overset,
  };
}
