/**
 * Whole-paragraph line breaking in the manner of Knuth and Plass: among all
 * allowed breaks (the same opportunities as the greedy breaker, so 避头尾,
 * `——`/`……` and whole words hold), choose the set that minimises the total
 * demerits of the lines' adjustment — a loose line pushed by a long Latin
 * word or a kinsoku push is evened out over the lines before it.
 *
 * Used for justified paragraphs that fit their slots: it never yields more
 * lines than the greedy breaker (copyfit does not change), and falls back to
 * greedy when no feasible set exists.
 */
import { hyphenWidth, isLoneCharacter, lineExtent, visibleEnd, type LineBreak } from './break-lines';
import { BREAK_FORCED, BREAK_NO, type PreparedParagraph } from './prepare';

const EPSILON = 1e-6;
/**
 * Loosest adjustment ratio a line may have (TeX's tolerance, as a ratio):
 * 2.5 × the nominal stretch — word spaces up to 1¾ em, CJK gaps up to ¼ em
 * extra. Paragraphs with no solution inside it are broken greedily.
 */
const TOLERANCE = 2.5;
const EMERGENCY_TOLERANCE = 12;
const LINE_PENALTY = 10;
const HYPHEN_DEMERITS = 3_000;
const DOUBLE_HYPHEN_DEMERITS = 3_000;
const FITNESS_DEMERITS = 3_000;
const LONE_CHARACTER_DEMERITS = 1e7;

interface BreakNode {
  pos: number;
  line: number;
  demerits: number;
  prev: BreakNode | null;
  hyphenated: boolean;
  fitness: number;
}

function stretchOf(p: PreparedParagraph, start: number, visible: number): number {
  if (visible <= start) return 0;
  return p.stretchSum[visible] - p.stretchSum[start] - p.stretchBefore[start];
}

function fitnessOf(ratio: number): number {
  if (ratio < -0.5) return 0;
  if (ratio <= 0.5) return 1;
  if (ratio <= 1) return 2;
  return 3;
}

/** Adjustment ratio of a line as the greedy breaker set it (0 for a last line that fits). */
export function adjustmentRatio(p: PreparedParagraph, line: LineBreak, measure: number): number {
  const { natural, shrink } = lineExtent(p, line.start, line.end, line.hyphenated);
  if (natural > measure + EPSILON) return shrink > EPSILON ? (measure - natural) / shrink : -Infinity;
  if (line.last) return 0;
  const stretch = stretchOf(p, line.start, visibleEnd(p, line.start, line.end));
  return stretch > EPSILON ? (measure - natural) / stretch : measure - natural > EPSILON ? Infinity : 0;
}

/**
 * Worth optimising: some line of the greedy result is looser than 1.5 × its
 * nominal stretch. (Squeezed lines are not a fault: 先挤进 prefers them.)
 */
export function needsOptimising(
  p: PreparedParagraph,
  lines: LineBreak[],
  measureAt: (line: number) => number,
): boolean {
  return lines.some((line, i) => {
    const ratio = adjustmentRatio(p, line, measureAt(i));
    return ratio > 1.5;
  });
}

/**
 * Breaks clusters [start, n) into at most `maxLines` lines whose measures
 * `measureAt(line)` gives; null when no feasible set exists.
 */
export function breakOptimal(
  p: PreparedParagraph,
  start: number,
  measureAt: (line: number) => number,
  hyphenate: boolean,
  maxLines: number,
): LineBreak[] | null {
  // Like TeX: a second pass with a looser tolerance when the first finds nothing.
  return (
    breakWithin(p, start, measureAt, hyphenate, maxLines, TOLERANCE) ??
    breakWithin(p, start, measureAt, hyphenate, maxLines, EMERGENCY_TOLERANCE)
  );
}

function breakWithin(
  p: PreparedParagraph,
  start: number,
  measureAt: (line: number) => number,
  hyphenate: boolean,
  maxLines: number,
  tolerance: number,
): LineBreak[] | null {
  const n = p.n;
  const active: BreakNode[] = [
    { pos: start, line: 0, demerits: 0, prev: null, hyphenated: false, fitness: 1 },
  ];
  const bestByLine: (BreakNode | null)[] = new Array(maxLines + 1).fill(null);
  for (let e = start + 1; e <= n; e++) {
    const regular = e === n || p.breakBefore[e] !== BREAK_NO;
    const hyphen = hyphenate && !regular && p.hyphenBefore[e] === 1;
    if (!regular && !hyphen) continue;
    const forced = e < n && p.breakBefore[e] === BREAK_FORCED;
    const last = e === n || forced;
    // What depends on the line's end only (as in lineExtent), computed once per break.
    const v = visibleEnd(p, start, e);
    const lastCluster = v - 1;
    const lastBlank = v > start ? p.blankR[lastCluster] - p.cutR[lastCluster] : 0;
    const endWidth =
      v > start
        ? p.widthSum[v] - p.track[lastCluster] - lastBlank + (hyphen ? hyphenWidth(p, lastCluster) : 0)
        : 0;
    const endShrink = v > start ? p.shrinkSum[v] - lastBlank : 0;
    const endStretch = p.stretchSum[v];
    let kept = 0;
    let minLine = Infinity;
    let maxLine = -1;
    for (let k = 0; k < active.length; k++) {
      const a = active[k];
      if (a.line >= maxLines) continue;
      if (v <= a.pos) {
        active[kept++] = a; // only hung spaces so far
        continue;
      }
      const measure = measureAt(a.line);
      const natural = endWidth - p.widthSum[a.pos] - p.gapBefore[a.pos];
      const shrink = endShrink - p.shrinkSum[a.pos];
      if (natural - shrink > measure + EPSILON) continue; // overfull now and for every later break
      active[kept++] = a;
      let ratio: number;
      if (natural > measure + EPSILON) ratio = (measure - natural) / shrink;
      else if (last) ratio = 0;
      else {
        const stretch = endStretch - p.stretchSum[a.pos] - p.stretchBefore[a.pos];
        ratio =
          stretch > EPSILON ? (measure - natural) / stretch : measure - natural > EPSILON ? Infinity : 0;
      }
      if (ratio > tolerance) continue;
      const badness = 100 * Math.abs(ratio) ** 3;
      const fitness = fitnessOf(ratio);
      let demerits = (LINE_PENALTY + badness) ** 2;
      if (hyphen) demerits += HYPHEN_DEMERITS;
      if (hyphen && a.hyphenated) demerits += DOUBLE_HYPHEN_DEMERITS;
      if (Math.abs(fitness - a.fitness) > 1) demerits += FITNESS_DEMERITS;
      if (last && a.line > 0 && isLoneCharacter(p, { start: a.pos, end: e, hyphenated: false, last: true })) {
        demerits += LONE_CHARACTER_DEMERITS;
      }
      const total = a.demerits + demerits;
      const line = a.line + 1;
      const found = bestByLine[line];
      if (!found || total < found.demerits) {
        bestByLine[line] = { pos: e, line, demerits: total, prev: a, hyphenated: hyphen, fitness };
        minLine = Math.min(minLine, line);
        maxLine = Math.max(maxLine, line);
      }
    }
    active.length = kept;
    // A forced break ends every line that reaches past it.
    if (forced) active.length = 0;
    for (let line = minLine; line <= maxLine; line++) {
      const node = bestByLine[line];
      if (node) active.push(node);
      bestByLine[line] = null;
    }
    if (active.length === 0) return null;
  }
  let winner: BreakNode | null = null;
  for (const node of active) {
    if (node.pos === n && (!winner || node.demerits < winner.demerits)) winner = node;
  }
  if (!winner) return null;
  const lines: LineBreak[] = [];
  for (let node: BreakNode | null = winner; node && node.prev; node = node.prev) {
    const end = node.pos;
    lines.unshift({
      start: node.prev.pos,
      end,
      hyphenated: node.hyphenated,
      last: end === n || p.breakBefore[end] === BREAK_FORCED,
    });
  }
  return lines;
}
