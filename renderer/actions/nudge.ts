import { moveFrames } from '../../shared/editing/frame-edits';
import type { Action } from './action';
import { selectedFrameIds } from './action';

/** One point per arrow key; Shift moves ten. */
export const NUDGE_PT = 1;

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** Arrow keys nudge the selected frames; a run of nudges is one undo step. */
export const nudgeAction: Action = {
  name: 'nudge',
  label: 'step.nudge',
  predicate: (ctx) => selectedFrameIds(ctx).length > 0,
  perform: (ctx, value) => {
    const event = value as { key: string; shiftKey: boolean } | undefined;
    const dir = event ? ARROWS[event.key] : undefined;
    if (!dir) return null;
    const step = NUDGE_PT * (event!.shiftKey ? 10 : 1);
    const ids = selectedFrameIds(ctx);
    return {
      ops: moveFrames(ctx.edition, ids, dir[0] * step, dir[1] * step),
      mergeKey: `nudge:${ids.join(',')}`,
    };
  },
  keyTest: (e) => e.key in ARROWS && !e.ctrlKey && !e.metaKey && !e.altKey,
};
