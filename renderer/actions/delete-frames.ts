import { deleteFrames } from '../../shared/editing/frame-edits';
import type { Action } from './action';
import { selectedFrameIds } from './action';

/** Delete / Backspace: removes the selected frames (their stories keep their text). */
export const deleteFramesAction: Action = {
  name: 'deleteFrames',
  label: 'step.deleteFrames',
  predicate: (ctx) => selectedFrameIds(ctx).length > 0,
  perform: (ctx) => ({ ops: deleteFrames(ctx.edition, selectedFrameIds(ctx)), select: { frameIds: [] } }),
  keyTest: (e) => (e.key === 'Delete' || e.key === 'Backspace') && !e.ctrlKey && !e.metaKey,
};
