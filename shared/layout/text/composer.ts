/**
 * The paragraph composer behind shared/layout/paragraph-types.ts: prepares
 * (shapes) a paragraph once per text/spans/style, then breaks and sets
 * lines into the slots the flow gives it.
 */
import type {
  ComposedLine,
  ComposedParagraph,
  LineSlots,
  ParagraphComposer,
  ParagraphInput,
} from '../paragraph-types';
import type { FontFaceRef } from '../display-list';
import { breakLine, isLoneCharacter, rebalanceLoneCharacter, type LineBreak } from './break-lines';
import type { FontRegistry } from './fonts';
import { breakOptimal, needsOptimising } from './optimal-breaks';
import { prepareParagraph, type PreparedParagraph } from './prepare';
import { setLine } from './set-line';
import type { Shaper } from './shaper';

export interface ParagraphComposerOptions {
  fonts: FontRegistry;
  shaper: Shaper;
  /** Prepared paragraphs kept for re-breaking (least recently used dropped first). */
  cacheSize?: number;
  /**
   * 'optimal' (default): justified paragraphs that fit their slots are broken
   * as a whole (Knuth–Plass style, never more lines than greedy); 'greedy':
   * line by line only.
   */
  breaker?: 'greedy' | 'optimal';
}

export interface FolioParagraphComposer extends ParagraphComposer {
  readonly fonts: FontRegistry;
  readonly shaper: Shaper;
  /** The display list's description of a face a run refers to (GlyphRun.fontKey). */
  faceRef(key: string): FontFaceRef;
  fontFace(key: string): FontFaceRef;
  /**
   * Every character of the paragraph from `from` on that no font can draw —
   * including text that will be overset (compose() reports only what it set).
   */
  findMissing(input: ParagraphInput, from?: number): { offset: number; codePoint: number }[];
  /**
   * The paragraph's clusters with their natural advances in pt (as shaped:
   * no squeezing, gaps, tracking or justification) — what a browser paints
   * for the same text with the same font, kerning and ligatures off.
   */
  measureClusters(input: ParagraphInput): { start: number; end: number; width: number; fontKey: string }[];
  /** Shaped paragraphs in the cache (for tests and benchmarks). */
  cacheStats(): { size: number; hits: number; misses: number };
}

function cacheKey(input: ParagraphInput): string {
  const s = input.style;
  let key = `${s.language}|${s.kinsoku}|${s.hanLatinSpacing}|${s.hyphenate}|${s.fontFamily}|${s.fontWeight}|${s.fontSize}|${s.italic}|${s.tracking}\u0001`;
  for (const span of input.spans) {
    key += `${span.start},${span.end},${span.fontFamily},${span.fontWeight},${span.italic},${span.size},${span.tracking},${span.baselineShift},${span.color.rgb},${span.color.tint},${span.color.spot},${span.color.cmyk.join(' ')};`;
  }
  return key + '\u0001' + input.text;
}

export function createParagraphComposer(options: ParagraphComposerOptions): FolioParagraphComposer {
  const { fonts, shaper } = options;
  // ~50 kB per 400-character paragraph: 1500 covers a 24-page edition and the edits since.
  const capacity = options.cacheSize ?? 1500;
  const optimal = (options.breaker ?? 'optimal') === 'optimal';
  const cache = new Map<string, PreparedParagraph>();
  let hits = 0;
  let misses = 0;

  const prepared = (input: ParagraphInput): PreparedParagraph => {
    const key = cacheKey(input);
    let p = cache.get(key);
    if (p) {
      hits++;
      cache.delete(key);
      cache.set(key, p);
      return p;
    }
    misses++;
    p = prepareParagraph(input, fonts, shaper);
    cache.set(key, p);
    if (cache.size > capacity) cache.delete(cache.keys().next().value!);
    return p;
  };

  const compose = (input: ParagraphInput, slots: LineSlots, from = 0): ComposedParagraph => {
    const p = prepared(input);
    const style = input.style;
    let first = 0;
    while (first < p.n && p.cStart[first] < from) first++;
    const breaks: LineBreak[] = [];
    const places: { x: number; width: number; left: number; measure: number }[] = [];
    const placeFor = (index: number) => {
      const slot = slots(index);
      if (!slot) return null;
      const indent = index === 0 && from === 0 ? style.firstLineIndent : 0;
      const left = style.leftIndent + indent;
      const measure = Math.max(0, slot.width - left - style.rightIndent);
      return { x: slot.x, width: slot.width, left, measure };
    };
    let at = first;
    if (p.n === 0 && from === 0) {
      // An empty paragraph still takes one (empty) line.
      const place = placeFor(0);
      if (place) {
        breaks.push({ start: 0, end: 0, hyphenated: false, last: true });
        places.push(place);
      }
    }
    while (at < p.n) {
      const place = placeFor(breaks.length);
      if (!place) break;
      const line = breakLine(p, at, place.measure, style.hyphenate || p.softHyphens);
      breaks.push(line);
      places.push(place);
      at = line.end;
    }
    // Whole-paragraph breaking for justified text that fits: evens out loose lines.
    if (optimal && style.align === 'justify' && at >= p.n && breaks.length >= 2 && p.n > 0) {
      const measureAt = (line: number) => places[line].measure;
      if (needsOptimising(p, breaks, measureAt)) {
        const better = breakOptimal(p, first, measureAt, style.hyphenate || p.softHyphens, breaks.length);
        if (better) breaks.splice(0, breaks.length, ...better);
      }
    }
    // 孤字: no single-character last line.
    const count = breaks.length;
    if (at >= p.n && count >= 2 && breaks[count - 1].start < p.n && isLoneCharacter(p, breaks[count - 1])) {
      const pair = rebalanceLoneCharacter(p, breaks[count - 2], breaks[count - 1], places[count - 1].measure);
      if (pair) [breaks[count - 2], breaks[count - 1]] = pair;
    }
    const lines: ComposedLine[] = breaks.map((line, i) => {
      const place = places[i];
      const align = style.align === 'justify' && line.last ? style.lastLineAlign : style.align;
      return setLine(p, line, {
        slotX: place.x,
        slotWidth: place.width,
        left: place.left,
        measure: place.measure,
        align,
      });
    });
    const end = at >= p.n ? input.text.length : p.cStart[at];
    const missing = p.missing.filter((m) => m.offset >= from && m.offset < end);
    return { lines, end, missing };
  };

  return {
    fonts,
    shaper,
    compose,
    faceRef: (key) => fonts.faceRef(key),
    fontFace: (key) => fonts.faceRef(key),
    findMissing: (input, from = 0) => prepared(input).missing.filter((m) => m.offset >= from),
    measureClusters: (input) => {
      const p = prepared(input);
      return Array.from({ length: p.n }, (_, c) => ({
        start: p.cStart[c],
        end: p.cEnd[c],
        width: p.advance[c],
        fontKey: p.face[c].key,
      }));
    },
    cacheStats: () => ({ size: cache.size, hits, misses }),
  };
}
