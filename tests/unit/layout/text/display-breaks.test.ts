/**
 * Display type (headlines): breaks where a Chinese news desk breaks a head —
 * at the space between phrases, never inside a quoted phrase when avoidable —
 * and balanced lines, for Chinese and English. Expected breaks written by hand.
 */
import { describe, expect, it } from 'vitest';
import { createDefaultStyleSheets } from '../../../../shared/model/defaults';
import { paragraphStyleSchema } from '../../../../shared/model/schema';
import { resolveParagraphStyle } from '../../../../shared/model/styles';
import type { BlockRole, ParagraphStyleProps } from '../../../../shared/model/types';
import { set, setWidth } from './helpers';

function roleStyle(role: BlockRole, language: 'zh-Hans' | 'en' = 'zh-Hans'): ParagraphStyleProps {
  return { ...resolveParagraphStyle(createDefaultStyleSheets(language), { type: role }) };
}

/** The lines as a reader sees them: a space at a break is not set. */
async function head(text: string, width: number, style: Partial<ParagraphStyleProps>) {
  const result = await set(text, { width, style });
  return { ...result, shown: result.texts.map((t) => t.trim()) };
}

const HEADLINE = roleStyle('headline');

describe('Chinese headlines at the sample page measures', () => {
  it('turns display breaking on for the display roles and leaves body text alone', () => {
    for (const role of ['banner', 'kicker', 'headline', 'subheadline', 'section-head'] as BlockRole[]) {
      expect(roleStyle(role).balanceLines, role).toBe(true);
      expect(roleStyle(role).phraseBreaks, role).toBe(true);
    }
    expect(roleStyle('body').balanceLines).toBe(false);
    expect(roleStyle('body').phraseBreaks).toBe(false);
  });

  const cases: [string, number, string[]][] = [
    ['做实以案促改工作 一体推进“三不腐”', 243, ['做实以案促改工作', '一体推进“三不腐”']],
    ['坚持精细化管理 扎实推进“创文”工作', 369, ['坚持精细化管理', '扎实推进“创文”工作']],
    ['多渠道宣传 力促“新十条”落地见效', 369, ['多渠道宣传', '力促“新十条”落地见效']],
    ['打通基层执纪监督“最后一公里”', 243, ['打通基层执纪监督', '“最后一公里”']],
  ];
  for (const [text, width, expected] of cases) {
    it(`sets ${text} at ${width} pt as ${expected.join(' / ')}`, async () => {
      const { shown, end } = await head(text, width, HEADLINE);
      expect(end).toBe(text.length);
      expect(shown).toEqual(expected);
    });
  }

  it('sets the section heads of the lead story at their 117-pt column', async () => {
    const style = roleStyle('section-head');
    expect((await head('提能力强组织 画好“同心圆”', 117, style)).shown).toEqual([
      '提能力强组织',
      '画好“同心圆”',
    ]);
    expect((await head('抓项目优环境 跑出“加速度”', 117, style)).shown).toEqual([
      '抓项目优环境',
      '跑出“加速度”',
    ]);
  });

  it('keeps a soft return where the author put it and balances around it', async () => {
    // Two lines the author chose; the second is too long for the measure and is broken at its space.
    const text = '新时代\u2028奋进新征程 建功新伟业';
    const { shown } = await head(text, 8 * 26, HEADLINE);
    expect(shown).toEqual(['新时代', '奋进新征程', '建功新伟业']);
  });

  it('does not draw the space at the break: the centred line is the phrase alone', async () => {
    const text = '做实以案促改工作 一体推进“三不腐”';
    const { lines } = await head(text, 243, HEADLINE);
    const first = lines[0];
    // Eight 26-pt Han characters, centred in 243 pt; the space after them takes no room.
    expect(setWidth(first)).toBeCloseTo(8 * 26, 1);
    const firstX = Math.min(...first.runs.flatMap((r) => r.x));
    expect(firstX).toBeCloseTo((243 - 8 * 26) / 2, 1);
    expect(text[lines[1].start]).toBe('一');
  });

  it('treats an ideographic space between phrases like a space: a break after it, not set there', async () => {
    const { shown, lines } = await head('新时代\u3000新征程\u3000新伟业', 200, HEADLINE);
    expect(shown).toEqual(['新时代\u3000新征程', '新伟业']);
    // Both lines centred on their characters: 7 em (with the inner U+3000) and 3 em.
    const left = lines.map((l) => Math.min(...l.runs.flatMap((r) => r.x)));
    expect(left[0]).toBeCloseTo((200 - 7 * 26) / 2, 1);
    expect(left[1]).toBeCloseTo((200 - 3 * 26) / 2, 1);
  });

  it('keeps the old greedy break when the properties are off (body-like heads)', async () => {
    const { shown } = await head('做实以案促改工作 一体推进“三不腐”', 243, {
      ...HEADLINE,
      balanceLines: false,
      phraseBreaks: false,
    });
    expect(shown).toEqual(['做实以案促改工作 一', '体推进“三不腐”']);
  });
});

describe('headlines without spaces', () => {
  it('balance the lines between Han characters', async () => {
    // 16 characters at 12 em: greedy sets 12 + 4; a desk sets 8 + 8.
    const { shown } = await head('全面推进乡村振兴加快建设农业强国', 12 * 26, HEADLINE);
    expect(shown).toEqual(['全面推进乡村振兴', '加快建设农业强国']);
  });

  it('keep a short quoted phrase whole and the first line the longer', async () => {
    const text = '深入开展“我为群众办实事”实践活动';
    const { shown } = await head(text, 14 * 26, HEADLINE);
    expect(shown).toEqual(['深入开展“我为群众办实事”', '实践活动']);
  });

  it('still obey 避头尾: no closing mark starts a line, no opening mark ends one', async () => {
    for (let em = 6; em <= 16; em++) {
      const text = '坚决打赢“蓝天保卫战”，推动生态环境持续改善。';
      const { texts, end } = await head(text, em * 26, HEADLINE);
      expect(end).toBe(text.length);
      texts.forEach((t, i) => {
        if (i > 0) expect('，。”'.includes(t[0]), `${t} at ${em} em`).toBe(false);
        expect(t.endsWith('“'), `${t} at ${em} em`).toBe(false);
      });
    }
  });

  it('never take more lines than the greedy setting', async () => {
    const text = '坚持以习近平新时代中国特色社会主义思想为指导全面贯彻落实党的二十大精神';
    for (let em = 5; em <= 20; em++) {
      const off = await head(text, em * 26, { ...HEADLINE, balanceLines: false, phraseBreaks: false });
      const on = await head(text, em * 26, HEADLINE);
      expect(on.lines.length, `${em} em`).toBe(off.lines.length);
      expect(on.texts.join('')).toBe(text);
    }
  });
});

describe('English headlines', () => {
  const EN_HEADLINE = roleStyle('headline', 'en');

  it('break between words into balanced lines, never hyphenated', async () => {
    const text = 'City council approves new school budget';
    const greedy = await head(text, 460, { ...EN_HEADLINE, balanceLines: false, phraseBreaks: false });
    const { shown, lines } = await head(text, 460, EN_HEADLINE);
    expect(greedy.shown).toEqual(['City council approves new school', 'budget']);
    expect(shown).toEqual(['City council approves', 'new school budget']);
    expect(lines.some((l) => l.hyphenated)).toBe(false);
  });
});

describe('the style properties in documents', () => {
  it('are accepted by the schema as optional booleans and refused otherwise', () => {
    const style = { id: 'ps-x', name: 'X', basedOn: null };
    expect(paragraphStyleSchema.safeParse(style).success).toBe(true);
    const on = paragraphStyleSchema.parse({ ...style, balanceLines: true, phraseBreaks: false });
    expect(on.balanceLines).toBe(true);
    expect(on.phraseBreaks).toBe(false);
    const bad = paragraphStyleSchema.safeParse({ ...style, balanceLines: 'yes' });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues[0].path)).toContain('balanceLines');
  });
});
