/**
 * The compact W array: read back by the rules of ISO 32000-1 §9.7.4.3
 * (`c [w1 w2 …]` and `c_first c_last w`), it gives every CID its width.
 * (screen-equals-print.test.ts checks the same through pdf.js on real exports.)
 */
import { describe, expect, it } from 'vitest';
import { compactWidths } from '../../../main/pdf/cid-widths';

/** Widths by CID from a W array's entries. */
function readW(entries: string): number[] {
  const tokens = entries.match(/\[|\]|[-\d.]+/g) ?? [];
  const widths: number[] = [];
  for (let i = 0; i < tokens.length;) {
    const first = Number(tokens[i++]);
    if (tokens[i] === '[') {
      i++;
      for (let cid = first; tokens[i] !== ']'; cid++) widths[cid] = Number(tokens[i++]);
      i++;
    } else {
      const last = Number(tokens[i++]);
      const w = Number(tokens[i++]);
      for (let cid = first; cid <= last; cid++) widths[cid] = w;
    }
  }
  return widths;
}

describe('compact W array', () => {
  it('gives back every width, with runs of equal widths as ranges', () => {
    const widths = [1000, 1000, 1000, 1000, 500, 620.5, 1000, 1000, 1000, 333.333, 500, 500];
    const w = compactWidths(widths);
    expect(readW(w)).toEqual(widths);
    expect(w).toBe('0 3 1000 4 [500 620.5] 6 8 1000 9 [333.333 500 500]');
  });

  it('handles a single width and an empty font', () => {
    expect(readW(compactWidths([1000]))).toEqual([1000]);
    expect(compactWidths([])).toBe('');
  });
});
