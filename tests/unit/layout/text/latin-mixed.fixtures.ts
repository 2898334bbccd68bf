/**
 * Golden line breaks for English and mixed text (input / output, as Slate's
 * fixtures). Worked out by hand from Noto Serif SC's advance widths at
 * 10 pt (hmtx, read with fontkit): H 8.53, e 5.47, l 3.34, o 5.96, space 2.56,
 * w 8.38, r 4.62, d 6.29, t 3.67, h 6.63, n 6.61, s 4.73, p 6.38, a 5.57,
 * '.' 3.27, '-' 3.46; ideographs 10. `without` is what a composer lacking
 * the rule would give.
 */
import type { LineBreakFixture } from './line-break.fixtures';

const english = { language: 'en' as const, hanLatinSpacing: 0, kinsoku: 'none' as const };

export const latinFixtures: LineBreakFixture[] = [
  {
    // Hello 26.64 + space + world 28.59 = 57.79 ≤ 60; "the" 15.77 no longer fits;
    // "the newspaper" = 66.94 > 60, so newspaper (48.61) takes a line of its own.
    rule: 'English breaks at word spaces and keeps words whole',
    input: { text: 'Hello world the newspaper', width: 60, style: english },
    output: ['Hello world ', 'the ', 'newspaper'],
    without: ['Hello world ', 'the newspa', 'per'],
  },
  {
    // news-pa-per: "the newspa-" = 15.77 + 2.56 + 37.14 + 3.46 = 58.93 ≤ 60.
    rule: 'English is hyphenated at en-us pattern points when the style asks',
    input: { text: 'Hello world the newspaper', width: 60, style: { ...english, hyphenate: true } },
    output: ['Hello world ', 'the newspa', 'per'],
    without: ['Hello world ', 'the ', 'newspaper'],
  },
  {
    // 8 ideographs (80) + ¼ em gap (2.5) + Hello (26.64) = 109.14 > 100: the word moves whole.
    rule: 'a Latin word between Han characters is never split',
    input: { text: '一二三四五六七八Hello九十' },
    output: ['一二三四五六七八', 'Hello九十'],
    without: ['一二三四五六七八Hel', 'lo九十'],
  },
  {
    // 7 ideographs (70) + gap (2.5) + "Hello." (29.91) = 102.41 > 100; without the gap 99.91 fits.
    rule: 'Han–Latin spacing counts when a line is filled',
    input: { text: '一二三四五六七Hello.八九' },
    output: ['一二三四五六七', 'Hello.八九'],
    without: ['一二三四五六七Hello.', '八九'],
  },
  {
    rule: 'with Han–Latin spacing 0 the same text fits on the first line',
    input: { text: '一二三四五六七Hello.八九', style: { hanLatinSpacing: 0 } },
    output: ['一二三四五六七Hello.', '八九'],
    without: ['一二三四五六七', 'Hello.八九'],
  },
];

latinFixtures.push(
  {
    // "Hello world" = 57.79 > 57.5, but its one space may shrink by a fifth (0.51): 57.28 fits.
    rule: 'English word spaces shrink to 80 % before a word is pushed',
    input: { text: 'Hello world the', width: 57.5, style: english },
    output: ['Hello world ', 'the'],
    without: ['Hello ', 'world the'],
  },
  {
    // A soft hyphen is a break even without style.hyphenate: "the news-" = 15.77 + 2.56 + 25.19 + 3.46 = 46.98 ≤ 50.
    rule: 'a soft hyphen (U+00AD) is a discretionary break',
    input: { text: 'the news\u00adpaper', width: 50, style: english },
    output: ['the news\u00ad', 'paper'],
    without: ['the ', 'news\u00adpaper'],
  },
);
