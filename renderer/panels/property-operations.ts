/**
 * The operations the properties panel emits, in the model's vocabulary
 * (shared/model/operations.ts): `update_frame` and `set_page_props`.
 */
import type { FramePatch, Operation, PagePatch } from '../../shared/model/operations';
import type { Id } from '../../shared/model/types';

export type FrameChange = FramePatch;
export type PageChange = PagePatch;

export function frameOperation(_pageId: Id, frameId: Id, change: FrameChange): Operation {
  return { type: 'update_frame', frameId, props: change };
}

export function pageOperation(pageId: Id, change: PageChange): Operation {
  return { type: 'set_page_props', pageId, props: change };
}
