/** Page and master operations. */
import type { Edition, Frame, Id, MasterPage, Page } from '../types';
import { masterPageSchema, pagePropsShape, pageSchema } from '../schema';
import type { AppliedOperation, Operation, PageOperation } from './types';
import { OperationError, ensure } from './errors';
import { checkFrameRefs, checkIndex, checkInsertIndex, checkNewFrameIds, checkShape } from './checks';
import { hasKey, insertAt, removeAt } from './locate';

/** Removes the given frames from every thread; returns the new stories and the ops that restore the threads. */
function unthread(
  edition: Edition,
  frames: readonly Frame[],
): { stories: Edition['stories']; restore: Operation[] } {
  const gone = new Set<Id>(frames.map((f) => f.id));
  const restore: Operation[] = [];
  let stories = edition.stories;
  for (const story of Object.values(edition.stories)) {
    if (!story.thread.some((id) => gone.has(id))) continue;
    if (stories === edition.stories) stories = { ...stories };
    stories[story.id] = { ...story, thread: story.thread.filter((id) => !gone.has(id)) };
    restore.push({ type: 'set_story_thread', storyId: story.id, thread: story.thread });
  }
  return { stories, restore };
}

const withRestore = (first: Operation, rest: Operation[]): Operation =>
  rest.length === 0 ? first : { type: 'batch', ops: [first, ...rest] };

function pageIndex(edition: Edition, pageId: unknown, opType: string): number {
  const index = edition.pages.findIndex((p) => p.id === pageId);
  ensure(index >= 0, opType, `page "${String(pageId)}" does not exist`);
  return index;
}

function masterIndex(edition: Edition, masterId: unknown, opType: string): number {
  const index = edition.masters.findIndex((m) => m.id === masterId);
  ensure(index >= 0, opType, `master "${String(masterId)}" does not exist`);
  return index;
}

function checkFrames(edition: Edition, frames: readonly Frame[], opType: string): void {
  checkNewFrameIds(edition, frames, opType);
  for (const frame of frames) checkFrameRefs(edition, frame, opType);
}

export function applyPageOperation(edition: Edition, op: PageOperation): AppliedOperation {
  switch (op.type) {
    case 'insert_page': {
      const page = checkShape(pageSchema, op.page, op.type, 'page') as Page;
      checkInsertIndex(op.index, edition.pages.length, op.type, 'index');
      ensure(!edition.pages.some((p) => p.id === page.id), op.type, `page id "${page.id}" is already in use`);
      if (page.masterId !== null) masterIndex(edition, page.masterId, op.type);
      checkFrames(edition, page.frames, op.type);
      return {
        edition: { ...edition, pages: insertAt(edition.pages, op.index, page) },
        inverse: { type: 'remove_page', pageId: page.id },
      };
    }
    case 'remove_page': {
      const index = pageIndex(edition, op.pageId, op.type);
      const page = edition.pages[index];
      const { stories, restore } = unthread(edition, page.frames);
      return {
        edition: { ...edition, pages: removeAt(edition.pages, index), stories },
        inverse: withRestore({ type: 'insert_page', index, page }, restore),
      };
    }
    case 'move_page': {
      const index = pageIndex(edition, op.pageId, op.type);
      checkIndex(op.index, edition.pages.length, op.type, 'index');
      const page = edition.pages[index];
      return {
        edition: { ...edition, pages: insertAt(removeAt(edition.pages, index), op.index, page) },
        inverse: { type: 'move_page', pageId: page.id, index },
      };
    }
    case 'set_page_props': {
      const index = pageIndex(edition, op.pageId, op.type);
      const page = edition.pages[index];
      const props = (op.props ?? {}) as Record<string, unknown>;
      const inverseProps: Record<string, unknown> = {};
      for (const key of Object.keys(props)) {
        ensure(hasKey(pagePropsShape, key), op.type, `"${key}" is not a page property that can be set`);
        inverseProps[key] = (page as unknown as Record<string, unknown>)[key];
      }
      const next = checkShape(pageSchema, { ...page, ...props }, op.type, `page "${page.id}"`) as Page;
      if (next.masterId !== null && next.masterId !== page.masterId)
        masterIndex(edition, next.masterId, op.type);
      const pages = edition.pages.slice();
      pages[index] = next;
      return {
        edition: { ...edition, pages },
        inverse: { type: 'set_page_props', pageId: page.id, props: inverseProps },
      };
    }
    case 'insert_master': {
      const master = checkShape(masterPageSchema, op.master, op.type, 'master') as MasterPage;
      const at = op.index ?? edition.masters.length;
      checkInsertIndex(at, edition.masters.length, op.type, 'index');
      ensure(
        !edition.masters.some((m) => m.id === master.id),
        op.type,
        `master id "${master.id}" is already in use`,
      );
      checkFrames(edition, master.frames, op.type);
      return {
        edition: { ...edition, masters: insertAt(edition.masters, at, master) },
        inverse: { type: 'remove_master', masterId: master.id },
      };
    }
    case 'remove_master': {
      const index = masterIndex(edition, op.masterId, op.type);
      const master = edition.masters[index];
      const { stories, restore } = unthread(edition, master.frames);
      // Pages on this master are left without one; undo gives it back.
      const pages = edition.pages.map((p) => (p.masterId === master.id ? { ...p, masterId: null } : p));
      for (const page of edition.pages) {
        if (page.masterId === master.id)
          restore.push({ type: 'set_page_props', pageId: page.id, props: { masterId: master.id } });
      }
      return {
        edition: { ...edition, masters: removeAt(edition.masters, index), pages, stories },
        inverse: withRestore({ type: 'insert_master', index, master }, restore),
      };
    }
    case 'set_master_props': {
      const index = masterIndex(edition, op.masterId, op.type);
      const master = edition.masters[index];
      const name = op.props?.name;
      if (name === undefined)
        return { edition, inverse: { type: 'set_master_props', masterId: master.id, props: {} } };
      ensure(typeof name === 'string', op.type, 'name must be a string');
      const masters = edition.masters.slice();
      masters[index] = { ...master, name };
      return {
        edition: { ...edition, masters },
        inverse: { type: 'set_master_props', masterId: master.id, props: { name: master.name } },
      };
    }
    default:
      throw new OperationError((op as { type: string }).type, 'unknown page operation');
  }
}
