/**
 * The proof-rounds desk's state for one window (one store): whether the
 * Rounds panel is open, the Start Proof Round dialog, the comparison on
 * show (its request, its result once both states are composed, side by
 * side or overlaid) and the changed regions marked on the live canvas after
 * a jump. One per store, found with `roundsOf(store)` — no global
 * singleton, so two windows never share it.
 */
import type { DisplayList } from '../../shared/layout/display-list';
import type { Edition, Id } from '../../shared/model/types';
import type { EditionDiff, PageDiff } from '../../shared/review';
import type { FolioServices } from '../../shared/services/api';
import type { Prompts } from '../shell/prompts';
import type { EditorStore } from '../state/editor-store';

/** Two states to compare: rounds by id, the later one possibly the edition as it is now. */
export interface CompareRequest {
  from: Id;
  to: Id | 'now';
}

/** One compared state: its name as shown, the edition and its composed pages. */
export interface ComparedState {
  /** The round's name; null for the edition as it is now (named in the UI language when shown). */
  name: string | null;
  edition: Edition;
  list: DisplayList;
}

export interface CompareResult {
  before: ComparedState;
  after: ComparedState;
  diff: EditionDiff;
  /** Milliseconds composing both states and comparing them took. */
  ms: number;
}

export type CompareMode = 'side' | 'overlay';

export interface Comparison {
  request: CompareRequest;
  status: 'loading' | 'ready' | 'error';
  result: CompareResult | null;
  error: Error | null;
  mode: CompareMode;
}

export interface RoundsSnapshot {
  /** The Rounds panel is open. */
  open: boolean;
  /** The Start Proof Round dialog, with the name being typed; null when closed. */
  starting: { name: string } | null;
  /** The comparison over the canvas; null when none is shown. */
  comparison: Comparison | null;
  /**
   * Changed regions of a comparison with now, marked on the live canvas
   * after the user jumped to one (a comparison of two rounds has no place
   * on today's pages); `jump` is bumped to scroll to `focus` again.
   */
  marked: { pages: PageDiff[]; focus: { pageId: Id; index: number } | null; jump: number } | null;
}

export class RoundsState {
  /** The host's services (preferences: who the user is), set when the extension starts. */
  services: FolioServices | null = null;
  /** The shell's notices, for messages that outlive the panel (a reopened page). */
  prompts: Prompts | null = null;
  /** Counts comparisons, so a late result of an earlier one is dropped. */
  generation = 0;
  private snapshot: RoundsSnapshot = { open: false, starting: null, comparison: null, marked: null };
  private readonly listeners = new Set<() => void>();

  get = (): RoundsSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(change: Partial<RoundsSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }

  setComparison(change: Partial<Comparison>): void {
    const current = this.snapshot.comparison;
    if (current) this.set({ comparison: { ...current, ...change } });
  }
}

const states = new WeakMap<EditorStore, RoundsState>();

export function roundsOf(store: EditorStore): RoundsState {
  let state = states.get(store);
  if (!state) {
    state = new RoundsState();
    states.set(store, state);
  }
  return state;
}
