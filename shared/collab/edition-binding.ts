/**
 * Binds an edition held by the app (the editor store, or a plain value in a
 * script) to a shared-edition Y.Doc — both directions through the model's
 * one apply path:
 * - a change the app applied (user, undo, redo) is written into the doc in
 *   one transaction whose origin is this binding (`local`);
 * - a change that arrives in the doc from elsewhere (the server, another
 *   tab, an offline store) becomes model operations (remote-operations.ts)
 *   handed to `onRemote`, which applies them with origin `remote`.
 */
import type * as Y from 'yjs';
import type { Operation } from '../model/ops/types';
import type { Edition } from '../model/types';
import { EditionReader } from './edition-reader';
import { writeChange, writeEdition } from './edition-writer';
import { operationsBetween, type RemoteOperations } from './remote-operations';

export interface RemoteChange extends RemoteOperations {
  /** The edition the doc holds (what `edition` must end as). */
  target: Edition;
}

export class EditionBinding {
  readonly reader: EditionReader;
  private edition: Edition;
  private readonly listeners = new Set<(change: RemoteChange) => void>();
  private readonly onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin === this || transaction.changed.size === 0) return;
    this.pull();
  };

  /**
   * `edition` is what the app shows now. With `publish`, the doc is filled
   * from it (the doc must be empty); otherwise the doc is the truth and the
   * app should load `binding.current()`.
   */
  constructor(
    readonly doc: Y.Doc,
    edition?: Edition,
  ) {
    this.reader = new EditionReader(doc);
    if (edition) {
      writeEdition(doc, edition, this);
      this.reader.prime(edition);
      this.edition = edition;
    } else {
      this.edition = this.reader.read();
    }
    doc.on('afterTransaction', this.onTransaction);
  }

  /** The edition as the app has it (after the last local or remote change). */
  current(): Edition {
    return this.edition;
  }

  /** Whether the doc holds an edition (a fresh doc from an empty server does not). */
  static holdsEdition(doc: Y.Doc): boolean {
    return doc.getMap('edition').has('id');
  }

  /** Writes a change the app applied (`ops` turned `before` into `after`). */
  local(before: Edition, after: Edition, ops: readonly Operation[] = []): void {
    if (before !== this.edition) {
      // The app moved on without us (e.g. it replaced the edition): write the whole difference.
      before = this.edition;
    }
    const flat = flatten(ops);
    // One operation (typing) is written at its offset; several are written as the difference they made.
    this.doc.transact(
      () => writeChange(this.doc, before, after, flat.length === 1 ? flat[0] : undefined),
      this,
    );
    this.reader.prime(after);
    this.edition = after;
  }

  /** After the app applied the operations of a remote change: its edition is now `after`. */
  settled(after: Edition): void {
    this.reader.prime(after);
    this.edition = after;
  }

  onRemote(listener: (change: RemoteChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Turns what the doc holds now into operations on the app's edition. */
  private pull(): void {
    const target = this.reader.read();
    if (target === this.edition) return;
    const change = { ...operationsBetween(this.edition, target), target };
    if (this.listeners.size === 0) {
      this.settled(change.complete ? change.edition : target);
      return;
    }
    for (const listener of this.listeners) listener(change);
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
    this.listeners.clear();
  }
}

function flatten(ops: readonly Operation[]): Operation[] {
  return ops.flatMap((op) => (op.type === 'batch' ? flatten(op.ops) : [op]));
}

/** A replica of an edition kept in step with a doc without an app: applies remote changes itself (CLI, server, tests). */
export class EditionReplica {
  readonly binding: EditionBinding;
  constructor(doc: Y.Doc, edition?: Edition) {
    this.binding = new EditionBinding(doc, edition);
    this.binding.onRemote((change) => this.binding.settled(change.complete ? change.edition : change.target));
  }

  get edition(): Edition {
    return this.binding.current();
  }

  /** Applies operations locally (through the model) and writes them into the doc. */
  apply(ops: Operation[], applyOperation: (e: Edition, op: Operation) => Edition): Edition {
    const before = this.binding.current();
    let after = before;
    for (const op of ops) after = applyOperation(after, op);
    this.binding.local(before, after, ops);
    return after;
  }
}
