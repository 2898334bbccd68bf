/**
 * Fragments: a piece of a story cut out with its formatting, in the shape
 * Slate pastes — one paragraph's leaves when no break is inside; with
 * breaks, the first entry's leaves end the paragraph where the piece starts,
 * middle entries are whole paragraphs, and the last entry's leaves and role
 * begin the paragraph after the last break. A tracked deletion keeps its
 * text as a fragment; rejecting it puts the fragment back.
 */
import type { ReviewPoint, StoryBlock, StoryText } from '../model/types';
import { blockLength, blockText } from '../model/operations';
import { normalizeLeaves } from '../model/ops/text';

/** The leaves of [from, to) of one paragraph, never an empty list. */
export function sliceLeaves(block: StoryBlock, from: number, to: number): StoryText[] {
  const out: StoryText[] = [];
  let start = 0;
  for (const leaf of block.children) {
    const end = start + leaf.text.length;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (b > a) out.push({ ...leaf, text: leaf.text.slice(a - start, b - start) });
    start = end;
  }
  if (out.length > 0) return normalizeLeaves(out);
  // An empty piece keeps the formatting of the text at its start, as a caret there would.
  let at = block.children[0];
  let end = 0;
  for (const leaf of block.children) {
    at = leaf;
    end += leaf.text.length;
    if (end >= from) break;
  }
  const { field: _field, ...marks } = at;
  return [{ ...marks, text: '' }];
}

/** A paragraph's own fields without its text. */
export function paragraphShell(block: StoryBlock): Omit<StoryBlock, 'children'> {
  const { children: _children, ...shell } = block;
  return shell;
}

/** The piece of `blocks` between two points. */
export function fragmentOf(blocks: readonly StoryBlock[], from: ReviewPoint, to: ReviewPoint): StoryBlock[] {
  if (from.block === to.block) {
    const block = blocks[from.block];
    return [{ ...paragraphShell(block), children: sliceLeaves(block, from.offset, to.offset) }];
  }
  const first = blocks[from.block];
  const last = blocks[to.block];
  return [
    { ...paragraphShell(first), children: sliceLeaves(first, from.offset, blockLength(first)) },
    ...blocks.slice(from.block + 1, to.block),
    { ...paragraphShell(last), children: sliceLeaves(last, 0, to.offset) },
  ];
}

/**
 * A fragment and whether it begins where a paragraph begins. Only then do
 * its first entry's role and style belong to a paragraph of their own (a
 * whole paragraph was cut); otherwise they are just those of the paragraph
 * the cut was in, and putting the piece back leaves that paragraph's alone.
 */
export interface Piece {
  blocks: StoryBlock[];
  startsParagraph: boolean;
}

/**
 * Two pieces one after the other (the join happens inside one paragraph).
 * Putting the result back equals putting `a` back and then `b` right after
 * it: the joined paragraph has the fields of `b`'s first entry when `b`
 * began a paragraph there, else of the paragraph `a` left open.
 */
export function concatPieces(a: Piece, b: Piece): Piece {
  if (a.blocks.length === 0) return b;
  if (b.blocks.length === 0) return a;
  const left = a.blocks[a.blocks.length - 1];
  const right = b.blocks[0];
  const multiA = a.blocks.length > 1;
  const multiB = b.blocks.length > 1;
  const shell = multiB && (b.startsParagraph || !multiA) ? paragraphShell(right) : paragraphShell(left);
  const joined: StoryBlock = { ...shell, children: normalizeLeaves([...left.children, ...right.children]) };
  return {
    blocks: [...a.blocks.slice(0, -1), joined, ...b.blocks.slice(1)],
    startsParagraph: a.startsParagraph,
  };
}

/** The text of a fragment, breaks as "\n". */
export const fragmentText = (fragment: readonly StoryBlock[]): string => fragment.map(blockText).join('\n');

/** Flat length of a fragment: characters plus one per break. */
export const fragmentLength = (fragment: readonly StoryBlock[]): number => fragmentText(fragment).length;

/**
 * The paragraphs that replace `block` when `fragment` is put back at
 * `offset`: the paragraph's head keeps its fields, or takes the fragment's
 * first entry's when the fragment began a paragraph (see Piece); the tail
 * joins the fragment's last paragraph and takes its fields.
 */
export function withFragment(
  block: StoryBlock,
  offset: number,
  fragment: readonly StoryBlock[],
  startsParagraph: boolean,
): StoryBlock[] {
  const head = sliceLeaves(block, 0, offset);
  const tail = sliceLeaves(block, offset, blockLength(block));
  if (fragment.length === 1)
    return [{ ...block, children: normalizeLeaves([...head, ...fragment[0].children, ...tail]) }];
  const first = fragment[0];
  const last = fragment[fragment.length - 1];
  return [
    {
      ...paragraphShell(startsParagraph ? first : block),
      children: normalizeLeaves([...head, ...first.children]),
    },
    ...fragment.slice(1, -1),
    { ...paragraphShell(last), children: normalizeLeaves([...last.children, ...tail]) },
  ];
}
