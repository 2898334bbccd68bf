import { reorderFrames, type ZOrderMove } from '../../shared/editing/frame-edits';
import type { Action } from './action';
import { mod, selectedFrameIds } from './action';

function zOrderAction(move: ZOrderMove, en: string, zh: string, key: string, shift: boolean): Action {
  return {
    name: `zOrder-${move}`,
    label: { en, zh },
    predicate: (ctx) => selectedFrameIds(ctx).length > 0,
    perform: (ctx) => ({ ops: reorderFrames(ctx.edition, selectedFrameIds(ctx), move) }),
    // InDesign: Ctrl/Cmd+] forward, +Shift to front; [ backward, +Shift to back.
    keyTest: (e) => mod(e) && !e.altKey && e.shiftKey === shift && e.code === key,
  };
}

export const bringToFrontAction = zOrderAction('front', 'Bring to front', '置于顶层', 'BracketRight', true);
export const bringForwardAction = zOrderAction('forward', 'Bring forward', '前移一层', 'BracketRight', false);
export const sendBackwardAction = zOrderAction('backward', 'Send backward', '后移一层', 'BracketLeft', false);
export const sendToBackAction = zOrderAction('back', 'Send to back', '置于底层', 'BracketLeft', true);
