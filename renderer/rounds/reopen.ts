/**
 * Editing a signed-off page reopens it, in the same undo step, and says so.
 * Every user change passes through the store's transforms before it is
 * applied; this one asks the model which signed pages the change reaches
 * (`reopenFor`: worked out from the display list before the edit) and adds
 * their reopening after it. Undo puts the sign-off back with the text.
 */
import type { Operation } from '../../shared/model/operations';
import { reopenFor } from '../../shared/review';
import type { EditorStore, EditionOperation } from '../state/editor-store';
import { roundsOf } from './rounds-state';

/** Starts reopening signed pages on edits to them; returns the cleanup. */
export function reopenOnEdit(store: EditorStore): () => void {
  // The reopening operations this transform added, to tell their change when it lands.
  const added = new WeakMap<EditionOperation, number[]>();
  const removeTransform = store.addTransform((operations, state) => {
    if (!state.edition) return operations;
    const { ops, pages } = reopenFor(state.edition, state.displayList, operations as Operation[]);
    if (ops.length === 0) return operations;
    added.set(ops[0], pages);
    return [...operations, ...ops];
  });
  const unsubscribe = store.onApplied((change) => {
    if (change.meta.origin !== 'user') return;
    for (const op of change.operations) {
      const pages = added.get(op);
      if (!pages) continue;
      roundsOf(store).prompts?.notify({
        key: 'rounds.reopened',
        values: { count: pages.length, pages: pages.join(', ') },
      });
      return;
    }
  });
  return () => {
    removeTransform();
    unsubscribe();
  };
}
