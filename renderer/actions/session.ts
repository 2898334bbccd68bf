/**
 * The editing session of one store (one open window): the undo history,
 * the journal client, the story editor's text selection and the active
 * tool. Every user edit goes through `apply()`, which hands operations to
 * the store's one apply path and records them for undo with the operations
 * that revert them; undo and redo apply those through the store too, so
 * the journal sees every change in the order it happened.
 *
 * One session per store, found with `sessionOf(store)` — no global
 * singleton, so two windows (or tests) never share a history.
 */
import type { StoryPoint } from '../../shared/layout/display-list';
import type { Edition, Id } from '../../shared/model/types';
import type { Operation } from '../../shared/model/ops/types';
import { applyOperations } from '../../shared/model/operations';
import { UndoHistory, type ChangeMeta } from '../../shared/editing/history';
import type { JournalServices, PlacementServices } from '../../shared/editing/journal-service';
import { storiesTouched } from '../../shared/editing/touched';
import type { EditorStore, EditionOperation } from '../state/editor-store';
import { JournalClient } from '../editor/journal-client';
import { LocalizedError } from '../../shared/services/locales/localized-error';

export type ToolId = 'select' | 'direct' | 'text' | 'frame' | 'rule';

/** The story editor's selection, for the caret and highlight on the page. */
export interface TextSelection {
  storyId: Id;
  anchor: StoryPoint;
  focus: StoryPoint;
}

/** A caret placed from the canvas, for the story editor to take. */
export interface CaretRequest {
  storyId: Id;
  point: StoryPoint;
  focus?: StoryPoint;
}

type Listener = () => void;

/**
 * Rewrites a user edit's operations before they are applied (tracked
 * changes add their records here), so every edit path — typing, paste,
 * styles, Find/Replace, preflight fixes — passes through it without knowing.
 */
export type OperationFilter = (ops: Operation[], edition: Edition) => Operation[];

/** How `apply` treats one change. */
export interface ApplyOptions {
  /** Apply the operations as given, past the filters (accepting or rejecting tracked changes). */
  plain?: boolean;
}

export class EditingSession {
  readonly history = new UndoHistory<Operation>();
  readonly journal: JournalClient | null;
  private pendingMeta: ChangeMeta | null = null;
  private textSelection: TextSelection | null = null;
  private caretRequest: CaretRequest | null = null;
  private tool: ToolId = 'select';
  private readonly listeners = new Set<Listener>();
  private readonly filters = new Set<OperationFilter>();
  private journalError: Error | null = null;
  /** Text already in the UI language, or an error turned into words when shown (errorText). */
  private notice: string | Error | null = null;
  /** A crashed session the next document was recovered from: its journal is carried on. */
  private continueFrom: string | null = null;
  private documentId: string | null = null;
  private lastDirty = false;

  /** The host's journal services, when the host offers them. */
  readonly journalServices: JournalServices | null;
  /** The host's photo placement service, when the host offers it. */
  readonly placement: PlacementServices | null;

  constructor(
    readonly store: EditorStore,
    services: Partial<JournalServices> | null,
  ) {
    const journalServices =
      services && typeof services['journal.begin'] === 'function' ? (services as JournalServices) : null;
    this.journalServices = journalServices;
    const placing = services as Partial<PlacementServices> | null;
    this.placement =
      placing && typeof placing['asset.place'] === 'function' ? (placing as PlacementServices) : null;
    this.journal = journalServices
      ? new JournalClient(journalServices, {
          onError: (message) => {
            this.journalError =
              message === null
                ? null
                : new LocalizedError('notice.journal', { detail: message.replace(/^journal: /, '') });
            this.changed();
          },
        })
      : null;
    store.onApplied((change) => {
      if (change.meta.origin === 'load') return;
      this.journal?.push(change.operations);
      if (change.meta.origin === 'undo' || change.meta.origin === 'redo' || change.meta.origin === 'remote')
        return;
      // The model gives the exact inverse of every operation it applies.
      const inverse = applyOperations(change.before, change.operations as Operation[]).inverse;
      const meta = this.pendingMeta ?? { label: 'step.edit' };
      this.history.record({ ops: change.operations as Operation[], inverse: [inverse] }, meta);
      this.changed();
    });
    store.subscribe(() => this.followDocument());
    this.followDocument();
  }

  /** Adds a filter every user change passes through; returns a function that removes it. */
  addFilter(filter: OperationFilter): () => void {
    this.filters.add(filter);
    return () => this.filters.delete(filter);
  }

  /** Applies a user's change as (part of) one undo step. */
  apply(ops: Operation | Operation[], meta: ChangeMeta, options: ApplyOptions = {}): void {
    let list = Array.isArray(ops) ? ops : [ops];
    if (list.length === 0) return;
    const edition = this.store.getState().edition;
    if (edition && !options.plain) for (const filter of this.filters) list = filter(list, edition);
    this.pendingMeta = meta;
    try {
      const stories = storiesTouched(list);
      this.store.apply(list as EditionOperation[], {
        origin: 'user',
        mergeKey: meta.mergeKey,
        ...(stories ? { stories } : {}),
      });
    } finally {
      this.pendingMeta = null;
    }
  }

  /** Starts one undo step for a drag or a multi-part action. */
  begin(label: string): void {
    this.history.begin(label);
  }

  end(): void {
    this.history.end();
    this.changed();
  }

  /** Cancels the open step (Escape during a drag) and reverts what it applied. */
  cancel(): void {
    const revert = this.history.cancel();
    if (revert.length) this.store.apply(revert as EditionOperation[], { origin: 'undo' });
    this.changed();
  }

  undo(): boolean {
    const step = this.history.undo();
    if (!step) return false;
    this.applyHistoryStep(step.ops, 'undo');
    return true;
  }

  redo(): boolean {
    const step = this.history.redo();
    if (!step) return false;
    this.applyHistoryStep(step.ops, 'redo');
    return true;
  }

  private applyHistoryStep(ops: Operation[], origin: 'undo' | 'redo'): void {
    const stories = storiesTouched(ops);
    this.store.apply(ops as EditionOperation[], { origin, ...(stories ? { stories } : {}) });
    this.changed();
  }

  // ------------------------------------------------------------ shared UI state

  getTextSelection(): TextSelection | null {
    return this.textSelection;
  }

  setTextSelection(selection: TextSelection | null): void {
    this.textSelection = selection;
    this.changed();
  }

  getCaretRequest(): CaretRequest | null {
    return this.caretRequest;
  }

  /** Opens a story in the editor and puts the caret at a point (from a click on the page). */
  requestCaret(request: CaretRequest): void {
    this.caretRequest = request;
    this.store.select({ storyId: request.storyId });
    this.changed();
  }

  getTool(): ToolId {
    return this.tool;
  }

  setTool(tool: ToolId): void {
    this.tool = tool;
    this.changed();
  }

  getJournalError(): Error | null {
    return this.journalError;
  }

  /** A message for the user (an action that could not run): an Error is shown in the UI language. */
  notify(message: string | Error | null): void {
    this.notice = message;
    this.changed();
  }

  getNotice(): string | Error | null {
    return this.notice;
  }

  /**
   * Shows an edition recovered from a crashed session's journal. The
   * recovered document's journal carries the old one on (its base and
   * operations), and the host deletes the old one only then, so a crash in
   * between offers the same recovery again and the recovered changes stay
   * recoverable until they are saved.
   */
  adoptRecovered(
    document: { documentId: string; path: string | null; title: string },
    edition: unknown,
    oldSessionId: string,
  ): void {
    this.continueFrom = oldSessionId;
    this.store.load(document, edition as never, true);
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** A new document: fresh history and journal; a save: the journal's base moves. */
  private followDocument(): void {
    const { document, edition, dirty } = this.store.getState();
    const id = document?.documentId ?? null;
    if (id !== this.documentId) {
      this.documentId = id;
      this.history.clear();
      this.textSelection = null;
      this.caretRequest = null;
      this.lastDirty = dirty;
      if (this.journal && id && edition) {
        const previous = this.journal.close().catch(() => undefined);
        const continueFrom = this.continueFrom ?? undefined;
        this.continueFrom = null;
        void previous
          .then(() => this.journal!.begin(id, edition, continueFrom))
          .catch((error: Error) => {
            this.journalError = new LocalizedError('notice.journal', { detail: error.message });
            this.changed();
          });
      }
      this.changed();
      return;
    }
    if (this.lastDirty && !dirty && id && edition && this.journal?.session) {
      void this.journal.rebase(id, edition).catch(() => undefined);
    }
    this.lastDirty = dirty;
  }
}

const sessions = new WeakMap<EditorStore, EditingSession>();

/** The editing session of a store, created on first use. */
export function sessionOf(store: EditorStore, services?: Partial<JournalServices> | null): EditingSession {
  let session = sessions.get(store);
  if (!session) {
    session = new EditingSession(store, services ?? null);
    sessions.set(store, session);
  }
  return session;
}
