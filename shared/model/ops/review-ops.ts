/**
 * Review operations: notes, tracked-change records, proof rounds, sign-off
 * and the desk's switches (edition.review). Every one has an exact inverse.
 * What a record points at is checked when the record is new or its anchor
 * changes; a record kept as it was may point at something since deleted (a
 * note on a removed frame is kept, shown as detached).
 */
import type { Edition, Id, Story } from '../types';
import type { Note, ProofRound, Review, ReviewPoint, SignOff, TrackedChange } from '../review-types';
import {
  anchorRecordsSchema,
  noteSchema,
  proofRoundSchema,
  signOffSchema,
  trackedChangeSchema,
} from '../schema';
import { emptyReview } from '../review';
import type { AppliedOperation, ReviewOperation } from './types';
import { OperationError, ensure } from './errors';
import { checkBlockRefs, checkShape } from './checks';
import { hasKey, locateFrame } from './locate';
import { blockLength } from './text';
import { recordPoints, withRecordPoints } from './anchors';

type Keyed = { id: Id };

/** A list with `item` replacing the record of its id, or inserted at `index` (default: last). */
function upsert<T extends Keyed>(list: readonly T[], item: T, index?: number): { list: T[]; old: T | null } {
  const existing = list.findIndex((x) => x.id === item.id);
  const out = list.slice();
  if (existing >= 0) {
    out[existing] = item;
    return { list: out, old: list[existing] };
  }
  const at = index === undefined ? out.length : Math.max(0, Math.min(Math.floor(index), out.length));
  out.splice(at, 0, item);
  return { list: out, old: null };
}

function remove<T extends Keyed>(
  list: readonly T[],
  id: Id,
  opType: string,
  what: string,
): { list: T[]; old: T; at: number } {
  const at = list.findIndex((x) => x.id === id);
  ensure(at >= 0, opType, `${what} "${String(id)}" does not exist`);
  const out = list.slice();
  out.splice(at, 1);
  return { list: out, old: list[at], at };
}

function checkPoint(story: Story, p: ReviewPoint, opType: string, what: string): void {
  ensure(
    p.block < story.blocks.length && p.offset <= blockLength(story.blocks[p.block]),
    opType,
    `${what} (paragraph ${p.block}, offset ${p.offset}) is outside story "${story.id}"`,
  );
}

function checkRange(edition: Edition, storyId: Id, points: ReviewPoint[], opType: string): void {
  ensure(hasKey(edition.stories, storyId), opType, `story "${storyId}" does not exist`);
  const story = edition.stories[storyId];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const [from, to] = [points[i], points[i + 1]];
    checkPoint(story, from, opType, 'from');
    checkPoint(story, to, opType, 'to');
    ensure(
      from.block < to.block || (from.block === to.block && from.offset <= to.offset),
      opType,
      '"from" must not come after "to"',
    );
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function checkNoteAnchor(edition: Edition, note: Note, old: Note | null, opType: string): void {
  if (old && sameJson(old.anchor, note.anchor)) return;
  const anchor = note.anchor;
  if (anchor.kind === 'text') checkRange(edition, anchor.storyId, [anchor.from, anchor.to], opType);
  else if (anchor.kind === 'frame')
    ensure(locateFrame(edition, anchor.frameId), opType, `frame "${anchor.frameId}" does not exist`);
  else
    ensure(
      edition.pages.some((p) => p.id === anchor.pageId),
      opType,
      `page "${anchor.pageId}" does not exist`,
    );
}

function checkChange(
  edition: Edition,
  change: TrackedChange,
  old: TrackedChange | null,
  opType: string,
): void {
  if (change.kind === 'delete') checkBlockRefs(edition, change.content, opType);
  if (change.kind === 'format' && typeof change.marks.charStyleId === 'string')
    ensure(
      hasKey(edition.styles.character, change.marks.charStyleId),
      opType,
      `character style "${change.marks.charStyleId}" does not exist`,
    );
  if (old && old.storyId === change.storyId && sameJson(recordPoints(old), recordPoints(change))) return;
  checkRange(edition, change.storyId, recordPoints(change), opType);
}

const withReview = (edition: Edition, review: Review): Edition => ({ ...edition, review });

export function applyReviewOperation(edition: Edition, op: ReviewOperation): AppliedOperation {
  const review = edition.review ?? emptyReview();
  switch (op.type) {
    case 'upsert_note': {
      const note = checkShape(noteSchema, op.note, op.type, 'note') as Note;
      const { list, old } = upsert(review.notes, note, op.index);
      checkNoteAnchor(edition, note, old, op.type);
      return {
        edition: withReview(edition, { ...review, notes: list }),
        inverse: old ? { type: 'upsert_note', note: old } : { type: 'remove_note', noteId: note.id },
      };
    }
    case 'remove_note': {
      const { list, old, at } = remove(review.notes, op.noteId, op.type, 'note');
      return {
        edition: withReview(edition, { ...review, notes: list }),
        inverse: { type: 'upsert_note', note: old, index: at },
      };
    }
    case 'upsert_change': {
      const change = checkShape(trackedChangeSchema, op.change, op.type, 'change') as TrackedChange;
      const { list, old } = upsert(review.changes, change, op.index);
      checkChange(edition, change, old, op.type);
      return {
        edition: withReview(edition, { ...review, changes: list }),
        inverse: old
          ? { type: 'upsert_change', change: old }
          : { type: 'remove_change', changeId: change.id },
      };
    }
    case 'remove_change': {
      const { list, old, at } = remove(review.changes, op.changeId, op.type, 'change');
      return {
        edition: withReview(edition, { ...review, changes: list }),
        inverse: { type: 'upsert_change', change: old, index: at },
      };
    }
    case 'upsert_round': {
      const round = checkShape(proofRoundSchema, op.round, op.type, 'round') as unknown as ProofRound;
      const { list, old } = upsert(review.rounds, round, op.index);
      return {
        edition: withReview(edition, { ...review, rounds: list }),
        inverse: old ? { type: 'upsert_round', round: old } : { type: 'remove_round', roundId: round.id },
      };
    }
    case 'remove_round': {
      const { list, old, at } = remove(review.rounds, op.roundId, op.type, 'round');
      return {
        edition: withReview(edition, { ...review, rounds: list }),
        inverse: { type: 'upsert_round', round: old, index: at },
      };
    }
    case 'set_signoff': {
      const pageId = op.pageId;
      ensure(typeof pageId === 'string', op.type, 'pageId must be a page id');
      const old = hasKey(review.signoffs, pageId) ? review.signoffs[pageId] : null;
      let signoffs: Record<Id, SignOff>;
      if (op.signoff === null) {
        if (!old) return { edition, inverse: { type: 'set_signoff', pageId, signoff: null } };
        const { [pageId]: _dropped, ...rest } = review.signoffs;
        signoffs = rest;
      } else {
        ensure(
          edition.pages.some((p) => p.id === pageId),
          op.type,
          `page "${pageId}" does not exist`,
        );
        const signoff = checkShape(signOffSchema, op.signoff, op.type, 'signoff') as SignOff;
        if (signoff.roundId !== null)
          ensure(
            review.rounds.some((r) => r.id === signoff.roundId),
            op.type,
            `round "${signoff.roundId}" does not exist`,
          );
        signoffs = { ...review.signoffs, [pageId]: signoff };
      }
      return {
        edition: withReview(edition, { ...review, signoffs }),
        inverse: { type: 'set_signoff', pageId, signoff: old },
      };
    }
    case 'set_review_settings': {
      const props = op.props ?? {};
      const settings = { ...review.settings };
      const inverseProps: { trackChanges?: boolean; requireSignoff?: boolean } = {};
      for (const key of ['trackChanges', 'requireSignoff'] as const) {
        if (props[key] === undefined) continue;
        ensure(typeof props[key] === 'boolean', op.type, `${key} must be true or false`);
        inverseProps[key] = settings[key];
        settings[key] = props[key];
      }
      const inverseStories: Record<Id, boolean | null> = {};
      if (op.trackStories) {
        const stories = { ...settings.trackStories };
        for (const [storyId, on] of Object.entries(op.trackStories)) {
          ensure(
            on === null || typeof on === 'boolean',
            op.type,
            `trackStories["${storyId}"] must be true, false or null`,
          );
          inverseStories[storyId] = hasKey(stories, storyId) ? stories[storyId] : null;
          if (on === null) delete stories[storyId];
          else {
            ensure(hasKey(edition.stories, storyId), op.type, `story "${storyId}" does not exist`);
            stories[storyId] = on;
          }
        }
        settings.trackStories = stories;
      }
      return {
        edition: withReview(edition, { ...review, settings }),
        inverse: {
          type: 'set_review_settings',
          props: inverseProps,
          ...(op.trackStories ? { trackStories: inverseStories } : {}),
        },
      };
    }
    case 'set_review_anchors': {
      checkShape(anchorRecordsSchema, op.records, op.type, 'records');
      let { notes, changes } = review;
      const back: { in: 'notes' | 'changes'; id: Id; points: ReviewPoint[] }[] = [];
      for (const entry of op.records) {
        const list: (Note | TrackedChange)[] = entry.in === 'notes' ? notes : changes;
        const i = list.findIndex((r) => r.id === entry.id);
        ensure(
          i >= 0,
          op.type,
          `${entry.in === 'notes' ? 'note' : 'change'} "${String(entry.id)}" does not exist`,
        );
        const old = list[i];
        const points = recordPoints(old);
        ensure(
          Array.isArray(entry.points) && entry.points.length === points.length,
          op.type,
          `record "${entry.id}" has ${points.length} points, not ${entry.points?.length}`,
        );
        back.push({ in: entry.in, id: entry.id, points });
        const copy = list.slice();
        copy[i] = withRecordPoints(old, entry.points);
        if (entry.in === 'notes') notes = copy as Note[];
        else changes = copy as TrackedChange[];
      }
      return {
        edition: withReview(edition, { ...review, notes, changes }),
        inverse: { type: 'set_review_anchors', records: back.reverse() },
      };
    }
    default:
      throw new OperationError((op as { type: string }).type, 'unknown review operation');
  }
}
