/**
 * Swatch + tint → DisplayColor. Print keeps the CMYK numbers untouched; the
 * screen gets an sRGB approximation.
 *
 * The conversion is the simple subtractive one (each process ink removes its
 * complementary light), with one newspaper twist: black ink on newsprint is
 * never #000, so the K channel multiplies towards the ink-on-paper dark
 * NEWSPRINT_BLACK (#231f20, the usual "rich-ish" newspaper black on screen).
 * 0/0/0/100 therefore shows as #231f20, 0/0/0/0 as white, and tints scale
 * every ink linearly before conversion. No ICC profile is applied: the screen
 * colour is a preview, the PDF carries the CMYK values.
 */
import type { ColorRef, Swatch } from '../model/types';
import type { DisplayColor } from './display-list';

/** What 100 % K looks like on screen. */
export const NEWSPRINT_BLACK: readonly [number, number, number] = [0x23, 0x1f, 0x20];

/** Used when a ColorRef names a swatch the edition does not have. */
const FALLBACK_SWATCH: Swatch = { id: 'black', name: 'Black', cmyk: [0, 0, 0, 100], spot: null };

/** CMYK percentages (already tinted) → "#rrggbb". */
export function cmykToRgbHex(cmyk: readonly [number, number, number, number]): string {
  const [c, m, y, k] = cmyk.map((v) => Math.min(100, Math.max(0, v)) / 100);
  const channel = (ink: number, kTarget: number): number => {
    const withoutK = 1 - ink;
    const kFactor = 1 - k * (1 - kTarget / 255);
    return Math.round(255 * withoutK * kFactor);
  };
  const r = channel(c, NEWSPRINT_BLACK[0]);
  const g = channel(m, NEWSPRINT_BLACK[1]);
  const b = channel(y, NEWSPRINT_BLACK[2]);
  return '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
}

/** Resolves a colour reference against the edition's swatches. */
export function resolveColor(swatches: Record<string, Swatch>, ref: ColorRef): DisplayColor {
  const swatch = swatches[ref.swatchId] ?? FALLBACK_SWATCH;
  const tint = Math.min(100, Math.max(0, ref.tint));
  const tinted = swatch.cmyk.map((v) => (v * tint) / 100) as [number, number, number, number];
  return {
    cmyk: [...swatch.cmyk] as [number, number, number, number],
    spot: swatch.spot,
    tint,
    rgb: cmykToRgbHex(tinted),
  };
}

/**
 * Colour resolution is on the hot path (every span of every paragraph), so a
 * per-swatch-table cache hands out the same DisplayColor object for the same
 * swatch and tint; painters may compare colours by identity.
 */
export function createColorResolver(swatches: Record<string, Swatch>): (ref: ColorRef) => DisplayColor {
  const cache = new Map<string, DisplayColor>();
  return (ref) => {
    const key = `${ref.swatchId}\u0000${ref.tint}`;
    let color = cache.get(key);
    if (!color) {
      color = resolveColor(swatches, ref);
      cache.set(key, color);
    }
    return color;
  };
}
