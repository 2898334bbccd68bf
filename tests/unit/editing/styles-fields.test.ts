/**
 * What a designer types into the style fields: sizes in pt, 号 or mm,
 * lengths in mm, pt or 字, numbers, span columns — and the messages for
 * what cannot be read, in both interface languages.
 */
import { describe, expect, it } from 'vitest';
import {
  formatParagraphLength,
  formatStyleLength,
  paragraphLengthUnit,
  parseParagraphLength,
  formatTypeSize,
  nearestWeight,
  parseSpanColumns,
  parseStyleLength,
  parseStyleNumber,
  parseTypeSize,
} from '../../../shared/editing/style-fields';
import { locales, translate } from '../../../shared/services/locales';

const MM = 72 / 25.4; // points per millimetre, by definition of the point

describe('type sizes', () => {
  it('reads 号 names and remembers them, pt and mm as points', () => {
    expect(parseTypeSize('小四')).toEqual({ ok: true, value: { pt: 12, unit: 'hao' } });
    expect(parseTypeSize('五号')).toEqual({ ok: true, value: { pt: 10.5, unit: 'hao' } });
    expect(parseTypeSize(' 10.5 ')).toEqual({ ok: true, value: { pt: 10.5, unit: 'pt' } });
    expect(parseTypeSize('9pt')).toEqual({ ok: true, value: { pt: 9, unit: 'pt' } });
    const mm = parseTypeSize('3.7mm');
    expect(mm.ok && mm.value.unit).toBe('pt');
    expect(mm.ok && mm.value.pt).toBeCloseTo(3.7 * MM, 3);
  });

  it('refuses what is not a size, naming the text', () => {
    expect(parseTypeSize('大五')).toEqual({
      ok: false,
      error: { key: 'styles.error.size', values: { text: '大五' } },
    });
    expect(parseTypeSize('2字').ok).toBe(false);
    expect(parseTypeSize('0')).toMatchObject({ ok: false, error: { key: 'styles.error.range' } });
  });

  it('shows a 号 size by its name when the style chose 号, else in pt', () => {
    expect(formatTypeSize(12, 'hao')).toBe('小四');
    expect(formatTypeSize(12, 'pt')).toBe('12pt');
    expect(formatTypeSize(11, 'hao')).toBe('11pt');
  });
});

describe('lengths and numbers', () => {
  it('reads indents in 字 of the style size, mm and pt; a bare number in the field unit', () => {
    expect(parseStyleLength('2字', { bodySize: 9, defaultUnit: 'mm' })).toEqual({ ok: true, value: 18 });
    const five = parseStyleLength('5', { bodySize: 9, defaultUnit: 'mm' });
    expect(five.ok && five.value).toBeCloseTo(5 * MM, 3);
    expect(parseStyleLength('6pt', { bodySize: 9, defaultUnit: 'mm' })).toEqual({ ok: true, value: 6 });
    expect(formatStyleLength(18, 'zi', 9)).toBe('2字');
    expect(formatStyleLength(5 * MM, 'mm', 9)).toBe('5mm');
  });

  it('keeps paragraph indents typed in 字 or em in em, so they follow the size; mm and pt in points', () => {
    const at9 = { bodySize: 9, defaultUnit: 'mm' as const };
    expect(parseParagraphLength('2字', at9)).toEqual({ ok: true, value: { value: 2, unit: 'em' } });
    expect(parseParagraphLength('1.5 em', at9)).toEqual({ ok: true, value: { value: 1.5, unit: 'em' } });
    expect(parseParagraphLength('6pt', at9)).toEqual({ ok: true, value: 6 });
    const mm = parseParagraphLength('3', at9);
    expect(mm.ok && mm.value).toBeCloseTo(3 * MM, 3);
    // A bare number in a field that shows 字 is 字.
    expect(parseParagraphLength('2', { bodySize: 9, defaultUnit: 'zi' })).toEqual({
      ok: true,
      value: { value: 2, unit: 'em' },
    });
    expect(parseParagraphLength('-1字', at9)).toMatchObject({
      ok: false,
      error: { key: 'styles.error.range' },
    });
    expect(parseParagraphLength('-1字', { ...at9, allowNegative: true })).toEqual({
      ok: true,
      value: { value: -1, unit: 'em' },
    });
    expect(parseParagraphLength('五号', at9)).toMatchObject({
      ok: false,
      error: { key: 'styles.error.length' },
    });
    // Shown as kept: em as 字 (or em in an English interface), points in the view's mm/pt.
    expect(formatParagraphLength({ value: 2, unit: 'em' }, 'mm', '字')).toBe('2字');
    expect(formatParagraphLength({ value: 0.5, unit: 'em' }, 'pt', 'em')).toBe('0.5em');
    expect(formatParagraphLength(5 * MM, 'mm', '字')).toBe('5mm');
    expect(formatParagraphLength(18, 'zi', '字')).toBe('18pt'); // points never pretend to follow the size
    expect(paragraphLengthUnit({ value: 2, unit: 'em' }, 'mm')).toBe('zi');
    expect(paragraphLengthUnit(18, 'zi')).toBe('pt');
  });

  it('allows a negative length only where it means something (hanging indent)', () => {
    expect(parseStyleLength('-1字', { bodySize: 9, defaultUnit: 'pt' })).toMatchObject({ ok: false });
    expect(parseStyleLength('-1字', { bodySize: 9, defaultUnit: 'pt', allowNegative: true })).toEqual({
      ok: true,
      value: -9,
    });
  });

  it('reads fractions and unit suffixes, checks whole numbers and ranges', () => {
    expect(parseStyleNumber('1/4', { min: 0, max: 2 })).toEqual({ ok: true, value: 0.25 });
    expect(parseStyleNumber('0.5em', { min: 0, max: 2, suffixes: ['em'] })).toEqual({ ok: true, value: 0.5 });
    expect(parseStyleNumber('2.5', { min: 1, max: 20, integer: true })).toMatchObject({
      ok: false,
      error: { key: 'styles.error.integer' },
    });
    expect(parseStyleNumber('abc', { min: 0, max: 1 })).toMatchObject({
      ok: false,
      error: { key: 'styles.error.number' },
    });
    expect(parseStyleNumber('120', { min: 0, max: 100 })).toMatchObject({
      ok: false,
      error: { key: 'styles.error.range' },
    });
  });

  it('reads span columns as a count or all/全部/通栏', () => {
    expect(parseSpanColumns('all')).toEqual({ ok: true, value: 'all' });
    expect(parseSpanColumns('全部')).toEqual({ ok: true, value: 'all' });
    expect(parseSpanColumns('通栏')).toEqual({ ok: true, value: 'all' });
    expect(parseSpanColumns('3')).toEqual({ ok: true, value: 3 });
    expect(parseSpanColumns('0').ok).toBe(false);
    expect(parseSpanColumns('1.5').ok).toBe(false);
  });
});

describe('font weights', () => {
  it('keeps a weight the family has and picks the nearest one it lacks', () => {
    // Noto Serif SC is bundled from 200 to 900, Noto Sans SC from 100.
    expect(nearestWeight('Noto Sans SC', 100)).toBe(100);
    expect(nearestWeight('Noto Serif SC', 100)).toBe(200);
    expect(nearestWeight('Noto Serif SC', 700)).toBe(700);
  });
});

describe('messages', () => {
  it('every field error reads in both languages with the text the user typed', () => {
    const failures = [
      parseTypeSize('大五'),
      parseStyleLength('abc', { bodySize: 9, defaultUnit: 'mm' }),
      parseStyleNumber('x', { min: 0, max: 1 }),
      parseStyleNumber('5', { min: 0, max: 1 }),
      parseStyleNumber('0.5', { min: 0, max: 1, integer: true }),
      parseSpanColumns('zero'),
    ];
    for (const failure of failures) {
      expect(failure.ok).toBe(false);
      if (failure.ok) continue;
      for (const language of ['en', 'zh-Hans'] as const) {
        const message = translate(language, failure.error.key, failure.error.values);
        expect(message).toContain(String(failure.error.values.text));
        expect(message).not.toMatch(/\{\{/);
      }
    }
    // The Chinese strings are Chinese, not copies of the English ones.
    expect(locales['zh-Hans']['styles.field.kinsoku']).toBe('避头尾');
    expect(locales.en['styles.field.kinsoku']).not.toBe(locales['zh-Hans']['styles.field.kinsoku']);
  });
});
