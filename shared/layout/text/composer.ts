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
import { breakDisplay } from './display-breaks';
import { breakOptimal, needsOptimising } from './optimal-breaks';
import { prepareParagraph, type PreparedParagraph } from './prepare';
import { type LinePlacement, setLine } from './set-line';
import type { Shaper } from './shaper';
import { lengthInPt } from '../../model/styles';

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

/** Settings of one paragraph kept for reuse (balancing tries a dozen column bottoms per story). */
const MEMOS_KEPT = 16;
/** Set lines kept per paragraph before the map starts again (edits at many measures). */
const MAX_LINES_KEPT = 512;

function cacheKey(input: ParagraphInput): string {
  const s = input.style;
  let key = `${s.language}|${s.kinsoku}|${s.hanLatinSpacing}|${s.hyphenate}|${s.fontFamily}|${s.fontWeight}|${s.fontSize}|${s.italic}|${s.tracking}|${s.phraseBreaks === true}\u0001`;
  for (const span of input.spans) {
    key += `${span.start},${span.end},${span.fontFamily},${span.fontWeight},${span.italic},${span.size},${span.tracking},${span.baselineShift},${span.color.rgb},${span.color.tint},${span.color.spot},${span.color.cmyk.join(' ')};`;
  }
  return key;
}

/** The last composition of a prepared paragraph, reused when the same slots ask again. */
interface Memo {
  from: number;
  layoutKey: string;
  slotX: number[];
  slotWidth: number[];
  /** True when composition stopped because slots(slotX.length) was null. */
  ranOutOfSlots: boolean;
  result: ComposedParagraph;
}

/** The style fields that affect breaking and setting but not shaping. */
function layoutKey(input: ParagraphInput): string {
  const s = input.style;
  return `${s.align}|${s.lastLineAlign}|${lengthInPt(s.firstLineIndent, s.fontSize)}|${lengthInPt(s.leftIndent, s.fontSize)}|${lengthInPt(s.rightIndent, s.fontSize)}|${s.hyphenate}|${s.balanceLines}|${s.phraseBreaks}`;
}

/** Least-recently-used cache of prepared paragraphs, keyed by text, then by spans and style. */
class PreparedCache {
  private readonly byText = new Map<string, Map<string, PreparedParagraph>>();
  private readonly order = new Map<PreparedParagraph, [string, string]>();
  hits = 0;
  misses = 0;
  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.order.size;
  }

  get(input: ParagraphInput, make: () => PreparedParagraph): PreparedParagraph {
    const styleKey = cacheKey(input);
    let variants = this.byText.get(input.text);
    let p = variants?.get(styleKey);
    if (p) {
      this.hits++;
      const where = this.order.get(p)!;
      this.order.delete(p);
      this.order.set(p, where);
      return p;
    }
    this.misses++;
    p = make();
    if (!variants) {
      variants = new Map();
      this.byText.set(input.text, variants);
    }
    variants.set(styleKey, p);
    this.order.set(p, [input.text, styleKey]);
    if (this.order.size > this.capacity) {
      const [oldest, [text, key]] = this.order.entries().next().value!;
      this.order.delete(oldest);
      const group = this.byText.get(text)!;
      group.delete(key);
      if (group.size === 0) this.byText.delete(text);
    }
    return p;
  }
}

export function createParagraphComposer(options: ParagraphComposerOptions): FolioParagraphComposer {
  const { fonts, shaper } = options;
  // ~50 kB per 400-character paragraph: 1500 covers a 24-page edition and the edits since.
  const cache = new PreparedCache(options.cacheSize ?? 1500);
  const optimal = (options.breaker ?? 'optimal') === 'optimal';
  // The flow may set a paragraph several ways in one pass (columns, widow control,
  // every column bottom that balancing tries): keep enough that a second
  // compose of the same edition finds them all.
  const memos = new WeakMap<PreparedParagraph, Memo[]>();
  // Lines as set, per prepared paragraph: a paragraph split at another line
  // between two columns still has the same lines (greedy breaking goes line
  // by line), so only the split is new. Keyed by the break and the place.
  const lineSets = new WeakMap<PreparedParagraph, Map<string, ComposedLine>>();
  const lineBreaks = new WeakMap<PreparedParagraph, Map<string, LineBreak>>();
  // The same input object (the flow keeps paragraphs of unchanged blocks) needs no key at all.
  const byInput = new WeakMap<ParagraphInput, PreparedParagraph>();

  const prepared = (input: ParagraphInput): PreparedParagraph => {
    let p = byInput.get(input);
    if (p) cache.hits++;
    else {
      p = cache.get(input, () => prepareParagraph(input, fonts, shaper));
      byInput.set(input, p);
    }
    return p;
  };

  /** breakLine, remembered per start, measure and hyphenation (breaking is a pure function of them). */
  const cachedBreak = (p: PreparedParagraph, at: number, measure: number, hyphenate: boolean): LineBreak => {
    let map = lineBreaks.get(p);
    if (!map) {
      map = new Map();
      lineBreaks.set(p, map);
    }
    const key = `${at}|${measure}|${hyphenate ? 1 : 0}`;
    let line = map.get(key);
    if (!line) {
      line = breakLine(p, at, measure, hyphenate);
      map.set(key, line);
    }
    return line;
  };

  /** setLine, remembered per break and place (setting is a pure function of them; lines are read-only). */
  const cachedSet = (p: PreparedParagraph, line: LineBreak, place: LinePlacement): ComposedLine => {
    let map = lineSets.get(p);
    if (!map) {
      map = new Map();
      lineSets.set(p, map);
    }
    const key = `${line.start}|${line.end}|${line.hyphenated ? 1 : 0}${line.last ? 1 : 0}|${place.slotX}|${place.slotWidth}|${place.left}|${place.measure}|${place.align}`;
    let set = map.get(key);
    if (!set) {
      set = setLine(p, line, place);
      if (map.size >= MAX_LINES_KEPT) map.clear();
      map.set(key, set);
    }
    return set;
  };

  /** The previous result, if the same slots (and style) would give it again. */
  const reuse = (
    list: Memo[] | undefined,
    from: number,
    key: string,
    slots: LineSlots,
  ): ComposedParagraph | null => {
    if (!list) return null;
    for (const memo of list) {
      const result = reuseOne(memo, from, key, slots);
      if (result) return result;
    }
    return null;
  };
  const reuseOne = (memo: Memo, from: number, key: string, slots: LineSlots): ComposedParagraph | null => {
    if (memo.from !== from || memo.layoutKey !== key) return null;
    for (let i = 0; i < memo.slotX.length; i++) {
      const slot = slots(i);
      if (!slot || slot.x !== memo.slotX[i] || slot.width !== memo.slotWidth[i]) return null;
    }
    if (memo.ranOutOfSlots && slots(memo.slotX.length) !== null) return null;
    return memo.result;
  };

  const compose = (input: ParagraphInput, slots: LineSlots, from = 0): ComposedParagraph => {
    const p = prepared(input);
    const key = layoutKey(input);
    const again = reuse(memos.get(p), from, key, slots);
    if (again) return again;
    const style = input.style;
    let first = 0;
    while (first < p.n && p.cStart[first] < from) first++;
    const breaks: LineBreak[] = [];
    const places: { x: number; width: number; left: number; measure: number }[] = [];
    let ranOutOfSlots = false;
    const placeFor = (index: number) => {
      const slot = slots(index);
      if (!slot) {
        ranOutOfSlots = true;
        return null;
      }
      // Indents in em (字) follow the paragraph's size.
      const indent = index === 0 && from === 0 ? lengthInPt(style.firstLineIndent, style.fontSize) : 0;
      const left = lengthInPt(style.leftIndent, style.fontSize) + indent;
      const measure = Math.max(0, slot.width - left - lengthInPt(style.rightIndent, style.fontSize));
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
      const line = cachedBreak(p, at, place.measure, style.hyphenate || p.softHyphens);
      breaks.push(line);
      places.push(place);
      at = line.end;
    }
    const display = style.balanceLines === true || style.phraseBreaks === true;
    const fitsAll = at >= p.n && breaks.length >= 2 && p.n > 0;
    const measureAt = (line: number) => places[line].measure;
    // Display type that fits: break at phrases and balance the lines, same line count.
    const displayBreaks =
      display && fitsAll
        ? breakDisplay(p, first, measureAt, breaks.length, {
            balance: style.balanceLines === true,
            phrase: style.phraseBreaks === true,
          })
        : null;
    if (displayBreaks) breaks.splice(0, breaks.length, ...displayBreaks);
    else if (optimal && style.align === 'justify' && fitsAll) {
      // Whole-paragraph breaking for justified text that fits: evens out loose lines.
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
      return cachedSet(p, line, {
        slotX: place.x,
        slotWidth: place.width,
        left: place.left,
        measure: place.measure,
        align,
      });
    });
    const end = at >= p.n ? input.text.length : p.cStart[at];
    const missing = p.missing.filter((m) => m.offset >= from && m.offset < end);
    const result = { lines, end, missing };
    const list = memos.get(p) ?? [];
    list.unshift({
      from,
      layoutKey: key,
      slotX: places.map((place) => place.x),
      slotWidth: places.map((place) => place.width),
      ranOutOfSlots,
      result,
    });
    if (list.length > MEMOS_KEPT) list.pop();
    memos.set(p, list);
    return result;
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
    cacheStats: () => ({ size: cache.size, hits: cache.hits, misses: cache.misses }),
  };
}
