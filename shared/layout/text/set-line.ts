/**
 * Setting one line: punctuation widths at the line's edges, squeezing or
 * justification, alignment, and the glyph runs with absolute positions.
 *
 * Justification order (TYPESETTING.md): shrink punctuation blanks first;
 * expand Latin word spaces (to ½ em), then Han–Latin gaps (to ½ em), then
 * the space between CJK characters; only when a line has none of those do
 * spaces and gaps grow further, and as a last resort every boundary. Space
 * is never added inside `——` or `……`.
 *
 * Glyph runs: x[i] is where glyph i's origin is drawn (a squeezed opening
 * bracket is drawn left of its pen position); advances[i] is the width the
 * glyph's cluster takes on the line as set, including tracking and any space
 * justification added after it, so the advances of a justified line sum to
 * its measure. clusters[i] is the text offset of the first character glyph i
 * draws; a cluster may span two characters (`——` in Chinese is one 2-em
 * glyph). An inserted hyphen is the run's last glyph, in the cluster of the
 * letter before it, and run.text ends with '-'.
 */
import type { GlyphRun } from '../display-list';
import type { ComposedLine } from '../paragraph-types';
import type { Alignment } from '../../model/types';
import { hyphenWidth, visibleEnd, type LineBreak } from './break-lines';
import { KIND_SPACE, type PreparedParagraph } from './prepare';

const EPSILON = 1e-6;

export interface LinePlacement {
  /** The slot's x and measure. */
  slotX: number;
  slotWidth: number;
  /** Left edge of the text inside the slot (indents) and the measure left for text. */
  left: number;
  measure: number;
  align: Alignment;
}

/**
 * Per-cluster working arrays, reused from line to line (allocating them per
 * line was the largest cost of re-breaking). Setting a line is synchronous,
 * so one set suffices.
 */
let scratch = {
  cutL: new Float64Array(256),
  cutR: new Float64Array(256),
  /** Space after the cluster: the gap to the next plus justification. */
  after: new Float64Array(256),
  /** The cluster's own width as set, before `after`. */
  width: new Float64Array(256),
};

function scratchFor(count: number): typeof scratch {
  if (count > scratch.cutL.length) {
    const size = Math.max(count, scratch.cutL.length * 2);
    scratch = {
      cutL: new Float64Array(size),
      cutR: new Float64Array(size),
      after: new Float64Array(size),
      width: new Float64Array(size),
    };
  }
  scratch.cutL.fill(0, 0, count);
  scratch.cutR.fill(0, 0, count);
  scratch.after.fill(0, 0, count);
  scratch.width.fill(0, 0, count);
  return scratch;
}

const TIERS = 6;

/**
 * How much space the boundary after cluster c may take in expansion tier
 * `tier` (Infinity: any amount, shared equally): 0 word spaces up to ½ em,
 * 1 Han–Latin gaps up to ½ em, 2 CJK inter-character gaps, 3 word spaces
 * beyond, 4 Han–Latin gaps beyond, 5 every boundary (last resort).
 */
function capacity(p: PreparedParagraph, c: number, tier: number): number {
  switch (tier) {
    case 0:
      return p.kind[c] === KIND_SPACE ? Math.max(0, p.size[c] / 2 - p.advance[c]) : 0;
    case 1:
      return p.hanLatin[c + 1] ? Math.max(0, p.size[c] / 2 - p.gapBefore[c + 1]) : 0;
    case 2:
      return p.cjkGap[c + 1] ? Infinity : 0;
    case 3:
      return p.kind[c] === KIND_SPACE ? Infinity : 0;
    case 4:
      return p.hanLatin[c + 1] ? Infinity : 0;
    default:
      return Infinity;
  }
}

export function setLine(p: PreparedParagraph, line: LineBreak, place: LinePlacement): ComposedLine {
  const { start, end } = line;
  const v = visibleEnd(p, start, end);
  const count = end - start;
  // Per cluster of the line (index c - start).
  const { cutL, cutR, after, width } = scratchFor(count);
  let natural = 0;
  for (let c = start; c < end; c++) {
    const i = c - start;
    if (c >= v) continue; // hung trailing spaces take no room
    cutL[i] = p.cutL[c];
    cutR[i] = p.cutR[c];
    if (c === v - 1) cutR[i] = p.blankR[c]; // full-width mark at line end: half width
    const track = c === v - 1 ? 0 : p.track[c];
    width[i] = p.advance[c] - cutL[i] - cutR[i] + track;
    if (c + 1 < v) after[i] = p.gapBefore[c + 1];
    natural += width[i] + after[i];
  }
  const hyphen = line.hyphenated && v > start ? hyphenWidth(p, v - 1) : 0;
  natural += hyphen;

  const measure = place.measure;
  const justify = place.align === 'justify';
  if (natural > measure + EPSILON) {
    // Squeeze (先挤进): punctuation blanks first, then English word spaces; the breaker made sure this suffices.
    for (const tier of [0, 1]) {
      if (natural <= measure + EPSILON) break;
      const items: number[] = [];
      const caps: number[] = [];
      const sides: number[] = [];
      for (let c = start; c < v; c++) {
        const i = c - start;
        if (tier === 0) {
          const left = p.blankL[c] - cutL[i];
          const right = p.blankR[c] - cutR[i];
          if (left > EPSILON) {
            items.push(i);
            caps.push(left);
            sides.push(0);
          }
          if (right > EPSILON) {
            items.push(i);
            caps.push(right);
            sides.push(1);
          }
        } else if (p.spaceShrink[c] > EPSILON) {
          items.push(i);
          caps.push(p.spaceShrink[c]);
          sides.push(1);
        }
      }
      let total = 0;
      for (const cap of caps) total += cap;
      const ratio = total > 0 ? Math.min(1, (natural - measure) / total) : 0;
      for (let k = 0; k < items.length; k++) {
        const take = caps[k] * ratio;
        if (sides[k] === 0) cutL[items[k]] += take;
        else cutR[items[k]] += take;
        width[items[k]] -= take;
        natural -= take;
      }
    }
  } else if (justify && natural < measure - EPSILON && v - start > 1) {
    // Expansion tiers, in order; each boundary's space goes into `after` of the cluster before it.
    let remaining = measure - natural;
    for (let tier = 0; tier < TIERS && remaining > EPSILON; tier++) {
      let total = 0;
      for (let c = start; c < v - 1; c++) total += capacity(p, c, tier);
      if (total <= EPSILON) continue;
      const unlimited = total === Infinity;
      let count = 0;
      if (unlimited) for (let c = start; c < v - 1; c++) if (capacity(p, c, tier) === Infinity) count++;
      const ratio = unlimited ? 0 : Math.min(1, remaining / total);
      const share = unlimited ? remaining / count : 0;
      for (let c = start; c < v - 1; c++) {
        const cap = capacity(p, c, tier);
        if (cap === 0) continue;
        after[c - start] += unlimited ? share : cap * ratio;
      }
      remaining -= unlimited ? remaining : total * ratio;
    }
    natural = measure - remaining;
  }

  let offset = 0;
  if (!justify || natural < measure - EPSILON) {
    const slack = measure - natural;
    if (place.align === 'right') offset = slack;
    else if (place.align === 'center') offset = slack / 2;
  }

  // Glyph runs: one per face and span. Arrays are sized up front (no growing on push).
  const runs: GlyphRun[] = [];
  let ascent = 0;
  let descent = 0;
  let pen = place.slotX + place.left + offset;
  for (let runStart = start; runStart < end;) {
    const face = p.face[runStart];
    const spanIndex = p.span[runStart];
    let runEnd = runStart + 1;
    while (runEnd < end && p.face[runEnd] === face && p.span[runEnd] === spanIndex) runEnd++;
    const withHyphen = line.hyphenated && runStart <= v - 1 && v - 1 < runEnd;
    const glyphCount = p.gEnd[runEnd - 1] - p.gStart[runStart] + (withHyphen ? 1 : 0);
    const sp = p.spans[spanIndex];
    const shift = sp.baselineShift;
    ascent = Math.max(ascent, face.ascent * sp.size + shift);
    descent = Math.max(descent, face.descent * sp.size - shift);
    const glyphs = new Array<number>(glyphCount);
    const xs = new Array<number>(glyphCount);
    const advances = new Array<number>(glyphCount);
    const clusters = new Array<number>(glyphCount);
    let k = 0;
    for (let c = runStart; c < runEnd; c++) {
      const i = c - start;
      const setWidth = c < v ? width[i] + after[i] : 0;
      let glyphPen = pen - cutL[i];
      const last = p.gEnd[c] - 1;
      let used = 0;
      for (let g = p.gStart[c]; g <= last; g++) {
        glyphs[k] = p.glyphs[g];
        xs[k] = glyphPen + p.gOffsetX[g];
        clusters[k] = p.cStart[c];
        const adv = g === last ? setWidth - used : c < v ? p.gAdvance[g] : 0;
        advances[k] = adv;
        used += adv;
        glyphPen += p.gAdvance[g];
        k++;
      }
      pen += setWidth;
      if (withHyphen && c === v - 1) {
        glyphs[k] = face.font.glyphFor(0x2d);
        xs[k] = pen;
        clusters[k] = p.cStart[c];
        advances[k] = hyphen;
        k++;
        pen += hyphen;
      }
    }
    runs.push({
      fontKey: face.key,
      size: sp.size,
      color: sp.color,
      y: shift === 0 ? 0 : -shift,
      glyphs,
      x: xs,
      advances,
      clusters,
      text: p.text.slice(p.cStart[runStart], p.cEnd[runEnd - 1]) + (withHyphen ? '-' : ''),
      fauxItalic: sp.italic && !face.italic,
      fauxBold: sp.fontWeight >= 600 && face.weight <= sp.fontWeight - 300,
    });
    runStart = runEnd;
  }
  if (count === 0) {
    ascent = p.baseFace.ascent * p.baseSize;
    descent = p.baseFace.descent * p.baseSize;
  }
  return {
    start: start < p.n ? p.cStart[start] : p.text.length,
    end: end < p.n ? p.cStart[end] : p.text.length,
    x: place.slotX,
    width: place.slotWidth,
    ascent,
    descent,
    hyphenated: line.hyphenated,
    runs,
  };
}
