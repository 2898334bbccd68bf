import { describe, expect, it } from 'vitest';
import createHyphenator from 'hyphen/hyphen.js';
import enUs from 'hyphen/patterns/en-us.js';
import { set, setWidth } from './helpers';

const ENGLISH =
  'Typesetting a newspaper requires careful justification: the composer hyphenates unreasonably long words ' +
  'automatically, distributes the remaining space between words, and keeps every justified line exactly as wide ' +
  'as its column.';

const english = { language: 'en' as const, hanLatinSpacing: 0, kinsoku: 'none' as const };

/** An independent oracle: the same en-us patterns, asked directly. */
const oracle = createHyphenator(enUs, { html: false, hyphenChar: '|', minWordLength: 5 });

describe('Latin text', () => {
  it('keeps words whole without hyphenation and justifies by word space', async () => {
    const width = 150;
    const { lines, texts } = await set(ENGLISH, { width, style: english });
    expect(texts.join('')).toBe(ENGLISH);
    const words = new Set(ENGLISH.split(/\s+/));
    for (const t of texts) for (const w of t.trim().split(/\s+/)) expect(words.has(w)).toBe(true);
    lines.slice(0, -1).forEach((line) => expect(Math.abs(setWidth(line) - width)).toBeLessThan(0.01));
    expect(lines.every((l) => !l.hyphenated)).toBe(true);
  });

  it('hyphenates English at en-us pattern points when the style asks for it', async () => {
    const width = 150;
    const plain = await set(ENGLISH, { width, style: english });
    const { lines, texts } = await set(ENGLISH, { width, style: { ...english, hyphenate: true } });
    const hyphenated = lines.filter((l) => l.hyphenated);
    expect(hyphenated.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(plain.lines.length);
    for (const line of hyphenated) {
      const i = lines.indexOf(line);
      const head = texts[i].split(' ').pop()!;
      const tail = texts[i + 1].split(/[\s,.:]/)[0];
      const word = head + tail;
      expect(oracle(word).split('|').length).toBeGreaterThan(1);
      // The break is one of the oracle's points.
      let at = 0;
      const points = oracle(word)
        .split('|')
        .slice(0, -1)
        .map((part) => (at += part.length));
      expect(points).toContain(head.length);
      const lastRun = line.runs[line.runs.length - 1];
      expect(lastRun.text.endsWith('-')).toBe(true);
    }
    lines.slice(0, -1).forEach((line) => expect(Math.abs(setWidth(line) - width)).toBeLessThan(0.01));
  });

  it('never starts a line with the hung word space', async () => {
    const { texts } = await set(ENGLISH, { width: 120, style: english });
    for (const t of texts.slice(1)) expect(t.startsWith(' ')).toBe(false);
  });
});

describe('mixed Chinese and Latin', () => {
  it('keeps Latin words and numbers with units whole between Han characters', async () => {
    const text = '市政项目完成投资21.8亿元，引进Folio排版系统，处理速度提升177%，服务5G网络和100km光纤。';
    for (let width = 60; width <= 160; width += 7) {
      const { texts, lines } = await set(text, { width });
      expect(texts.join('')).toBe(text);
      for (let i = 0; i + 1 < texts.length; i++) {
        const before = texts[i].slice(-1);
        const after = texts[i + 1][0];
        expect(/[A-Za-z0-9.%]/.test(before) && /[A-Za-z0-9.%]/.test(after)).toBe(false);
        expect(Math.abs(setWidth(lines[i]) - width)).toBeLessThan(0.01);
      }
    }
  });
});

describe('soft hyphens', () => {
  it('draws a hyphen where a soft hyphen breaks the line and nothing where it does not', async () => {
    const style = { language: 'en' as const, hanLatinSpacing: 0, align: 'left' as const };
    const broken = await set('the news\u00adpaper', { width: 50, style });
    expect(broken.lines[0].hyphenated).toBe(true);
    expect(broken.lines[0].runs.at(-1)!.text.endsWith('-')).toBe(true);
    const whole = await set('the news\u00adpaper', { width: 200, style });
    const plain = await set('the newspaper', { width: 200, style });
    expect(whole.lines).toHaveLength(1);
    expect(setWidth(whole.lines[0])).toBeCloseTo(setWidth(plain.lines[0]), 3);
  });
});
