/**
 * Track changes (修订) at the operation level: `trackOperations` takes the
 * model operations of any edit — the story editor, paste, Find/Replace, a
 * command-line script — and returns the same operations with the records
 * that describe them, for every story whose tracking is on. Nothing else
 * changes: the story holds the final text as always, so the editor's value,
 * composition and copyfit need no special case; a deletion's text lives in
 * its record.
 *
 * - Typing adds an insertion, or grows the author's own insertion it touches.
 * - Removing text records a deletion at the point where the text was; text
 *   that was itself a pending insertion simply goes (it was never in the
 *   original). A deletion next to or inside others absorbs them, in order,
 *   and holds the notes and changes whose words it took (see DeleteChange).
 * - A paragraph break typed is an insertion over the break; one removed is a
 *   deletion that keeps both paragraphs' roles.
 * - Bold, italic, a character style: a format change with the marks before.
 * - A paragraph's role or style: a paragraph change with the fields before;
 *   changing it back removes the record.
 */
import type {
  DeleteChange,
  Edition,
  FormatChange,
  HeldAnchors,
  Id,
  InsertChange,
  ParagraphChange,
  ReviewPoint,
  RunMarks,
  Stamp,
  StoryBlock,
  TrackedChange,
} from '../model/types';
import { applyOperation, blockLength, blockText, type Operation } from '../model/operations';
import type { StoryOperation } from '../model/ops/types';
import { recordPoints } from '../model/ops/anchors';
import { newId } from '../model/ids';
import { isTracking, reviewOf } from '../model/review';
import { comparePoints, flatStory, fromFlat, point, samePoint, toFlat, type FlatStory } from './points';
import { concatPieces, fragmentLength, fragmentOf, type Piece } from './fragments';

export interface TrackOptions {
  /** Who makes the edit and when (one stamp for the whole edit). */
  stamp: Stamp;
  /** New record ids (default: random `ch-…`). */
  newId?: () => Id;
}

export interface Tracked {
  /** The operations to apply: the edit's own, each followed by its records. */
  ops: Operation[];
  /** The edition after them. */
  edition: Edition;
}

type TextOp = Extract<
  StoryOperation,
  {
    type:
      | 'insert_text'
      | 'remove_text'
      | 'split_block'
      | 'merge_block'
      | 'replace_blocks'
      | 'set_story_blocks'
      | 'set_block'
      | 'set_marks';
  }
>;

const TEXT_OPS = new Set<string>([
  'insert_text',
  'remove_text',
  'split_block',
  'merge_block',
  'replace_blocks',
  'set_story_blocks',
  'set_block',
  'set_marks',
]);

interface Context {
  stamp: Stamp;
  id: () => Id;
}

/**
 * The edit's operations with the tracked-change records of every story
 * whose tracking is on (review settings), applied in order to `edition`.
 * Throws the model's OperationError if an operation cannot apply.
 */
export function trackOperations(edition: Edition, ops: readonly Operation[], options: TrackOptions): Tracked {
  const ctx: Context = { stamp: options.stamp, id: options.newId ?? (() => newId('change')) };
  const out: Operation[] = [];
  let current = edition;
  const push = (op: Operation) => {
    current = applyOperation(current, op).edition;
    out.push(op);
  };
  const visit = (op: Operation) => {
    if (op.type === 'batch') return op.ops.forEach(visit);
    if (!TEXT_OPS.has(op.type) || !isTracking(current, (op as TextOp).storyId)) return push(op);
    const before = current;
    push(op);
    for (const record of recordsFor(before, current, op as TextOp, ctx)) push(record);
  };
  ops.forEach(visit);
  return { ops: out, edition: current };
}

/**
 * The operations a tracked text replacement needs: the range [from, to) of
 * one paragraph replaced by `text` (as Find/Replace does), tracked when the
 * story's tracking is on — a deletion of the old words and an insertion of
 * the new ones, in the author's name.
 */
export function trackedReplacement(
  edition: Edition,
  replacement: { storyId: Id; block: number; start: number; end: number; text: string },
  options: TrackOptions,
): Tracked {
  const { storyId, block, start, end, text } = replacement;
  const ops: Operation[] = [];
  if (end > start) ops.push({ type: 'remove_text', storyId, block, offset: start, length: end - start });
  if (text) ops.push({ type: 'insert_text', storyId, block, offset: start, text });
  return trackOperations(edition, ops, options);
}

// ------------------------------------------------------------------ records per operation

function changesOf(edition: Edition, storyId: Id): TrackedChange[] {
  return reviewOf(edition).changes.filter((c) => c.storyId === storyId);
}

const insertsOf = (edition: Edition, storyId: Id) =>
  changesOf(edition, storyId).filter((c): c is InsertChange => c.kind === 'insert');

function recordsFor(before: Edition, after: Edition, op: TextOp, ctx: Context): Operation[] {
  switch (op.type) {
    case 'insert_text': {
      if (op.text.length === 0) return [];
      const at = point(op.block, op.offset);
      return recordInsertion(before, after, op.storyId, at, point(op.block, op.offset + op.text.length), ctx);
    }
    case 'remove_text': {
      const flat = flatStory(before.stories[op.storyId].blocks);
      const x0 = toFlat(flat, point(op.block, op.offset));
      return [
        ...recordRemoval(before, op.storyId, x0, x0 + op.length, point(op.block, op.offset), ctx),
        ...dropEmptyInserts(after, op.storyId),
      ];
    }
    case 'split_block':
      return recordSplit(before, after, op, ctx);
    case 'merge_block': {
      const blocks = before.stories[op.storyId].blocks;
      const flat = flatStory(blocks);
      const end = point(op.block - 1, blockLength(blocks[op.block - 1]));
      const x0 = toFlat(flat, end);
      return [
        ...recordRemoval(before, op.storyId, x0, x0 + 1, end, ctx),
        ...recordJoinedRole(before, op.storyId, op.block, ctx),
        ...dropEmptyInserts(after, op.storyId),
      ];
    }
    case 'replace_blocks':
      if (op.count === 0 && op.blocks.length > 0) return recordBlocksInserted(before, after, op, ctx);
      if (op.count > 0 && op.blocks.length === 0) return recordBlocksRemoved(before, after, op, ctx);
      return recordSplice(before, after, op.storyId, ctx);
    case 'set_story_blocks':
      return recordSplice(before, after, op.storyId, ctx);
    case 'set_block':
      return recordParagraph(before, op, ctx);
    case 'set_marks':
      return recordFormat(before, after, op, ctx);
  }
}

/** Text [from, to) of the new edition was inserted: grow the author's insertion it touches, or add one. */
function recordInsertion(
  before: Edition,
  after: Edition,
  storyId: Id,
  from: ReviewPoint,
  to: ReviewPoint,
  ctx: Context,
): Operation[] {
  // The records as the operation left them (their points already follow the text).
  const mapped = insertsOf(after, storyId);
  const old = new Map(insertsOf(before, storyId).map((c) => [c.id, c]));
  const mine = (c: InsertChange) => c.author === ctx.stamp.author;
  // Typed strictly inside an insertion: the mapping grew it. Someone else's is split around the new text.
  const inside = mapped.find((c) => {
    const was = old.get(c.id);
    return was && comparePoints(was.from, from) < 0 && comparePoints(from, was.to) < 0;
  });
  if (inside) {
    if (mine(inside)) return [];
    return [
      { type: 'upsert_change', change: { ...inside, to: from } },
      { type: 'upsert_change', change: newInsert(storyId, from, to, ctx) },
      { type: 'upsert_change', change: { ...inside, id: ctx.id(), from: to } },
    ];
  }
  // Typed at the end (or start) of the author's own insertion: grow it — unless a deletion sits at that
  // point: grown across it, the insertion would hold the deleted words once they are put back, and
  // rejecting both would lose them. The new text is an insertion of its own there.
  const deletionHere = changesOf(before, storyId).some((c) => c.kind === 'delete' && samePoint(c.from, from));
  const atEnd = deletionHere ? undefined : mapped.find((c) => mine(c) && samePoint(c.to, from));
  if (atEnd) return [{ type: 'upsert_change', change: { ...atEnd, to } }];
  const atStart = deletionHere
    ? undefined
    : mapped.find((c) => mine(c) && samePoint(c.from, to) && samePoint(old.get(c.id)!.from, from));
  if (atStart) return [{ type: 'upsert_change', change: { ...atStart, from } }];
  return [{ type: 'upsert_change', change: newInsert(storyId, from, to, ctx) }];
}

function newInsert(storyId: Id, from: ReviewPoint, to: ReviewPoint, ctx: Context): InsertChange {
  return { id: ctx.id(), kind: 'insert', ...ctx.stamp, storyId, from, to };
}

/**
 * A paragraph break typed: an insertion over the break. The second part
 * carries text that was there, in the role the split gave it (the same, or
 * `newType` after a headline): where that differs from the text's original
 * role and style — including a change already pending on the paragraph —
 * the second part gets a paragraph change of its own.
 */
function recordSplit(
  before: Edition,
  after: Edition,
  op: Extract<TextOp, { type: 'split_block' }>,
  ctx: Context,
): Operation[] {
  const { storyId, block, offset } = op;
  const ops = recordInsertion(before, after, storyId, point(block, offset), point(block + 1, 0), ctx);
  const old = before.stories[storyId].blocks[block];
  if (blockLength(old) === offset || paragraphInserted(before, storyId, block)) return ops;
  const pending = changesOf(before, storyId).find(
    (c): c is ParagraphChange => c.kind === 'paragraph' && samePoint(c.from, point(block, 0)),
  );
  const original: Record<string, unknown> = {
    type: old.type,
    styleId: old.styleId ?? null,
    ...(pending?.before ?? {}),
  };
  const now: Record<string, unknown> = op.newType
    ? { type: op.newType, styleId: null }
    : { type: old.type, styleId: old.styleId ?? null };
  const keys = ['type', 'styleId'].filter((k) => original[k] !== now[k]);
  if (keys.length === 0) return ops;
  const change: ParagraphChange = {
    id: pending && offset === 0 ? pending.id : ctx.id(),
    kind: 'paragraph',
    ...ctx.stamp,
    storyId,
    from: point(block + 1, 0),
    to: point(block + 1, 0),
    before: Object.fromEntries(keys.map((k) => [k, original[k]])),
    after: Object.fromEntries(keys.map((k) => [k, now[k]])),
  };
  ops.push({ type: 'upsert_change', change });
  return ops;
}

/**
 * A typed break removed again (not tracked: it was never in the original)
 * can still restyle original text: when the paragraph after it was there
 * before (the insertion ends at its start) and the joined paragraph keeps
 * the other's role and style, that paragraph's text changed role — a
 * paragraph change, so rejecting gives its role back.
 */
function recordJoinedRole(before: Edition, storyId: Id, block: number, ctx: Context): Operation[] {
  const blocks = before.stories[storyId].blocks;
  const [first, second] = [blocks[block - 1], blocks[block]];
  if (first.type === second.type && (first.styleId ?? null) === (second.styleId ?? null)) return [];
  const start = point(block, 0);
  const breakInserted = insertsOf(before, storyId).some(
    (c) =>
      samePoint(c.to, start) &&
      comparePoints(c.from, point(block - 1, blockLength(first))) <= 0 &&
      blockLength(second) > 0,
  );
  if (!breakInserted) return [];
  // On the text that joined, which keeps the record's place when the break comes back.
  const joined = point(block - 1, blockLength(first));
  const change: ParagraphChange = {
    id: ctx.id(),
    kind: 'paragraph',
    ...ctx.stamp,
    storyId,
    from: joined,
    to: joined,
    before: { type: second.type, styleId: second.styleId ?? null },
    after: { type: first.type, styleId: first.styleId ?? null },
  };
  return [{ type: 'upsert_change', change }];
}

/** Insertions whose text is all gone are not changes any more. */
function dropEmptyInserts(after: Edition, storyId: Id): Operation[] {
  return insertsOf(after, storyId)
    .filter((c) => samePoint(c.from, c.to))
    .map((c) => ({ type: 'remove_change', changeId: c.id }) as Operation);
}

/** Flat intervals [a, b) of the story covered by pending insertions. */
export function insertIntervals(edition: Edition, storyId: Id, flat: FlatStory): [number, number][] {
  return insertsOf(edition, storyId)
    .map((c) => [toFlat(flat, c.from), toFlat(flat, c.to)] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((p, q) => p[0] - q[0]);
}

/** [x0, x1) without the intervals: the parts that were in the original. */
export function subtract(x0: number, x1: number, intervals: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let at = x0;
  for (const [a, b] of intervals) {
    if (b <= at || a >= x1) continue;
    if (a > at) out.push([at, Math.min(a, x1)]);
    at = Math.max(at, b);
  }
  if (at < x1) out.push([at, x1]);
  return out;
}

/** Intervals cut where any of the positions falls strictly inside one. */
function splitAt(intervals: readonly [number, number][], cuts: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  const sorted = [...new Set(cuts)].sort((p, q) => p - q);
  for (const [a, b] of intervals) {
    let at = a;
    for (const x of sorted) {
      if (x > at && x < b) {
        out.push([at, x]);
        at = x;
      }
    }
    out.push([at, b]);
  }
  return out;
}

/**
 * Flat [x0, x1) of the old story was removed and the text around it now
 * meets at `landing` (new story): record what of it was original text as a
 * deletion there, absorbing deletions inside or at its edges.
 */
function recordRemoval(
  before: Edition,
  storyId: Id,
  x0: number,
  x1: number,
  landing: ReviewPoint,
  ctx: Context,
): Operation[] {
  const blocks = before.stories[storyId].blocks;
  const flat = flatStory(blocks);
  const inserted = insertIntervals(before, storyId, flat);
  const segments = subtract(x0, x1, inserted);
  if (segments.length === 0) return [];
  const absorbed = changesOf(before, storyId).filter((c): c is DeleteChange => {
    if (c.kind !== 'delete') return false;
    const x = toFlat(flat, c.from);
    return x >= x0 && x <= x1;
  });
  // The removed original text and the absorbed deletions, in story order (a deletion sits before the character at its point).
  type Part = { at: number; order: number; piece: Piece; from?: DeleteChange };
  const parts: Part[] = [
    ...absorbed.map((d, i) => ({
      at: toFlat(flat, d.from),
      order: i,
      piece: { blocks: d.content, startsParagraph: d.startsParagraph === true },
      from: d,
    })),
    ...splitAt(
      segments,
      absorbed.map((d) => toFlat(flat, d.from)),
    ).map(([a, b]) => {
      const start = fromFlat(flat, a);
      return {
        at: a,
        order: absorbed.length,
        // A paragraph's original text begins here when nothing original comes before it in the paragraph.
        piece: {
          blocks: fragmentOf(blocks, start, fromFlat(flat, b)),
          startsParagraph: subtract(flat.starts[start.block], a, inserted).length === 0,
        },
      };
    }),
  ].sort((p, q) => p.at - q.at || p.order - q.order);
  let content: Piece = { blocks: [], startsParagraph: false };
  const held: HeldAnchors[] = [];
  // Where an old flat offset lands in the new content: the original text before it, and the deletions before it.
  // A range's start (forward) at a deletion's point comes after that deletion's text; an end (backward) before it.
  const contentOffset = (x: number, forward: boolean): number => {
    let n = 0;
    for (const part of parts) {
      const length = fragmentLength(part.piece.blocks);
      if (part.from) {
        if (part.at < x || (forward && part.at === x)) n += length;
      } else n += Math.max(0, Math.min(x, part.at + length) - part.at);
    }
    return n;
  };
  for (const part of parts) {
    if (part.from?.held) {
      const base = fragmentLength(content.blocks);
      for (const h of part.from.held)
        addHeld(held, { ...h, points: h.points.map((p) => (p === null ? null : p + base)) });
    }
    content = concatPieces(content, part.piece);
  }
  // A point an absorbed deletion already held is where its words really were; the others are held now.
  for (const h of heldBy(before, storyId, flat, x0, x1, contentOffset, new Set(absorbed.map((d) => d.id))))
    addHeld(held, h);
  // The merged deletion is the newest change (rejecting all goes newest first): it moves to the end of the list.
  const keep = absorbed.find((d) => d.author === ctx.stamp.author);
  const ops: Operation[] = absorbed.map((d) => ({ type: 'remove_change', changeId: d.id }) as Operation);
  const base = keep ?? { id: ctx.id(), ...ctx.stamp };
  const record: DeleteChange = {
    id: base.id,
    kind: 'delete',
    author: ctx.stamp.author,
    color: ctx.stamp.color,
    time: keep ? keep.time : ctx.stamp.time,
    storyId,
    from: landing,
    to: landing,
    content: content.blocks,
    ...(content.startsParagraph ? { startsParagraph: true } : {}),
    ...(held.length > 0 ? { held } : {}),
  };
  ops.push({ type: 'upsert_change', change: record });
  return ops;
}

/** Adds held points for a record, keeping points already held (one entry per record, none all empty). */
function addHeld(held: HeldAnchors[], entry: HeldAnchors): void {
  if (entry.points.every((p) => p === null)) return;
  const known = held.find((k) => k.in === entry.in && k.id === entry.id);
  if (known) known.points = known.points.map((p, i) => p ?? entry.points[i]);
  else held.push({ ...entry, points: entry.points.slice() });
}

/**
 * The notes and changes (not insertions, not the absorbed deletions) whose
 * ranges overlap the removed text: their points inside it, as offsets into
 * the deletion's content.
 */
function heldBy(
  edition: Edition,
  storyId: Id,
  flat: FlatStory,
  x0: number,
  x1: number,
  contentOffset: (x: number, forward: boolean) => number,
  skip: Set<Id>,
): HeldAnchors[] {
  const out: HeldAnchors[] = [];
  const review = reviewOf(edition);
  // A paragraph change sits at its paragraph's start: right after a removed break it is held too.
  const consider = (where: 'notes' | 'changes', id: Id, points: ReviewPoint[], paragraph = false) => {
    const xs = points.map((p) => toFlat(flat, p));
    let overlaps = false;
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const [f, t] = [xs[i], xs[i + 1]];
      if (f === t ? f > x0 && (f < x1 || (paragraph && f === x1)) : f < x1 && t > x0) overlaps = true;
    }
    if (!overlaps) return;
    const forward = (i: number) => i % 2 === 0 && xs[i] !== xs[i + 1];
    out.push({
      in: where,
      id,
      points: xs.map((x, i) => (x >= x0 && x <= x1 ? contentOffset(x, forward(i)) : null)),
    });
  };
  for (const note of review.notes)
    if (note.anchor.kind === 'text' && note.anchor.storyId === storyId)
      consider('notes', note.id, recordPoints(note));
  for (const change of review.changes)
    if (
      change.storyId === storyId &&
      change.kind !== 'insert' &&
      change.kind !== 'delete' &&
      !skip.has(change.id)
    )
      consider('changes', change.id, recordPoints(change), change.kind === 'paragraph');
  return out;
}

type ReplaceBlocks = Extract<TextOp, { type: 'replace_blocks' }>;

/** Whole paragraphs pasted: an insertion of them and a break before each (at the start: after each). */
function recordBlocksInserted(before: Edition, after: Edition, op: ReplaceBlocks, ctx: Context): Operation[] {
  const blocks = after.stories[op.storyId].blocks;
  const last = op.index + op.blocks.length - 1;
  // After the paragraph before: the break before each new paragraph; at the start, the break after.
  const [from, to] =
    op.index > 0
      ? [point(op.index - 1, blockLength(blocks[op.index - 1])), point(last, blockLength(blocks[last]))]
      : [point(0, 0), point(last + 1, 0)];
  return recordInsertion(before, after, op.storyId, from, to, ctx);
}

/**
 * Whole paragraphs removed: a deletion of them and a break after each (at
 * the end: before each). When the break after them was itself typed while
 * tracking (the paragraph after is new), the break before them is the one
 * that went instead, and the typed break stays a pending insertion: so
 * rejecting puts the paragraphs back with their roles, before the new one.
 */
function recordBlocksRemoved(before: Edition, after: Edition, op: ReplaceBlocks, ctx: Context): Operation[] {
  const blocks = before.stories[op.storyId].blocks;
  const flat = flatStory(blocks);
  const end = op.index + op.count;
  const inserted = insertIntervals(before, op.storyId, flat);
  const breakAfter = end < blocks.length ? flat.starts[end] - 1 : -1;
  const typedBreak = breakAfter >= 0 && subtract(breakAfter, breakAfter + 1, inserted).length === 0;
  if (typedBreak && op.index > 0) {
    const landing = point(op.index - 1, blockLength(blocks[op.index - 1]));
    // The typed break now sits right after `landing`: insertions over it start there again.
    const mappedInserts = new Map(insertsOf(after, op.storyId).map((c) => [c.id, c]));
    const kept = insertsOf(before, op.storyId)
      .filter((c) => toFlat(flat, c.from) <= breakAfter && toFlat(flat, c.to) > breakAfter)
      .map(
        (c) =>
          ({ type: 'upsert_change', change: { ...mappedInserts.get(c.id)!, from: landing } }) as Operation,
      );
    const removal = recordRemoval(before, op.storyId, flat.starts[op.index] - 1, breakAfter, landing, ctx);
    return [...kept, ...removal, ...dropEmptyInserts(applyAll(after, kept), op.storyId)];
  }
  const [x0, x1, landing] =
    end < blocks.length
      ? [flat.starts[op.index], flat.starts[end], point(op.index, 0)]
      : [flat.starts[op.index] - 1, flat.total, point(op.index - 1, blockLength(blocks[op.index - 1]))];
  const ops = [
    ...recordRemoval(before, op.storyId, x0, x1, landing, ctx),
    ...dropEmptyInserts(after, op.storyId),
  ];
  // The first paragraphs went with a typed break after them: the new paragraph that is now first took
  // the place of the original first one, whose role and style it does not have — a paragraph change.
  if (typedBreak && !paragraphInserted(before, op.storyId, op.index)) {
    const [gone, next] = [blocks[op.index], blocks[end]];
    const keys = (['type', 'styleId'] as const).filter((k) => (gone[k] ?? null) !== (next[k] ?? null));
    if (keys.length > 0) {
      const change: ParagraphChange = {
        id: ctx.id(),
        kind: 'paragraph',
        ...ctx.stamp,
        storyId: op.storyId,
        from: landing,
        to: landing,
        before: Object.fromEntries(keys.map((k) => [k, gone[k] ?? null])),
        after: Object.fromEntries(keys.map((k) => [k, next[k] ?? null])),
      };
      ops.push({ type: 'upsert_change', change });
    }
  }
  return ops;
}

function applyAll(edition: Edition, ops: readonly Operation[]): Edition {
  return ops.reduce((e, op) => applyOperation(e, op).edition, edition);
}

/** A paragraph splice (a paste, a paragraph re-sent whole): what differs is a deletion and an insertion. */
function recordSplice(before: Edition, after: Edition, storyId: Id, ctx: Context): Operation[] {
  const oldBlocks = before.stories[storyId].blocks;
  const newBlocks = after.stories[storyId].blocks;
  const oldText = oldBlocks.map(blockText).join('\n');
  const newText = newBlocks.map(blockText).join('\n');
  if (oldText === newText) return recordRestyle(before, after, storyId, ctx);
  let head = 0;
  const most = Math.min(oldText.length, newText.length);
  while (head < most && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < most - head &&
    oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)
  )
    tail++;
  const newFlat = flatStory(newBlocks);
  const at = fromFlat(newFlat, head);
  const ops: Operation[] = [];
  let current = after;
  const push = (list: Operation[]) => {
    for (const op of list) {
      current = applyOperation(current, op).edition;
      ops.push(op);
    }
  };
  if (oldText.length - tail > head)
    push(recordRemoval(before, storyId, head, oldText.length - tail, at, ctx));
  if (newText.length - tail > head)
    push(recordInsertion(current, current, storyId, at, fromFlat(newFlat, newText.length - tail), ctx));
  push(dropEmptyInserts(current, storyId));
  return ops;
}

/**
 * The same text re-sent with other formatting (a paragraph replaced whole by
 * an edit path that does not say what it changed): each stretch whose marks
 * differ is a format change, each paragraph whose role or style differs a
 * paragraph change.
 */
function recordRestyle(before: Edition, after: Edition, storyId: Id, ctx: Context): Operation[] {
  const oldBlocks = before.stories[storyId].blocks;
  const newBlocks = after.stories[storyId].blocks;
  const ops: Operation[] = [];
  let current = after;
  const push = (list: Operation[]) => {
    for (const op of list) {
      current = applyOperation(current, op).edition;
      ops.push(op);
    }
  };
  oldBlocks.forEach((old, b) => {
    const next = newBlocks[b];
    const props: Record<string, unknown> = {};
    if (old.type !== next.type) props.type = next.type;
    if ((old.styleId ?? null) !== (next.styleId ?? null)) props.styleId = next.styleId ?? null;
    if (Object.keys(props).length > 0)
      push(recordParagraph(before, { type: 'set_block', storyId, block: b, props }, ctx));
    const a = charMarks(old);
    const z = charMarks(next);
    let i = 0;
    while (i < a.length) {
      if (sameMarks(a[i], z[i])) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < a.length && !sameMarks(a[j], z[j]) && sameMarks(z[j], z[i])) j++;
      const from = point(b, i);
      const to = point(b, j);
      const runs = runsOf(before, storyId, from, to);
      if (runs.length > 0) {
        const marks: FormatChange['marks'] = {};
        if (a[i].bold !== z[i].bold) marks.bold = z[i].bold;
        if (a[i].italic !== z[i].italic) marks.italic = z[i].italic;
        if (a[i].charStyleId !== z[i].charStyleId) marks.charStyleId = z[i].charStyleId;
        const change: FormatChange = {
          id: ctx.id(),
          kind: 'format',
          ...ctx.stamp,
          storyId,
          from,
          to,
          marks,
          runs,
        };
        push([{ type: 'upsert_change', change }]);
      }
      i = j;
    }
  });
  return ops;
}

/** Each character's marks, in order. */
function charMarks(block: StoryBlock): RunMarks[] {
  const out: RunMarks[] = [];
  for (const leaf of block.children) {
    const marks = marksOfLeaf(leaf);
    for (let k = 0; k < leaf.text.length; k++) out.push(marks);
  }
  return out;
}

const PARAGRAPH_KEYS_DEFAULT: Record<string, unknown> = { styleId: null };

/** The value a paragraph field has, as a change records it (an absent style is null). */
function fieldOf(block: StoryBlock, key: string): unknown {
  const value = (block as unknown as Record<string, unknown>)[key];
  return value === undefined ? (PARAGRAPH_KEYS_DEFAULT[key] ?? null) : value;
}

/** Whether the paragraph is itself new (its break was typed while tracking). */
function paragraphInserted(edition: Edition, storyId: Id, block: number): boolean {
  const blocks = edition.stories[storyId].blocks;
  const start = point(block, 0);
  const end = point(block, blockLength(blocks[block]));
  return insertsOf(edition, storyId).some(
    (c) =>
      (block > 0 &&
        comparePoints(c.from, point(block - 1, blockLength(blocks[block - 1]))) <= 0 &&
        comparePoints(c.to, end) >= 0) ||
      (block + 1 < blocks.length &&
        comparePoints(c.from, start) <= 0 &&
        comparePoints(c.to, point(block + 1, 0)) >= 0),
  );
}

function recordParagraph(
  before: Edition,
  op: Extract<TextOp, { type: 'set_block' }>,
  ctx: Context,
): Operation[] {
  const { storyId, block } = op;
  const story = before.stories[storyId];
  const old = story.blocks[block];
  const props = (op.props ?? {}) as Record<string, unknown>;
  const keys = Object.keys(props).filter((k) => props[k] !== undefined);
  if (keys.length === 0 || paragraphInserted(before, storyId, block)) return [];
  const existing = changesOf(before, storyId).find(
    // Its record starts where the paragraph starts (after a merge, a record inside belongs to text that joined it).
    (c): c is ParagraphChange => c.kind === 'paragraph' && samePoint(c.from, point(block, 0)),
  );
  const beforeProps: Record<string, unknown> = { ...(existing?.before ?? {}) };
  const afterProps: Record<string, unknown> = { ...(existing?.after ?? {}) };
  for (const key of keys) {
    if (!(key in beforeProps)) beforeProps[key] = fieldOf(old, key);
    afterProps[key] = props[key] ?? null;
  }
  const unchanged = Object.keys(afterProps).every((k) => afterProps[k] === beforeProps[k]);
  if (unchanged) return existing ? [{ type: 'remove_change', changeId: existing.id }] : [];
  const change: ParagraphChange = {
    id: existing?.id ?? ctx.id(),
    kind: 'paragraph',
    ...ctx.stamp,
    storyId,
    from: point(block, 0),
    to: point(block, 0),
    before: beforeProps,
    after: afterProps,
  };
  return [{ type: 'upsert_change', change }];
}

const marksOfLeaf = (leaf: StoryBlock['children'][number]): RunMarks => ({
  bold: leaf.bold === true,
  italic: leaf.italic === true,
  charStyleId: leaf.charStyleId ?? null,
});

const sameMarks = (a: RunMarks, b: RunMarks) =>
  a.bold === b.bold && a.italic === b.italic && a.charStyleId === b.charStyleId;

function patched(marks: RunMarks, patch: FormatChange['marks']): RunMarks {
  return {
    bold: patch.bold === undefined ? marks.bold : patch.bold,
    italic: patch.italic === undefined ? marks.italic : patch.italic,
    charStyleId: patch.charStyleId === undefined ? marks.charStyleId : patch.charStyleId,
  };
}

/** The runs of [from, to) with their marks, without pending insertions, merged where equal. */
function runsOf(edition: Edition, storyId: Id, from: ReviewPoint, to: ReviewPoint): FormatChange['runs'] {
  const blocks = edition.stories[storyId].blocks;
  const flat = flatStory(blocks);
  const original = subtract(toFlat(flat, from), toFlat(flat, to), insertIntervals(edition, storyId, flat));
  const runs: FormatChange['runs'] = [];
  for (const [a, b] of original) {
    const pa = fromFlat(flat, a);
    const pb = fromFlat(flat, b);
    for (let bi = pa.block; bi <= pb.block; bi++) {
      const lo = bi === pa.block ? pa.offset : 0;
      const hi = bi === pb.block ? pb.offset : blockLength(blocks[bi]);
      let start = 0;
      for (const leaf of blocks[bi].children) {
        const end = start + leaf.text.length;
        const s = Math.max(lo, start);
        const e = Math.min(hi, end);
        if (e > s) {
          const marks = marksOfLeaf(leaf);
          const last = runs[runs.length - 1];
          if (last && last.to.block === bi && last.to.offset === s && sameMarks(last.marks, marks))
            last.to = point(bi, e);
          else runs.push({ from: point(bi, s), to: point(bi, e), marks });
        }
        start = end;
      }
    }
  }
  return runs;
}

function recordFormat(
  before: Edition,
  after: Edition,
  op: Extract<TextOp, { type: 'set_marks' }>,
  ctx: Context,
): Operation[] {
  const { storyId, from, to } = op;
  if (samePoint(from, to)) return [];
  const patch: FormatChange['marks'] = {};
  for (const key of ['bold', 'italic', 'charStyleId'] as const)
    if (op.marks?.[key] !== undefined) (patch as Record<string, unknown>)[key] = op.marks[key];
  // The author's own format change over the same range: it still knows the marks before both.
  const existing = changesOf(before, storyId).find(
    (c): c is FormatChange =>
      c.kind === 'format' && c.author === ctx.stamp.author && samePoint(c.from, from) && samePoint(c.to, to),
  );
  const runs = existing?.runs ?? runsOf(before, storyId, from, to);
  const marks = existing ? { ...existing.marks, ...patch } : patch;
  const now = runsOf(after, storyId, from, to);
  const back = runs.every((run) => now.every((n) => !overlaps(n, run) || sameMarks(n.marks, run.marks)));
  if (runs.length === 0 || back) return existing ? [{ type: 'remove_change', changeId: existing.id }] : [];
  if (!existing && runs.every((run) => sameMarks(patched(run.marks, patch), run.marks))) return [];
  const change: FormatChange = {
    id: existing?.id ?? ctx.id(),
    kind: 'format',
    ...ctx.stamp,
    storyId,
    from,
    to,
    marks,
    runs,
  };
  return [{ type: 'upsert_change', change }];
}

const overlaps = (a: { from: ReviewPoint; to: ReviewPoint }, b: { from: ReviewPoint; to: ReviewPoint }) =>
  comparePoints(a.from, b.to) < 0 && comparePoints(b.from, a.to) < 0;
