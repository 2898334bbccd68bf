import { describe, expect, it } from 'vitest';
import { PageRangeError, parsePageRange } from '../../../main/pdf/page-range';

describe('page ranges as users type them', () => {
  it.each([
    ['1-3,5', [1, 2, 3, 5]],
    ['5, 1-2', [1, 2, 5]],
    ['3', [3]],
    ['4-', [4, 5, 6]],
    ['-2', [1, 2]],
    ['2-2,2', [2]],
  ])('%s on a six-page edition → %j', (text, pages) => {
    expect(parsePageRange(text, 6)).toEqual(pages);
  });

  it.each([
    ['0', 'pages start at 1'],
    ['3-1', '3 comes after 1'],
    ['7', 'the edition has 6 pages'],
    ['1-9', 'the edition has 6 pages'],
    ['1,,2', 'empty part'],
    ['a-b', "'a-b' is not a page or a range like 1-3"],
    ['1-2-3', "'1-2-3' is not a page or a range like 1-3"],
  ])('%s is refused: %s', (text, reason) => {
    expect(() => parsePageRange(text, 6)).toThrow(PageRangeError);
    expect(() => parsePageRange(text, 6)).toThrow(reason);
  });
});
