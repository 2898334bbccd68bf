import { describe, expect, it } from 'vitest';
import {
  HAO_SIZES,
  formatLength,
  haoToPt,
  mmToPt,
  parseLength,
  ptToHao,
  ptToMm,
} from '../../../shared/model/units';

describe('号 sizes', () => {
  it('follow the common table in TYPESETTING.md', () => {
    const table =
      '初号 42, 小初 36, 一号 26, 小一 24, 二号 22, 小二 18, 三号 16, 小三 15, 四号 14, 小四 12, 五号 10.5, 小五 9, 六号 7.5, 小六 6.5, 七号 5.5';
    const expected = table.split(', ').map((entry) => {
      const [name, pt] = entry.split(' ');
      return { name, pt: Number(pt) };
    });
    expect(HAO_SIZES).toEqual(expected);
  });

  it('convert both ways and accept the long spellings', () => {
    expect(haoToPt('五号')).toBe(10.5);
    expect(haoToPt('小五号')).toBe(9);
    expect(haoToPt('5号')).toBe(10.5);
    expect(haoToPt('八号')).toBeNull();
    expect(ptToHao(26)).toBe('一号');
    expect(ptToHao(11)).toBeNull();
  });
});

describe('lengths', () => {
  it('one inch is 25.4 mm and 72 pt', () => {
    expect(mmToPt(25.4)).toBeCloseTo(72, 10);
    expect(ptToMm(72)).toBeCloseTo(25.4, 10);
  });

  it('parses what a user types', () => {
    expect(parseLength('3mm')).toMatchObject({ ok: true, unit: 'mm' });
    expect((parseLength('3mm') as { pt: number }).pt).toBeCloseTo((3 * 72) / 25.4, 10);
    expect(parseLength('10.5pt')).toEqual({ ok: true, pt: 10.5, unit: 'pt' });
    expect(parseLength(' 10.5 pt ')).toEqual({ ok: true, pt: 10.5, unit: 'pt' });
    expect(parseLength('五号')).toEqual({ ok: true, pt: 10.5, unit: 'hao' });
    expect(parseLength('2字', { bodySize: 9 })).toEqual({ ok: true, pt: 18, unit: 'zi' });
    expect(parseLength('0.5in')).toEqual({ ok: true, pt: 36, unit: 'in' });
    expect(parseLength('12')).toEqual({ ok: true, pt: 12, unit: 'pt' });
    expect(parseLength('12', { defaultUnit: 'mm' })).toMatchObject({ ok: true, unit: 'mm' });
  });

  it('refuses nonsense with a message that quotes the input', () => {
    const bad = parseLength('3 furlongs');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toContain('furlongs');
    expect(parseLength('').ok).toBe(false);
    expect(parseLength('abc').ok).toBe(false);
    const noBody = parseLength('2字');
    expect(!noBody.ok && noBody.error).toContain('body size');
  });

  it('formats for display and parses its own output back', () => {
    expect(formatLength(mmToPt(3), 'mm')).toBe('3mm');
    expect(formatLength(10.5, 'pt')).toBe('10.5pt');
    expect(formatLength(10.5, 'hao')).toBe('五号');
    expect(formatLength(11, 'hao')).toBe('11pt');
    expect(formatLength(18, 'zi', { bodySize: 9 })).toBe('2字');
    for (const text of ['3mm', '10.5pt', '五号', '2字', '0.5in']) {
      const parsed = parseLength(text, { bodySize: 9 });
      if (!parsed.ok) throw new Error(parsed.error);
      expect(formatLength(parsed.pt, parsed.unit, { bodySize: 9 })).toBe(text);
    }
  });
});
