/** Every registered action, in the order keyboard shortcuts are tested. */
import type { Action } from './action';
import { undoAction } from './undo';
import { redoAction } from './redo';
import { deleteFramesAction } from './delete-frames';
import { duplicateFramesAction } from './duplicate-frames';
import { nudgeAction } from './nudge';
import { bringForwardAction, bringToFrontAction, sendBackwardAction, sendToBackAction } from './z-order';
import { threadFramesAction, unthreadFrameAction } from './thread-frames';
import { textWrapAction } from './text-wrap';
import { fillFrameAction, fitContentAction, frameToContentAction } from './fit-image';
import { addPageAction, deletePageAction, duplicatePageAction, movePageAction } from './pages';
import { toolAction } from './tools';
import { placeImageAction } from './place-image';
import { continueOnPageAction } from './continue-on-page';

export const ACTIONS: readonly Action[] = [
  undoAction,
  redoAction,
  duplicateFramesAction,
  deleteFramesAction,
  nudgeAction,
  bringToFrontAction,
  bringForwardAction,
  sendToBackAction,
  sendBackwardAction,
  threadFramesAction,
  unthreadFrameAction,
  textWrapAction,
  fillFrameAction,
  fitContentAction,
  frameToContentAction,
  addPageAction,
  deletePageAction,
  duplicatePageAction,
  movePageAction,
  placeImageAction,
  continueOnPageAction,
  toolAction,
];

export function actionNamed(name: string): Action {
  const action = ACTIONS.find((a) => a.name === name);
  if (!action) throw new Error(`no action named ${name}`);
  return action;
}
