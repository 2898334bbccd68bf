/** The proofreading desk: tracking edits, accepting and rejecting changes, notes, rounds, sign-off. */
export { trackOperations, trackedReplacement, type TrackOptions, type Tracked } from './track';
export {
  acceptChangeOps,
  rejectChangeOps,
  resolveChanges,
  pendingChanges,
  isMoot,
  removeRangeOps,
  type ChangeFilter,
  type Decision,
} from './resolve';
export { makeStamp } from './stamp';
export { ReviewComposition, type ReviewView, type ReviewViewOptions } from './review-composition';
export { markupEdition, markupMapOf, type MarkupMap } from './markup';
export { withReviewMarks } from './decorations';
export {
  startRoundOp,
  renameRoundOp,
  findRound,
  defaultRoundName,
  snapshotOf,
  editionOfSnapshot,
} from './rounds';
export {
  diffEditions,
  diffStories,
  diffPages,
  diffText,
  type EditionDiff,
  type StoryDiff,
  type PageDiff,
  type DiffSegment,
} from './diff';
export { reopenFor, signOffOp, pagesTouched } from './signoff';
export {
  composeStates,
  composeAfter,
  shareEqual,
  storyChangesBetween,
  type IncrementalComposition,
} from './compose-states';
export { type ReviewUser } from './stamp';
export {
  addNoteOp,
  replyOp,
  resolveNoteOp,
  editNoteOp,
  deleteNoteOp,
  describeNotes,
  rangeText,
  type NoteView,
} from './notes';
