import { describe, expect, it } from 'vitest';
import { advanceOf, set, setWidth, xOf } from './helpers';

const HAN = '一二三四五六七八九十';

describe('punctuation widths (标点挤压)', () => {
  it('sets a full stop at line end half width', async () => {
    const { lines } = await set('一二三。', { style: { align: 'left' } });
    // Three 10-pt ideographs and a half-width full stop.
    expect(setWidth(lines[0])).toBeCloseTo(35, 2);
  });

  it('sets two adjacent marks in 1.5 em, not 2 em', async () => {
    const { lines } = await set('一二。”三', { style: { align: 'left' } });
    expect(setWidth(lines[0])).toBeCloseTo(45, 2);
    expect(advanceOf(lines[0], 2)).toBeCloseTo(5, 2); // 。 loses its blank half
    expect(advanceOf(lines[0], 3)).toBeCloseTo(10, 2);
  });

  it('sets a closing and an opening bracket in 1.5 em', async () => {
    const { lines } = await set('一）（二', { style: { align: 'left' } });
    expect(setWidth(lines[0])).toBeCloseTo(35, 2);
  });

  it('draws an opening bracket at line start into the margin half an em when it squeezes', async () => {
    const { lines, texts } = await set(HAN + '（一二三四五六七八九）');
    expect(texts[1]).toBe('（一二三四五六七八九）');
    // The bracket's ink half starts at the line's left edge; its blank half is cut.
    expect(xOf(lines[1], 10)).toBeCloseTo(-5, 2);
    expect(setWidth(lines[1])).toBeCloseTo(100, 2);
  });

  it('does not squeeze punctuation on a line that fits without it', async () => {
    const { lines } = await set('一二、三', { style: { align: 'left' } });
    expect(advanceOf(lines[0], 2)).toBeCloseTo(10, 2);
  });
});

describe('justification', () => {
  it('fills every line but the last exactly, by inter-character space', async () => {
    const { lines, texts } = await set(HAN + '（十）一二', { width: 105 });
    expect(texts[0]).toBe(HAN);
    expect(setWidth(lines[0])).toBeCloseTo(105, 2);
    // Nine gaps share the 5 pt.
    expect(xOf(lines[0], 1) - xOf(lines[0], 0)).toBeCloseTo(10 + 5 / 9, 3);
    expect(setWidth(lines[1])).toBeLessThan(105);
  });

  it('expands Latin word spaces first, up to half an em, before Han gaps', async () => {
    const text = '中文 ab 中文';
    const natural = setWidth((await set(text, { width: 300, style: { align: 'left' } })).lines[0]);
    const small = (await set(text, { width: natural + 2, style: { lastLineAlign: 'justify' } })).lines[0];
    expect(setWidth(small)).toBeCloseTo(natural + 2, 2);
    expect(xOf(small, 1) - xOf(small, 0)).toBeCloseTo(10, 3); // Han gap untouched
    const space = advanceOf(small, 2);
    expect(advanceOf(small, 5)).toBeCloseTo(space, 3);
    const big = (await set(text, { width: natural + 20, style: { lastLineAlign: 'justify' } })).lines[0];
    expect(advanceOf(big, 2)).toBeCloseTo(5, 2); // space capped at ½ em
    expect(xOf(big, 1) - xOf(big, 0)).toBeGreaterThan(10.5); // the rest went between Han
    expect(setWidth(big)).toBeCloseTo(natural + 20, 2);
  });

  it('expands Han–Latin gaps before the space between Han characters', async () => {
    const text = '中文ab中文';
    const natural = setWidth((await set(text, { width: 300, style: { align: 'left' } })).lines[0]);
    const line = (await set(text, { width: natural + 2, style: { lastLineAlign: 'justify' } })).lines[0];
    expect(xOf(line, 1) - xOf(line, 0)).toBeCloseTo(10, 3);
    expect(xOf(line, 2) - xOf(line, 1)).toBeCloseTo(10 + 2.5 + 1, 3); // ¼ em gap + its share
  });

  it('never adds space inside …… or ——', async () => {
    const { lines } = await set('一……二——三', { width: 120, style: { lastLineAlign: 'justify' } });
    const line = lines[0];
    expect(setWidth(line)).toBeCloseTo(120, 2);
    expect(xOf(line, 2) - xOf(line, 1)).toBeCloseTo(10, 3);
    expect(xOf(line, 1) - xOf(line, 0)).toBeGreaterThan(10);
  });

  it('puts ¼ em between Han and Latin letters or digits, and none when the style says 0', async () => {
    const spaced = (await set('中文ABC中文2024年', { width: 300, style: { align: 'left' } })).lines[0];
    const tight = (
      await set('中文ABC中文2024年', { width: 300, style: { align: 'left', hanLatinSpacing: 0 } })
    ).lines[0];
    expect(setWidth(spaced) - setWidth(tight)).toBeCloseTo(4 * 2.5, 2);
  });
});

describe('alignment, indent, tracking, baseline shift', () => {
  it('aligns left, centre and right', async () => {
    for (const [align, x] of [
      ['left', 0],
      ['center', 35],
      ['right', 70],
    ] as const) {
      const { lines } = await set('一二三', { style: { align } });
      expect(xOf(lines[0], 0)).toBeCloseTo(x, 2);
    }
  });

  it('justifies the last line when lastLineAlign is justify', async () => {
    const { lines } = await set('一二三', { style: { lastLineAlign: 'justify' } });
    expect(setWidth(lines[0])).toBeCloseTo(100, 2);
    expect(xOf(lines[0], 2)).toBeCloseTo(90, 2);
  });

  it('indents the first line by style.firstLineIndent only when composing from the start', async () => {
    const style = { firstLineIndent: 20 };
    const whole = await set(HAN + HAN, { style });
    expect(whole.texts[0]).toBe('一二三四五六七八');
    expect(xOf(whole.lines[0], 0)).toBeCloseTo(20, 2);
    expect(xOf(whole.lines[1], 8)).toBeCloseTo(0, 2);
    const continued = await set(HAN + HAN, { style, from: 8 });
    expect(continued.texts[0]).toBe('九十一二三四五六七八');
    expect(xOf(continued.lines[0], 8)).toBeCloseTo(0, 2);
  });

  it('applies left and right indents inside the slot', async () => {
    const { lines, texts } = await set(HAN + HAN, { style: { leftIndent: 10, rightIndent: 10 } });
    expect(texts[0]).toBe('一二三四五六七八');
    expect(xOf(lines[0], 0)).toBeCloseTo(10, 2);
    expect(setWidth(lines[0])).toBeCloseTo(80, 2);
  });

  it('adds tracking between characters but not after the last', async () => {
    const { lines } = await set('一二三', { style: { align: 'left', tracking: 100 } });
    expect(xOf(lines[0], 1)).toBeCloseTo(11, 2);
    expect(setWidth(lines[0])).toBeCloseTo(32, 2);
  });

  it('shifts runs by their baseline shift and grows the line ascent', async () => {
    const text = '一二三';
    const { lines } = await set(text, {
      style: { align: 'left' },
      spans: [
        {
          start: 0,
          end: 1,
          fontFamily: 'Noto Serif SC',
          fontWeight: 400,
          italic: false,
          size: 10,
          tracking: 0,
          color: { cmyk: [0, 0, 0, 100], spot: null, tint: 100, rgb: '#000' },
          baselineShift: 0,
        },
        {
          start: 1,
          end: 3,
          fontFamily: 'Noto Serif SC',
          fontWeight: 400,
          italic: false,
          size: 10,
          tracking: 0,
          color: { cmyk: [0, 0, 0, 100], spot: null, tint: 100, rgb: '#000' },
          baselineShift: 3,
        },
      ],
    });
    expect(lines[0].runs.map((r) => r.y)).toEqual([0, -3]);
    const plain = (await set(text, { style: { align: 'left' } })).lines[0];
    expect(lines[0].ascent).toBeCloseTo(plain.ascent + 3, 3);
  });

  it('gives an empty paragraph one empty line', async () => {
    const { lines, end } = await set('');
    expect(lines).toHaveLength(1);
    expect(lines[0].runs).toEqual([]);
    expect(lines[0].ascent).toBeGreaterThan(0);
    expect(end).toBe(0);
  });

  it('stops when the slots run out and reports where', async () => {
    const result = await set(HAN + HAN + HAN, { maxLines: 2 });
    expect(result.texts).toEqual([HAN, HAN]);
    expect(result.end).toBe(20);
  });
});
