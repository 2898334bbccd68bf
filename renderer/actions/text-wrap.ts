import { setWrap } from '../../shared/editing/frame-edits';
import type { Sides } from '../../shared/model/types';
import type { Action } from './action';
import { selectedFrameIds } from './action';

/** Text wrap around the selected frames: value { mode, offsets? }; without a value it toggles. */
export const textWrapAction: Action = {
  name: 'textWrap',
  label: 'step.textWrap',
  predicate: (ctx) => selectedFrameIds(ctx).length > 0,
  perform: (ctx, value) => {
    const ids = selectedFrameIds(ctx);
    const given = value as { mode: 'none' | 'box'; offsets?: Sides } | undefined;
    const first = ctx.edition.pages.flatMap((p) => p.frames).find((f) => f.id === ids[0]);
    const mode = given?.mode ?? (first?.wrap.mode === 'box' ? 'none' : 'box');
    const offsets =
      given?.offsets ??
      (first && first.wrap.mode === 'none' && isZero(first.wrap.offsets)
        ? { top: 6, right: 6, bottom: 6, left: 6 }
        : undefined);
    return { ops: setWrap(ctx.edition, ids, mode, offsets) };
  },
};

function isZero(s: Sides): boolean {
  return !s.top && !s.right && !s.bottom && !s.left;
}
