/**
 * Comparing two proof rounds, or a round with now: both states are composed
 * with the renderer's own engine and fonts (apart from the live
 * composition, so the canvas keeps its incremental state), then the model's
 * diff (shared/review/diff.ts) gives per story a redline and per page the
 * changed regions — the same figures `folio diff` prints.
 */
import type { Edition } from '../../shared/model/types';
import { reviewOf } from '../../shared/model/review';
import { diffEditions, editionOfSnapshot, shareEqual } from '../../shared/review';
import { LocalizedError } from '../../shared/services/locales/localized-error';
import type { EditorStore } from '../state/editor-store';
import { roundsOf, type CompareRequest, type ComparedState, type CompareResult } from './rounds-state';

/** The state a request names: a round's snapshot, or the edition as it is (`now`). */
function stateOf(edition: Edition, id: string): { name: string | null; edition: Edition } {
  if (id === 'now') return { name: null, edition };
  const round = reviewOf(edition).rounds.find((r) => r.id === id);
  if (!round) throw new LocalizedError('compare.failed', { detail: id });
  return { name: round.name, edition: editionOfSnapshot(edition, round.snapshot) };
}

/** Composes both states and compares them. */
export async function computeComparison(store: EditorStore, request: CompareRequest): Promise<CompareResult> {
  const edition = store.getState().edition;
  if (!edition) throw new LocalizedError('error.noEdition');
  const started = performance.now();
  const a = stateOf(edition, request.from);
  const b = stateOf(edition, request.to);
  // The later state shares the earlier one's unchanged objects: it composes incrementally after it.
  const later = shareEqual(a.edition, b.edition);
  // The live display list may show the markup view; a comparison is of what prints, composed alike.
  const listA = await store.composeDetached(a.edition);
  const listB = await store.composeDetached(later);
  const diff = diffEditions(a.edition, later, listA, listB);
  const before: ComparedState = { name: a.name, edition: a.edition, list: listA };
  const after: ComparedState = { name: b.name, edition: later, list: listB };
  return { before, after, diff, ms: performance.now() - started };
}

/** Opens the comparison view on `request` and fills it in once both states are composed. */
export function showComparison(store: EditorStore, request: CompareRequest): void {
  const rounds = roundsOf(store);
  const generation = ++rounds.generation;
  const mode = rounds.get().comparison?.mode ?? 'side';
  rounds.set({ comparison: { request, status: 'loading', result: null, error: null, mode }, marked: null });
  computeComparison(store, request).then(
    (result) => {
      if (rounds.generation === generation) rounds.setComparison({ status: 'ready', result });
    },
    (error: Error) => {
      if (rounds.generation === generation) rounds.setComparison({ status: 'error', error });
    },
  );
}

/**
 * The request Review ▸ Compare Rounds… makes: the latest round with the
 * one before it (二校 with 一校), or with now when there is one round;
 * null without rounds.
 */
export function defaultRequest(edition: Edition): CompareRequest | null {
  const rounds = reviewOf(edition).rounds;
  const last = rounds[rounds.length - 1];
  if (!last) return null;
  const previous = rounds[rounds.length - 2];
  return previous ? { from: previous.id, to: last.id } : { from: last.id, to: 'now' };
}
