import type { Action } from './action';
import { mod } from './action';

/** Redo: Ctrl/Cmd+Shift+Z (and Ctrl+Y). */
export const redoAction: Action = {
  name: 'redo',
  label: 'step.redo',
  predicate: (ctx) => ctx.session.history.canRedo(),
  perform: (ctx) => {
    ctx.session.redo();
    return null;
  },
  keyTest: (e) =>
    mod(e) && !e.altKey && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'),
};
