/**
 * Runs one flatplan gesture: its operations as one undo step with its
 * name, or the reason it was refused shown to the user (the edition
 * unchanged).
 */
import type { Operation } from '../../shared/model/ops/types';
import type { EditorStore } from '../state/editor-store';
import { sessionOf } from '../actions/session';

export function applyPlan(store: EditorStore, label: string, make: () => Operation[]): boolean {
  const session = sessionOf(store);
  try {
    const ops = make();
    if (ops.length === 0) return false;
    session.apply(ops, { label });
    return true;
  } catch (error) {
    session.notify(error instanceof Error ? error : new Error(String(error)));
    return false;
  }
}
