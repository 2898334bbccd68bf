/**
 * Which characters each glyph of a run draws, from the run's clusters, so
 * the ToUnicode CMap gives back the story's text: a ligature maps to all its
 * characters, the second glyph of a decomposed character maps to nothing.
 */
import type { GlyphRun } from '../../shared/layout/display-list';

/**
 * Clusters are offsets in the block's text; the run's text starts at the
 * smallest of them. A glyph draws the characters from its cluster up to the
 * next larger cluster in the run (or the end of the run's text).
 */
export function glyphTexts(run: GlyphRun): string[] {
  const n = run.glyphs.length;
  if (n === 0) return [];
  if (run.clusters.length !== n) return fallback(run);
  const base = Math.min(...run.clusters);
  const sorted = [...new Set(run.clusters)].sort((a, b) => a - b);
  const nextAfter = new Map<number, number>();
  sorted.forEach((value, i) =>
    nextAfter.set(value, i + 1 < sorted.length ? sorted[i + 1] : base + run.text.length),
  );
  if (sorted[sorted.length - 1] - base >= run.text.length) return fallback(run);
  const seen = new Set<number>();
  return run.clusters.map((cluster) => {
    if (seen.has(cluster)) return '';
    seen.add(cluster);
    return run.text.slice(cluster - base, (nextAfter.get(cluster) ?? cluster) - base);
  });
}

/** Clusters that do not fit the run's text: one character per glyph, the rest on the last glyph. */
function fallback(run: GlyphRun): string[] {
  const chars = Array.from(run.text);
  return run.glyphs.map((_, i) => (i < run.glyphs.length - 1 ? (chars[i] ?? '') : chars.slice(i).join('')));
}
