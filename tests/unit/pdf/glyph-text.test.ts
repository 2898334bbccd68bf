/**
 * Which characters each glyph stands for in the ToUnicode map: what copy,
 * paste and search in a PDF viewer give back.
 */
import { describe, expect, it } from 'vitest';
import type { GlyphRun } from '../../../shared/layout/display-list';
import { glyphTexts } from '../../../main/pdf/glyph-text';
import { BLACK } from './fixtures/display-list-builder';

/** A toy font: glyph id = code point, except where a test says otherwise. */
const cmap = (cp: number) => cp;

function glyphRun(text: string, glyphs: number[], clusters: number[]): GlyphRun {
  const x = glyphs.map((_, i) => i * 5);
  return {
    fontKey: 'f',
    size: 10,
    color: BLACK,
    y: 0,
    glyphs,
    x,
    advances: x.map(() => 5),
    clusters,
    text,
    fauxItalic: false,
    fauxBold: false,
  };
}

describe('glyph texts', () => {
  it('one glyph per character maps each glyph to its character', () => {
    const text = '智慧岛';
    const run = glyphRun(
      text,
      [...text].map((c) => c.codePointAt(0) as number),
      [0, 1, 2],
    );
    expect(glyphTexts(run, cmap)).toEqual(['智', '慧', '岛']);
  });

  it('a ligature stands for all the characters of its cluster', () => {
    const run = glyphRun('fit', [0xfb01, 't'.charCodeAt(0)], [10, 12]);
    expect(glyphTexts(run, cmap)).toEqual(['fi', 't']);
  });

  it('the second glyph of a cluster stands for nothing, so the text is not doubled', () => {
    const run = glyphRun('é!', [0xe9, 0x301, 0x21], [0, 0, 1]);
    expect(glyphTexts(run, cmap)).toEqual(['é', '', '!']);
  });

  it("a field's printed text is recovered even though its clusters point at the field's slot", () => {
    // "第" + page-number field + "版": the composer reports the field's glyphs at the slot's offset.
    const text = '第12版';
    const run = glyphRun(
      text,
      [...text].map((c) => c.codePointAt(0) as number),
      [0, 1, 1, 2],
    );
    expect(glyphTexts(run, cmap)).toEqual(['第', '1', '2', '版']);
  });

  it('a character outside the BMP (𠮷) stays one character', () => {
    const run = glyphRun('𠮷a', [0x20bb7, 0x61], [0, 2]);
    expect(glyphTexts(run, cmap)).toEqual(['𠮷', 'a']);
  });

  it('characters left over at the end go to the last glyph (nothing is lost)', () => {
    const run = glyphRun('abc', [0x61, 0x999], [0, 1]);
    expect(glyphTexts(run, cmap).join('')).toBe('abc');
  });
});
