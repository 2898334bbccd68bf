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
