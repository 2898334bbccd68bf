/**
 * What the rounds desk does to the edition: start a proof round (a snapshot
 * kept in the .folio), rename one, sign a page off, reopen it, switch the
 * edition's "require sign-off for press". Each is one model operation
 * applied through the editing session, so it is one named undo step, goes
 * through the newsroom's guard and is journaled like any edit. Who did it
 * comes from preferences at the moment of the act.
 */
import type { Id } from '../../shared/model/types';
import type { Operation } from '../../shared/model/operations';
import { reviewOf } from '../../shared/model/review';
import { renameRoundOp, signOffOp, startRoundOp } from '../../shared/review';
import { sessionOf } from '../actions/session';
import { currentStamp } from '../comments/user-state';
import type { EditorStore } from '../state/editor-store';
import { roundsOf } from './rounds-state';

/** Applies one operation as one undo step; a refusal (newsroom guard, model) becomes a notice. */
function apply(store: EditorStore, op: Operation, label: string): boolean {
  const session = sessionOf(store);
  try {
    session.apply(op, { label });
    return true;
  } catch (error) {
    session.notify(error as Error);
    return false;
  }
}

/** Starts a round under `name` (the default name when blank); returns the round's name, or null. */
export async function startRound(store: EditorStore, name: string): Promise<string | null> {
  const stamp = await currentStamp(roundsOf(store).services);
  const edition = store.getState().edition;
  if (!edition) return null;
  const op = startRoundOp(edition, stamp, name);
  if (op.type !== 'upsert_round' || !apply(store, op, 'rounds.step.start')) return null;
  return op.round.name;
}

export function renameRound(store: EditorStore, roundId: Id, name: string): boolean {
  const edition = store.getState().edition;
  if (!edition || !name.trim()) return false;
  return apply(store, renameRoundOp(edition, roundId, name.trim()), 'rounds.step.rename');
}

/** Signs page `pageIndex` (zero-based) off in the latest round. */
export async function signOffPage(store: EditorStore, pageIndex: number): Promise<boolean> {
  const stamp = await currentStamp(roundsOf(store).services);
  const edition = store.getState().edition;
  const page = edition?.pages[pageIndex];
  if (!edition || !page) return false;
  return apply(store, signOffOp(edition, page.id, stamp), 'rounds.step.signOff');
}

export function reopenPage(store: EditorStore, pageIndex: number): boolean {
  const page = store.getState().edition?.pages[pageIndex];
  if (!page) return false;
  return apply(store, { type: 'set_signoff', pageId: page.id, signoff: null }, 'rounds.step.reopen');
}

export function setRequireSignoff(store: EditorStore, required: boolean): boolean {
  const edition = store.getState().edition;
  if (!edition || reviewOf(edition).settings.requireSignoff === required) return false;
  return apply(
    store,
    { type: 'set_review_settings', props: { requireSignoff: required } },
    'rounds.step.require',
  );
}
