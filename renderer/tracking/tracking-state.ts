/**
 * The tracked-changes (修订) UI state of one window (one store): whether the
 * Changes panel is open, its filters, the change the user is looking at,
 * and who the user is (name and colour from preferences, kept here so the
 * edit filter can stamp every keystroke without waiting for the host).
 * One per store, found with `trackingOf(store)`, like the notes' state.
 */
import type { Id } from '../../shared/model/types';
import type { EditorStore } from '../state/editor-store';

export interface ChangesFilter {
  /** A story id, or null for every story. */
  storyId: Id | null;
  /** Zero-based page index, or null for every page. */
  page: number | null;
  /** An author's name, or null for everyone. */
  author: string | null;
}

export interface TrackingSnapshot {
  open: boolean;
  filter: ChangesFilter;
  /** The change the user picked (panel, canvas or a menu command): marked, and scrolled into view. */
  focused: Id | null;
  /** Bumped on every jump, so the canvas scrolls again to the same change. */
  jump: number;
  /** Bumped when the list should take the keyboard focus (the panel opened from the menu). */
  focusList: number;
}

export class TrackingState {
  private snapshot: TrackingSnapshot = {
    open: false,
    filter: { storyId: null, page: null, author: null },
    focused: null,
    jump: 0,
    focusList: 0,
  };
  private readonly listeners = new Set<() => void>();

  get = (): TrackingSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(change: Partial<TrackingSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }

  setFilter(change: Partial<ChangesFilter>): void {
    this.set({ filter: { ...this.snapshot.filter, ...change } });
  }
}

const states = new WeakMap<EditorStore, TrackingState>();

export function trackingOf(store: EditorStore): TrackingState {
  let state = states.get(store);
  if (!state) {
    state = new TrackingState();
    states.set(store, state);
  }
  return state;
}
