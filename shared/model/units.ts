/**
 * Units the user types and reads: mm, pt, in, 号 sizes and 字 (characters of
 * the body size). Inside the model every length is in points; these helpers
 * convert at the edges (panels, importers, presets).
 */
import type { Pt } from './types';

/** Points per millimetre (1 in = 25.4 mm = 72 pt). */
export const PT_PER_MM = 72 / 25.4;
/** Points per inch. */
export const PT_PER_IN = 72;

export const mmToPt = (mm: number): Pt => mm * PT_PER_MM;
export const ptToMm = (pt: Pt): number => pt / PT_PER_MM;
export const inToPt = (inches: number): Pt => inches * PT_PER_IN;
export const ptToIn = (pt: Pt): number => pt / PT_PER_IN;

/** A 号 size: its Chinese name and its size in points. */
export interface HaoSize {
  name: string;
  pt: Pt;
}

/**
 * The common 号 table (TYPESETTING.md; clreq notes that foundries differ).
 * Ordered from largest to smallest.
 */
export const HAO_SIZES: readonly HaoSize[] = [
  { name: '初号', pt: 42 },
  { name: '小初', pt: 36 },
  { name: '一号', pt: 26 },
  { name: '小一', pt: 24 },
  { name: '二号', pt: 22 },
  { name: '小二', pt: 18 },
  { name: '三号', pt: 16 },
  { name: '小三', pt: 15 },
  { name: '四号', pt: 14 },
  { name: '小四', pt: 12 },
  { name: '五号', pt: 10.5 },
  { name: '小五', pt: 9 },
  { name: '六号', pt: 7.5 },
  { name: '小六', pt: 6.5 },
  { name: '七号', pt: 5.5 },
];

/** Alternative spellings users type for the same sizes. */
const HAO_ALIASES: Record<string, string> = {
  '0号': '初号',
  小初号: '小初',
  '1号': '一号',
  小一号: '小一',
  '2号': '二号',
  小二号: '小二',
  '3号': '三号',
  小三号: '小三',
  '4号': '四号',
  小四号: '小四',
  '5号': '五号',
  小五号: '小五',
  '6号': '六号',
  小六号: '小六',
  '7号': '七号',
};

/** The size in pt of a 号 name (五号 → 10.5), or null when the name is unknown. */
export function haoToPt(name: string): Pt | null {
  const key = HAO_ALIASES[name.trim()] ?? name.trim();
  return HAO_SIZES.find((h) => h.name === key)?.pt ?? null;
}

/** The 号 name of a size in pt (10.5 → 五号), or null when no 号 has exactly that size. */
export function ptToHao(pt: Pt): string | null {
  return HAO_SIZES.find((h) => Math.abs(h.pt - pt) < 1e-6)?.name ?? null;
}

/** n characters (字) of the given body size, in points. */
export const ziToPt = (n: number, bodySize: Pt): Pt => n * bodySize;
/** A length in characters (字) of the given body size. */
export const ptToZi = (pt: Pt, bodySize: Pt): number => pt / bodySize;

export type LengthUnit = 'pt' | 'mm' | 'in' | 'zi' | 'hao';

/** The result of parsing a length the user typed. */
export type ParsedLength = { ok: true; pt: Pt; unit: LengthUnit } | { ok: false; error: string };

const UNIT_WORDS: Record<string, Exclude<LengthUnit, 'hao'>> = {
  pt: 'pt',
  点: 'pt',
  磅: 'pt',
  mm: 'mm',
  毫米: 'mm',
  in: 'in',
  '"': 'in',
  英寸: 'in',
  字: 'zi',
  em: 'zi',
};

/**
 * Parses a length as a user types it: "3mm", "10.5pt", "10.5", "五号",
 * "小五", "2字", "0.5in". A bare number is read in `defaultUnit`.
 * `bodySize` (pt) converts 字.
 */
export function parseLength(
  text: string,
  options: { bodySize?: Pt; defaultUnit?: Exclude<LengthUnit, 'hao'> } = {},
): ParsedLength {
  const input = text.trim().replace(/\s+/g, '');
  if (input === '')
    return { ok: false, error: 'Empty length: type a number with a unit, e.g. 3mm or 10.5pt.' };
  const hao = haoToPt(input);
  if (hao !== null) return { ok: true, pt: hao, unit: 'hao' };
  const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(.*)$/.exec(input);
  if (!match)
    return { ok: false, error: `"${text.trim()}" is not a length: type e.g. 3mm, 10.5pt, 五号 or 2字.` };
  const value = Number(match[1]);
  const unitWord = match[2].toLowerCase();
  const unit = unitWord === '' ? (options.defaultUnit ?? 'pt') : UNIT_WORDS[unitWord];
  if (!unit) {
    return {
      ok: false,
      error: `Unknown unit "${match[2]}" in "${text.trim()}": use pt, mm, in, 字 or a 号 size.`,
    };
  }
  switch (unit) {
    case 'pt':
      return { ok: true, pt: value, unit };
    case 'mm':
      return { ok: true, pt: mmToPt(value), unit };
    case 'in':
      return { ok: true, pt: inToPt(value), unit };
    case 'zi':
      if (options.bodySize === undefined || !(options.bodySize > 0)) {
        return { ok: false, error: `"${text.trim()}" is in 字, but no body size is known to convert it.` };
      }
      return { ok: true, pt: ziToPt(value, options.bodySize), unit };
  }
}

/** Rounds to at most `digits` decimals and drops trailing zeros. */
function trimNumber(value: number, digits: number): string {
  const rounded = Number(value.toFixed(digits));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/**
 * Formats a length in points for display in the given unit: "3mm",
 * "10.5pt", "2字", "五号" (a 号 unit falls back to pt when the size has no
 * 号 name).
 */
export function formatLength(
  pt: Pt,
  unit: LengthUnit,
  options: { bodySize?: Pt; digits?: number } = {},
): string {
  const digits = options.digits ?? 2;
  switch (unit) {
    case 'pt':
      return `${trimNumber(pt, digits)}pt`;
    case 'mm':
      return `${trimNumber(ptToMm(pt), digits)}mm`;
    case 'in':
      return `${trimNumber(ptToIn(pt), digits + 1)}in`;
    case 'zi': {
      const body = options.bodySize;
      if (body === undefined || !(body > 0)) return `${trimNumber(pt, digits)}pt`;
      return `${trimNumber(ptToZi(pt, body), digits)}字`;
    }
    case 'hao':
      return ptToHao(pt) ?? `${trimNumber(pt, digits)}pt`;
  }
}
