/**
 * Keyboard shortcuts for actions, outside text fields and the story
 * editor (which keep their own keys). Undo and redo are left to the shell's
 * menu shortcuts, which run the edit.undo / edit.redo commands registered
 * by the actions extension, so one key press never runs twice.
 */
import type { EditorStore } from '../state/editor-store';
import type { Action } from './action';
import { runAction } from './action';
import type { EditingSession } from './session';

function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.tagName === 'INPUT' ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT'
  );
}

export function bindActionKeys(
  actions: readonly Action[],
  store: EditorStore,
  session: EditingSession,
  notify: (error: Error) => void,
): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || isTextTarget(event.target)) return;
    for (const action of actions) {
      if (action.name === 'undo' || action.name === 'redo') continue;
      if (!action.keyTest?.(event)) continue;
      event.preventDefault();
      const error = runAction(action, store, session, {
        key: event.key,
        shiftKey: event.shiftKey,
        code: event.code,
      });
      if (error) notify(error);
      return;
    }
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
