/**
 * "Continue on page N": the designer sends the rest of a story to another
 * page. A text frame shaped like the one the story leaves (same place,
 * size, columns and gutter) is made on that page and threaded right after
 * it; the composer then sets the jump lines (转版) where the thread changes
 * page. A plan is made in the same undo step when the edition has none (a
 * plan made in Folio has jump lines on); an edition whose plan has them
 * off keeps them off. The "Jump line" paragraph style needs no making:
 * every edition's style sheets carry a style for each role, `jump-line`
 * included (the schema requires it).
 */
import { createTextFrame } from '../model/factories';
import type { IdGenerator } from '../model/ids';
import { applyOperations, type Operation } from '../model/operations';
import { newPlan } from '../model/plan';
import type { Edition, Id, TextFrame } from '../model/types';
import { findFrame, threadFrames } from './frame-edits';

/** The operation that makes a plan (jump lines on) where the edition has none. */
function planIfMissing(edition: Edition): Operation[] {
  return edition.plan ? [] : [{ type: 'set_plan', plan: newPlan() }];
}

/**
 * Threads the story of text frame `frameId` on into a new frame on page
 * `pageIndex`. Returns the operations and the new frame's id.
 */
export function continueOnPage(
  edition: Edition,
  frameId: Id,
  pageIndex: number,
  ids: IdGenerator,
): { ops: Operation[]; frameId: Id } {
  const found = findFrame(edition, frameId);
  const page = edition.pages[pageIndex];
  if (!found || found.frame.kind !== 'text' || !page) return { ops: [], frameId };
  const source = found.frame as TextFrame;
  const id = ids('frame');
  const frame = createTextFrame(
    id,
    { x: source.x, y: source.y, width: source.width, height: source.height },
    {
      name: source.name,
      columns: source.columns,
      gutter: source.gutter,
      inset: source.inset,
      alignToGrid: source.alignToGrid,
      ...(source.balanceColumns === false ? { balanceColumns: false } : {}),
    },
  );
  const ops: Operation[] = [
    ...planIfMissing(edition),
    { type: 'insert_frame', container: { pageId: page.id }, frame },
  ];
  const withFrame = applyOperations(edition, ops).edition;
  return { ops: [...ops, ...threadFrames(withFrame, frameId, id, ids)], frameId: id };
}
