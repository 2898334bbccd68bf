/**
 * Half-width punctuation in Chinese text → full-width, as a Chinese desk sets
 * it (GB/T 15834—2011). OCR and reporters' keyboards leave `, ; : ( ) ! ?`
 * half-width; next to Han characters they become `，；：（）！？`. Numbers
 * (`21.8`, `1,000`, `12:30`), Latin phrases (`Hello, world`) and URLs or
 * e-mail addresses are left alone.
 */
import { isAsciiDigit, isChineseContext, isHan } from './script';

const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
  '!': '！',
  '?': '？',
};

/** Quotes and spaces are looked through when deciding what a mark stands next to. */
const TRANSPARENT = /[ \t\u00a0"'\u2018\u2019\u201c\u201d]/;

/** Offsets inside URLs and e-mail addresses, which keep their punctuation. */
function protectedOffsets(text: string): Set<number> {
  const protectedSet = new Set<number>();
  const patterns = [
    /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s\u3000-\u303f\uff00-\uffef\u3400-\u9fff]+/gi,
    /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g,
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      let value = match[0];
      // A URL at the end of a clause does not own the mark after it: "见 www.a.cn)".
      while (/[.,;:!?)]$/.test(value) && !(value.endsWith(')') && value.includes('('))) {
        value = value.slice(0, -1);
      }
      for (let i = 0; i < value.length; i++) protectedSet.add(match.index + i);
    }
  }
  return protectedSet;
}

function neighbour(text: string, index: number, step: -1 | 1): string | undefined {
  for (let i = index + step; i >= 0 && i < text.length; i += step) {
    if (!TRANSPARENT.test(text[i])) return text[i];
  }
  return undefined;
}

/** Index of the matching bracket for each '(' and ')' that has one. */
function matchBrackets(text: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '（') open.push(i);
    else if ((ch === ')' || ch === '）') && open.length > 0) {
      const start = open.pop()!;
      pairs.set(start, i);
      pairs.set(i, start);
    }
  }
  return pairs;
}

function containsHan(text: string): boolean {
  for (const ch of text) if (isHan(ch)) return true;
  return false;
}

export interface PunctuationEdits {
  /** The replacement for each character of the input ('' where a space was dropped). */
  edits: string[];
  /** How many marks were made full-width. */
  fixed: number;
}

/**
 * Works out which half-width marks of `text` become full-width. The result
 * is per character so that marked runs (bold, italic) keep their marks.
 */
export function punctuationEdits(text: string): PunctuationEdits {
  const edits = Array.from({ length: text.length }, (_, i) => text[i]);
  const skip = protectedOffsets(text);
  const brackets = matchBrackets(text);
  let fixed = 0;

  const becomesFullWidth = (i: number): boolean => {
    const ch = text[i];
    if (!(ch in FULL_WIDTH) || skip.has(i)) return false;
    const before = text[i - 1];
    const after = text[i + 1];
    // 1,000 and 12:30 are numbers, whatever stands around them.
    if ((ch === ',' || ch === ':' || ch === ';') && isAsciiDigit(before) && isAsciiDigit(after)) return false;
    if (ch === '(' || ch === ')') {
      const partner = brackets.get(i);
      if (partner !== undefined) {
        const [open, close] = ch === '(' ? [i, partner] : [partner, i];
        return (
          containsHan(text.slice(open + 1, close)) ||
          isChineseContext(neighbour(text, open, -1)) ||
          isChineseContext(neighbour(text, close, 1))
        );
      }
    }
    return isChineseContext(neighbour(text, i, -1)) || isChineseContext(neighbour(text, i, 1));
  };

  for (let i = 0; i < text.length; i++) {
    if (!becomesFullWidth(i)) continue;
    edits[i] = FULL_WIDTH[text[i]];
    fixed++;
    // A full-width mark carries its own space: drop the spaces typed around it.
    for (let j = i - 1; j >= 0 && /[ \t\u00a0]/.test(text[j]); j--) edits[j] = '';
    for (let j = i + 1; j < text.length && /[ \t\u00a0]/.test(text[j]); j++) edits[j] = '';
  }
  return { edits, fixed };
}

/** `text` with its half-width punctuation in Chinese context made full-width. */
export function fixPunctuation(text: string): string {
  return punctuationEdits(text).edits.join('');
}
