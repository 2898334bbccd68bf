/**
 * Character classes the Chinese and Latin line-breaking rules need
 * (clreq; GB/T 15834—2011; UAX #14 for the Latin side).
 */
import type { KinsokuLevel } from '../../model/types';

/** Han ideographs, kana and bopomofo: characters set on the em grid. */
export function isIdeograph(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x3ffff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0x3100 && cp <= 0x312f) ||
    (cp >= 0x31a0 && cp <= 0x31ff) ||
    cp === 0x3005 ||
    cp === 0x3006 ||
    cp === 0x3007
  );
}

/** Full-width (CJK) punctuation and symbols, including the marks Unicode shares with Latin. */
export function isCjkPunctuation(cp: number): boolean {
  return (
    (cp >= 0x3000 && cp <= 0x303f && cp !== 0x3005 && cp !== 0x3006 && cp !== 0x3007) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0xfe10 && cp <= 0xfe1f) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    cp === 0x2014 ||
    cp === 0x2015 ||
    cp === 0x2026 ||
    cp === 0x2018 ||
    cp === 0x2019 ||
    cp === 0x201c ||
    cp === 0x201d ||
    cp === 0x00b7 ||
    cp === 0x2027 ||
    cp === 0x30fb
  );
}

/** Anything set by Chinese rules: ideographs and full-width punctuation. */
export function isCjk(cp: number): boolean {
  return isIdeograph(cp) || isCjkPunctuation(cp);
}

export function isLatinLetter(cp: number): boolean {
  return (
    (cp >= 0x41 && cp <= 0x5a) ||
    (cp >= 0x61 && cp <= 0x7a) ||
    (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) ||
    (cp >= 0x370 && cp <= 0x3ff) ||
    (cp >= 0x400 && cp <= 0x4ff)
  );
}

export function isDigit(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39;
}

/** Letters and digits: what Han–Latin spacing separates from Han. */
export function isAlphanumeric(cp: number): boolean {
  return isLatinLetter(cp) || isDigit(cp);
}

/** A breaking word space (hangs at line end, stretches in justification). */
export function isWordSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || (cp >= 0x2000 && cp <= 0x200a && cp !== 0x2007);
}

/** Glue characters: never break on either side. */
export function isGlue(cp: number): boolean {
  return cp === 0xa0 || cp === 0x202f || cp === 0x2060 || cp === 0xfeff || cp === 0x2007 || cp === 0x200d;
}

/** Forced line break inside a paragraph (soft return). */
export function isForcedBreak(cp: number): boolean {
  return cp === 0x0a || cp === 0x2028 || cp === 0x0d;
}

/** `——` (two em dashes or horizontal bars) and `……`: a 2-em unit that never splits. */
export function isDashOrEllipsis(cp: number): boolean {
  return cp === 0x2014 || cp === 0x2015 || cp === 0x2026;
}

function set(chars: string): Set<number> {
  return new Set([...chars].map((c) => c.codePointAt(0)!));
}

/**
 * Never before these, at every level: Latin closing punctuation and postfix
 * units (UAX #14 classes CL, CP, IS, EX, PO), so `3.5%`, `word,` stay whole.
 */
const LATIN_NO_START = set(',.;:!?)]}%‰℃°′″');
/** Never after these, at every level: Latin opening punctuation and prefix units (OP, PR). */
const LATIN_NO_END = set('([{$£¥€#');

const BASIC_NO_START = set('、，。．：；！？”’）》〉」』】〕〗〙〛·・‧～〜–‐‑﹏');
const BASIC_NO_END = set('“‘（《〈「『【〔〖〘〚');
const GB_NO_START = set(
  '％‰℃°′″＂＇］｝〟〞々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶー〙〛／',
);
const GB_NO_END = set('［｛＄￥￡〝');

export interface KinsokuRules {
  noStart(cp: number): boolean;
  noEnd(cp: number): boolean;
  /** Strict: `——` and `……` may not start a line either. */
  dashesMayNotStart: boolean;
}

/** The line-start / line-end prohibitions for a style's 避头尾 level. */
export function kinsokuRules(level: KinsokuLevel): KinsokuRules {
  const none = level === 'none';
  const gbOrStricter = level === 'gb' || level === 'strict';
  return {
    noStart: (cp) =>
      LATIN_NO_START.has(cp) || (!none && (BASIC_NO_START.has(cp) || (gbOrStricter && GB_NO_START.has(cp)))),
    noEnd: (cp) =>
      LATIN_NO_END.has(cp) || (!none && (BASIC_NO_END.has(cp) || (gbOrStricter && GB_NO_END.has(cp)))),
    dashesMayNotStart: level === 'strict',
  };
}

/** Opening brackets and quotes (their blank half is on the left). */
export const OPENING_MARKS = set('“‘（《〈「『【〔〖〘〚［｛〝');
/** Closing marks (blank half on the right). */
export const CLOSING_MARKS = set('、，。．：；！？”’）》〉」』】〕〗〙〛］｝〟〞');
