/**
 * Which characters each glyph of a run draws, so that the ToUnicode CMap
 * gives back the run's text. The run's text is walked alongside its glyphs:
 * a glyph that is the font's own glyph for the next character (cmap) takes
 * that character; any other glyph (a ligature, a contextual or full-width
 * form) takes as many characters as its cluster spans, and the second glyph
 * of a cluster takes none. Clusters alone are not enough: for fields (date,
 * page number) they point into the block's text before substitution, while
 * the run's text is what is printed. Whatever is left at the end goes to the
 * last glyph, so no character is ever lost.
 */
import type { GlyphRun } from '../../shared/layout/display-list';

/** The font's glyph for a code point (its cmap), or 0 when it has none. */
export type CmapLookup = (codePoint: number) => number;

export function glyphTexts(run: GlyphRun, cmap: CmapLookup): string[] {
  const n = run.glyphs.length;
  const texts: string[] = new Array(n).fill('');
  if (n === 0) return texts;
  const text = run.text;
  const clusterSpan = spans(run);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    if (pos >= text.length) break;
    const cp = text.codePointAt(pos) as number;
    const width = cp > 0xffff ? 2 : 1;
    if (cmap(cp) === run.glyphs[i] && run.glyphs[i] !== 0) {
      texts[i] = text.slice(pos, pos + width);
      pos += width;
      continue;
    }
    const span = Math.min(clusterSpan[i], text.length - pos);
    texts[i] = text.slice(pos, pos + span);
    pos += span;
  }
  if (pos < text.length) texts[n - 1] += text.slice(pos);
  return texts;
}

/**
 * Characters each glyph's cluster covers: the distance to the next larger
 * cluster value (or to the end of the run's text) for the first glyph of a
 * cluster, 0 for the others. Without usable clusters, one per glyph.
 */
function spans(run: GlyphRun): number[] {
  const n = run.glyphs.length;
  if (run.clusters.length !== n) return new Array(n).fill(1);
  const base = Math.min(...run.clusters);
  const sorted = [...new Set(run.clusters)].sort((a, b) => a - b);
  const next = new Map<number, number>();
  sorted.forEach((value, i) =>
    next.set(value, i + 1 < sorted.length ? sorted[i + 1] : base + run.text.length),
  );
  const seen = new Set<number>();
  return run.clusters.map((cluster) => {
    if (seen.has(cluster)) return 0;
    seen.add(cluster);
    return Math.max(1, (next.get(cluster) as number) - cluster);
  });
}
