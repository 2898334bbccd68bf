/**
 * What a user types into a style field, read into model values, and model
 * values written back as the user reads them: type sizes in pt, 号 or mm
 * (`10.5`, `小四`, `3.7mm`), lengths in mm, pt or 字 (`2字` of the style's
 * own size), tracking in 1/1000 em, counts, tints and span columns (a number
 * or `all`/`全部`). Errors come back as message keys with values so the
 * panel shows them in the interface language.
 */
import type { ParagraphLength, Pt } from '../model/types';
import { type LengthUnit, formatLength, parseLength, ptToHao } from '../model/units';
import { FONT_WEIGHTS } from '../model/defaults';

/** A message key of the shared locales plus its placeholder values. */
export interface FieldMessage {
  key:
    | 'styles.error.length'
    | 'styles.error.size'
    | 'styles.error.number'
    | 'styles.error.range'
    | 'styles.error.integer'
    | 'styles.error.span';
  values: Record<string, string | number>;
}

export type FieldParse<V> = { ok: true; value: V } | { ok: false; error: FieldMessage };

const fail = <V>(key: FieldMessage['key'], values: Record<string, string | number>): FieldParse<V> => ({
  ok: false,
  error: { key, values },
});

/** A type size: pt (bare numbers too), a 号 name, or mm; remembers whether the user chose 号. */
export function parseTypeSize(text: string): FieldParse<{ pt: Pt; unit: 'pt' | 'hao' }> {
  const parsed = parseLength(text, { defaultUnit: 'pt' });
  if (!parsed.ok || parsed.unit === 'zi') return fail('styles.error.size', { text: text.trim() });
  if (!(parsed.pt >= 1 && parsed.pt <= 1000))
    return fail('styles.error.range', { text: text.trim(), min: '1pt', max: '1000pt' });
  return { ok: true, value: { pt: round(parsed.pt), unit: parsed.unit === 'hao' ? 'hao' : 'pt' } };
}

/** A type size as the style shows it: its 号 name when the user chose 号 and one fits, else pt. */
export function formatTypeSize(pt: Pt, unit: 'pt' | 'hao'): string {
  if (unit === 'hao' && ptToHao(pt)) return ptToHao(pt)!;
  return formatLength(pt, 'pt');
}

/**
 * A length (indent, space, leading): mm, pt, in or 字 of `bodySize`; a bare
 * number is read in `defaultUnit`. `allowNegative` for first-line indents
 * (hanging indents) and baseline shifts.
 */
export function parseStyleLength(
  text: string,
  options: { bodySize: Pt; defaultUnit: 'pt' | 'mm' | 'zi'; allowNegative?: boolean; max?: Pt },
): FieldParse<Pt> {
  const parsed = parseLength(text, { bodySize: options.bodySize, defaultUnit: options.defaultUnit });
  if (!parsed.ok) return fail('styles.error.length', { text: text.trim() });
  const max = options.max ?? 2000;
  const min = options.allowNegative ? -max : 0;
  if (!(parsed.pt >= min && parsed.pt <= max))
    return fail('styles.error.range', { text: text.trim(), min: `${min}pt`, max: `${max}pt` });
  return { ok: true, value: round(parsed.pt) };
}

/**
 * A paragraph indent or space as typed: 字 or em (`2字`, `2em`) is kept in
 * em, so it follows the paragraph's size; mm, pt and in are kept in points.
 * A bare number is read in `defaultUnit` ('zi' = em). The range is checked
 * in points at `bodySize`.
 */
export function parseParagraphLength(
  text: string,
  options: { bodySize: Pt; defaultUnit: 'pt' | 'mm' | 'zi'; allowNegative?: boolean; max?: Pt },
): FieldParse<ParagraphLength> {
  // With a body size of 1, a length in 字 parses to its count of em.
  const parsed = parseLength(text, { bodySize: 1, defaultUnit: options.defaultUnit });
  if (!parsed.ok || parsed.unit === 'hao') return fail('styles.error.length', { text: text.trim() });
  const em = parsed.unit === 'zi';
  const pt = em ? parsed.pt * options.bodySize : parsed.pt;
  const max = options.max ?? 2000;
  const min = options.allowNegative ? -max : 0;
  if (!(pt >= min && pt <= max))
    return fail('styles.error.range', { text: text.trim(), min: `${min}pt`, max: `${max}pt` });
  return { ok: true, value: em ? { value: round(parsed.pt), unit: 'em' } : round(parsed.pt) };
}

/**
 * A paragraph indent or space as the field shows it: in em as `2字` (or
 * `2em`, `emWord`), in points in the view's unit (mm or pt; a view in 字
 * shows points as pt, since only a value kept in em follows the size).
 */
export function formatParagraphLength(
  length: ParagraphLength,
  viewUnit: 'pt' | 'mm' | 'zi',
  emWord: '字' | 'em',
): string {
  if (typeof length !== 'number') return `${Number(length.value.toFixed(2))}${emWord}`;
  return formatLength(length, viewUnit === 'zi' ? 'pt' : viewUnit);
}

/** The unit a bare number in a paragraph length field is read in: the one the field shows. */
export function paragraphLengthUnit(
  length: ParagraphLength,
  viewUnit: 'pt' | 'mm' | 'zi',
): 'pt' | 'mm' | 'zi' {
  if (typeof length !== 'number') return 'zi';
  return viewUnit === 'zi' ? 'pt' : viewUnit;
}

/** A length for display in the user's units (the view's mm/pt/字). */
export function formatStyleLength(pt: Pt, unit: 'pt' | 'mm' | 'zi', bodySize: Pt): string {
  return formatLength(pt, unit as LengthUnit, { bodySize });
}

/** A plain number (tracking, Han–Latin space, tint, widows …) within bounds. */
export function parseStyleNumber(
  text: string,
  options: { min: number; max: number; integer?: boolean; suffixes?: readonly string[] },
): FieldParse<number> {
  let input = text.trim().replace(/\s+/g, '');
  for (const suffix of options.suffixes ?? []) {
    if (input.toLowerCase().endsWith(suffix)) {
      input = input.slice(0, input.length - suffix.length);
      break;
    }
  }
  const fraction = /^([+-]?\d+)\/(\d+)$/.exec(input);
  const value = fraction ? Number(fraction[1]) / Number(fraction[2]) : input === '' ? NaN : Number(input);
  if (!Number.isFinite(value)) return fail('styles.error.number', { text: text.trim() });
  if (options.integer && !Number.isInteger(value)) return fail('styles.error.integer', { text: text.trim() });
  if (value < options.min || value > options.max)
    return fail('styles.error.range', { text: text.trim(), min: options.min, max: options.max });
  return { ok: true, value: round(value) };
}

const ALL_WORDS = new Set(['all', '全部', '全', '通栏']);

/** Span columns: a whole number from 1, or `all` (全部/通栏) for the whole frame. */
export function parseSpanColumns(text: string): FieldParse<number | 'all'> {
  const input = text.trim().toLowerCase();
  if (ALL_WORDS.has(input)) return { ok: true, value: 'all' };
  const value = Number(input);
  if (input === '' || !Number.isInteger(value) || value < 1 || value > 40)
    return fail('styles.error.span', { text: text.trim() });
  return { ok: true, value };
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/**
 * The weight of a bundled `family` closest to `weight` (the lighter one on a
 * tie), for switching a style to a family that lacks its current weight.
 */
export function nearestWeight(family: string, weight: number): number {
  const weights = FONT_WEIGHTS[family] ?? [400];
  return weights.reduce((best, w) => (Math.abs(w - weight) < Math.abs(best - weight) ? w : best), weights[0]);
}
