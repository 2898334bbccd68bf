/**
 * The flatplan view's state for one window (one store): whether it is
 * shown instead of the pages, and the story picked for its details. Not
 * part of the document; one per store, found with `flatplanOf(store)`.
 */
import type { Id } from '../../shared/model/types';
import type { EditorStore } from '../state/editor-store';
import type { CommandRegistry } from '../shell/command-registry';

export interface FlatplanSnapshot {
  open: boolean;
  /** The planned story whose weight and budget the side panel edits. */
  storyId: Id | null;
}

export class FlatplanState {
  private snapshot: FlatplanSnapshot = { open: false, storyId: null };
  private readonly listeners = new Set<() => void>();
  /** When the view was asked to open (performance.now()), for the time-to-open figure. */
  openedAt = 0;
  /** The window's commands (Export flatplan from the view's own button). */
  commands: CommandRegistry | null = null;

  get = (): FlatplanSnapshot => this.snapshot;

  set(change: Partial<FlatplanSnapshot>): void {
    if (change.open && !this.snapshot.open) this.openedAt = performance.now();
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

const states = new WeakMap<EditorStore, FlatplanState>();

export function flatplanOf(store: EditorStore): FlatplanState {
  let state = states.get(store);
  if (!state) {
    state = new FlatplanState();
    states.set(store, state);
  }
  return state;
}
