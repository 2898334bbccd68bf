import type { Action } from './action';
import { mod } from './action';

/** Undo: reverts the last step (text, frames, styles or pages alike). */
export const undoAction: Action = {
  name: 'undo',
  label: 'step.undo',
  predicate: (ctx) => ctx.session.history.canUndo(),
  perform: (ctx) => {
    ctx.session.undo();
    return null;
  },
  keyTest: (e) => mod(e) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z',
};
