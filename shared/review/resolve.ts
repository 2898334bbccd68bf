/**
 * Accepting and rejecting tracked changes. Accepting only drops the record:
 * the story already holds the final text. Rejecting undoes the change in
 * the text — takes inserted text out, puts deleted text back (and the notes
 * and changes it held back on their words), restores marks or a paragraph's
 * role and style — then drops the record. The results are plain model
 * operations, applied as one step: every decision is undoable.
 *
 * Many at once (a story, an author, the edition) go one by one against the
 * edition as it becomes; rejections newest first, since a later change may
 * have been made on top of an earlier one.
 */
import type {
  DeleteChange,
  Edition,
  Id,
  ReviewPoint,
  StoryBlock,
  StoryText,
  TrackedChange,
} from '../model/types';
import { applyOperation, blockLength, type Operation } from '../model/operations';
import { recordPoints } from '../model/ops/anchors';
import { reviewOf } from '../model/review';
import { flatStory, fromFlat, samePoint, toFlat } from './points';
import { insertIntervals, subtract } from './track';

export type Decision = 'accept' | 'reject';

/** Which changes: all of the edition, or those of a story, an author, or named ones. */
export interface ChangeFilter {
  storyId?: Id;
  author?: string;
  ids?: readonly Id[];
}

/** A change that no longer does anything (its inserted or reformatted text is all gone). */
export function isMoot(change: TrackedChange): boolean {
  if (change.kind === 'insert') return samePoint(change.from, change.to);
  if (change.kind === 'format') return change.runs.every((r) => samePoint(r.from, r.to));
  return false;
}

/** The pending changes (in the order they were made), optionally filtered. */
export function pendingChanges(edition: Edition, filter: ChangeFilter = {}): TrackedChange[] {
  const ids = filter.ids ? new Set(filter.ids) : null;
  return reviewOf(edition).changes.filter(
    (c) =>
      !isMoot(c) &&
      (filter.storyId === undefined || c.storyId === filter.storyId) &&
      (filter.author === undefined || c.author === filter.author) &&
      (!ids || ids.has(c.id)),
  );
}

/** The operations that take [from, to) out of a story (possibly across paragraphs). */
export function removeRangeOps(
  edition: Edition,
  storyId: Id,
  from: ReviewPoint,
  to: ReviewPoint,
): Operation[] {
  const blocks = edition.stories[storyId].blocks;
  if (from.block === to.block)
    return to.offset > from.offset
      ? [
          {
            type: 'remove_text',
            storyId,
            block: from.block,
            offset: from.offset,
            length: to.offset - from.offset,
          },
        ]
      : [];
  const ops: Operation[] = [];
  if (to.offset > 0)
    ops.push({ type: 'remove_text', storyId, block: to.block, offset: 0, length: to.offset });
  // From the start of a paragraph: whole paragraphs go, and the one the range ends in keeps its role and style.
  if (from.offset === 0) {
    ops.push({
      type: 'replace_blocks',
      storyId,
      index: from.block,
      count: to.block - from.block,
      blocks: [],
    });
    return ops;
  }
  const between = to.block - from.block - 1;
  if (between > 0)
    ops.push({ type: 'replace_blocks', storyId, index: from.block + 1, count: between, blocks: [] });
  const tail = blockLength(blocks[from.block]) - from.offset;
  if (tail > 0)
    ops.push({ type: 'remove_text', storyId, block: from.block, offset: from.offset, length: tail });
  ops.push({ type: 'merge_block', storyId, block: from.block + 1 });
  // The joined paragraph keeps the role and style of the one whose text goes on: with nothing left of
  // the last paragraph, the first's; otherwise, when the range ends right at a paragraph's start (the
  // break before an existing paragraph), that paragraph's.
  const last = blocks[to.block];
  const first = blocks[from.block];
  const tailLeft = blockLength(last) > to.offset;
  if (tailLeft && to.offset === 0 && (last.type !== first.type || last.styleId !== first.styleId))
    ops.push({
      type: 'set_block',
      storyId,
      block: from.block,
      props: { type: last.type, styleId: last.styleId ?? null },
    });
  return ops;
}

function find(edition: Edition, changeId: Id): TrackedChange {
  const change = reviewOf(edition).changes.find((c) => c.id === changeId);
  if (!change) throw new Error(`change "${changeId}" does not exist`);
  return change;
}

/** Accepting: the text stays as it is, the record goes. */
export function acceptChangeOps(edition: Edition, changeId: Id): Operation[] {
  find(edition, changeId);
  return [{ type: 'remove_change', changeId }];
}

/** Rejecting one change: its text or formatting goes back to what it was, the record goes. */
export function rejectChangeOps(edition: Edition, changeId: Id): Operation[] {
  const change = find(edition, changeId);
  const drop: Operation = { type: 'remove_change', changeId };
  const { storyId } = change;
  if (!Object.prototype.hasOwnProperty.call(edition.stories, storyId)) return [drop];
  switch (change.kind) {
    case 'insert':
      return [drop, ...removeRangeOps(edition, storyId, change.from, change.to)];
    case 'delete':
      return [drop, ...restoreDeletion(applyOperation(edition, drop).edition, change)];
    case 'format':
      return [
        drop,
        ...change.runs
          .filter((run) => !samePoint(run.from, run.to))
          .map((run): Operation => ({
            type: 'set_marks',
            storyId,
            from: run.from,
            to: run.to,
            marks: { bold: run.marks.bold, italic: run.marks.italic, charStyleId: run.marks.charStyleId },
          })),
      ];
    case 'paragraph': {
      // A paragraph's role belongs to its first original text: a change on text that has since
      // joined the end of another paragraph waits until a rejected deletion gives it its own again.
      const story = edition.stories[storyId];
      const flat = flatStory(story.blocks);
      const start = flat.starts[Math.min(change.from.block, story.blocks.length - 1)];
      if (subtract(start, toFlat(flat, change.from), insertIntervals(edition, storyId, flat)).length > 0)
        return [drop];
      const props: Record<string, unknown> = { ...change.before };
      // A style deleted since cannot come back; the paragraph then keeps the style it has.
      if (typeof props.styleId === 'string' && !(props.styleId in edition.styles.paragraph))
        delete props.styleId;
      const block = Math.min(change.from.block, edition.stories[storyId].blocks.length - 1);
      return [drop, { type: 'set_block', storyId, block, props }];
    }
  }
}

/** The operations that set a run of restored text to exactly the marks it had. */
function marksOps(storyId: Id, block: number, offset: number, leaves: readonly StoryText[]): Operation[] {
  const ops: Operation[] = [];
  let at = offset;
  for (const leaf of leaves) {
    if (leaf.text.length > 0)
      ops.push({
        type: 'set_marks',
        storyId,
        from: { block, offset: at },
        to: { block, offset: at + leaf.text.length },
        marks: {
          bold: leaf.bold === true,
          italic: leaf.italic === true,
          charStyleId: leaf.charStyleId ?? null,
        },
      });
    at += leaf.text.length;
  }
  return ops;
}

const leavesText = (leaves: readonly StoryText[]) => leaves.map((l) => l.text).join('');

/**
 * Puts a fragment back at a point with operations that say exactly where
 * the text goes (never a diff of paragraphs, which could line the text up
 * with equal characters next to it): split, whole paragraphs, the text at
 * each end, then marks and the paragraphs' roles and styles.
 */
export function putBackOps(
  storyId: Id,
  at: ReviewPoint,
  content: readonly StoryBlock[],
  startsParagraph: boolean,
): Operation[] {
  const first = content[0];
  if (content.length === 1) {
    const text = leavesText(first.children);
    if (!text) return [];
    return [
      { type: 'insert_text', storyId, block: at.block, offset: at.offset, text },
      ...marksOps(storyId, at.block, at.offset, first.children),
    ];
  }
  const last = content[content.length - 1];
  const lastBlock = at.block + content.length - 1;
  const ops: Operation[] = [{ type: 'split_block', storyId, block: at.block, offset: at.offset }];
  if (content.length > 2)
    ops.push({
      type: 'replace_blocks',
      storyId,
      index: at.block + 1,
      count: 0,
      blocks: content.slice(1, -1),
    });
  const firstText = leavesText(first.children);
  if (firstText) {
    ops.push({ type: 'insert_text', storyId, block: at.block, offset: at.offset, text: firstText });
    ops.push(...marksOps(storyId, at.block, at.offset, first.children));
  }
  const lastText = leavesText(last.children);
  if (lastText) {
    ops.push({ type: 'insert_text', storyId, block: lastBlock, offset: 0, text: lastText });
    ops.push(...marksOps(storyId, lastBlock, 0, last.children));
  }
  const props = (b: StoryBlock) => ({ type: b.type, styleId: b.styleId ?? null });
  if (startsParagraph) ops.push({ type: 'set_block', storyId, block: at.block, props: props(first) });
  ops.push({ type: 'set_block', storyId, block: lastBlock, props: props(last) });
  return ops;
}

/** Puts a deletion's text back at its point, and the notes and changes it held back on their words. */
function restoreDeletion(edition: Edition, change: DeleteChange): Operation[] {
  const { storyId, from: at } = change;
  const story = edition.stories[storyId];
  const restoreOps = putBackOps(storyId, at, change.content, change.startsParagraph === true);
  const restore: Operation = { type: 'batch', ops: restoreOps };
  if (!change.held?.length) return restoreOps;
  const after = applyOperation(edition, restore).edition;
  const flat = flatStory(after.stories[storyId].blocks);
  const start = toFlat(flatStory(story.blocks), at);
  const review = reviewOf(after);
  const records = change.held.flatMap((held) => {
    const list: { id: Id }[] = held.in === 'notes' ? review.notes : review.changes;
    const record = list.find((r) => r.id === held.id) as Parameters<typeof recordPoints>[0] | undefined;
    if (!record) return [];
    const current = recordPoints(record);
    if (current.length !== held.points.length) return [];
    const points = current.map((p, i) => {
      const rel = held.points[i];
      return rel === null ? p : fromFlat(flat, Math.min(start + rel, flat.total));
    });
    return [{ in: held.in, id: held.id, points }];
  });
  return records.length ? [...restoreOps, { type: 'set_review_anchors', records }] : restoreOps;
}

/**
 * Accepts or rejects every pending change the filter selects, as one list
 * of operations (apply them as one step), and the edition after them.
 */
export function resolveChanges(
  edition: Edition,
  decision: Decision,
  filter: ChangeFilter = {},
): { ops: Operation[]; edition: Edition; count: number } {
  // Moot records go too: accepting or rejecting them changes no text.
  const ids = new Set(filter.ids ?? []);
  const selected = reviewOf(edition).changes.filter(
    (c) =>
      (filter.storyId === undefined || c.storyId === filter.storyId) &&
      (filter.author === undefined || c.author === filter.author) &&
      (!filter.ids || ids.has(c.id)),
  );
  const order = decision === 'reject' ? selected.slice().reverse() : selected;
  const ops: Operation[] = [];
  let current = edition;
  let count = 0;
  for (const change of order) {
    if (!reviewOf(current).changes.some((c) => c.id === change.id)) continue;
    if (!isMoot(change)) count++;
    const list =
      decision === 'accept' ? acceptChangeOps(current, change.id) : rejectChangeOps(current, change.id);
    for (const op of list) {
      current = applyOperation(current, op).edition;
      ops.push(op);
    }
  }
  return { ops, edition: current, count };
}
