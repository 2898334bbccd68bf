/**
 * A placed line → DisplayLine(s): glyph positions made absolute on the page
 * and clusters mapped from paragraph-text offsets to offsets in the story
 * block they show.
 *
 * A line that shows text of two blocks (the end of a run-in lead-in and the
 * start of the paragraph it runs into) becomes two DisplayLines on the same
 * baseline, one per block, split where the second block's first glyph
 * starts; the second carries `continuesLine: true`. So every DisplayLine,
 * and every glyph cluster in it, refers to exactly one block — what the
 * caret map and click-to-caret expect — and painters need nothing special.
 */
import type { DisplayLine, GlyphRun } from '../display-list';
import type { ComposedLine } from '../paragraph-types';
import type { FlowParagraph, TextPiece } from './paragraphs';
import type { PlacedLine } from './place-paragraph';

/** True when paragraph offsets equal block offsets (one plain block): clusters need no mapping. */
function isIdentity(paragraph: FlowParagraph): boolean {
  const { pieces } = paragraph;
  if (paragraph.firstBlock !== paragraph.lastBlock) return false;
  for (const p of pieces) if (p.field || p.start !== p.blockStart) return false;
  return true;
}

function pieceAt(pieces: readonly TextPiece[], offset: number): TextPiece | undefined {
  for (const p of pieces) if (offset < p.end) return p;
  return pieces[pieces.length - 1];
}

function blockOffset(piece: TextPiece | undefined, offset: number): number {
  if (!piece) return 0;
  if (piece.field) return piece.blockStart;
  return piece.blockStart + Math.min(offset, piece.end) - piece.start;
}

/**
 * The run on the page: y moved to the baseline; x moved by `dx` (0 when the
 * slot origin is the page edge, and then the composer's arrays are shared,
 * not copied — display lists are read-only).
 */
function shiftRun(
  run: GlyphRun,
  dx: number,
  y: number,
  clusters: number[],
  from = 0,
  to = run.glyphs.length,
  text = run.text,
): GlyphRun {
  const whole = from === 0 && to === run.glyphs.length;
  let x: number[];
  if (dx === 0) x = whole ? run.x : run.x.slice(from, to);
  else {
    x = new Array<number>(to - from);
    for (let i = from; i < to; i++) x[i - from] = run.x[i] + dx;
  }
  return {
    fontKey: run.fontKey,
    size: run.size,
    color: run.color,
    y: y + run.y,
    glyphs: whole ? run.glyphs : run.glyphs.slice(from, to),
    x,
    advances: whole ? run.advances : run.advances.slice(from, to),
    clusters,
    text,
    fauxItalic: run.fauxItalic,
    fauxBold: run.fauxBold,
  };
}

interface Part {
  block: number;
  runs: GlyphRun[];
  /** Paragraph-text range of the part. */
  start: number;
  end: number;
  /** x where the part's first glyph starts (for splitting the line box). */
  firstX: number | null;
}

/** The DisplayLines of a placed line, moved down by `dy` (vertical alignment). */
export function toDisplayLines(
  storyId: string,
  paragraph: FlowParagraph,
  placed: PlacedLine,
  dy = 0,
): DisplayLine[] {
  const { line, originX } = placed;
  const y = placed.baseline + dy;
  const text = paragraph.input.text;
  if (isIdentity(paragraph) || paragraph.pieces.length === 0) {
    // Built field by field: object spread is many times slower on this hot path.
    const runs = new Array<GlyphRun>(line.runs.length);
    for (let i = 0; i < runs.length; i++) runs[i] = shiftRun(line.runs[i], originX, y, line.runs[i].clusters);
    return [
      {
        storyId,
        column: placed.column,
        y,
        ascent: line.ascent,
        descent: line.descent,
        block: paragraph.lastBlock,
        start: line.start,
        end: line.end,
        x: originX + line.x,
        width: line.width,
        text: text.slice(line.start, line.end),
        runs,
      },
    ];
  }
  const base = { storyId, column: placed.column, y, ascent: line.ascent, descent: line.descent };
  return mappedLines(storyId, paragraph, placed, line, base, y);
}

function mappedLines(
  storyId: string,
  paragraph: FlowParagraph,
  placed: PlacedLine,
  line: ComposedLine,
  base: Pick<DisplayLine, 'storyId' | 'column' | 'y' | 'ascent' | 'descent'>,
  y: number,
): DisplayLine[] {
  const { pieces, input } = paragraph;
  const { originX } = placed;
  const parts: Part[] = [];
  const partFor = (block: number, start: number): Part => {
    let part = parts.find((p) => p.block === block);
    if (!part) {
      part = { block, runs: [], start, end: start, firstX: null };
      parts.push(part);
    }
    return part;
  };
  // Parts by the blocks the line's text range covers, even where no glyph is drawn.
  for (const p of pieces) {
    if (p.end <= line.start || p.start >= line.end) continue;
    const part = partFor(p.block, Math.max(line.start, p.start));
    part.end = Math.min(line.end, p.end);
  }
  if (parts.length === 0) partFor(pieceAt(pieces, line.start)?.block ?? paragraph.lastBlock, line.start);
  for (const run of line.runs) {
    let i = 0;
    while (i < run.glyphs.length) {
      const piece = pieceAt(pieces, run.clusters[i]);
      const block = piece?.block ?? paragraph.lastBlock;
      let j = i + 1;
      while (
        j < run.glyphs.length &&
        (pieceAt(pieces, run.clusters[j])?.block ?? paragraph.lastBlock) === block
      )
        j++;
      const clusters = new Array<number>(j - i);
      for (let k = i; k < j; k++)
        clusters[k - i] = blockOffset(pieceAt(pieces, run.clusters[k]), run.clusters[k]);
      const runStart = run.clusters[i];
      const runEnd = j < run.glyphs.length ? run.clusters[j] : run.clusters[0] + run.text.length;
      const whole = i === 0 && j === run.glyphs.length;
      const part = partFor(block, runStart);
      part.runs.push(
        shiftRun(run, originX, y, clusters, i, j, whole ? run.text : input.text.slice(runStart, runEnd)),
      );
      const firstX = originX + run.x[i];
      if (part.firstX === null || firstX < part.firstX) part.firstX = firstX;
      i = j;
    }
  }
  parts.sort((a, b) => a.start - b.start);
  const lineLeft = originX + line.x;
  const lineRight = lineLeft + line.width;
  return parts.map((part, index) => {
    const next = parts[index + 1];
    const left = index === 0 ? lineLeft : (part.firstX ?? lineLeft);
    const right = next ? (next.firstX ?? lineRight) : lineRight;
    const startPiece = pieceAt(pieces, part.start);
    const endPiece = pieces
      .filter((p) => p.block === part.block && p.start < Math.max(part.end, part.start + 1))
      .pop();
    const displayLine: DisplayLine = {
      storyId: base.storyId,
      column: base.column,
      y: base.y,
      ascent: base.ascent,
      descent: base.descent,
      block: part.block,
      start: blockOffset(startPiece?.block === part.block ? startPiece : endPiece, part.start),
      end: blockOffset(endPiece, part.end),
      x: left,
      width: Math.max(0, right - left),
      text: input.text.slice(part.start, part.end),
      runs: part.runs,
    };
    if (index > 0) displayLine.continuesLine = true;
    return displayLine;
  });
}
