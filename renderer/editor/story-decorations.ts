/**
 * Marks other parts of the renderer paint over the story editor's text
 * (the notes' ranges, tracked changes), without the editor
 * importing them by name: an extension registers a source that lists the
 * ranges of a story, and the story panel hands them to the editor, which
 * paints them as Slate decorations. One registry per store
 * (`storyDecorationsOf(store)`), like the session.
 */
import type { StoryPoint } from '../../shared/layout/display-list';
import type { Id } from '../../shared/model/types';
import type { EditorState, EditorStore } from '../state/editor-store';

/** A range of the story to mark in the editor. */
export interface StoryDecoration {
  /** Unique among the story's decorations (e.g. `note:<id>`). */
  key: string;
  from: StoryPoint;
  to: StoryPoint;
  /** CSS class on the marked text (styles.css says how it looks). */
  className: string;
  /** CSS colour the class may use (var(--mark-color)): an author's colour. */
  color?: string;
  /** Tooltip over the marked text. */
  title?: string;
  /** Text the class may show beside the marked text (CSS `attr(data-label)`): a tracked deletion's words. */
  label?: string;
}

/** Lists the decorations of one story in the current state. */
export type DecorationSource = (state: EditorState, storyId: Id) => readonly StoryDecoration[];

const NONE: readonly StoryDecoration[] = Object.freeze([]);

export class StoryDecorations {
  private readonly sources = new Set<DecorationSource>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private cache: { edition: unknown; storyId: Id; version: number; list: readonly StoryDecoration[] } | null =
    null;

  /** Adds a source; returns a function that removes it. */
  register(source: DecorationSource): () => void {
    this.sources.add(source);
    this.changed();
    return () => {
      this.sources.delete(source);
      this.changed();
    };
  }

  /** A source's inputs other than the edition changed (a filter, the focused note): list again. */
  changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Every source's decorations of a story; the same array until the edition or a source changes. */
  collect(state: EditorState, storyId: Id): readonly StoryDecoration[] {
    const c = this.cache;
    if (c && c.edition === state.edition && c.storyId === storyId && c.version === this.version)
      return c.list;
    const all = [...this.sources].flatMap((source) => source(state, storyId));
    const list = all.length ? all : NONE;
    this.cache = { edition: state.edition, storyId, version: this.version, list };
    return list;
  }
}

const registries = new WeakMap<EditorStore, StoryDecorations>();

export function storyDecorationsOf(store: EditorStore): StoryDecorations {
  let registry = registries.get(store);
  if (!registry) {
    registry = new StoryDecorations();
    registries.set(store, registry);
  }
  return registry;
}
