import { reorderFrames, type ZOrderMove } from '../../shared/editing/frame-edits';
import type { Action } from './action';
import { mod, selectedFrameIds } from './action';

function zOrderAction(move: ZOrderMove, key: string, shift: boolean): Action {
  return {
    name: `zOrder-${move}`,
    label: `step.zOrder.${move}`,
    predicate: (ctx) => selectedFrameIds(ctx).length > 0,
    perform: (ctx) => ({ ops: reorderFrames(ctx.edition, selectedFrameIds(ctx), move) }),
    // InDesign: Ctrl/Cmd+] forward, +Shift to front; [ backward, +Shift to back.
    keyTest: (e) => mod(e) && !e.altKey && e.shiftKey === shift && e.code === key,
  };
}

export const bringToFrontAction = zOrderAction('front', 'BracketRight', true);
export const bringForwardAction = zOrderAction('forward', 'BracketRight', false);
export const sendBackwardAction = zOrderAction('backward', 'BracketLeft', false);
export const sendToBackAction = zOrderAction('back', 'BracketLeft', true);
