/**
 * Review anchors follow the text. Every text operation maps every point of
 * every note and tracked change in its story, the way Slate's
 * Point.transform does: an insertion before a point moves it on, a removal
 * around it collapses it to where the text was, a split or merge carries it
 * into the paragraph its character went to.
 *
 * Affinity says which side of an insertion exactly at a point the point
 * stays on. A range's start is `forward` and its end `backward`, so text
 * typed at either edge of a note is outside it and text typed inside is
 * inside; a collapsed range (a deletion's point, a detached note) is
 * `backward` at both ends so it never turns inside out.
 *
 * Mapping can lose information (a removal collapses points; an insertion
 * that undoes a removal moves a point that the removal left alone), so an
 * operation whose inverse would not map a point back to where it was returns,
 * beside its own inverse, a `set_review_anchors` that puts the points back
 * exactly: undo is exact.
 */
import type { Id, Story, StoryBlock } from '../types';
import type { Note, Review, ReviewPoint, TrackedChange } from '../review-types';
import type { Operation, StoryOperation } from './types';
import { blockLength, blockText } from './text';

export type Affinity = 'forward' | 'backward';
export type PointMap = (point: ReviewPoint, affinity: Affinity) => ReviewPoint;

/** The stored points of one record, in a fixed order (see `recordPoints`). */
export interface AnchorRecord {
  in: 'notes' | 'changes';
  id: Id;
  points: ReviewPoint[];
}

const at = (block: number, offset: number): ReviewPoint => ({ block, offset });

/** Position of a point in the text of blocks[0..] joined with one break character between paragraphs. */
function flatten(lengths: readonly number[], point: ReviewPoint, first: number): number {
  let x = 0;
  for (let b = first; b < point.block; b++) x += lengths[b - first] + 1;
  return x + point.offset;
}

function unflatten(lengths: readonly number[], x: number, first: number): ReviewPoint {
  let rest = x;
  for (let i = 0; i < lengths.length; i++) {
    if (rest <= lengths[i] || i === lengths.length - 1) return at(first + i, Math.min(rest, lengths[i]));
    rest -= lengths[i] + 1;
  }
  return at(first, 0);
}

/**
 * Maps points through a splice of paragraphs. Points in the text both sides
 * share (the common head and tail of the joined text) keep their place; a
 * point inside the part that changed goes to its start (backward) or end
 * (forward). This makes a paragraph re-sent whole (Slate's normalisation, a
 * paste) as precise as the finer operations.
 */
function spliceMap(
  before: readonly StoryBlock[],
  index: number,
  count: number,
  blocks: readonly StoryBlock[],
): PointMap {
  const shift = blocks.length - count;
  // Whole paragraphs inserted: each comes with a break before it, after the paragraph before (so
  // every point of the paragraphs after keeps to its own paragraph); at the very start, with a break after.
  if (count === 0) {
    const end = index > 0 ? blockLength(before[index - 1]) : 0;
    return (p, affinity) => {
      if (p.block >= index) {
        if (index === 0 && p.block === 0 && p.offset === 0 && affinity === 'backward') return p;
        return at(p.block + shift, p.offset);
      }
      if (p.block === index - 1 && p.offset === end && affinity === 'forward')
        return at(index - 1 + shift, blockLength(blocks[blocks.length - 1]));
      return p;
    };
  }
  if (blocks.length === 0) {
    // Whole paragraphs removed, each with the break after it (at the end: before it). Their points
    // go to where the text around them now meets: the start of the paragraph after, or the end of the one before.
    const landing =
      index + count < before.length ? at(index, 0) : at(index - 1, blockLength(before[index - 1]));
    return (p) => {
      if (p.block < index) return p;
      if (p.block >= index + count) return at(p.block + shift, p.offset);
      return landing;
    };
  }
  const oldTexts = before.slice(index, index + count).map(blockText);
  const newTexts = blocks.map(blockText);
  const oldLengths = oldTexts.map((t) => t.length);
  const newLengths = newTexts.map((t) => t.length);
  const oldFlat = oldTexts.join('\n');
  const newFlat = newTexts.join('\n');
  let head = 0;
  const most = Math.min(oldFlat.length, newFlat.length);
  while (head < most && oldFlat.charCodeAt(head) === newFlat.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < most - head &&
    oldFlat.charCodeAt(oldFlat.length - 1 - tail) === newFlat.charCodeAt(newFlat.length - 1 - tail)
  )
    tail++;
  return (p, affinity) => {
    if (p.block < index) return p;
    if (p.block >= index + count) return at(p.block + shift, p.offset);
    const x = flatten(oldLengths, p, index);
    const oldEnd = oldFlat.length - tail;
    const newEnd = newFlat.length - tail;
    let y: number;
    if (x < head) y = x;
    else if (x > oldEnd) y = newFlat.length - (oldFlat.length - x);
    // Nothing removed here, only inserted: like insert_text, affinity picks the side.
    else if (x === head && x === oldEnd) y = affinity === 'forward' ? newEnd : head;
    else if (x === head) y = head;
    else if (x === oldEnd) y = newEnd;
    else y = affinity === 'forward' ? newEnd : head;
    return unflatten(newLengths, y, index);
  };
}

/** How a story operation moves points of that story; null when it moves none. */
export function pointMapFor(story: Story, op: StoryOperation): PointMap | null {
  switch (op.type) {
    case 'insert_text': {
      const { block, offset } = op;
      const length = op.text.length;
      if (length === 0) return null;
      return (p, affinity) =>
        p.block === block && (p.offset > offset || (p.offset === offset && affinity === 'forward'))
          ? at(block, p.offset + length)
          : p;
    }
    case 'remove_text': {
      const { block, offset, length } = op;
      if (length === 0) return null;
      return (p) => {
        if (p.block !== block || p.offset <= offset) return p;
        return at(block, p.offset >= offset + length ? p.offset - length : offset);
      };
    }
    case 'split_block': {
      const { block, offset } = op;
      return (p, affinity) => {
        if (p.block > block) return at(p.block + 1, p.offset);
        if (p.block === block && (p.offset > offset || (p.offset === offset && affinity === 'forward')))
          return at(block + 1, p.offset - offset);
        return p;
      };
    }
    case 'merge_block': {
      const { block } = op;
      const joinAt = blockLength(story.blocks[block - 1]);
      return (p) => {
        if (p.block === block) return at(block - 1, p.offset + joinAt);
        if (p.block > block) return at(p.block - 1, p.offset);
        return p;
      };
    }
    case 'replace_blocks':
      return spliceMap(story.blocks, op.index, op.count, op.blocks);
    case 'set_story_blocks':
      return spliceMap(story.blocks, 0, story.blocks.length, op.blocks);
    default:
      return null;
  }
}

const samePoint = (a: ReviewPoint, b: ReviewPoint) => a.block === b.block && a.offset === b.offset;
const before = (a: ReviewPoint, b: ReviewPoint) =>
  a.block < b.block || (a.block === b.block && a.offset < b.offset);

/** Maps a range [from, to] as described above; it never comes out inside out. */
function mapRange(map: PointMap, from: ReviewPoint, to: ReviewPoint): [ReviewPoint, ReviewPoint] {
  if (samePoint(from, to)) {
    const p = map(from, 'backward');
    return [p, p];
  }
  const a = map(from, 'forward');
  const b = map(to, 'backward');
  return before(b, a) ? [b, b] : [a, b];
}

/** The points of a record, flat: from, to, then each run's from and to. */
export function recordPoints(record: Note | TrackedChange): ReviewPoint[] {
  if ('anchor' in record) return record.anchor.kind === 'text' ? [record.anchor.from, record.anchor.to] : [];
  if (record.kind === 'format')
    return [record.from, record.to, ...record.runs.flatMap((r) => [r.from, r.to])];
  return [record.from, record.to];
}

/** A record with its points replaced (in `recordPoints` order). */
export function withRecordPoints<R extends Note | TrackedChange>(
  record: R,
  points: readonly ReviewPoint[],
): R {
  if ('anchor' in record) {
    if (record.anchor.kind !== 'text') return record;
    return { ...record, anchor: { ...record.anchor, from: points[0], to: points[1] } };
  }
  const change = record as TrackedChange;
  if (change.kind === 'format') {
    const runs = change.runs.map((run, i) => ({ ...run, from: points[2 + 2 * i], to: points[3 + 2 * i] }));
    return { ...change, from: points[0], to: points[1], runs } as R;
  }
  return { ...change, from: points[0], to: points[1] } as R;
}

function mapPoints(map: PointMap, points: readonly ReviewPoint[]): ReviewPoint[] {
  const out: ReviewPoint[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) out.push(...mapRange(map, points[i], points[i + 1]));
  return out;
}

const samePoints = (a: readonly ReviewPoint[], b: readonly ReviewPoint[]) =>
  a.length === b.length && a.every((p, i) => samePoint(p, b[i]));

const inStory = (record: Note | TrackedChange, storyId: Id) =>
  'anchor' in record
    ? record.anchor.kind === 'text' && record.anchor.storyId === storyId
    : record.storyId === storyId;

/**
 * The review with every point in `storyId` mapped by `map`. `moved` lists,
 * with their old points, the records that the inverse operation (whose
 * mapping is `back`) would not put back exactly: the inverse must restore
 * those itself.
 */
export function mapReviewAnchors(
  review: Review,
  storyId: Id,
  map: PointMap,
  back: PointMap | null,
): { review: Review; moved: AnchorRecord[] } {
  const moved: AnchorRecord[] = [];
  let changed = false;
  const mapList = <R extends Note | TrackedChange>(list: R[], where: AnchorRecord['in']): R[] => {
    let out: R[] | null = null;
    list.forEach((record, i) => {
      if (!inStory(record, storyId)) return;
      const points = recordPoints(record);
      const next = mapPoints(map, points);
      const undone = back ? mapPoints(back, next) : next;
      if (!samePoints(points, undone)) moved.push({ in: where, id: record.id, points });
      if (samePoints(points, next)) return;
      out ??= list.slice();
      out[i] = withRecordPoints(record, next);
      changed = true;
    });
    return out ?? list;
  };
  const notes = mapList(review.notes, 'notes');
  const changes = mapList(review.changes, 'changes');
  if (!changed) return { review, moved };
  return { review: { ...review, notes, changes }, moved };
}

/** The operation that puts moved points back (part of a text operation's inverse). */
export function restoreAnchorsOp(moved: AnchorRecord[]): Operation {
  return { type: 'set_review_anchors', records: moved };
}
