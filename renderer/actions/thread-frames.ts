import { threadFrames, unthreadAfter } from '../../shared/editing/frame-edits';
import { newId } from '../../shared/model/ids';
import type { Action } from './action';
import { selectedFrameIds } from './action';

/**
 * Threads two text frames (value: { from, to }; without one, the first two
 * selected frames in selection order): the first frame's story flows on
 * into the second.
 */
export const threadFramesAction: Action = {
  name: 'threadFrames',
  label: 'step.threadFrames',
  perform: (ctx, value) => {
    const pair = (value as { from: string; to: string } | undefined) ?? {
      from: selectedFrameIds(ctx)[0],
      to: selectedFrameIds(ctx)[1],
    };
    if (!pair.from || !pair.to) return null;
    return { ops: threadFrames(ctx.edition, pair.from, pair.to, newId) };
  },
};

/** Breaks the thread after the selected frame. */
export const unthreadFrameAction: Action = {
  name: 'unthreadFrame',
  label: 'step.unthread',
  predicate: (ctx) => selectedFrameIds(ctx).length === 1,
  perform: (ctx, value) => {
    const frameId = (value as string | undefined) ?? selectedFrameIds(ctx)[0];
    return frameId ? { ops: unthreadAfter(ctx.edition, frameId) } : null;
  },
};
