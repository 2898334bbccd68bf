/**
 * Preparing a paragraph for line breaking: fonts per character (with the
 * fallback chain), shaping by runs (face, script, language), and for every
 * cluster its natural width, punctuation blanks, Han–Latin gap, tracking and
 * whether a line may start before it. The result depends only on the text,
 * spans and style — not on the measure — so it is cached and re-breaking at
 * another measure costs only the breaking.
 */
import type { ParagraphInput, TextSpan } from '../paragraph-types';
import {
  isAlphanumeric,
  isCjk,
  isCjkPunctuation,
  isDashOrEllipsis,
  isForcedBreak,
  isGlue,
  isIdeograph,
  isLatinLetter,
  isWordSpace,
  kinsokuRules,
} from './char-classes';
import type { FontRegistry, LoadedFace } from './fonts';
import { hyphenationPoints } from './hyphenate';
import type { Shaper } from './shaper';
import { shapeRun } from './shape-run';

export const KIND_IDEO = 1;
export const KIND_PUNCT = 2;
export const KIND_LATIN = 3;
export const KIND_SPACE = 4;
export const KIND_FORCED = 5;
export const KIND_OTHER = 6;

export const BREAK_NO = 0;
export const BREAK_YES = 1;
export const BREAK_FORCED = 2;

export interface PreparedParagraph {
  text: string;
  spans: TextSpan[];
  /** Number of clusters. */
  n: number;
  /** Text range of each cluster. */
  cStart: Int32Array;
  cEnd: Int32Array;
  /** Glyph range of each cluster in the flat glyph arrays. */
  gStart: Int32Array;
  gEnd: Int32Array;
  glyphs: Uint32Array;
  /** Per glyph, pt: natural advance and offsets. */
  gAdvance: Float64Array;
  gOffsetX: Float64Array;
  gOffsetY: Float64Array;
  /** Per cluster. */
  face: LoadedFace[];
  span: Int32Array;
  size: Float64Array;
  kind: Uint8Array;
  /** Natural advance (sum of its glyphs), pt. */
  advance: Float64Array;
  /** Tracking added after the cluster, pt. */
  track: Float64Array;
  /** Blank halves of full-width marks, pt, and the part already removed by pair compression. */
  blankL: Float64Array;
  blankR: Float64Array;
  cutL: Float64Array;
  cutR: Float64Array;
  /** Han–Latin spacing inserted before the cluster (when it does not start a line), pt. */
  gapBefore: Float64Array;
  /** 1 when the boundary before the cluster is between Han and a Latin letter or digit. */
  hanLatin: Uint8Array;
  /** 1 when the boundary before the cluster may take inter-character (CJK) justification space. */
  cjkGap: Uint8Array;
  /** BREAK_* : may a line start at this cluster. */
  breakBefore: Uint8Array;
  /** 1 when a line may end before this cluster with an inserted hyphen. */
  hyphenBefore: Uint8Array;
  /** True when the text has soft hyphens (U+00AD): breaks there are allowed even without style.hyphenate. */
  softHyphens: boolean;
  /** How much a word space may shrink, pt (English text: a fifth of the space). */
  spaceShrink: Float64Array;
  /** Hyphen glyph and advance (pt) for a line ending after each cluster (from its face). */
  /** Prefix sums over clusters: base width (adv − cuts + track + gap) and remaining shrinkable blanks. */
  widthSum: Float64Array;
  shrinkSum: Float64Array;
  /**
   * Nominal stretchability for the optimal breaker, prefix sums: a word space
   * ½ em, a Han–Latin gap ¼ em, a CJK inter-character gap 0.1 em. `stretchBefore`
   * is the boundary's share (dropped at a line start).
   */
  stretchSum: Float64Array;
  stretchBefore: Float64Array;
  /**
   * Prefix counts for the 孤字 test: ideographs, and clusters that are neither
   * ideographs nor marks (full-width or ASCII punctuation) nor spaces.
   */
  ideographSum: Int32Array;
  otherSum: Int32Array;
  /** Characters no font could draw. */
  missing: { offset: number; codePoint: number }[];
  /** Face of the paragraph's first span (metrics for empty lines). */
  baseFace: LoadedFace;
  baseSize: number;
}

function isDefaultIgnorable(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    cp === 0xfeff ||
    cp === 0xad ||
    cp === 0x34f
  );
}

const SCRIPT_COMMON = 0;
const SCRIPT_HANI = 1;
const SCRIPT_LATN = 2;
const SCRIPT_TAGS = ['Zyyy', 'Hani', 'Latn'];

function grow<T extends Uint32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * Script for shaping. Marks Unicode shares between Chinese and Latin (— … “ ” ‘ ’ ·) are
 * Common and take their neighbours' script, as in Chromium's itemisation: `——`
 * shaped as Latin in a zh-Hans paragraph still gets the full-width ZHS forms (the
 * font's locl has the ZHS language under latn too), while `…` in English text stays
 * the proportional Latin ellipsis.
 */
function scriptOf(cp: number): number {
  if (isIdeograph(cp) || (isCjkPunctuation(cp) && (cp >= 0x3000 || cp === 0x2027))) return SCRIPT_HANI;
  if (isLatinLetter(cp)) return SCRIPT_LATN;
  return SCRIPT_COMMON;
}

/**
 * `phraseSpaces`: display type with phrase breaks, where an ideographic space
 * separates a head's phrases like a word space — a break after it, and it is
 * not set at the line end.
 */
function kindOf(cp: number, phraseSpaces: boolean): number {
  if (isForcedBreak(cp)) return KIND_FORCED;
  if (isWordSpace(cp) || (phraseSpaces && cp === 0x3000)) return KIND_SPACE;
  if (isIdeograph(cp) || cp === 0x3000) return KIND_IDEO;
  if (isCjkPunctuation(cp)) return KIND_PUNCT;
  if (isCjk(cp)) return KIND_IDEO;
  if (cp < 0x2000 || isLatinLetter(cp)) return KIND_LATIN;
  return KIND_OTHER;
}

/** Validates spans: in order, without gaps, covering the text. */
function checkSpans(input: ParagraphInput): void {
  let at = 0;
  for (const span of input.spans) {
    if (span.start !== at || span.end < span.start) {
      throw new Error(
        `Paragraph spans must cover the text in order without gaps: span [${span.start}, ${span.end}) where ${at} was expected (text "${input.text.slice(0, 20)}…")`,
      );
    }
    at = span.end;
  }
  if (at !== input.text.length) {
    throw new Error(`Paragraph spans end at ${at} but the text has ${input.text.length} characters`);
  }
}

export function prepareParagraph(
  input: ParagraphInput,
  fonts: FontRegistry,
  shaper: Shaper,
): PreparedParagraph {
  const { text, style } = input;
  if (input.spans.length === 0 && text.length === 0) {
    input = {
      ...input,
      spans: [
        {
          start: 0,
          end: 0,
          fontFamily: style.fontFamily,
          fontWeight: style.fontWeight,
          italic: style.italic,
          size: style.fontSize,
          tracking: style.tracking,
          color: { cmyk: [0, 0, 0, 100], spot: null, tint: 100, rgb: '#231f20' },
          baselineShift: 0,
        },
      ],
    };
  }
  checkSpans(input);
  const spans = input.spans;
  const language = style.language === 'en' ? 'en' : 'zh-Hans';
  const spanFaces = spans.map((s) => fonts.resolve(s.fontFamily, s.fontWeight, s.italic));

  // 1. Code points: span, face (with fallback), script. Typed arrays: this runs on every keystroke.
  const length = text.length;
  const cpOffset = new Int32Array(length + 1);
  const cpFace: LoadedFace[] = new Array(length);
  const cpScript = new Uint8Array(length);
  const missing: { offset: number; codePoint: number }[] = [];
  let count = 0;
  let spanIndex = 0;
  for (let i = 0; i < length;) {
    const cp = text.codePointAt(i)!;
    while (spanIndex < spans.length - 1 && i >= spans[spanIndex].end) spanIndex++;
    const primary = spanFaces[spanIndex];
    let face = primary;
    if (isDefaultIgnorable(cp) || isForcedBreak(cp) || cp === 0x09) {
      face = count ? cpFace[count - 1] : primary;
    } else if (!fonts.hasGlyph(primary, cp)) {
      const fallback = fonts.fallbacksFor(primary).find((f) => fonts.hasGlyph(f, cp));
      if (fallback) face = fallback;
      else missing.push({ offset: i, codePoint: cp });
    }
    cpOffset[count] = i;
    cpFace[count] = face;
    cpScript[count] = scriptOf(cp);
    count++;
    i += cp > 0xffff ? 2 : 1;
  }
  cpOffset[count] = length;
  // Common characters take the script of the text before them (else after), as Chromium itemises.
  const fallbackScript = language === 'en' ? SCRIPT_LATN : SCRIPT_HANI;
  for (let j = 1; j < count; j++) {
    if (cpScript[j] === SCRIPT_COMMON) cpScript[j] = cpScript[j - 1];
  }
  for (let j = count - 1; j >= 0; j--) {
    if (cpScript[j] === SCRIPT_COMMON) cpScript[j] = j + 1 < count ? cpScript[j + 1] : fallbackScript;
  }

  // 2. Shape runs of one face and script; collect clusters (at most one per code point).
  const cStartAll = new Int32Array(count);
  const cEndAll = new Int32Array(count);
  const gStartAll = new Int32Array(count);
  const gEndAll = new Int32Array(count);
  const cFace: LoadedFace[] = [];
  let glyphCapacity = count + 8;
  let glyphs = new Uint32Array(glyphCapacity);
  let gAdvance = new Float64Array(glyphCapacity);
  let gOffsetX = new Float64Array(glyphCapacity);
  let gOffsetY = new Float64Array(glyphCapacity);
  let glyphCount = 0;
  let n = 0;
  let clusterSpan = 0;
  for (let j = 0; j < count;) {
    let k = j + 1;
    while (k < count && cpFace[k] === cpFace[j] && cpScript[k] === cpScript[j]) k++;
    const face = cpFace[j];
    const start = cpOffset[j];
    const end = cpOffset[k];
    const shaped = shapeRun(shaper, face, text, start, end, SCRIPT_TAGS[cpScript[j]], language);
    if (glyphCount + shaped.glyphs.length > glyphCapacity) {
      glyphCapacity = (glyphCount + shaped.glyphs.length) * 2;
      glyphs = grow(glyphs, new Uint32Array(glyphCapacity));
      gAdvance = grow(gAdvance, new Float64Array(glyphCapacity));
      gOffsetX = grow(gOffsetX, new Float64Array(glyphCapacity));
      gOffsetY = grow(gOffsetY, new Float64Array(glyphCapacity));
    }
    // Spans inside one shaping run may differ in size: scale per glyph by its cluster's span.
    let g = 0;
    const total = shaped.glyphs.length;
    while (g < total) {
      const cluster = shaped.clusters[g];
      let h = g + 1;
      while (h < total && shaped.clusters[h] === cluster) h++;
      while (clusterSpan < spans.length - 1 && cluster >= spans[clusterSpan].end) clusterSpan++;
      const scale = spans[clusterSpan].size / face.unitsPerEm;
      cStartAll[n] = cluster;
      cEndAll[n] = h < total ? shaped.clusters[h] : end;
      gStartAll[n] = glyphCount;
      for (let q = g; q < h; q++) {
        glyphs[glyphCount] = shaped.glyphs[q];
        gAdvance[glyphCount] = shaped.advances[q] * scale;
        gOffsetX[glyphCount] = shaped.xOffsets[q] * scale;
        gOffsetY[glyphCount] = shaped.yOffsets[q] * scale;
        glyphCount++;
      }
      gEndAll[n] = glyphCount;
      cFace.push(face);
      n++;
      g = h;
    }
    j = k;
  }
  const cStart = cStartAll.subarray(0, n);
  const cEnd = cEndAll.subarray(0, n);
  const gStart = gStartAll.subarray(0, n);
  const gEnd = gEndAll.subarray(0, n);

  // One buffer per element type, carved into the per-cluster arrays (fewer allocations per keystroke).
  const f64Block = new Float64Array(13 * (n + 1));
  const i32Block = new Int32Array(5 * (n + 1));
  const u8Block = new Uint8Array(5 * (n + 1));
  let f64At = 0;
  let i32At = 0;
  let u8At = 0;
  const f64 = (size: number) => f64Block.subarray(f64At, (f64At += size));
  const i32 = (size: number) => i32Block.subarray(i32At, (i32At += size));
  const u8 = (size: number) => u8Block.subarray(u8At, (u8At += size));
  const span = i32(n);
  const size = f64(n);
  const kind = u8(n);
  const advance = f64(n);
  const track = f64(n);
  const blankL = f64(n);
  const blankR = f64(n);
  const cutL = f64(n);
  const cutR = f64(n);
  const gapBefore = f64(n);
  const hanLatin = u8(n);
  const cjkGap = u8(n);
  const breakBefore = u8(n);
  const hyphenBefore = u8(n);
  const firstCp = i32(n);
  const lastCp = i32(n);
  const phraseSpaces = style.phraseBreaks === true;
  spanIndex = 0;
  for (let c = 0; c < n; c++) {
    while (spanIndex < spans.length - 1 && cStart[c] >= spans[spanIndex].end) spanIndex++;
    const sp = spans[spanIndex];
    span[c] = spanIndex;
    size[c] = sp.size;
    firstCp[c] = text.codePointAt(cStart[c])!;
    const lastUnit = text.charCodeAt(cEnd[c] - 1);
    lastCp[c] =
      lastUnit >= 0xdc00 && lastUnit <= 0xdfff && cEnd[c] - 2 >= cStart[c]
        ? text.codePointAt(cEnd[c] - 2)!
        : lastUnit;
    kind[c] = kindOf(firstCp[c], phraseSpaces);
    let adv = 0;
    for (let g = gStart[c]; g < gEnd[c]; g++) adv += gAdvance[g];
    if (kind[c] === KIND_FORCED) {
      adv = 0;
      for (let g = gStart[c]; g < gEnd[c]; g++) gAdvance[g] = 0;
    }
    advance[c] = adv;
    track[c] = (sp.tracking / 1000) * sp.size;
    // Blank halves of a full-width mark, from the font's halt feature.
    if (kind[c] === KIND_PUNCT && cEnd[c] - cStart[c] <= 2 && gEnd[c] - gStart[c] === 1) {
      if (Math.abs(adv - sp.size) < sp.size * 0.02) {
        const blanks = shaper.blanks(cFace[c], firstCp[c]);
        const scale = sp.size / cFace[c].unitsPerEm;
        blankL[c] = blanks.left * scale;
        blankR[c] = blanks.right * scale;
      }
    }
  }

  // 3. Pair compression: two adjacent full-width marks take 1.5 em, not 2.
  for (let c = 1; c < n; c++) {
    const a = c - 1;
    if (blankL[a] + blankR[a] === 0 || blankL[c] + blankR[c] === 0) continue;
    if (blankR[a] > 0 && cutR[a] === 0) cutR[a] = blankR[a];
    else if (blankL[c] > 0) cutL[c] = blankL[c];
  }

  // 4. Boundaries: Han–Latin spacing, justification opportunities, breaks.
  const rules = kinsokuRules(style.kinsoku);
  for (let c = 1; c < n; c++) {
    const a = lastCp[c - 1];
    const b = firstCp[c];
    const ka = kind[c - 1];
    const kb = kind[c];
    if ((isIdeograph(a) && isAlphanumeric(b)) || (isAlphanumeric(a) && isIdeograph(b))) {
      hanLatin[c] = 1;
      gapBefore[c] = style.hanLatinSpacing * Math.max(size[c - 1], size[c]);
    }
    const dashPair = isDashOrEllipsis(a) && a === b;
    const aCjk = ka === KIND_IDEO || ka === KIND_PUNCT;
    const bCjk = kb === KIND_IDEO || kb === KIND_PUNCT;
    if ((aCjk || bCjk) && !dashPair && ka !== KIND_SPACE && kb !== KIND_SPACE && ka !== KIND_FORCED) {
      cjkGap[c] = 1;
    }
    breakBefore[c] = breakBetween(a, b, ka, kb, c, firstCp, lastCp, kind, rules);
  }

  // 5. Hyphenation points inside Latin words.
  if (style.hyphenate) {
    let c = 0;
    while (c < n) {
      if (!isLatinLetter(firstCp[c]) || cEnd[c] - cStart[c] !== 1) {
        c++;
        continue;
      }
      let d = c;
      while (d < n && isLatinLetter(firstCp[d]) && cEnd[d] - cStart[d] === 1) d++;
      if (d - c >= 5) {
        const word = text.slice(cStart[c], cEnd[d - 1]);
        for (const p of hyphenationPoints(word)) hyphenBefore[c + p] = 1;
      }
      c = d;
    }
  }

  // Soft hyphens: discretionary breaks the author placed.
  let softHyphens = false;
  for (let c = 0; c + 1 < n; c++) {
    if (text.charCodeAt(cStart[c]) === 0xad) {
      hyphenBefore[c + 1] = 1;
      softHyphens = true;
    }
  }
  // English word spaces may shrink to 80 % (as InDesign's default minimum word spacing).
  const spaceShrink = f64(n);
  if (language === 'en')
    for (let c = 0; c < n; c++) if (kind[c] === KIND_SPACE) spaceShrink[c] = advance[c] * 0.2;

  const ideographSum = i32(n + 1);
  const otherSum = i32(n + 1);
  for (let c = 0; c < n; c++) {
    const k = kind[c];
    const mark =
      k === KIND_PUNCT ||
      k === KIND_SPACE ||
      k === KIND_FORCED ||
      (firstCp[c] < 0x100 && firstCp[c] > 0x20 && !isAlphanumeric(firstCp[c]) && !isLatinLetter(firstCp[c]));
    ideographSum[c + 1] = ideographSum[c] + (k === KIND_IDEO ? 1 : 0);
    otherSum[c + 1] = otherSum[c] + (k !== KIND_IDEO && !mark ? 1 : 0);
  }

  const widthSum = f64(n + 1);
  const shrinkSum = f64(n + 1);
  const stretchSum = f64(n + 1);
  const stretchBefore = f64(n);
  for (let c = 0; c < n; c++) {
    stretchBefore[c] = size[c] * (hanLatin[c] ? 0.25 : cjkGap[c] ? 0.1 : 0);
    stretchSum[c + 1] = stretchSum[c] + stretchBefore[c] + (kind[c] === KIND_SPACE ? size[c] * 0.5 : 0);
    widthSum[c + 1] = widthSum[c] + advance[c] - cutL[c] - cutR[c] + track[c] + gapBefore[c];
    shrinkSum[c + 1] = shrinkSum[c] + (blankL[c] - cutL[c]) + (blankR[c] - cutR[c]) + spaceShrink[c];
  }

  return {
    text,
    spans,
    n,
    cStart,
    cEnd,
    gStart,
    gEnd,
    glyphs: glyphs.subarray(0, glyphCount),
    gAdvance: gAdvance.subarray(0, glyphCount),
    gOffsetX: gOffsetX.subarray(0, glyphCount),
    gOffsetY: gOffsetY.subarray(0, glyphCount),
    face: cFace,
    span,
    size,
    kind,
    advance,
    track,
    blankL,
    blankR,
    cutL,
    cutR,
    gapBefore,
    hanLatin,
    cjkGap,
    breakBefore,
    hyphenBefore,
    softHyphens,
    spaceShrink,
    widthSum,
    shrinkSum,
    stretchSum,
    stretchBefore,
    ideographSum,
    otherSum,
    missing,
    baseFace: spanFaces[0],
    baseSize: spans[0].size,
  };
}

/** May a line start between cluster c−1 (last code point a) and cluster c (first code point b)? */
function breakBetween(
  a: number,
  b: number,
  ka: number,
  kb: number,
  c: number,
  firstCp: Int32Array,
  lastCp: Int32Array,
  kind: Uint8Array,
  rules: ReturnType<typeof kinsokuRules>,
): number {
  // Fast path, most boundaries of Chinese text: two unified ideographs (none is in a 避头尾 set).
  if (a >= 0x4e00 && a <= 0x9fff && b >= 0x4e00 && b <= 0x9fff) return BREAK_YES;
  if (a === 0x0d && b === 0x0a) return BREAK_NO; // CR LF is one line break
  if (ka === KIND_FORCED) return BREAK_FORCED;
  if (kb === KIND_SPACE || kb === KIND_FORCED) return BREAK_NO;
  if (isGlue(a) || isGlue(b)) return BREAK_NO;
  // `——` and `……` are one unit.
  if (isDashOrEllipsis(a) && a === b) return BREAK_NO;
  if (rules.noStart(b) || rules.noEnd(a)) return BREAK_NO;
  if (rules.dashesMayNotStart && isDashOrEllipsis(b)) return BREAK_NO;
  if (ka === KIND_SPACE) {
    // Never start a line with prohibited marks even after a space.
    return BREAK_YES;
  }
  if (a === 0x200b) return BREAK_YES;
  const aCjk = ka === KIND_IDEO || ka === KIND_PUNCT;
  const bCjk = kb === KIND_IDEO || kb === KIND_PUNCT;
  if (aCjk || bCjk) return BREAK_YES;
  // Latin: words and numbers stay whole; a hard hyphen between letters is a break.
  if ((a === 0x2d || a === 0x2010) && c >= 2 && isLatinLetter(lastCp[c - 2]) && isLatinLetter(b))
    return BREAK_YES;
  if (kind[c - 1] === KIND_OTHER && kind[c] === KIND_OTHER && firstCp[c] > 0x2fff) return BREAK_YES;
  return BREAK_NO;
}
