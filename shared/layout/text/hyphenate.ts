/**
 * English hyphenation (Liang's algorithm, TeX's en-us patterns, from the
 * `hyphen` package; pure JS, so it runs in shared/).
 */
import createHyphenator from 'hyphen/hyphen.js';
import enUs from 'hyphen/patterns/en-us.js';

const MARK = '\u00ad';
let hyphenator: ((text: string) => string) | null = null;
const cache = new Map<string, number[]>();

/**
 * Offsets inside `word` (a run of letters) where it may be broken with a
 * hyphen: at least two letters before and three after, as TeX's en-us does.
 */
export function hyphenationPoints(word: string): number[] {
  let points = cache.get(word);
  if (points) return points;
  hyphenator ??= createHyphenator(enUs, { html: false, hyphenChar: MARK, minWordLength: 5 });
  points = [];
  const marked = hyphenator(word);
  let offset = 0;
  for (const ch of marked) {
    if (ch === MARK) points.push(offset);
    else offset += ch.length;
  }
  points = points.filter((p) => p >= 2 && word.length - p >= 3);
  if (cache.size > 20_000) cache.clear();
  cache.set(word, points);
  return points;
}
