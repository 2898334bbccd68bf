/**
 * Where each squeezed glyph of a run sits on the line as set, for text
 * extraction. A squeezed punctuation mark (标点挤压: a full-width comma at
 * a line's end, an opening quote at its start) takes half an em or less on
 * the line while its font advance is a whole em, and an opening bracket is
 * drawn left of its pen position (set-line.ts). A PDF reader that rebuilds
 * words from geometry (poppler's pdftotext, a screen reader's text layer)
 * sees a glyph as its origin plus its W width, so a line that ends in a
 * squeezed comma seems to reach half an em into the gutter and a line that
 * starts with a squeezed quote seems to start half an em before its
 * column: with one-em gutters, neighbouring columns then read as one line.
 *
 * For such a glyph the PDF writes a variant whose extent is its set box:
 * width = the room it takes on the line, origin = its pen position, with
 * the outline moved back by `shift` (a composite glyph, composite-glyphs.ts)
 * so the ink prints exactly where the display list puts it.
 */
import type { GlyphRun } from '../../shared/layout/display-list';

/** A glyph's set box relative to where the display list draws its outline. */
export interface SetBox {
  /** Outline origin minus pen position, pt (negative for an opening bracket drawn left of its pen). */
  shift: number;
  /** Room the glyph takes on the line, pt. */
  width: number;
}

/** Narrower than its natural advance by more than this (pt) counts as squeezed. */
const SQUEEZED = 0.01;
/** Pen candidates closer than this (pt) are the same pen. */
const SAME_PEN = 0.001;

/**
 * The set box of every squeezed glyph of a run (null for the others, which
 * keep their natural width and origin). The display list gives each glyph's
 * outline origin x[i] and the room advances[i] its cluster takes; pens
 * follow from advances (pen[i + 1] = pen[i] + advances[i]), and the run's
 * first pen is the one that most unsqueezed glyphs agree with (their
 * outline is drawn at their pen). A run of squeezed glyphs only (rare: a
 * span holding nothing but punctuation) takes the blank side of each
 * glyph's outline as the side that was cut.
 */
export function setBoxes(
  run: GlyphRun,
  natural: (index: number) => number,
  inkBlank: (index: number) => { left: number; right: number },
): (SetBox | null)[] {
  const n = run.glyphs.length;
  const boxes: (SetBox | null)[] = new Array(n).fill(null);
  const squeezed: boolean[] = new Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    squeezed[i] = run.advances[i] < natural(i) - SQUEEZED && run.advances[i] > 0;
    any ||= squeezed[i];
  }
  if (!any) return boxes;

  const firstPen = agreedFirstPen(run, squeezed);
  let offset = 0; // sum of advances before glyph i
  for (let i = 0; i < n; i++) {
    if (squeezed[i]) {
      const width = run.advances[i];
      let shift: number;
      if (firstPen !== null) shift = run.x[i] - (firstPen + offset);
      else {
        // Cut from the blank side: an opening bracket's blank is on its left.
        const { left, right } = inkBlank(i);
        const cut = natural(i) - width;
        shift = left + right > 0 ? -(cut * left) / (left + right) : 0;
      }
      // A squeezed glyph's outline never starts right of its pen, nor left of it by more than was cut.
      shift = Math.min(0, Math.max(shift, width - natural(i)));
      boxes[i] = { shift, width };
    }
    offset += run.advances[i];
  }
  return boxes;
}

/** The first pen most unsqueezed glyphs agree with, or null when every glyph is squeezed. */
function agreedFirstPen(run: GlyphRun, squeezed: boolean[]): number | null {
  const candidates: number[] = [];
  let offset = 0;
  for (let i = 0; i < run.glyphs.length; i++) {
    if (!squeezed[i]) candidates.push(run.x[i] - offset);
    offset += run.advances[i];
  }
  if (candidates.length === 0) return null;
  // Usually all but a few agree: take the first candidate when most do.
  const agree = (candidate: number) => candidates.filter((c) => Math.abs(c - candidate) < SAME_PEN).length;
  if (agree(candidates[0]) * 2 > candidates.length) return candidates[0];
  let best = candidates[0];
  let bestVotes = 0;
  for (const candidate of candidates) {
    const votes = agree(candidate);
    if (votes > bestVotes) [best, bestVotes] = [candidate, votes];
  }
  return best;
}
