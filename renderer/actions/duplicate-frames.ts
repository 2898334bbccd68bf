import { duplicateFrames } from '../../shared/editing/frame-edits';
import { newId } from '../../shared/model/ids';
import type { Action } from './action';
import { mod, selectedFrameIds } from './action';

/** Ctrl/Cmd+Alt+Shift+D (InDesign's Duplicate): copies of the selected frames, offset, selected. */
export const duplicateFramesAction: Action = {
  name: 'duplicateFrames',
  label: 'step.duplicateFrames',
  predicate: (ctx) => selectedFrameIds(ctx).length > 0,
  perform: (ctx) => {
    const { ops, newFrameIds } = duplicateFrames(ctx.edition, selectedFrameIds(ctx), newId);
    return { ops, select: { frameIds: newFrameIds } };
  },
  keyTest: (e) => mod(e) && e.altKey && e.shiftKey && e.code === 'KeyD',
};
