/**
 * SVG positions text per character, the engine per glyph. This maps one to
 * the other: each character of the run gets the x of the glyph that draws it
 * (characters of a multi-character cluster share the cluster's x, so the
 * browser draws them as one).
 */
import type { GlyphRun } from '../../shared/layout/display-list';

export interface PositionedRunText {
  /** The characters to put in the <text> element (code points, in order). */
  characters: string[];
  /** One x per character. */
  xs: number[];
}

export function positionRunCharacters(run: GlyphRun): PositionedRunText {
  const characters = Array.from(run.text);
  if (characters.length === run.glyphs.length) return { characters, xs: run.x.slice() };
  // Clusters are offsets in the block's UTF-16 text; the run's text starts at its first cluster.
  const base = Math.min(...run.clusters);
  const xs: number[] = [];
  let unit = 0;
  let glyph = 0;
  for (const character of characters) {
    while (glyph + 1 < run.clusters.length && run.clusters[glyph + 1] - base <= unit) glyph++;
    xs.push(run.x[Math.min(glyph, run.x.length - 1)] ?? 0);
    unit += character.length;
  }
  return { characters, xs };
}

/** The SVG `x` attribute: numbers rounded to 1/1000 pt, which is far below a device pixel at 400 %. */
export function xAttribute(xs: number[]): string {
  return xs.map((x) => Math.round(x * 1000) / 1000).join(' ');
}
