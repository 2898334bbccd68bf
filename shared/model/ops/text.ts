/**
 * Pure functions on paragraphs (Slate elements) used by the text operations.
 * Offsets count UTF-16 code units in the paragraph's text, as Slate does.
 */
import type { BlockRole, StoryBlock, StoryText } from '../types';
import type { MarksPatch } from './types';

export const blockLength = (block: StoryBlock): number =>
  block.children.reduce((sum, leaf) => sum + leaf.text.length, 0);

export const blockText = (block: StoryBlock): string => block.children.map((leaf) => leaf.text).join('');

/** A leaf's marks without its text. */
function marksOf(leaf: StoryText): Omit<StoryText, 'text'> {
  const { text: _text, ...marks } = leaf;
  return marks;
}

function sameMarks(a: StoryText, b: StoryText): boolean {
  const ma = marksOf(a) as Record<string, unknown>;
  const mb = marksOf(b) as Record<string, unknown>;
  const keys = new Set([...Object.keys(ma), ...Object.keys(mb)]);
  for (const key of keys) if (ma[key] !== mb[key]) return false;
  return true;
}

/**
 * Inserts text at an offset. The text joins the leaf the offset falls in;
 * at a boundary between leaves it joins the leaf before (Slate's rule),
 * at offset 0 the first leaf. Only that one leaf changes, which is what
 * lets remove_text undo this exactly.
 */
export function insertText(block: StoryBlock, offset: number, text: string): StoryBlock {
  let start = 0;
  const children = block.children.slice();
  for (let i = 0; i < children.length; i++) {
    const leaf = children[i];
    const end = start + leaf.text.length;
    if (offset <= end) {
      const at = offset - start;
      children[i] = { ...leaf, text: leaf.text.slice(0, at) + text + leaf.text.slice(at) };
      return { ...block, children };
    }
    start = end;
  }
  throw new RangeError(`offset ${offset} is past the end of the paragraph (${start})`);
}

/** Removes characters [offset, offset + length); leaves that become empty stay (Slate normalises them away). */
export function removeText(block: StoryBlock, offset: number, length: number): StoryBlock {
  const from = offset;
  const to = offset + length;
  let start = 0;
  const children = block.children.map((leaf) => {
    const end = start + leaf.text.length;
    const a = Math.max(from, start) - start;
    const b = Math.min(to, end) - start;
    start = end;
    if (b <= a) return leaf;
    return { ...leaf, text: leaf.text.slice(0, a) + leaf.text.slice(b) };
  });
  return { ...block, children };
}

/** Splits leaves so that `offset` falls on a leaf boundary; returns the new leaves and the boundary's leaf index. */
function splitLeavesAt(children: StoryText[], offset: number): { leaves: StoryText[]; index: number } {
  let start = 0;
  const leaves: StoryText[] = [];
  let index = -1;
  for (const leaf of children) {
    const end = start + leaf.text.length;
    if (index === -1 && offset > start && offset < end) {
      const at = offset - start;
      leaves.push({ ...leaf, text: leaf.text.slice(0, at) });
      index = leaves.length;
      leaves.push({ ...leaf, text: leaf.text.slice(at) });
    } else {
      if (index === -1 && offset === start) index = leaves.length;
      leaves.push(leaf);
    }
    start = end;
  }
  if (index === -1) index = leaves.length;
  return { leaves, index };
}

/** Joins neighbouring leaves with equal marks and drops empty leaves, keeping at least one leaf. */
export function normalizeLeaves(children: StoryText[]): StoryText[] {
  const out: StoryText[] = [];
  for (const leaf of children) {
    const last = out[out.length - 1];
    if (leaf.text === '' && !leaf.field) continue;
    if (last && !last.field && !leaf.field && sameMarks(last, leaf))
      out[out.length - 1] = { ...last, text: last.text + leaf.text };
    else out.push(leaf);
  }
  if (out.length === 0) return [{ ...children[0], text: '' }];
  return out;
}

/** Splits a paragraph in two at an offset. */
export function splitBlock(block: StoryBlock, offset: number, newType?: BlockRole): [StoryBlock, StoryBlock] {
  const { leaves, index } = splitLeavesAt(block.children, offset);
  const head = leaves.slice(0, index);
  const tail = leaves.slice(index);
  // An empty side keeps the marks of the text next to it, as a caret there would.
  const firstChildren = head.length > 0 ? head : [{ ...tail[0], text: '' }];
  const secondChildren = tail.length > 0 ? tail : [{ ...head[head.length - 1], text: '' }];
  const first: StoryBlock = { ...block, children: firstChildren };
  const second: StoryBlock = newType
    ? { type: newType, children: secondChildren }
    : { ...block, children: secondChildren };
  return [first, second];
}

/** The paragraph `a` with `b`'s text appended. */
export function mergeBlocks(a: StoryBlock, b: StoryBlock): StoryBlock {
  return { ...a, children: normalizeLeaves([...a.children, ...b.children]) };
}

function applyMarks(leaf: StoryText, marks: MarksPatch): StoryText {
  const next: StoryText = { ...leaf };
  if (marks.bold === true) next.bold = true;
  else if (marks.bold === false) delete next.bold;
  if (marks.italic === true) next.italic = true;
  else if (marks.italic === false) delete next.italic;
  if (typeof marks.charStyleId === 'string') next.charStyleId = marks.charStyleId;
  else if (marks.charStyleId === null) delete next.charStyleId;
  return next;
}

/** Sets marks on [from, to) of one paragraph (to = Infinity for the end). */
export function setMarksInBlock(block: StoryBlock, from: number, to: number, marks: MarksPatch): StoryBlock {
  const length = blockLength(block);
  const end = Math.min(to, length);
  const first = splitLeavesAt(block.children, end);
  const second = splitLeavesAt(first.leaves, from);
  const lo = second.index;
  // `end`'s boundary moved by one if the second split cut a leaf before it.
  const hi = first.index + (second.leaves.length - first.leaves.length);
  const children = second.leaves.map((leaf, i) => (i >= lo && i < hi ? applyMarks(leaf, marks) : leaf));
  return { ...block, children: normalizeLeaves(children) };
}
