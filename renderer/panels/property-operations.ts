/**
 * The operations the properties panel emits. Kept in one place so that the
 * panel speaks the model's operation vocabulary (shared/model/operations.ts)
 * without knowing its details.
 */
import type { Frame, Id, Page } from '../../shared/model/types';
import type { EditionOperation } from '../state/editor-store';

/** Frame fields the panel edits. */
export type FrameChange = Partial<Pick<Frame, 'x' | 'y' | 'width' | 'height'>> & {
  columns?: number;
  gutter?: number;
  inset?: { top: number; right: number; bottom: number; left: number };
};

export type PageChange = Partial<Pick<Page, 'columns' | 'gutter' | 'margins'>>;

export function frameOperation(pageId: Id, frameId: Id, change: FrameChange): EditionOperation {
  return { type: 'update-frame', pageId, frameId, changes: change };
}

export function pageOperation(pageId: Id, change: PageChange): EditionOperation {
  return { type: 'update-page', pageId, changes: change };
}
