/**
 * Sign-off (签版): signing pages off and reopening a signed page that an
 * edit changes. Which pages an edit changes is worked out before it is
 * applied, so the reopening goes into the same undo step: the pages that
 * show the edited story from the edited paragraph on (text only flows
 * forward), the page of a changed frame, a changed page; a style or master
 * change may reach any page.
 */
import type { DisplayList } from '../layout/display-list';
import type { Edition, Id, Stamp } from '../model/types';
import { locateFrame, type Operation } from '../model/operations';
import { reviewOf } from '../model/review';

/** The signing off of a page, in the latest round. */
export function signOffOp(edition: Edition, pageId: Id, stamp: Stamp): Operation {
  const rounds = reviewOf(edition).rounds;
  return {
    type: 'set_signoff',
    pageId,
    signoff: { ...stamp, roundId: rounds[rounds.length - 1]?.id ?? null },
  };
}

/** Page indexes an edit may change, or 'all'. */
export function pagesTouched(
  edition: Edition,
  list: DisplayList | null,
  ops: readonly Operation[],
): Set<number> | 'all' {
  const pages = new Set<number>();
  const storyFrom = (storyId: Id, block: number): boolean => {
    if (!list) return false;
    for (const page of list.pages)
      for (const item of page.items)
        if (item.kind === 'text' && item.storyId === storyId) {
          if (item.fromMaster) return false;
          if (item.lines.some((l) => l.block >= block) || item.lines.length === 0 || item.overset)
            pages.add(page.index);
        }
    return true;
  };
  const pageOf = (pageId: Id) => edition.pages.findIndex((p) => p.id === pageId);
  const visit = (op: Operation): boolean => {
    switch (op.type) {
      case 'batch':
        return op.ops.every(visit);
      case 'insert_text':
      case 'remove_text':
      case 'split_block':
      case 'set_block':
        return storyFrom(op.storyId, op.block);
      case 'merge_block':
        return storyFrom(op.storyId, op.block - 1);
      case 'replace_blocks':
        return storyFrom(op.storyId, op.index);
      case 'set_marks':
        return storyFrom(op.storyId, op.from.block);
      case 'set_story_blocks':
      case 'set_story_thread':
        return storyFrom(op.storyId, 0);
      case 'update_frame':
      case 'remove_frame':
      case 'reorder_frame':
      case 'move_frame': {
        const at = locateFrame(edition, op.frameId);
        if (!at || at.where === 'master') return false;
        pages.add(at.containerIndex);
        if (op.type === 'move_frame' && 'pageId' in op.container) pages.add(pageOf(op.container.pageId));
        return true;
      }
      case 'insert_frame':
        if (!('pageId' in op.container)) return false;
        pages.add(pageOf(op.container.pageId));
        return true;
      case 'set_page_props':
      case 'remove_page':
        pages.add(pageOf(op.pageId));
        return true;
      // The desk's own records and story names change no page.
      case 'upsert_note':
      case 'remove_note':
      case 'upsert_change':
      case 'remove_change':
      case 'upsert_round':
      case 'remove_round':
      case 'set_signoff':
      case 'set_review_settings':
      case 'set_review_anchors':
      case 'set_story_props':
        return true;
      default:
        return false;
    }
  };
  return ops.every(visit) ? pages : 'all';
}

/** Operations that reopen the signed pages an edit changes, and those pages' numbers (1-based). */
export function reopenFor(
  edition: Edition,
  list: DisplayList | null,
  ops: readonly Operation[],
): { ops: Operation[]; pages: number[] } {
  const signoffs = reviewOf(edition).signoffs;
  if (Object.keys(signoffs).length === 0) return { ops: [], pages: [] };
  const touched = pagesTouched(edition, list, ops);
  const reopened = edition.pages
    .map((page, index) => ({ page, index }))
    .filter(({ page, index }) => signoffs[page.id] && (touched === 'all' || touched.has(index)));
  return {
    ops: reopened.map(({ page }) => ({ type: 'set_signoff', pageId: page.id, signoff: null }) as Operation),
    pages: reopened.map(({ index }) => index + 1),
  };
}
