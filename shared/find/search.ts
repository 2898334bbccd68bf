/**
 * Find over an edition's stories: every match of a pattern in the stories
 * of a scope (one story, one page, the whole edition), each with the story,
 * paragraph and UTF-16 range of the real characters it covers, the page and
 * frame that show it (through the composition's character map), and a
 * little context for the results list.
 *
 * A paragraph is searched as one text across its leaves (bold and plain
 * runs join), never across paragraphs; `^` and `$` are the paragraph's ends.
 * Field placeholders (folio lines' page number, date …) are not copy and
 * never match.
 */
import type { DisplayList } from '../layout/display-list';
import type { Edition, Id, StoryBlock } from '../model/types';
import { foldWidth, toOriginalRange, type FoldedText } from './fold';
import { PageLocator } from './locate-pages';
import { compilePattern, type CompiledPattern, type FindOptions } from './pattern';

export type FindScope =
  { kind: 'edition' } | { kind: 'story'; storyId: Id } | { kind: 'page'; pageIndex: number };

export interface FindMatch {
  storyId: Id;
  /** Paragraph index in the story. */
  block: number;
  /** UTF-16 range [start, end) of the original characters in the paragraph's text. */
  start: number;
  end: number;
  /** The characters matched, as they are in the story. */
  text: string;
  /** Regex groups ($1 …) as original text; undefined for a group that did not take part. */
  groups: (string | undefined)[];
  /** Named groups ($<name>). */
  namedGroups: Record<string, string | undefined>;
  /** Zero-based page that shows the match, or null when it is overset or in no frame. */
  pageIndex: number | null;
  frameId: Id | null;
  /** Text around the match in its paragraph, for the results list. */
  before: string;
  after: string;
}

export interface FindRequest extends FindOptions {
  scope?: FindScope;
}

export interface FindResult {
  matches: FindMatch[];
  /** How many stories were searched. */
  stories: number;
}

/** Characters of context shown each side of a match. */
export const CONTEXT_CHARS = 14;

const OBJECT_REPLACEMENT = '\uFFFC';

interface PreparedBlock {
  /** The paragraph's text, with field placeholders masked. */
  text: string;
  /** Ranges of field leaves (never matched). */
  fields: [number, number][];
  folded: FoldedText | null;
}

// Blocks are immutable values (operations replace, never mutate), so their prepared text can be kept.
const prepared = new WeakMap<StoryBlock, PreparedBlock>();

function prepare(block: StoryBlock, fold: boolean): PreparedBlock {
  let entry = prepared.get(block);
  if (!entry) {
    let text = '';
    const fields: [number, number][] = [];
    for (const leaf of block.children) {
      if (leaf.field) {
        fields.push([text.length, text.length + leaf.text.length]);
        text += OBJECT_REPLACEMENT.repeat(leaf.text.length);
      } else text += leaf.text;
    }
    entry = { text, fields, folded: null };
    prepared.set(block, entry);
  }
  if (fold && !entry.folded) entry.folded = foldWidth(entry.text);
  return entry;
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;
const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A word character for whole-word matching: letters and digits, but not Han (each is a word of its own). */
function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char) && !HAN.test(char);
}

function charBefore(text: string, at: number): string | undefined {
  if (at <= 0) return undefined;
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) return text.slice(at - 2, at);
  return text[at - 1];
}

function charAt(text: string, at: number): string | undefined {
  if (at >= text.length) return undefined;
  const cp = text.codePointAt(at)!;
  return String.fromCodePoint(cp);
}

/** Whether [start, end) is a whole word: no Latin letter or digit runs on past either end. */
export function isWholeWord(text: string, start: number, end: number): boolean {
  const first = charAt(text, start);
  const last = charBefore(text, end);
  if (isWordChar(first) && isWordChar(charBefore(text, start))) return false;
  if (isWordChar(last) && isWordChar(charAt(text, end))) return false;
  return true;
}

function overlapsField(fields: [number, number][], start: number, end: number): boolean {
  for (const [a, b] of fields) if (start < b && end > a) return true;
  return false;
}

/** Context before and after a range, cut at code point boundaries. */
export function contextAround(text: string, start: number, end: number, chars = CONTEXT_CHARS) {
  // A window of twice the length in UTF-16 units always holds `chars` code points.
  const beforeChars = Array.from(text.slice(Math.max(0, start - 2 * chars), start));
  const afterChars = Array.from(text.slice(end, end + 2 * chars));
  return {
    before: beforeChars
      .slice(Math.max(0, beforeChars.length - chars))
      .join('')
      .replaceAll(OBJECT_REPLACEMENT, ''),
    after: afterChars.slice(0, chars).join('').replaceAll(OBJECT_REPLACEMENT, ''),
  };
}

/** Every match of a compiled pattern in one paragraph (offsets in the original text). */
export function matchBlock(
  block: StoryBlock,
  compiled: CompiledPattern,
): {
  start: number;
  end: number;
  groups: (string | undefined)[];
  named: Record<string, string | undefined>;
}[] {
  const { options } = compiled;
  const entry = prepare(block, options.widthInsensitive);
  const original = entry.text;
  // The cache may hold the folded text from an earlier width-insensitive search: use it only for one.
  const folded = options.widthInsensitive ? entry.folded : null;
  const haystack = folded ? folded.text : original;
  const regexp = compiled.regexp;
  regexp.lastIndex = 0;
  const out: ReturnType<typeof matchBlock> = [];
  let m: RegExpExecArray | null;
  while ((m = regexp.exec(haystack)) !== null) {
    const from = m.index;
    const to = from + m[0].length;
    if (to === from) {
      // An empty match finds nothing to show or replace; step over a whole code point.
      regexp.lastIndex = from + (haystack.codePointAt(from)! > 0xffff ? 2 : 1);
      if (from >= haystack.length) break;
      continue;
    }
    const { start, end } = folded ? toOriginalRange(folded, from, to) : { start: from, end: to };
    if (
      (options.wholeWord && !isWholeWord(original, start, end)) ||
      (entry.fields.length > 0 && overlapsField(entry.fields, start, end))
    ) {
      // Rejected here, but a match may still start inside it.
      regexp.lastIndex = from + (haystack.codePointAt(from)! > 0xffff ? 2 : 1);
      continue;
    }
    out.push({ start, end, ...groupsOf(m, original, folded) });
  }
  return out;
}

function groupsOf(
  m: RegExpExecArray,
  original: string,
  folded: FoldedText | null,
): { groups: (string | undefined)[]; named: Record<string, string | undefined> } {
  const groups: (string | undefined)[] = [];
  const named: Record<string, string | undefined> = {};
  if (m.length <= 1 && !m.groups) return { groups, named };
  // Through a width fold the groups hold folded text; give back the story's own characters.
  const indices = folded && !folded.identity ? m.indices : undefined;
  const originalOf = (range: [number, number] | undefined, value: string | undefined) => {
    if (value === undefined) return undefined;
    if (!indices || !range || !folded) return value;
    const { start, end } = toOriginalRange(folded, range[0], range[1]);
    return original.slice(start, end);
  };
  for (let g = 1; g < m.length; g++) groups.push(originalOf(indices?.[g], m[g]));
  if (m.groups) {
    for (const name of Object.keys(m.groups))
      named[name] = originalOf(indices?.groups?.[name], m.groups[name]);
  }
  return { groups, named };
}

/** The stories a scope covers, in reading order (then any story on no page). */
function storiesInScope(edition: Edition, scope: FindScope, locator: PageLocator): Id[] {
  if (scope.kind === 'story') return edition.stories[scope.storyId] ? [scope.storyId] : [];
  if (scope.kind === 'page')
    return locator.storyOrder.filter((id) => locator.storiesOnPage(scope.pageIndex).has(id));
  const seen = new Set(locator.storyOrder.filter((id) => edition.stories[id]));
  return [...seen, ...Object.keys(edition.stories).filter((id) => !seen.has(id))];
}

/**
 * Finds every match in the scope. `displayList` may be null (no page
 * numbers then); pass a prebuilt PageLocator when searching repeatedly
 * over the same composition.
 */
export function findInEdition(
  edition: Edition,
  displayList: DisplayList | null,
  request: FindRequest,
  locator: PageLocator = new PageLocator(displayList),
): FindResult {
  const compiled = compilePattern(request);
  const scope = request.scope ?? { kind: 'edition' };
  const storyIds = storiesInScope(edition, scope, locator);
  const matches: FindMatch[] = [];
  for (const storyId of storyIds) {
    const story = edition.stories[storyId];
    story.blocks.forEach((block, blockIndex) => {
      for (const hit of matchBlock(block, compiled)) {
        const place = locator.locate(storyId, blockIndex, hit.start);
        if (scope.kind === 'page' && place?.pageIndex !== scope.pageIndex) continue;
        const text = prepare(block, false).text;
        matches.push({
          storyId,
          block: blockIndex,
          start: hit.start,
          end: hit.end,
          text: text.slice(hit.start, hit.end),
          groups: hit.groups,
          namedGroups: hit.named,
          pageIndex: place?.pageIndex ?? null,
          frameId: place?.frameId ?? null,
          ...contextAround(text, hit.start, hit.end),
        });
      }
    });
  }
  // Page order, then the stories' reading order, then the place in the story; overset text last.
  const rank = new Map(storyIds.map((id, i) => [id, i]));
  const page = (m: FindMatch) => m.pageIndex ?? Number.MAX_SAFE_INTEGER;
  matches.sort(
    (a, b) =>
      page(a) - page(b) ||
      rank.get(a.storyId)! - rank.get(b.storyId)! ||
      a.block - b.block ||
      a.start - b.start,
  );
  return { matches, stories: storyIds.length };
}
