/**
 * Shaping one run (face, script, language) fast: ideographs straight from
 * the font's cmap and hmtx, every other stretch through HarfBuzz with its
 * result cached by text — punctuation, numbers and Latin words repeat, so a
 * typed character usually costs no HarfBuzz call at all.
 *
 * Why the split gives HarfBuzz's answer: with kerning and ligatures off the
 * only lookups left in these fonts (ccmp, locl, mark) never reach across an
 * ideograph and a neighbouring mark, so an ideograph's glyph and advance are
 * its cmap and hmtx entries. tests/unit/layout/text/shape-run.test.ts checks
 * the result equals one HarfBuzz call over the whole run on the sample page
 * and on mixed text.
 */
import { isIdeograph } from './char-classes';
import type { LoadedFace } from './fonts';
import type { ShapedGlyphs, Shaper } from './shaper';

/** Shaped stretches by shaper, then by font bytes (the face's identity), then by script/language/text. */
const segmentCaches = new WeakMap<Shaper, WeakMap<Uint8Array, Map<string, ShapedGlyphs>>>();
const MAX_SEGMENTS = 20_000;

function segmentCache(shaper: Shaper, face: LoadedFace): Map<string, ShapedGlyphs> {
  let byFont = segmentCaches.get(shaper);
  if (!byFont) {
    byFont = new WeakMap();
    segmentCaches.set(shaper, byFont);
  }
  let cache = byFont.get(face.bytes);
  if (!cache) {
    cache = new Map();
    byFont.set(face.bytes, cache);
  }
  return cache;
}

/** Glyphs of text[start, end) in `face`, clusters as offsets into `text`. */
export function shapeRun(
  shaper: Shaper,
  face: LoadedFace,
  text: string,
  start: number,
  end: number,
  script: string,
  language: string,
): ShapedGlyphs {
  const cache = segmentCache(shaper, face);
  const capacity = end - start + 8;
  let glyphs = new Uint32Array(capacity);
  let clusters = new Uint32Array(capacity);
  let advances = new Int32Array(capacity);
  let xOffsets = new Int32Array(capacity);
  let yOffsets = new Int32Array(capacity);
  let count = 0;
  const ensure = (more: number) => {
    if (count + more <= glyphs.length) return;
    const size = (count + more) * 2;
    const grow = <T extends Uint32Array | Int32Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    glyphs = grow(glyphs, new Uint32Array(size));
    clusters = grow(clusters, new Uint32Array(size));
    advances = grow(advances, new Int32Array(size));
    xOffsets = grow(xOffsets, new Int32Array(size));
    yOffsets = grow(yOffsets, new Int32Array(size));
  };
  const font = face.font;
  let i = start;
  while (i < end) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const glyph = isIdeograph(cp) ? font.glyphFor(cp) : 0;
    if (glyph !== 0) {
      ensure(1);
      glyphs[count] = glyph;
      clusters[count] = i;
      advances[count] = font.advanceOf(glyph);
      count++;
      i += width;
      continue;
    }
    // A stretch of everything else, up to the next ideograph the font has.
    let j = i + width;
    while (j < end) {
      const next = text.codePointAt(j)!;
      if (isIdeograph(next) && font.glyphFor(next) !== 0) break;
      j += next > 0xffff ? 2 : 1;
    }
    const segment = text.slice(i, j);
    const key = `${script}\u0000${language}\u0000${segment}`;
    let shaped = cache.get(key);
    if (!shaped) {
      shaped = shaper.shape(face, segment, 0, segment.length, script, language);
      if (cache.size >= MAX_SEGMENTS) cache.clear();
      cache.set(key, shaped);
    }
    ensure(shaped.glyphs.length);
    for (let g = 0; g < shaped.glyphs.length; g++) {
      glyphs[count] = shaped.glyphs[g];
      clusters[count] = shaped.clusters[g] + i;
      advances[count] = shaped.advances[g];
      xOffsets[count] = shaped.xOffsets[g];
      yOffsets[count] = shaped.yOffsets[g];
      count++;
    }
    i = j;
  }
  return {
    glyphs: glyphs.subarray(0, count),
    clusters: clusters.subarray(0, count),
    advances: advances.subarray(0, count),
    xOffsets: xOffsets.subarray(0, count),
    yOffsets: yOffsets.subarray(0, count),
  };
}
