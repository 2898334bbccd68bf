/**
 * Reading the review part of an edition (notes, tracked changes, rounds,
 * sign-off) and the status it gives each page and story.
 */
import type { Edition, Id } from './types';
import type { PageStatus, Review, ReviewSettings } from './review-types';

/** A new, empty review: no notes, no changes, no rounds, tracking off. */
export function emptyReview(): Review {
  return {
    settings: { trackChanges: false, trackStories: {}, requireSignoff: false },
    notes: [],
    changes: [],
    rounds: [],
    signoffs: {},
  };
}

const EMPTY: Review = Object.freeze(emptyReview()) as Review;

/** The edition's review, or an empty one for an edition built without it. */
export function reviewOf(edition: Edition): Review {
  return edition.review ?? EMPTY;
}

/** Whether edits to a story are tracked: the story's own switch, else the edition's. */
export function isTracking(edition: Edition, storyId: Id): boolean {
  const settings: ReviewSettings = reviewOf(edition).settings;
  const own = Object.prototype.hasOwnProperty.call(settings.trackStories, storyId)
    ? settings.trackStories[storyId]
    : undefined;
  return own ?? settings.trackChanges;
}

/** A page's proof status: signed off, in proof (a round has started), or draft. */
export function pageStatus(edition: Edition, pageId: Id): PageStatus {
  const review = reviewOf(edition);
  if (Object.prototype.hasOwnProperty.call(review.signoffs, pageId)) return 'signed';
  return review.rounds.length > 0 ? 'in-proof' : 'draft';
}
