/**
 * The SVG painter paints what the display list says: one x per character,
 * the run's baseline and face, and story text as text — never as markup.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DisplayColor, GlyphRun } from '../../../shared/layout/display-list';
import { GlyphRunText } from '../../../renderer/canvas/PaintItems';
import { positionRunCharacters } from '../../../renderer/canvas/glyph-positions';

const black: DisplayColor = { cmyk: [0, 0, 0, 100], spot: null, tint: 100, rgb: '#231f20' };

function run(text: string, x: number[], clusters = x.map((_, i) => i)): GlyphRun {
  return {
    fontKey: 'NotoSerifSC-400',
    size: 10.5,
    color: black,
    y: 120.25,
    glyphs: x.map((_, i) => i + 1),
    x,
    advances: x.map(() => 10.5),
    clusters,
    text,
    fauxItalic: false,
    fauxBold: false,
  };
}

describe('painting a glyph run', () => {
  it('places every character at its glyph’s x, on the run’s baseline, in the run’s face', () => {
    const html = renderToStaticMarkup(<GlyphRunText run={run('新时代', [10, 20.5, 31.0004])} />);
    expect(html).toContain('x="10 20.5 31"');
    expect(html).toContain('y="120.25"');
    expect(html).toContain('font-family="folio-NotoSerifSC-400"');
    expect(html).toContain('font-size="10.5"');
    expect(html).toContain('>新时代</text>');
  });

  it('paints story text as text, even when it looks like markup', () => {
    const text = '<img src=x onerror=alert(1)>';
    const html = renderToStaticMarkup(
      <GlyphRunText
        run={run(
          text,
          Array.from(text, (_, i) => i * 5),
        )}
      />,
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('gives characters of one cluster the cluster’s x', () => {
    // "a" + combining acute (one cluster, one glyph), then "b".
    const positioned = positionRunCharacters(run('a\u0301b', [0, 7], [0, 2]));
    expect(positioned.characters).toEqual(['a', '\u0301', 'b']);
    expect(positioned.xs).toEqual([0, 0, 7]);
  });

  it('keeps a character outside the BMP as one character with one x', () => {
    const positioned = positionRunCharacters(run('𠮷字', [0, 12], [0, 2]));
    expect(positioned.characters).toEqual(['𠮷', '字']);
    expect(positioned.xs).toEqual([0, 12]);
  });
});
