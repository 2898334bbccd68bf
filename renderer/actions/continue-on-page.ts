import { continueOnPage } from '../../shared/editing/continue-on-page';
import { newId } from '../../shared/model/ids';
import type { Action } from './action';

/**
 * Sends the rest of a text frame's story to another page (value:
 * { frameId, pageIndex }): a frame like it is made there and threaded after
 * it; the composer adds the jump lines. The new frame is selected.
 */
export const continueOnPageAction: Action = {
  name: 'continueOnPage',
  label: 'step.continueOnPage',
  perform: (ctx, value) => {
    const { frameId, pageIndex } = value as { frameId: string; pageIndex: number };
    const made = continueOnPage(ctx.edition, frameId, pageIndex, newId);
    if (made.ops.length === 0) return null;
    return { ops: made.ops, select: { pageIndex, frameIds: [made.frameId] } };
  },
};
