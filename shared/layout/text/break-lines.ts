/**
 * Line breaking over a prepared paragraph.
 *
 * Greedy, line by line, because the flow hands out measures one line at a
 * time (wrap can change them). For each line it takes the furthest break
 * opportunity whose content fits the measure after squeezing punctuation:
 * a prohibited mark (避头尾) is therefore first pulled into the line when
 * squeezing makes room (先挤进), and only otherwise is the character before
 * it pushed to the next line with it (后推出) — breaks before a prohibited
 * mark are simply not opportunities. Latin words that overflow are
 * hyphenated when the style allows; a unit longer than the whole measure is
 * broken by character as a last resort.
 */
import { BREAK_FORCED, BREAK_NO, KIND_FORCED, KIND_SPACE, type PreparedParagraph } from './prepare';

const EPSILON = 1e-6;

export interface LineBreak {
  /** Cluster range [start, end). */
  start: number;
  end: number;
  hyphenated: boolean;
  /** Ended by a forced break (soft return) or the paragraph end. */
  last: boolean;
}

/** First cluster after the visible content of [start, end): trailing spaces and forced breaks hang. */
export function visibleEnd(p: PreparedParagraph, start: number, end: number): number {
  let v = end;
  while (v > start && (p.kind[v - 1] === KIND_SPACE || p.kind[v - 1] === KIND_FORCED)) v--;
  return v;
}

/** Width of the hyphen glyph for a line ending after cluster c, pt. */
export function hyphenWidth(p: PreparedParagraph, c: number): number {
  const face = p.face[c];
  const glyph = face.font.glyphFor(0x2d);
  return (face.font.advanceOf(glyph) * p.size[c]) / face.unitsPerEm;
}

/**
 * Natural width of cluster range [start, end) set as a line (line-end mark
 * half-width, no gap before the first cluster, trailing spaces hung), and how
 * much squeezing punctuation blanks could take off it.
 */
export function lineExtent(
  p: PreparedParagraph,
  start: number,
  end: number,
  hyphenated: boolean,
): { natural: number; shrink: number } {
  const v = visibleEnd(p, start, end);
  if (v <= start) return { natural: 0, shrink: 0 };
  const last = v - 1;
  const lastBlank = p.blankR[last] - p.cutR[last];
  let natural = p.widthSum[v] - p.widthSum[start] - p.gapBefore[start] - p.track[last] - lastBlank;
  if (hyphenated) natural += hyphenWidth(p, last);
  const shrink = p.shrinkSum[v] - p.shrinkSum[start] - lastBlank;
  return { natural, shrink };
}

function fits(
  p: PreparedParagraph,
  start: number,
  end: number,
  hyphenated: boolean,
  measure: number,
): boolean {
  const { natural, shrink } = lineExtent(p, start, end, hyphenated);
  return natural - shrink <= measure + EPSILON;
}

/** Chooses where the line that starts at cluster `start` ends, for the given measure. */
export function breakLine(
  p: PreparedParagraph,
  start: number,
  measure: number,
  hyphenate: boolean,
): LineBreak {
  const n = p.n;
  let best = -1;
  let firstOpportunity = -1;
  let e = start + 1;
  for (; e <= n; e++) {
    if (e < n && p.breakBefore[e] === BREAK_NO) continue;
    if (firstOpportunity < 0) firstOpportunity = e;
    if (fits(p, start, e, false, measure)) {
      best = e;
      if (e < n && p.breakBefore[e] === BREAK_FORCED) break;
    } else {
      // Widths only grow from here on (apart from the hung end), so stop scanning.
      const raw = p.widthSum[e] - p.widthSum[start] - (p.shrinkSum[e] - p.shrinkSum[start]);
      if (raw - trailingHang(p, start, e) > measure + 2 * p.size[e - 1]) break;
    }
    if (e < n && p.breakBefore[e] === BREAK_FORCED) break;
  }
  const lastOf = (end: number) => end >= n || p.breakBefore[end] === BREAK_FORCED;
  // Try a hyphenated break inside the word that did not fit.
  if (hyphenate && (best < 0 || !lastOf(best))) {
    const from = best < 0 ? start : best;
    const limit = firstOpportunityAfter(p, from);
    for (let h = limit - 1; h > from; h--) {
      if (!p.hyphenBefore[h]) continue;
      if (h > start && fits(p, start, h, true, measure)) {
        return { start, end: h, hyphenated: true, last: false };
      }
    }
  }
  if (best > start) return { start, end: best, hyphenated: false, last: lastOf(best) };
  // Emergency: one unit is wider than the measure. Break by character, at least one per line.
  const limit = firstOpportunity > 0 ? firstOpportunity : n;
  let end = start + 1;
  while (end < limit && fits(p, start, end + 1, false, measure)) end++;
  return { start, end, hyphenated: false, last: lastOf(end) };
}

function firstOpportunityAfter(p: PreparedParagraph, from: number): number {
  for (let e = from + 1; e < p.n; e++) if (p.breakBefore[e] !== BREAK_NO) return e;
  return p.n;
}

function trailingHang(p: PreparedParagraph, start: number, end: number): number {
  const v = visibleEnd(p, start, end);
  return p.widthSum[end] - p.widthSum[v] + (v > start ? p.blankR[v - 1] + p.track[v - 1] : 0);
}

/** A line holding a single Han character (with any punctuation after it): 孤字. */
export function isLoneCharacter(p: PreparedParagraph, line: LineBreak): boolean {
  const v = visibleEnd(p, line.start, line.end);
  if (v <= line.start) return false;
  return p.otherSum[v] - p.otherSum[line.start] === 0 && p.ideographSum[v] - p.ideographSum[line.start] === 1;
}

/**
 * No single-character last line (孤字): move the break before the last line
 * back by one opportunity, so the last line gets a second character. The
 * previous line then takes a little more justification space. Returns the
 * new pair or null when no valid earlier break exists.
 */
export function rebalanceLoneCharacter(
  p: PreparedParagraph,
  previous: LineBreak,
  last: LineBreak,
  lastMeasure: number,
): [LineBreak, LineBreak] | null {
  for (let e = last.start - 1; e > previous.start + 1; e--) {
    if (p.breakBefore[e] === BREAK_NO) continue;
    if (p.breakBefore[e] === BREAK_FORCED) return null;
    const moved: LineBreak = { start: e, end: last.end, hyphenated: last.hyphenated, last: last.last };
    if (!fits(p, e, last.end, last.hyphenated, lastMeasure)) return null;
    return [{ start: previous.start, end: e, hyphenated: false, last: false }, moved];
  }
  return null;
}
