/**
 * What tracking does to the edition from the app: the filter that records
 * every user edit as tracked changes while tracking is on (trackOperations
 * with the user's stamp, on the editing session's one apply path), the
 * edition and story switches, and accepting or rejecting changes — each
 * decision one undo step, applied as given (never tracked again).
 */
import type { Id } from '../../shared/model/types';
import type { Operation } from '../../shared/model/operations';
import { isTracking, reviewOf } from '../../shared/model/review';
import {
  makeStamp,
  resolveChanges,
  trackOperations,
  type ChangeFilter,
  type Decision,
} from '../../shared/review';
import { sessionOf, type OperationFilter } from '../actions/session';
import type { EditorStore } from '../state/editor-store';
import { userOf } from '../comments/user-state';

/** Whether any story of the edition is tracked (the filter's fast way out). */
function anyTracking(settings: ReturnType<typeof reviewOf>['settings']): boolean {
  return settings.trackChanges || Object.values(settings.trackStories).some(Boolean);
}

/** The session filter: a user's edit of a tracked story gets its change records, in the user's name. */
export function trackingFilter(store: EditorStore): OperationFilter {
  const user = userOf(store);
  return (ops, edition) => {
    if (!anyTracking(reviewOf(edition).settings)) return ops;
    // Preferences are read at start; until then (or with no name at all) the host's default stands in.
    const { name, color } = user.get();
    return trackOperations(edition, ops, { stamp: makeStamp({ name: name || 'Editor', color }) }).ops;
  };
}

/** Applies one change as one undo step; a refusal (newsroom guard, model) becomes a notice. */
function apply(store: EditorStore, ops: Operation[], label: string, plain: boolean): boolean {
  const session = sessionOf(store);
  try {
    session.apply(ops, { label }, { plain });
    return true;
  } catch (error) {
    session.notify(error as Error);
    return false;
  }
}

/** Turns tracking on or off for the whole edition (stories with their own switch keep it). */
export function setEditionTracking(store: EditorStore, on: boolean): boolean {
  const edition = store.getState().edition;
  if (!edition || reviewOf(edition).settings.trackChanges === on) return false;
  return apply(
    store,
    [{ type: 'set_review_settings', props: { trackChanges: on } }],
    on ? 'tracking.step.editionOn' : 'tracking.step.editionOff',
    true,
  );
}

/**
 * Turns tracking on or off for one story. A story switched to what the
 * edition does loses its own switch, so it follows the edition again.
 */
export function setStoryTracking(store: EditorStore, storyId: Id, on: boolean): boolean {
  const edition = store.getState().edition;
  if (!edition?.stories[storyId] || isTracking(edition, storyId) === on) return false;
  const own = on === reviewOf(edition).settings.trackChanges ? null : on;
  return apply(
    store,
    [{ type: 'set_review_settings', props: {}, trackStories: { [storyId]: own } }],
    on ? 'tracking.step.storyOn' : 'tracking.step.storyOff',
    true,
  );
}

const STEP: Record<Decision, { one: string; many: string }> = {
  accept: { one: 'tracking.step.accept', many: 'tracking.step.acceptAll' },
  reject: { one: 'tracking.step.reject', many: 'tracking.step.rejectAll' },
};

/**
 * Accepts or rejects the changes the filter selects (one change: `ids`), as
 * one undo step. Returns how many changes it decided (0: nothing to do).
 */
export function decide(store: EditorStore, decision: Decision, filter: ChangeFilter): number {
  const edition = store.getState().edition;
  if (!edition) return 0;
  let result: ReturnType<typeof resolveChanges>;
  try {
    result = resolveChanges(edition, decision, filter);
  } catch (error) {
    sessionOf(store).notify(error as Error);
    return 0;
  }
  if (result.ops.length === 0) return 0;
  const single = filter.ids?.length === 1;
  return apply(store, result.ops, single ? STEP[decision].one : STEP[decision].many, true)
    ? Math.max(result.count, 1)
    : 0;
}
