/**
 * Undo and redo over model operations, grouped into the steps a user
 * expects: typing a word is one step, a drag is one step, a style change is
 * one step. The history knows nothing about what an operation does; the
 * caller hands it each applied change together with the operations that
 * undo it (already in the order they must be applied).
 *
 * Grouping, as in tldraw's history stopping points: consecutive changes
 * that carry the same merge key (e.g. "typing in story s1") within a short
 * time join the open step until something closes it: a word boundary, a
 * pause, a change with another key, an explicit stopping point, or undo.
 * A transaction (begin … end) always makes exactly one step, whatever it
 * contains — a drag sends many moves but is undone at once.
 */

/** One change as applied: its operations and the operations that revert it. */
export interface Change<Op> {
  ops: Op[];
  /** Operations that undo `ops`, in the order they must be applied. */
  inverse: Op[];
}

/** What the user did, for grouping and for the Undo menu label. */
export interface ChangeMeta {
  /** Shown as "Undo <label>": a UI message key (step.typing), translated when shown, so it follows the UI language. */
  label: string;
  /**
   * Changes with the same key may merge into one step (e.g. `typing:<storyId>`);
   * undefined: never merges.
   */
  mergeKey?: string;
  /** When true, the step closes after this change (a typed space or punctuation ends a word). */
  closesStep?: boolean;
  /** Milliseconds; defaults to the history's clock. */
  time?: number;
}

/** One undo step. */
export interface HistoryStep<Op> {
  label: string;
  ops: Op[];
  inverse: Op[];
}

interface OpenStep<Op> extends HistoryStep<Op> {
  mergeKey: string | undefined;
  lastTime: number;
  closed: boolean;
}

export interface HistoryOptions {
  /** A pause longer than this closes a typing step (ms). */
  mergeWindowMs?: number;
  /** Steps kept; the oldest are dropped. */
  limit?: number;
  now?: () => number;
}

export class UndoHistory<Op> {
  private readonly undoStack: OpenStep<Op>[] = [];
  private redoStack: HistoryStep<Op>[] = [];
  private transaction: OpenStep<Op> | null = null;
  private transactionDepth = 0;
  private readonly mergeWindowMs: number;
  private readonly limit: number;
  private readonly now: () => number;

  constructor(options: HistoryOptions = {}) {
    this.mergeWindowMs = options.mergeWindowMs ?? 1200;
    this.limit = options.limit ?? 500;
    this.now = options.now ?? (() => Date.now());
  }

  /** Records a change the caller has just applied. Clears redo. */
  record(change: Change<Op>, meta: ChangeMeta): void {
    if (change.ops.length === 0) return;
    const time = meta.time ?? this.now();
    this.redoStack = [];
    if (this.transaction) {
      appendTo(this.transaction, change);
      this.transaction.lastTime = time;
      return;
    }
    const top = this.undoStack[this.undoStack.length - 1];
    const merges =
      top !== undefined &&
      !top.closed &&
      meta.mergeKey !== undefined &&
      top.mergeKey === meta.mergeKey &&
      time - top.lastTime <= this.mergeWindowMs;
    if (merges) {
      appendTo(top, change);
      top.lastTime = time;
      top.closed = meta.closesStep ?? false;
      return;
    }
    this.push({
      label: meta.label,
      ops: [...change.ops],
      inverse: [...change.inverse],
      mergeKey: meta.mergeKey,
      lastTime: time,
      closed: meta.closesStep ?? false,
    });
  }

  /**
   * Starts a step that collects every change until `end()`; nested calls
   * join the outer step. Use for drags and for actions made of many changes.
   */
  begin(label: string): void {
    this.transactionDepth++;
    if (this.transaction) return;
    this.transaction = {
      label,
      ops: [],
      inverse: [],
      mergeKey: undefined,
      lastTime: this.now(),
      closed: true,
    };
  }

  /** Ends the step begun by `begin`; an empty transaction leaves no step. */
  end(): void {
    if (this.transactionDepth === 0) throw new Error('UndoHistory.end() without begin()');
    this.transactionDepth--;
    if (this.transactionDepth > 0 || !this.transaction) return;
    const step = this.transaction;
    this.transaction = null;
    if (step.ops.length > 0) this.push(step);
  }

  /**
   * Drops an open transaction and returns the operations that revert what it
   * applied (e.g. a drag cancelled with Escape); the caller applies them.
   */
  cancel(): Op[] {
    const step = this.transaction;
    this.transaction = null;
    this.transactionDepth = 0;
    return step ? step.inverse : [];
  }

  /** Closes the open step so the next change starts a new one. */
  stoppingPoint(): void {
    const top = this.undoStack[this.undoStack.length - 1];
    if (top) top.closed = true;
  }

  get inTransaction(): boolean {
    return this.transaction !== null;
  }

  canUndo(): boolean {
    return this.undoStack.length > 0 && !this.transaction;
  }

  canRedo(): boolean {
    return this.redoStack.length > 0 && !this.transaction;
  }

  /** Label of the step Undo would revert, for the Edit menu. */
  undoLabel(): string | null {
    return this.undoStack[this.undoStack.length - 1]?.label ?? null;
  }

  redoLabel(): string | null {
    return this.redoStack[this.redoStack.length - 1]?.label ?? null;
  }

  /**
   * Takes the last step off the undo stack and returns the operations that
   * revert it; the caller applies them (without recording them).
   */
  undo(): HistoryStep<Op> | null {
    if (this.transaction) return null;
    const step = this.undoStack.pop();
    if (!step) return null;
    const done: HistoryStep<Op> = { label: step.label, ops: step.ops, inverse: step.inverse };
    this.redoStack.push(done);
    return { label: step.label, ops: step.inverse, inverse: step.ops };
  }

  /** Takes the last undone step and returns its operations to apply again. */
  redo(): HistoryStep<Op> | null {
    if (this.transaction) return null;
    const step = this.redoStack.pop();
    if (!step) return null;
    this.undoStack.push({ ...step, mergeKey: undefined, lastTime: this.now(), closed: true });
    return step;
  }

  /** Forgets everything (e.g. after opening another edition). */
  clear(): void {
    this.undoStack.length = 0;
    this.redoStack = [];
    this.transaction = null;
    this.transactionDepth = 0;
  }

  get depth(): { undo: number; redo: number } {
    return { undo: this.undoStack.length, redo: this.redoStack.length };
  }

  private push(step: OpenStep<Op>): void {
    const top = this.undoStack[this.undoStack.length - 1];
    if (top) top.closed = true;
    this.undoStack.push(step);
    if (this.undoStack.length > this.limit) this.undoStack.shift();
  }
}

/** Appends a change to a step: its ops run after, its inverse runs before. */
function appendTo<Op>(step: HistoryStep<Op>, change: Change<Op>): void {
  step.ops.push(...change.ops);
  step.inverse.unshift(...change.inverse);
}

/**
 * Whether typed text ends a word, so the typing step closes after it: a
 * space, a line break, or punctuation (Latin or full-width Chinese). A
 * Chinese IME commits a phrase at once, and each commit is its own step.
 */
export function endsWord(typed: string): boolean {
  return /[\s.,;:!?)\]}"'，。、；：！？）》」』】…—]$/u.test(typed);
}
