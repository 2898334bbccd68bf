/**
 * The one place the renderer holds the open edition, its composed display
 * list, the selection and the view. Every change to the edition goes through
 * `apply()` (operations, applied by the model's applyOperation); listeners
 * registered with `onApplied` (undo history, journal) see each batch with
 * the edition before and after. React components read the state with
 * `useEditor(selector)` and never mutate it.
 *
 * Panels that only show things (counts, lists, copyfit, the status bar) read
 * a second snapshot with `useEditorDeferred(selector)`: it follows the state
 * at once, except after a typed edit, when it follows once the page has been
 * painted. A keystroke then costs Slate, the recompose and the page — not
 * every panel re-rendering before the frame that shows the new text.
 */
import type { DisplayList } from '../../shared/layout/display-list';
import type { ParagraphComposer } from '../../shared/layout/paragraph-types';
import type { Operation } from '../../shared/model/operations';
import type { Edition, Id } from '../../shared/model/types';
import { storyChangesOf } from './story-changes';
import { DEFAULT_VIEW, type ViewState } from './view';
import { LocalizedError, ShownError } from '../../shared/services/locales/localized-error';

/** An operation as the model defines it (shared/model/operations.ts). */
export type EditionOperation = Operation;

/** Applies one operation and returns the new edition (the model's applyOperation). */
export type ApplyOperation = (edition: Edition, operation: EditionOperation) => Edition;

/** An edit to one story's text: `block` is the first block whose content changed. */
export interface StoryChange {
  storyId: Id;
  block: number;
}

/** How the page shows tracked changes (see ViewState.review). */
export interface ComposeView {
  review: ViewState['review'];
}

/** Turns an edition into its display list (the composition engine, after fonts are loaded). */
export interface Composer {
  /** Composes from scratch. */
  compose(edition: Edition, view?: ComposeView): DisplayList;
  /** Recomposes after text edits, from the changed paragraphs on; falls back to compose(). */
  update(edition: Edition, changes: readonly StoryChange[], view?: ComposeView): DisplayList;
  /**
   * Composes another state of the edition (a proof round's snapshot) apart
   * from the live composition, whose incremental state it leaves alone;
   * fetches the fonts that state needs first.
   */
  composeDetached?(edition: Edition): Promise<DisplayList>;
  /** The paragraph composer it measures with, for work that composes trial pages (auto-layout). */
  paragraphs?(): ParagraphComposer;
}

export interface Selection {
  /** The page in view and target of page-level commands (zero-based). */
  pageIndex: number;
  /** Selected frames (ids, on the current page or its master). */
  frameIds: Id[];
  /** The story open in the story editor, if any. */
  storyId: Id | null;
}

export interface DocumentInfo {
  documentId: string;
  path: string | null;
  title: string;
}

export interface EditorState {
  document: DocumentInfo | null;
  edition: Edition | null;
  displayList: DisplayList | null;
  selection: Selection;
  view: ViewState;
  /** Unsaved changes since the last open or save. */
  dirty: boolean;
  /** Milliseconds the last composition took. */
  composeMs: number;
  /** A message for the user when composing or loading failed. */
  error: string | null;
}

/** Who made a change and how undo should group it. */
export interface ApplyMeta {
  /** `user` by default; `undo`/`redo`/`remote` changes are not recorded again by history. */
  origin?: 'user' | 'undo' | 'redo' | 'remote' | 'load';
  /** Changes with the same key in quick succession merge into one undo step (typing). */
  mergeKey?: string;
  /**
   * Story text edits this change made, so the composer recomposes only from
   * the edited paragraph on. Usually omitted: the store works them out from
   * the operations (and recomposes everything for frame, page or style changes).
   */
  storyChanges?: StoryChange[];
  /** Stories the change touches (informational; the operations say more). */
  stories?: Id[];
}

export interface AppliedChange {
  operations: EditionOperation[];
  before: Edition;
  after: Edition;
  meta: ApplyMeta;
}

/**
 * Rewrites a user's change before it is applied, returning the operations
 * to apply instead (usually the same ones with more after them: the
 * sign-off an edit reopens), so what it adds is part of the same undo step.
 */
export type EditTransform = (operations: EditionOperation[], state: EditorState) => EditionOperation[];

/** Says why a change may not be made (a message for the user), or null when it may. */
export type EditGuard = (operations: readonly EditionOperation[], edition: Edition) => string | null;

/** A change the guard refused (its message is in the UI language already); the edition is unchanged. */
export class EditRefused extends ShownError {
  constructor(message: string) {
    super(message);
    this.name = 'EditRefused';
  }
}

type Listener = () => void;

const EMPTY_SELECTION: Selection = { pageIndex: 0, frameIds: [], storyId: null };

export class EditorStore {
  private state: EditorState = {
    document: null,
    edition: null,
    displayList: null,
    selection: EMPTY_SELECTION,
    view: DEFAULT_VIEW,
    dirty: false,
    composeMs: 0,
    error: null,
  };
  private readonly listeners = new Set<Listener>();
  /** What panels show: `state`, or the state before a typed edit until its page is painted. */
  private deferredState: EditorState = this.state;
  private readonly deferredListeners = new Set<Listener>();
  private deferredPending = false;
  private readonly appliedListeners = new Set<(change: AppliedChange) => void>();
  private guard: EditGuard | null = null;
  private readonly transforms: EditTransform[] = [];

  constructor(
    private readonly applyOperation: ApplyOperation | null,
    private composer: Composer | null = null,
  ) {}

  getState = (): EditorState => this.state;

  /** Subscribes to any state change (React's useSyncExternalStore contract). */
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The snapshot panels show (see the file header): the state, at most one painted frame late. */
  getDeferredState = (): EditorState => this.deferredState;

  /** Subscribes to the deferred snapshot (useSyncExternalStore's contract). */
  subscribeDeferred = (listener: Listener): (() => void) => {
    this.deferredListeners.add(listener);
    return () => this.deferredListeners.delete(listener);
  };

  /** Subscribes to applied edition changes (undo history, journal, dirty tracking). */
  onApplied(listener: (change: AppliedChange) => void): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  /** Whether operations can be applied (the model's operations module is present). */
  get canApply(): boolean {
    return this.applyOperation !== null && this.state.edition !== null;
  }

  /** Shows a newly opened document: replaces edition, clears selection, composes. */
  load(document: DocumentInfo, edition: Edition, dirty = false): void {
    this.set({ document, edition, dirty, selection: EMPTY_SELECTION, error: null });
    this.recompose();
  }

  /** The composer's paragraph composer, once fonts and the shaper are ready (null before, or in a host without one). */
  paragraphComposer(): ParagraphComposer | null {
    return this.composer?.paragraphs?.() ?? null;
  }

  /** Sets the composer once fonts and the shaper are ready, and composes. */
  setComposer(composer: Composer): void {
    this.composer = composer;
    this.recompose();
  }

  /**
   * Sets the check every user change passes before it is applied (a shared
   * edition: the user's role and others' check-outs). Remote and load
   * changes are not checked: they already happened elsewhere.
   */
  setGuard(guard: EditGuard | null): void {
    this.guard = guard;
  }

  /**
   * Adds a rewrite every user change passes through before the guard and
   * the apply (undo, redo, remote and load changes do not: they replay what
   * was already rewritten). Rewrites run in the order they were added.
   */
  addTransform(transform: EditTransform): () => void {
    this.transforms.push(transform);
    return () => {
      const at = this.transforms.indexOf(transform);
      if (at >= 0) this.transforms.splice(at, 1);
    };
  }

  /** Applies operations in order as one change, recomposes and notifies. */
  apply(operations: EditionOperation | EditionOperation[], meta: ApplyMeta = {}): void {
    let list = Array.isArray(operations) ? operations : [operations];
    const before = this.state.edition;
    if (!before) throw new LocalizedError('error.noEdition');
    if ((meta.origin ?? 'user') === 'user')
      for (const transform of this.transforms) list = transform(list, this.state);
    if (this.guard && meta.origin !== 'remote' && meta.origin !== 'load') {
      const refusal = this.guard(list, before);
      if (refusal) throw new EditRefused(refusal);
    }
    if (!this.applyOperation) throw new LocalizedError('error.editingUnavailable');
    let after = before;
    for (const operation of list) after = this.applyOperation(after, operation);
    const storyChanges = meta.storyChanges ?? storyChangesOf(list) ?? undefined;
    // Text edits (typing) let the panels follow after the page is painted; anything else, at once.
    const defer = storyChanges !== undefined && storyChanges.length > 0;
    this.set({ edition: after, dirty: true }, defer);
    this.recomposeNow(storyChanges, defer);
    const change: AppliedChange = { operations: list, before, after, meta: { origin: 'user', ...meta } };
    for (const listener of this.appliedListeners) listener(change);
  }

  /**
   * Composes another state of the edition (a proof round) with the same
   * engine and fonts, without disturbing the live display list.
   */
  async composeDetached(edition: Edition): Promise<DisplayList> {
    const composer = this.composer;
    if (!composer) throw new LocalizedError('rounds.composing');
    if (composer.composeDetached) return composer.composeDetached(edition);
    // A composer without a detached mode: compose, then put the live state back.
    const list = composer.compose(edition);
    this.recompose();
    return list;
  }

  /** Replaces the edition wholesale (recovery, reload); not an undoable change. */
  replaceEdition(edition: Edition, dirty: boolean): void {
    this.set({ edition, dirty });
    this.recompose();
  }

  /**
   * After a save: the document has a path, and no unsaved changes unless it
   * was edited while the save was under way (`saved`: the edition that was
   * written; the store's editions are immutable, so identity tells).
   */
  markSaved(path: string, saved?: Edition): void {
    if (!this.state.document) return;
    const title = path
      .split(/[\\/]/)
      .pop()!
      .replace(/\.folio$/i, '');
    const dirty = saved !== undefined && this.state.edition !== saved;
    this.set({ document: { ...this.state.document, path, title }, dirty });
  }

  select(selection: Partial<Selection>): void {
    this.set({ selection: { ...this.state.selection, ...selection } });
  }

  setView(view: Partial<ViewState>): void {
    const before = this.state.view.review;
    this.set({ view: { ...this.state.view, ...view } });
    // Markup and final are different compositions of the page.
    if (this.state.view.review !== before) this.recompose();
  }

  /** Recomposes the whole edition, or only from the given story edits. */
  recompose(storyChanges?: readonly StoryChange[]): void {
    this.recomposeNow(storyChanges, false);
  }

  private recomposeNow(storyChanges: readonly StoryChange[] | undefined, defer: boolean): void {
    const { edition } = this.state;
    if (!edition || !this.composer) return;
    const started = performance.now();
    try {
      const view: ComposeView = { review: this.state.view.review };
      const displayList = storyChanges?.length
        ? this.composer.update(edition, storyChanges, view)
        : this.composer.compose(edition, view);
      this.set({ displayList, composeMs: performance.now() - started, error: null }, defer);
    } catch (error) {
      // Fonts still arriving: keep showing the last list; the composer asks for a recompose.
      if ((error as Error).name === 'FontsLoadingError') return;
      console.error(error);
      this.set({ error: `composition failed: ${(error as Error).message}` });
    }
  }

  private set(change: Partial<EditorState>, defer = false): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
    if (defer) this.scheduleDeferred();
    else this.flushDeferred();
  }

  /** The deferred snapshot catches up after the next painted frame (or soon, where frames do not run). */
  private scheduleDeferred(): void {
    if (this.deferredPending) return;
    this.deferredPending = true;
    const flush = () => this.flushDeferred();
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(flush, 0));
    // A hidden window runs no frames: catch up anyway.
    setTimeout(flush, 250);
  }

  private flushDeferred(): void {
    this.deferredPending = false;
    if (this.deferredState === this.state) return;
    this.deferredState = this.state;
    for (const listener of this.deferredListeners) listener();
  }
}
