/**
 * Shaping: glyphs and advances for runs of one face, script and language.
 *
 * Why HarfBuzz (harfbuzzjs' WASM) and not fontkit — measured with the
 * bundled Noto Serif SC on this machine (`npm run bench -- shaping`; the
 * sample page, 6063 characters in 845 runs split by script, language ZHS):
 *  - speed: HarfBuzz through this binding 4.4 ms, fontkit 33.8 ms (7.6×);
 *    harfbuzzjs' own JS wrapper 25.2 ms (the binding reads glyphs straight
 *    from WASM memory instead of allocating objects per glyph);
 *  - fidelity: with runs split by script and `ZHS ` given, fontkit agrees
 *    with HarfBuzz glyph for glyph on 100 % of those runs — but only then:
 *    fontkit picks one script for a whole string and applies the ZHS locl
 *    forms (`——` `……` full width) only when told. HarfBuzz is what Chromium
 *    shapes with, so the canvas paints exactly these advances
 *    (tests/e2e/shaping-width.test.ts: every cluster within 0.05 pt).
 *
 * Features: kerning and ligatures are off (`kern`, `liga`, `clig`, `calt`,
 * `dlig` = 0), matching the canvas CSS `font-kerning: none;
 * font-variant-ligatures: none`. So every glyph maps to one character —
 * except the locl forms of language ZHS, which draw `——` as ONE 2-em glyph
 * whose cluster covers both dashes (Chromium draws the same glyph).
 */
import {
  createHarfBuzz,
  type HarfBuzz,
  type HarfBuzzWasmSource,
  type HbFeature,
  type HbGlyphs,
} from './harfbuzz-wasm';
import type { LoadedFace } from './fonts';

export type { HarfBuzzWasmSource } from './harfbuzz-wasm';

/** The glyphs of one shaped run, in font units, clusters as offsets into the shaped string. */
export type ShapedGlyphs = HbGlyphs;

/** Blank space a full-width mark carries on each side, in font units (from the font's `halt`). */
export interface PunctuationBlanks {
  left: number;
  right: number;
}

export interface Shaper {
  /** 'harfbuzz <version>'. */
  readonly engine: string;
  /** Shapes text.slice(start, end) with `face` (the rest of `text` is context). */
  shape(
    face: LoadedFace,
    text: string,
    start: number,
    end: number,
    script: string,
    language: string,
  ): ShapedGlyphs;
  /**
   * The blank halves of a full-width punctuation mark, read from the font's
   * `halt` (half-width alternates) feature: an opening bracket's blank is on
   * the left, a full stop's on the right. Zero for marks `halt` leaves alone.
   */
  blanks(face: LoadedFace, codePoint: number): PunctuationBlanks;
}

/** Kerning and ligatures off: one glyph per character, widths independent of neighbours. */
export const SHAPING_FEATURES: readonly HbFeature[] = [
  { tag: 'kern', value: 0 },
  { tag: 'liga', value: 0 },
  { tag: 'clig', value: 0 },
  { tag: 'calt', value: 0 },
  { tag: 'dlig', value: 0 },
];

const HALT: readonly HbFeature[] = [...SHAPING_FEATURES, { tag: 'halt', value: 1 }];

/** Builds the shaper from the HarfBuzz WASM bytes (or compiled module) the host supplies. */
export async function createShaper(wasm: HarfBuzzWasmSource): Promise<Shaper> {
  return shaperFor(await createHarfBuzz(wasm));
}

function shaperFor(hb: HarfBuzz): Shaper {
  // By the bytes, not the key: a registry rebuilt over the same bytes reuses the HarfBuzz font
  // (WASM memory is never given back), and bytes registered anew get a font of their own.
  const fonts = new WeakMap<Uint8Array, number>();
  const blanks = new WeakMap<Uint8Array, Map<number, PunctuationBlanks>>();
  const fontOf = (face: LoadedFace) => {
    let font = fonts.get(face.bytes);
    if (font === undefined) {
      font = hb.loadFont(face.bytes);
      fonts.set(face.bytes, font);
    }
    return font;
  };
  return {
    engine: `harfbuzz ${hb.version()}`,
    shape(face, text, start, end, script, language) {
      return hb.shape(fontOf(face), text, start, end, script, language, SHAPING_FEATURES);
    },
    blanks(face, codePoint) {
      let byCodePoint = blanks.get(face.bytes);
      if (!byCodePoint) {
        byCodePoint = new Map();
        blanks.set(face.bytes, byCodePoint);
      }
      let found = byCodePoint.get(codePoint);
      if (!found) {
        const ch = String.fromCodePoint(codePoint);
        const plain = hb.shape(fontOf(face), ch, 0, ch.length, 'Hani', 'zh-Hans', SHAPING_FEATURES);
        const half = hb.shape(fontOf(face), ch, 0, ch.length, 'Hani', 'zh-Hans', HALT);
        found = { left: 0, right: 0 };
        if (plain.glyphs.length === 1 && half.glyphs.length === 1) {
          const saved = plain.advances[0] - half.advances[0];
          if (saved > 0) {
            found.left = Math.max(0, -half.xOffsets[0]);
            found.right = Math.max(0, saved - found.left);
          }
        }
        byCodePoint.set(codePoint, found);
      }
      return found;
    },
  };
}
