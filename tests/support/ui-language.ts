/**
 * The rule for "one language in the UI": a string shown in the English UI
 * holds no Han characters, a string shown in the Chinese UI holds no English
 * words. Used on the locale files (tests/unit/services/locales.test.ts) and on
 * what the running app shows (tests/e2e/ui-language.test.ts).
 *
 * What is allowed in either language, and why:
 * - units: mm, pt, px, in, ppi, em, ms and %, and the Chinese type sizes
 *   (五号, 小四 …: the names are the unit; there is no English one);
 * - technical acronyms in capitals (PDF, CMYK, RGB, GB/T) — Chinese UIs
 *   write them so too;
 * - font names (Noto Serif SC …), the product name Folio and file formats
 *   by their own names (Markdown, Word);
 * - keyboard shortcut labels (Ctrl+S, Ctrl/Cmd+D, ⌘⇧Z);
 * - language names in the language picker, each in its own language
 *   (中文, English), so a user can find theirs whatever the UI shows;
 * - user content: the caller passes the edition's story text, story, style,
 *   swatch, master, frame and asset names and file paths.
 */
import { HAO_SIZES } from '../../shared/model/units';

export type UiLanguage = 'en' | 'zh-Hans';

const HAN = /\p{Script=Han}/u;
const FONT_NAMES = ['Noto Serif SC', 'Noto Sans SC', 'Noto Serif', 'Noto Sans'];
const PRODUCT = 'Folio';
/** File formats by their own names, as Chinese UIs write them too. */
const FORMATS = new Set(['Markdown', 'Word']);
const ENDONYMS = ['中文', 'English'];
const UNITS = new Set(['mm', 'pt', 'px', 'in', 'ppi', 'em', 'ms']);
const SHORTCUT = /(?:(?:Ctrl|Cmd|Alt|Shift|Option|Meta)(?:\/(?:Ctrl|Cmd|Alt|Option))?\s*\+\s*)+\S+/g;
const HAO_NAMES = [...HAO_SIZES.map((size) => size.name)].sort((a, b) => b.length - a.length);

export interface AllowList {
  /** User content shown verbatim (names, story text, paths); longest first is not needed. */
  content?: Iterable<string>;
  /** True for the language picker's option texts (endonyms are allowed there). */
  languagePicker?: boolean;
}

/** Removes every allowed substring, longest first, so what is left is the UI's own text. */
function stripAllowed(text: string, allow: AllowList): string {
  // Shortcuts first: "Ctrl+1" must not lose its "1" to a piece of content.
  let rest = text.replace(SHORTCUT, ' ');
  for (const font of FONT_NAMES) rest = rest.split(font).join(' ');
  const content = [...(allow.content ?? [])].filter((s) => s.trim().length > 0);
  content.sort((a, b) => b.length - a.length);
  for (const piece of content) {
    // A one-character name (the swatch 黑) only where it stands alone, not inside a word.
    if ([...piece].length === 1) {
      const escaped = piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      rest = rest.replace(new RegExp(`(?<!\\p{L})${escaped}(?!\\p{L})`, 'gu'), ' ');
    } else rest = rest.split(piece).join(' ');
  }
  if (allow.languagePicker) for (const name of ENDONYMS) rest = rest.split(name).join(' ');
  return rest;
}

/** English words (two letters or more) that are neither units, acronyms nor the product name. */
function englishWords(text: string): string[] {
  const words = text.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]/g) ?? [];
  return words.filter((word) => {
    if (word === PRODUCT || FORMATS.has(word)) return false;
    if (UNITS.has(word)) return false;
    // An acronym: all capitals (PDF, CMYK, RGB, GB, PPI).
    if (/^[A-Z]{2,6}$/.test(word)) return false;
    return true;
  });
}

/**
 * What in `text` belongs to the other language: Han characters in the
 * English UI, English words in the Chinese UI. Empty when the text is fine.
 */
export function foreignPieces(text: string, language: UiLanguage, allow: AllowList = {}): string[] {
  const rest = stripAllowed(text, allow);
  if (language === 'en') {
    let han = rest;
    for (const name of HAO_NAMES) han = han.split(name).join(' ');
    const found = han.match(/[\p{Script=Han}\u3000-\u303f\uff01-\uff5e]+/gu) ?? [];
    return found.filter((piece) => HAN.test(piece));
  }
  return englishWords(rest);
}
