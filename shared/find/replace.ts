/**
 * Replace: matches become model operations, applied through the one apply
 * path like any edit, so a "Replace all" is one undo step and the journal
 * records it. The replacement takes the formatting of the text it replaces
 * (a bold word stays bold; of its last character, where it spans runs).
 */
import type { Operation } from '../model/ops/types';
import type { Edition, Id } from '../model/types';
import type { FindMatch } from './search';

/** The parts of a match that a replacement can refer to. */
export type ReplaceSource = Pick<FindMatch, 'text' | 'groups' | 'namedGroups' | 'before' | 'after'>;

/**
 * Expands a regular-expression replacement as JavaScript's String.replace
 * does: $1…$99 groups, $<name>, $& the match, $$ a dollar sign. Groups hold
 * the story's original characters, also through a width-insensitive fold.
 * ($` and $' are the paragraph's text before and after the match.)
 */
export function expandReplacement(
  template: string,
  match: ReplaceSource,
  paragraph?: string,
  start = 0,
  end = 0,
): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const char = template[i];
    if (char !== '$' || i + 1 >= template.length) {
      out += char;
      continue;
    }
    const next = template[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '&') {
      out += match.text;
      i++;
    } else if (next === '`') {
      out += paragraph !== undefined ? paragraph.slice(0, start) : match.before;
      i++;
    } else if (next === "'") {
      out += paragraph !== undefined ? paragraph.slice(end) : match.after;
      i++;
    } else if (next === '<') {
      const close = template.indexOf('>', i + 2);
      const name = close < 0 ? '' : template.slice(i + 2, close);
      if (close < 0 || !(name in match.namedGroups)) {
        out += char;
        continue;
      }
      out += match.namedGroups[name] ?? '';
      i = close;
    } else if (next >= '0' && next <= '9') {
      const two = template.slice(i + 1, i + 3);
      const n2 = /^\d\d$/.test(two) ? Number(two) : NaN;
      const n1 = Number(next);
      if (n2 >= 1 && n2 <= match.groups.length) {
        out += match.groups[n2 - 1] ?? '';
        i += 2;
      } else if (n1 >= 1 && n1 <= match.groups.length) {
        out += match.groups[n1 - 1] ?? '';
        i += 1;
      } else out += char;
    } else out += char;
  }
  return out;
}

/** A match as replace needs it: where, and what goes there. */
export interface Replacement {
  storyId: Id;
  block: number;
  start: number;
  end: number;
  /** The characters expected there now (a stale result is refused). */
  text: string;
  /** The new text. */
  with: string;
}

/** The replacement text for a match: literal, or expanded ($1 …) for a regular expression. */
export function replacementFor(match: FindMatch, template: string, regex: boolean): Replacement {
  return {
    storyId: match.storyId,
    block: match.block,
    start: match.start,
    end: match.end,
    text: match.text,
    with: regex ? expandReplacement(template, match) : template,
  };
}

/** A replacement that no longer fits the story (it was edited since the search). */
export class StaleMatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StaleMatchError';
  }
}

function paragraphText(edition: Edition, r: Replacement): string {
  const story = edition.stories[r.storyId];
  const block = story?.blocks[r.block];
  if (!block) throw new StaleMatchError(`story ${r.storyId} has no paragraph ${r.block + 1} any more`);
  return block.children.map((leaf) => leaf.text).join('');
}

/**
 * The operations that replace one range: insert the new text at its end (so
 * it joins the run of the range's last character and takes its formatting,
 * even at the end of a bold run), then remove the old text. Two plain text
 * operations, which tracked changes record as one insertion and one
 * deletion. An empty replacement is a plain deletion.
 */
export function opsForReplacement(r: Replacement): Operation[] {
  const { storyId, block, start, end } = r;
  if (r.with === r.text) return [];
  const ops: Operation[] = [];
  if (r.with !== '') ops.push({ type: 'insert_text', storyId, block, offset: end, text: r.with });
  if (end > start) ops.push({ type: 'remove_text', storyId, block, offset: start, length: end - start });
  return ops;
}

/**
 * The operations for a list of replacements, checked against the edition
 * (each range must still hold the text it was found with) and ordered so
 * that earlier offsets stay valid: within a paragraph, the last first.
 * Overlapping ranges are refused. Apply them as one step (one undo).
 */
export function replaceOperations(edition: Edition, replacements: readonly Replacement[]): Operation[] {
  const sorted = [...replacements].sort(
    (a, b) =>
      (a.storyId < b.storyId ? -1 : a.storyId > b.storyId ? 1 : 0) || a.block - b.block || b.start - a.start,
  );
  const ops: Operation[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i];
    const previous = sorted[i - 1];
    if (previous && previous.storyId === r.storyId && previous.block === r.block && r.end > previous.start)
      throw new StaleMatchError(`two replacements overlap in paragraph ${r.block + 1} of story ${r.storyId}`);
    const text = paragraphText(edition, r);
    if (text.slice(r.start, r.end) !== r.text)
      throw new StaleMatchError(
        `the text at paragraph ${r.block + 1}, offset ${r.start} of story ${r.storyId} changed since the search; search again`,
      );
    ops.push(...opsForReplacement(r));
  }
  return ops;
}
