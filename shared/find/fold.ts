/**
 * Width folding for width-insensitive search: full-width and half-width
 * forms of the same character compare alike (，/, ０/0 Ａ/A, the ideographic
 * space and a space, ｶ/カ). Folding is Unicode NFKC applied one code point at
 * a time, so every folded unit can be traced back to the character of the
 * original text it came from: a match found in the folded text is reported
 * at the real characters of the story, never at folded ones.
 */

/** A text folded for matching, with the way back to the original. */
export interface FoldedText {
  /** The folded text that patterns run on. */
  text: string;
  /** For each UTF-16 unit of `text`: where the original character it came from starts. */
  starts: Uint32Array;
  /** For each UTF-16 unit of `text`: where that original character ends. */
  ends: Uint32Array;
  /** True when folding changed nothing (then offsets are the same both ways). */
  identity: boolean;
}

const folds = new Map<number, string>();

/**
 * The folded form of one code point. ASCII and the common Han block are
 * their own fold (the fast path for Chinese copy); anything else asks NFKC
 * once and remembers the answer.
 */
export function foldCodePoint(cp: number): string | null {
  if (cp < 0x80 || (cp >= 0x4e00 && cp <= 0x9fff)) return null;
  let folded = folds.get(cp);
  if (folded === undefined) {
    const char = String.fromCodePoint(cp);
    folded = char.normalize('NFKC');
    folds.set(cp, folded);
  }
  return folded === String.fromCodePoint(cp) ? null : folded;
}

/** Folds a whole text (a paragraph) and keeps the offset map back to it. */
export function foldWidth(original: string): FoldedText {
  const n = original.length;
  // Most Chinese copy folds unit for unit (，→,); NFKC may also expand (℃ → °C): grow then.
  let starts = new Uint32Array(n + 8);
  let ends = new Uint32Array(n + 8);
  let out = 0;
  let changed = false;
  let parts: string[] | null = null;
  let copiedUpTo = 0;
  for (let i = 0; i < n;) {
    const unit = original.charCodeAt(i);
    const wide = unit >= 0xd800 && unit <= 0xdbff && i + 1 < n;
    const cp = wide ? original.codePointAt(i)! : unit;
    const width = wide ? 2 : 1;
    const folded = foldCodePoint(cp);
    const length = folded === null ? width : folded.length;
    if (out + length > starts.length) {
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(Math.max(a.length * 2, out + length + 8));
        b.set(a);
        return b;
      };
      starts = grow(starts);
      ends = grow(ends);
    }
    for (let k = 0; k < length; k++) {
      starts[out + k] = i;
      ends[out + k] = i + width;
    }
    out += length;
    if (folded !== null) {
      changed = true;
      parts ??= [];
      parts.push(original.slice(copiedUpTo, i), folded);
      copiedUpTo = i + width;
    }
    i += width;
  }
  if (!changed || !parts) return identityFold(original);
  parts.push(original.slice(copiedUpTo));
  return {
    text: parts.join(''),
    starts: starts.subarray(0, out),
    ends: ends.subarray(0, out),
    identity: false,
  };
}

function identityFold(text: string): FoldedText {
  return { text, starts: new Uint32Array(0), ends: new Uint32Array(0), identity: true };
}

/** Maps a range [from, to) of the folded text to the range of original characters it covers. */
export function toOriginalRange(
  folded: FoldedText,
  from: number,
  to: number,
): { start: number; end: number } {
  if (folded.identity) return { start: from, end: to };
  if (to <= from) {
    const at = from < folded.starts.length ? folded.starts[from] : originalLength(folded);
    return { start: at, end: at };
  }
  return { start: folded.starts[from], end: folded.ends[to - 1] };
}

function originalLength(folded: FoldedText): number {
  const n = folded.ends.length;
  return n ? folded.ends[n - 1] : 0;
}

/** Folds a plain search string the same way the text is folded. */
export function foldString(text: string): string {
  return foldWidth(text).text;
}
