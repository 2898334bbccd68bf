/**
 * Golden line-break fixtures, in the spirit of Slate's input / run / output
 * fixtures. Body text is 10 pt in a 100 pt measure: ten Han characters a
 * line. Each `output` was worked out by hand from TYPESETTING.md; each
 * `without` says what a composer lacking the rule would produce, so the
 * fixture is known to fail without it.
 */
import type { ParagraphStyleProps } from '../../../../shared/model/types';

export interface LineBreakFixture {
  rule: string;
  input: { text: string; width?: number; style?: Partial<ParagraphStyleProps> };
  output: string[];
  without: string[];
}

const HAN = '一二三四五六七八九十';

export const fixtures: LineBreakFixture[] = [
  {
    rule: 'a line may break between any two Han characters',
    input: { text: HAN + HAN + '一二三四五' },
    output: [HAN, HAN, '一二三四五'],
    without: [HAN + HAN + '一二三四五'],
  },
  {
    rule: '避头尾 basic: a comma never starts a line; pushed with the character before it (后推出)',
    input: { text: HAN + '，一二三四五' },
    output: ['一二三四五六七八九', '十，一二三四五'],
    without: [HAN, '，一二三四五'],
  },
  {
    rule: '避头尾 none: the style can switch the prohibitions off',
    input: { text: HAN + '，一二三四五', style: { kinsoku: 'none' } },
    output: [HAN, '，一二三四五'],
    without: ['一二三四五六七八九', '十，一二三四五'],
  },
  {
    rule: '先挤进: a prohibited mark is squeezed into the line when punctuation can give the room',
    input: { text: '一二三、四五六七八九，十一二' },
    output: ['一二三、四五六七八九，', '十一二'],
    without: ['一二三、四五六七八', '九，十一二'],
  },
  {
    rule: '避头尾 basic: a closing quote never starts a line',
    input: { text: '一二三四五六七八九十”一二三' },
    output: ['一二三四五六七八九', '十”一二三'],
    without: [HAN, '”一二三'],
  },
  {
    rule: '避头尾 basic: an opening bracket never ends a line',
    input: { text: '一二三四五六七八九（十）一二' },
    output: ['一二三四五六七八九', '（十）一二'],
    without: ['一二三四五六七八九（', '十）一二'],
  },
  {
    rule: 'an opening bracket at line start may lose its blank half',
    input: { text: HAN + '（一二三四五六七八九）' },
    output: [HAN, '（一二三四五六七八九）'],
    without: [HAN, '（一二三四五六七八', '九）'],
  },
  {
    rule: '—— is one 2-em unit; basic lets it start a line',
    input: { text: '一二三四五六七八九——十一二' },
    output: ['一二三四五六七八九', '——十一二'],
    without: ['一二三四五六七八九—', '—十一二'],
  },
  {
    rule: '避头尾 strict: —— may not start a line either',
    input: { text: '一二三四五六七八九——十一二', style: { kinsoku: 'strict' } },
    output: ['一二三四五六七八', '九——十一二'],
    without: ['一二三四五六七八九', '——十一二'],
  },
  {
    rule: '…… is one unit that never splits',
    input: { text: '一二三四五六七八九……十一二' },
    output: ['一二三四五六七八九', '……十一二'],
    without: ['一二三四五六七八九…', '…十一二'],
  },
  {
    rule: '避头尾 gb: a full-width percent sign stays with its number (basic allows the break)',
    input: { text: '一二三四五六七八九9％一二', style: { kinsoku: 'gb' } },
    output: ['一二三四五六七八九', '9％一二'],
    without: ['一二三四五六七八九9', '％一二'],
  },
  {
    rule: '孤字: no single-character last line',
    input: { text: HAN + HAN + '一' },
    output: [HAN, '一二三四五六七八九', '十一'],
    without: [HAN, HAN, '一'],
  },
  {
    rule: '孤字: a lone character with its full stop is not a last line either',
    input: { text: HAN + '一二三四五六七八九十。' },
    output: [HAN, '一二三四五六七八', '九十。'],
    without: [HAN, '一二三四五六七八九', '十。'],
  },
  {
    rule: 'Latin words and numbers with their units stay whole',
    input: { text: '一二三四五六七八九12.5%的' },
    output: ['一二三四五六七八九', '12.5%的'],
    without: ['一二三四五六七八九12', '.5%的'],
  },
  {
    rule: 'a forced line break (U+2028) ends the line',
    input: { text: '一二三\u2028四五六' },
    output: ['一二三\u2028', '四五六'],
    without: ['一二三\u2028四五六'],
  },
];

fixtures.push({
  rule: 'CR LF is one forced break, not two',
  input: { text: '一二三\r\n四五六' },
  output: ['一二三\r\n', '四五六'],
  without: ['一二三\r', '\n', '四五六'],
});
