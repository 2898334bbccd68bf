/**
 * Line breaking for display type (headlines, kickers, banners): how a news
 * desk breaks a multi-line head, not how body text fills a measure.
 *
 * - `phraseBreaks`: the space in a Chinese headline separates its phrases
 *   (词组/意群), so a break there costs nothing; a break after a phrase mark
 *   (，、：；！？) almost nothing; a break just outside a quoted phrase a
 *   little; a break between two Han characters more; and a break inside
 *   “…” 《…》 （…） (a quoted name or slogan) a lot.
 * - `balanceLines`: lines of similar length (like CSS `text-wrap: balance`):
 *   the squared deviation of each line's fill from the mean fill, with a line
 *   shorter than the mean weighted more when it is not the last (a centred
 *   head is not set with a short first line over a long second one).
 *
 * Only the greedy breaker's line count is tried (copyfit never changes), with
 * the same break opportunities (避头尾, `——`/`……`, whole Latin words), never
 * with an inserted hyphen. Null when no such set exists: the caller keeps the
 * greedy lines.
 */
import { lineExtent, type LineBreak } from './break-lines';
import { BREAK_FORCED, BREAK_NO, KIND_SPACE, type PreparedParagraph } from './prepare';

const EPSILON = 1e-6;

/** Cost of a break, in the same units as the balance term (squared fill deviation). */
export const PHRASE_PENALTY = {
  /** At a word space or ideographic space (a Chinese head's phrase boundary; every break of an English one). */
  space: 0,
  /** After a phrase mark: ，、：；！？。 and their ASCII forms. */
  phraseMark: 0.02,
  /** Just before an opening or after a closing quote or bracket. */
  besideQuote: 0.2,
  /** Between two Han characters, or anything else not at a phrase boundary. */
  inPhrase: 0.3,
  /** Inside a quoted phrase or bracket pair. */
  inQuote: 2,
} as const;

/** Weight of a non-last line's shortfall (and a last line's excess) over the mean fill. */
const UNEVEN_WEIGHT = 1.5;
/** Without balancing, how much an unfilled non-last line costs (mildly prefers full lines). */
const FILL_WEIGHT = 0.25;
/** Beyond these sizes the search is not worth it (display type is short). */
const MAX_LINES = 12;
const MAX_OPPORTUNITIES = 400;

const PHRASE_MARKS = new Set([...'，、：；！？。,;:!?'].map((c) => c.codePointAt(0)!));
const OPENERS = '“‘《〈（「『【〔〖(';
const CLOSERS = '”’》〉）」』】〕〗)';

export interface DisplayBreakOptions {
  balance: boolean;
  phrase: boolean;
}

/**
 * For each cluster boundary c (a line starting at cluster c): 1 when it lies
 * inside a matched quote or bracket pair. Unmatched marks protect nothing.
 */
export function insideQuotes(p: PreparedParagraph): Uint8Array {
  const inside = new Uint8Array(p.n + 1);
  const open: { mark: number; at: number }[] = [];
  for (let c = 0; c < p.n; c++) {
    const ch = p.text[p.cStart[c]];
    const closer = CLOSERS.indexOf(ch);
    if (closer >= 0) {
      const match = open.map((o) => o.mark).lastIndexOf(closer);
      if (match >= 0) {
        // Boundaries after the opener up to and including the one before the closer.
        for (let b = open[match].at + 1; b <= c; b++) inside[b] = 1;
        open.length = match;
      }
      continue;
    }
    const opener = OPENERS.indexOf(ch);
    if (opener >= 0) open.push({ mark: opener, at: c });
  }
  return inside;
}

/** What breaking before cluster c costs, for phrase breaking. */
export function breakPenalty(p: PreparedParagraph, c: number, inside: Uint8Array): number {
  if (inside[c]) return PHRASE_PENALTY.inQuote;
  const before = c - 1;
  if (p.kind[before] === KIND_SPACE) return PHRASE_PENALTY.space;
  const a = p.text.codePointAt(p.cStart[before])!;
  if (PHRASE_MARKS.has(a)) return PHRASE_PENALTY.phraseMark;
  if (CLOSERS.includes(p.text[p.cStart[before]]) || OPENERS.includes(p.text[p.cStart[c]])) {
    return PHRASE_PENALTY.besideQuote;
  }
  return PHRASE_PENALTY.inPhrase;
}

/**
 * Breaks clusters [start, n) into exactly `lineCount` lines (measures from
 * `measureAt`) at the cheapest set of breaks; null when there is none or the
 * paragraph is too long for display breaking.
 */
export function breakDisplay(
  p: PreparedParagraph,
  start: number,
  measureAt: (line: number) => number,
  lineCount: number,
  options: DisplayBreakOptions,
): LineBreak[] | null {
  const n = p.n;
  if (lineCount < 2 || lineCount > MAX_LINES) return null;
  const ends: number[] = [];
  for (let e = start + 1; e <= n; e++) if (e === n || p.breakBefore[e] !== BREAK_NO) ends.push(e);
  if (ends.length > MAX_OPPORTUNITIES) return null;
  const inside = options.phrase ? insideQuotes(p) : null;
  const penaltyAt = ends.map((e) =>
    inside && e < n && p.breakBefore[e] !== BREAK_FORCED ? breakPenalty(p, e, inside) : 0,
  );
  const isLast = (e: number) => e === n || p.breakBefore[e] === BREAK_FORCED;

  // Mean fill the balanced lines aim at: the whole text over the lines' measures.
  let measures = 0;
  for (let line = 0; line < lineCount; line++) measures += measureAt(line);
  const target = lineExtent(p, start, n, false).natural / measures;

  const lineCost = (line: number, from: number, end: number): number | null => {
    const measure = measureAt(line);
    const { natural, shrink } = lineExtent(p, from, end, false);
    if (natural - shrink > measure + EPSILON) return null;
    const fill = Math.min(natural, measure) / Math.max(measure, EPSILON);
    const last = isLast(end);
    if (!options.balance) return last ? 0 : FILL_WEIGHT * (1 - fill) ** 2;
    const deviation = fill - target;
    const uneven = last ? deviation > 0 : deviation < 0;
    return (uneven ? UNEVEN_WEIGHT : 1) * deviation ** 2;
  };

  // cost[line][i]: cheapest way to set `line` lines ending before ends[i] (-1: the start).
  const size = ends.length;
  const cost: Float64Array[] = [];
  const from: Int32Array[] = [];
  for (let line = 0; line <= lineCount; line++) {
    cost.push(new Float64Array(size).fill(Infinity));
    from.push(new Int32Array(size).fill(-2));
  }
  const startCost = (line: number, i: number) => (i < 0 ? (line === 0 ? 0 : Infinity) : cost[line][i]);
  for (let line = 0; line < lineCount; line++) {
    for (let i = -1; i < size; i++) {
      const base = startCost(line, i);
      if (base === Infinity) continue;
      const a = i < 0 ? start : ends[i];
      if (a >= n) continue;
      for (let j = i + 1; j < size; j++) {
        const e = ends[j];
        const c = lineCost(line, a, e);
        if (c === null) break; // wider from here on
        const total = base + c + penaltyAt[j];
        if (total < cost[line + 1][j]) {
          cost[line + 1][j] = total;
          from[line + 1][j] = i;
        }
        if (p.breakBefore[e] === BREAK_FORCED) break; // a line never runs past a forced break
      }
    }
  }
  if (cost[lineCount][size - 1] === Infinity) return null;
  const lines: LineBreak[] = [];
  for (let line = lineCount, j = size - 1; line > 0; line--) {
    const i = from[line][j];
    const end = ends[j];
    lines.unshift({ start: i < 0 ? start : ends[i], end, hyphenated: false, last: isLast(end) });
    j = i;
  }
  return lines;
}
