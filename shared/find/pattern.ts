/**
 * What the user typed in the Find field, turned into one RegExp that runs on
 * a paragraph's (possibly width-folded) text. Plain text is escaped; a
 * regular expression is checked here so a mistake is reported once, in the
 * user's words, before anything is searched.
 */
import { foldCodePoint, foldString } from './fold';

export interface FindOptions {
  /** What to look for: plain text, or a JavaScript regular expression when `regex` is set. */
  pattern: string;
  regex?: boolean;
  /** Latin words and numbers only match whole (Han characters are words of their own). */
  wholeWord?: boolean;
  caseSensitive?: boolean;
  /** Full-width and half-width forms match alike (，/, ０/0 Ａ/A), by NFKC folding. */
  widthInsensitive?: boolean;
}

/** A pattern that cannot be searched for; the message says why in one line. */
export class FindPatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FindPatternError';
  }
}

export interface CompiledPattern {
  regexp: RegExp;
  options: Required<FindOptions>;
}

const SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/']);

export function escapeRegExp(text: string): string {
  let out = '';
  // Outside a class "-" is a literal, and escaping it is an error in Unicode mode.
  for (const char of text) out += SYNTAX.has(char) ? `\\${char}` : char;
  return out;
}

/**
 * Folds the literal characters of a regular expression's source. Only
 * non-ASCII characters fold, and they are always literals in a pattern; if
 * one folds to a character that means something to the RegExp syntax
 * (（ → "(", ＊ → "*"), it is escaped so it stays the literal it was.
 */
export function foldRegExpSource(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length;) {
    const cp = source.codePointAt(i)!;
    const char = String.fromCodePoint(cp);
    i += char.length;
    if (char === '\\') {
      // An escape and the character it escapes pass through as written.
      const next = source.codePointAt(i);
      out += char;
      if (next !== undefined) {
        const escaped = String.fromCodePoint(next);
        out += escaped;
        i += escaped.length;
      }
      continue;
    }
    if (char === '[' && !inClass) inClass = true;
    else if (char === ']' && inClass) inClass = false;
    const folded = foldCodePoint(cp);
    if (folded === null) {
      out += char;
      continue;
    }
    for (const f of folded) out += SYNTAX.has(f) || (inClass && f === '-') ? `\\${f}` : f;
  }
  return out;
}

/** Compiles the user's pattern; throws FindPatternError for an empty or invalid one. */
export function compilePattern(input: FindOptions): CompiledPattern {
  const options: Required<FindOptions> = {
    pattern: input.pattern,
    regex: Boolean(input.regex),
    wholeWord: Boolean(input.wholeWord),
    caseSensitive: Boolean(input.caseSensitive),
    widthInsensitive: Boolean(input.widthInsensitive),
  };
  if (options.pattern.length === 0) throw new FindPatternError('the search pattern is empty');
  let source: string;
  if (options.regex) source = options.widthInsensitive ? foldRegExpSource(options.pattern) : options.pattern;
  else source = escapeRegExp(options.widthInsensitive ? foldString(options.pattern) : options.pattern);
  // `d` (match indices) lets regex groups be mapped back through the width fold.
  const flags =
    'gu' + (options.caseSensitive ? '' : 'i') + (options.regex && options.widthInsensitive ? 'd' : '');
  try {
    return { regexp: new RegExp(source, flags), options };
  } catch (error) {
    const detail = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    throw new FindPatternError(`invalid regular expression ${JSON.stringify(options.pattern)}: ${detail}`);
  }
}
