/**
 * A story's paragraphs in @slate-yjs/core's shared-type layout: the story is
 * one Y.XmlText whose content is one embedded Y.XmlText per paragraph; a
 * paragraph's fields other than `children` (type, styleId, …) are that
 * Y.XmlText's attributes and its runs are text with the run's marks as
 * formatting attributes. `yTextToSlateElement` / `slateNodesToInsertDelta`
 * from @slate-yjs/core read and write exactly this, so a Slate editor can be
 * bound to the same Y.XmlText with `withYjs`.
 *
 * Runs are stored as Yjs stores formatted text: neighbouring runs with equal
 * marks become one run and empty runs are not kept (the model reads them the
 * same way: shared/editing/same-story.ts).
 */
import * as Y from 'yjs';
import type { StoryBlock, StoryText } from '../model/types';

type Marks = Record<string, unknown>;

/** A run's marks: every field but `text`. */
export function marksOf(leaf: StoryText): Marks {
  const { text: _text, ...marks } = leaf as unknown as Record<string, unknown>;
  for (const key of Object.keys(marks)) if (marks[key] === undefined) delete marks[key];
  return marks;
}

/**
 * A paragraph's content as Y units: one per character, and one per field run
 * (a folio line's date, page number …), which is stored whole as an embedded
 * object: its text is filled in by the composer and may be empty, and Yjs
 * keeps no empty text.
 */
interface Unit {
  /** Compared to find what changed: the character or field, with its marks. */
  token: string;
  char: string | null;
  marks: Marks;
  field: StoryText | null;
}

function unitsOf(block: StoryBlock): Unit[] {
  const out: Unit[] = [];
  for (const leaf of block.children) {
    if (leaf.field !== undefined) {
      out.push({ token: `\u0001${JSON.stringify(leaf)}`, char: null, marks: {}, field: leaf });
      continue;
    }
    const marks = marksOf(leaf);
    const key = marksKey(marks);
    for (let i = 0; i < leaf.text.length; i++) {
      const char = leaf.text[i];
      out.push({ token: `${char}\u0000${key}`, char, marks, field: null });
    }
  }
  return out;
}

/** A new (not yet integrated) Y.XmlText holding one paragraph. */
export function blockToYText(block: StoryBlock): Y.XmlText {
  const y = new Y.XmlText();
  for (const [key, value] of Object.entries(block)) {
    if (key === 'children' || value === undefined) continue;
    y.setAttribute(key, value as string);
  }
  const delta = block.children
    .filter((leaf) => leaf.text.length > 0 || leaf.field !== undefined)
    .map((leaf) =>
      leaf.field !== undefined ? { insert: { ...leaf } } : { insert: leaf.text, attributes: marksOf(leaf) },
    );
  if (delta.length > 0) y.applyDelta(delta, { sanitize: false });
  return y;
}

/** Reads one paragraph back (its runs in Yjs's form: joined, no empty runs; `text` first in each run). */
export function yTextToBlock(y: Y.XmlText): StoryBlock {
  const children: StoryText[] = [];
  for (const part of y.toDelta() as { insert: unknown; attributes?: Marks }[]) {
    if (typeof part.insert === 'string')
      children.push({ text: part.insert, ...(part.attributes ?? {}) } as StoryText);
    else if (part.insert && typeof part.insert === 'object' && !(part.insert instanceof Y.AbstractType)) {
      const { text, ...rest } = part.insert as StoryText;
      children.push({ text, ...rest } as StoryText);
    }
  }
  if (children.length === 0) children.push({ text: '' });
  return { ...(y.getAttributes() as Omit<StoryBlock, 'children'>), children };
}

/** The paragraph Y.XmlTexts of a story, in order. */
export function blockTexts(root: Y.XmlText): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  for (const part of root.toDelta() as { insert: unknown }[]) {
    if (part.insert instanceof Y.XmlText) out.push(part.insert);
  }
  return out;
}

/** Fills an empty story root with paragraphs. */
export function writeBlocks(root: Y.XmlText, blocks: readonly StoryBlock[], at = 0): void {
  blocks.forEach((block, i) => root.insertEmbed(at + i, blockToYText(block)));
}

function marksKey(marks: Marks): string {
  return JSON.stringify(
    Object.keys(marks)
      .sort()
      .map((k) => [k, marks[k]]),
  );
}

/** `to` with every mark of `from` that `to` lacks set to null (Yjs removes it). */
function withRemovals(to: Marks, from: Marks): Marks {
  const out: Marks = { ...to };
  for (const key of Object.keys(from)) if (!(key in out)) out[key] = null;
  return out;
}

/**
 * Changes one paragraph in place from `before` (what the Y.XmlText holds
 * now) to `after`: its attributes, the units between the common head and
 * tail, and — where only marks changed — the marks of those characters.
 * Editing in place (not replacing the paragraph) lets concurrent typing
 * elsewhere in it merge.
 */
export function syncBlock(y: Y.XmlText, before: StoryBlock, after: StoryBlock): void {
  const beforeProps = before as unknown as Record<string, unknown>;
  const afterProps = after as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(beforeProps), ...Object.keys(afterProps)])) {
    if (key === 'children') continue;
    const value = afterProps[key];
    if (value === beforeProps[key]) continue;
    if (value === undefined) y.removeAttribute(key);
    else y.setAttribute(key, value as string);
  }
  const a = unitsOf(before);
  const b = unitsOf(after);
  let head = 0;
  const max = Math.min(a.length, b.length);
  while (head < max && a[head].token === b[head].token) head++;
  let tail = 0;
  while (tail < max - head && a[a.length - 1 - tail].token === b[b.length - 1 - tail].token) tail++;
  const removed = a.slice(head, a.length - tail);
  const inserted = b.slice(head, b.length - tail);
  const sameChars =
    removed.length === inserted.length &&
    removed.every((u, i) => u.char !== null && u.char === inserted[i].char);
  if (sameChars) {
    // Only marks changed: format the characters instead of retyping them
    // (a concurrent edit inside the range then survives).
    let i = 0;
    while (i < inserted.length) {
      let j = i + 1;
      while (j < inserted.length && inserted[j].token.slice(1) === inserted[i].token.slice(1)) j++;
      const removals: Marks = {};
      for (let k = i; k < j; k++) Object.assign(removals, removed[k].marks);
      y.format(head + i, j - i, withRemovals(inserted[i].marks, removals));
      i = j;
    }
    return;
  }
  if (removed.length > 0) y.delete(head, removed.length);
  let at = 0;
  while (at < inserted.length) {
    const unit = inserted[at];
    if (unit.field) {
      y.insertEmbed(head + at, { ...unit.field });
      at++;
      continue;
    }
    let end = at + 1;
    let text = unit.char!;
    while (
      end < inserted.length &&
      !inserted[end].field &&
      inserted[end].token.slice(1) === unit.token.slice(1)
    ) {
      text += inserted[end].char!;
      end++;
    }
    y.insert(head + at, text, withRemovals(unit.marks, {}));
    at = end;
  }
}

/**
 * Writes a paragraph list change into a story root: paragraphs whose object
 * did not change stay; the changed range is edited in place pairwise
 * (a split keeps the first half in place and inserts the second; a merge
 * keeps the first paragraph and deletes the second), extras are inserted or
 * deleted.
 */
export function syncBlocks(
  root: Y.XmlText,
  before: readonly StoryBlock[],
  after: readonly StoryBlock[],
): void {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  const oldCount = before.length - head - tail;
  const newCount = after.length - head - tail;
  if (oldCount === 0 && newCount === 0) return;
  const texts = blockTexts(root);
  const paired = Math.min(oldCount, newCount);
  for (let i = 0; i < paired; i++) syncBlock(texts[head + i], before[head + i], after[head + i]);
  if (oldCount > paired) root.delete(head + paired, oldCount - paired);
  if (newCount > paired) writeBlocks(root, after.slice(head + paired, head + newCount), head + paired);
}

/** Whether a paragraph's model offsets are its Y offsets (no field runs, which count as one unit in Y). */
export function plainOffsets(block: StoryBlock): boolean {
  return block.children.every((leaf) => leaf.field === undefined);
}

/** Inserts text typed at one point: the characters get the marks the model gave them. */
export function insertTextAt(
  root: Y.XmlText,
  block: number,
  offset: number,
  text: string,
  after: StoryBlock,
): void {
  const y = blockTexts(root)[block];
  const units = unitsOf(after);
  y.insert(offset, text, withRemovals(units[offset]?.marks ?? {}, {}));
}

/** Removes characters of one paragraph. */
export function removeTextAt(root: Y.XmlText, block: number, offset: number, length: number): void {
  blockTexts(root)[block].delete(offset, length);
}
