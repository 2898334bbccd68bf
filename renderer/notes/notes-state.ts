/**
 * The Notes panel's state for one window (one store): whether the panel is
 * open, the note being written (its anchor chosen when the command ran),
 * whether a click on a page places a note, the list's filters and the note
 * the user is looking at. One per store, found with `notesOf(store)` — no
 * global singleton, so two windows never share it.
 */
import type { FolioServices } from '../../shared/services/api';
import type { Id, NoteAnchor, ReviewPoint } from '../../shared/model/types';
import type { EditorStore } from '../state/editor-store';

/** Where a new note goes: a story range, a frame, or a point on a page. */
export type DraftAnchor =
  { kind: 'text'; storyId: Id; from: ReviewPoint; to: ReviewPoint } | Exclude<NoteAnchor, { kind: 'text' }>;

export type StatusFilter = 'open' | 'resolved' | 'all';

export interface NotesFilter {
  /** Zero-based page index, or null for every page. */
  page: number | null;
  /** An author's name, or null for everyone. */
  author: string | null;
  status: StatusFilter;
}

export interface NotesSnapshot {
  open: boolean;
  /** The new note being written, with where it goes; null when none. */
  draft: { anchor: DraftAnchor; words: string } | null;
  /** A click on a page places a new note there (Review ▸ New Note on Page). */
  placing: boolean;
  filter: NotesFilter;
  /** The note the user picked (panel or canvas marker): marked, and scrolled into view. */
  focused: Id | null;
  /** Bumped on every jump, so the canvas scrolls again to the same note. */
  jump: number;
  /** Bumped when the draft field should take the focus. */
  focusDraft: number;
}

export class NotesState {
  /** The host's services (preferences: who the user is), set when the extension starts. */
  services: FolioServices | null = null;
  private snapshot: NotesSnapshot = {
    open: false,
    draft: null,
    placing: false,
    filter: { page: null, author: null, status: 'open' },
    focused: null,
    jump: 0,
    focusDraft: 0,
  };
  private readonly listeners = new Set<() => void>();

  get = (): NotesSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(change: Partial<NotesSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }

  setFilter(change: Partial<NotesFilter>): void {
    this.set({ filter: { ...this.snapshot.filter, ...change } });
  }

  /** Starts writing a note at `anchor`: the panel opens with the field focused. */
  startDraft(anchor: DraftAnchor, words: string): void {
    this.set({
      open: true,
      placing: false,
      draft: { anchor, words },
      focusDraft: this.snapshot.focusDraft + 1,
    });
  }
}

const states = new WeakMap<EditorStore, NotesState>();

export function notesOf(store: EditorStore): NotesState {
  let state = states.get(store);
  if (!state) {
    state = new NotesState();
    states.set(store, state);
  }
  return state;
}
