/**
 * Page commands as model operations: add, delete, duplicate, reorder,
 * apply a master, and start a page from a preset (columns, grid).
 */
import { LocalizedError } from '../services/locales/localized-error';
import { cloneJson } from './clone';
import type { Edition, Frame, Id, Page, Story } from '../model/types';
import type { Operation } from '../model/ops/types';
import { threadOwner } from '../model/operations';
import { createMasterPage, createPage } from '../model/factories';
import { addFolioLine } from '../sample/folio-line';
import { typeArea } from '../sample/page-grid';
import { getPagePreset, type PagePresetId } from '../model/presets';
import type { IdGenerator } from '../model/ids';

/** A page after `afterIndex` shaped like the page there (size, margins, columns, grid, master), with no frames. */
export function addPage(
  edition: Edition,
  afterIndex: number,
  ids: IdGenerator,
): { ops: Operation[]; pageId: Id } {
  const model = edition.pages[Math.max(0, Math.min(edition.pages.length - 1, afterIndex))];
  const pageId = ids('page');
  if (!model) throw new Error('the edition has no page to copy the shape of');
  const page: Page = { ...cloneJson(model), id: pageId, frames: [] };
  return {
    pageId,
    ops: [{ type: 'insert_page', index: Math.min(edition.pages.length, afterIndex + 1), page }],
  };
}

/** A page of a preset (size, margins, columns, baseline grid) at an index. */
export function addPageFromPreset(
  edition: Edition,
  index: number,
  presetId: PagePresetId,
  ids: IdGenerator,
  masterId: Id | null = null,
): { ops: Operation[]; pageId: Id } {
  const pageId = ids('page');
  const page = createPage(getPagePreset(presetId), pageId, { masterId });
  return {
    pageId,
    ops: [{ type: 'insert_page', index: Math.max(0, Math.min(edition.pages.length, index)), page }],
  };
}

/** Deletes a page (never the last one). Its frames go; stories that flowed through them keep their text. */
export function deletePage(edition: Edition, pageId: Id): Operation[] {
  if (edition.pages.length <= 1) throw new LocalizedError('error.page.lastPage');
  if (!edition.pages.some((p) => p.id === pageId)) return [];
  return [{ type: 'remove_page', pageId }];
}

/** Moves a page to a new index (reorder in the pages panel). */
export function movePage(edition: Edition, pageId: Id, index: number): Operation[] {
  const from = edition.pages.findIndex((p) => p.id === pageId);
  const to = Math.max(0, Math.min(edition.pages.length - 1, index));
  if (from < 0 || from === to) return [];
  return [{ type: 'move_page', pageId, index: to }];
}

/**
 * Duplicates a page with its frames. Stories that live entirely on the
 * page are copied and threaded through the copied frames; frames of
 * threads that leave the page are copied empty.
 */
export function duplicatePage(
  edition: Edition,
  pageId: Id,
  ids: IdGenerator,
): { ops: Operation[]; pageId: Id } {
  const index = edition.pages.findIndex((p) => p.id === pageId);
  if (index < 0) throw new Error(`page ${pageId} does not exist`);
  const source = edition.pages[index];
  const frameMap = new Map<Id, Id>();
  for (const frame of source.frames) frameMap.set(frame.id, ids('frame'));
  const storyMap = new Map<Id, Id>();
  const newStories: Story[] = [];
  for (const frame of source.frames) {
    const ownerId = threadOwner(edition, frame.id);
    if (!ownerId || storyMap.has(ownerId)) continue;
    const owner = edition.stories[ownerId];
    if (!owner.thread.every((id) => frameMap.has(id))) continue;
    const id = ids('story');
    storyMap.set(ownerId, id);
    newStories.push({ ...cloneJson(owner), id, thread: owner.thread.map((f) => frameMap.get(f)!) });
  }
  // Captions copied with their story keep their link; others are dropped.
  const frames: Frame[] = source.frames.map((frame) => {
    const copy = { ...cloneJson(frame), id: frameMap.get(frame.id)! } as Frame;
    if (copy.kind === 'image' && copy.captionStoryId)
      copy.captionStoryId = storyMap.get(copy.captionStoryId) ?? null;
    return copy;
  });
  const newPageId = ids('page');
  const page: Page = { ...cloneJson(source), id: newPageId, frames: [] };
  const ops: Operation[] = [{ type: 'insert_page', index: index + 1, page }];
  // Stories first, so captions can point at them; then the frames, then the threads.
  for (const story of newStories) ops.push({ type: 'add_story', story: { ...story, thread: [] } });
  for (const frame of frames) ops.push({ type: 'insert_frame', container: { pageId: newPageId }, frame });
  for (const story of newStories)
    ops.push({ type: 'set_story_thread', storyId: story.id, thread: story.thread });
  return { ops, pageId: newPageId };
}

/** Applies a master page (null: none) to pages. */
export function applyMaster(edition: Edition, pageIds: readonly Id[], masterId: Id | null): Operation[] {
  return pageIds
    .filter((id) => edition.pages.some((p) => p.id === id && p.masterId !== masterId))
    .map((pageId): Operation => ({ type: 'set_page_props', pageId, props: { masterId } }));
}

/** Sets a page's grid: columns, gutter and baseline grid (a page template's geometry). */
export function setPageGrid(
  edition: Edition,
  pageId: Id,
  grid: { columns?: number; gutter?: number; baselineIncrement?: number; baselineStart?: number },
): Operation[] {
  const page = edition.pages.find((p) => p.id === pageId);
  if (!page) return [];
  const props: Partial<Page> = {};
  if (grid.columns !== undefined) props.columns = Math.max(1, Math.round(grid.columns));
  if (grid.gutter !== undefined) props.gutter = Math.max(0, grid.gutter);
  if (grid.baselineIncrement !== undefined || grid.baselineStart !== undefined) {
    const current = page.baselineGrid ?? { start: page.margins.top, increment: 14 };
    props.baselineGrid = {
      start: grid.baselineStart ?? current.start,
      increment: grid.baselineIncrement ?? current.increment,
    };
  }
  return [{ type: 'set_page_props', pageId, props }];
}

/**
 * A new master page with a folio line (报眉: paper name, date, edition on
 * the left; section and page number on the right, over a rule), whose
 * fields the composer fills in on every page that uses the master.
 */
export function createMasterWithFolioLine(
  edition: Edition,
  name: string,
  shapeOf: Page,
  ids: IdGenerator,
): { ops: Operation[]; masterId: Id } {
  const scratch: Edition = cloneJson(edition);
  const master = createMasterPage(ids('master'), name);
  addFolioLine(scratch, master, typeArea(shapeOf), ids);
  const ops: Operation[] = [];
  for (const [id, style] of Object.entries(scratch.styles.paragraph)) {
    if (!edition.styles.paragraph[id]) ops.push({ type: 'upsert_paragraph_style', style });
  }
  // Stories first without their thread; the master's frames; then the threads.
  const stories = Object.values(scratch.stories).filter((s) => !edition.stories[s.id]);
  for (const story of stories) ops.push({ type: 'add_story', story: { ...story, thread: [] } });
  ops.push({ type: 'insert_master', master });
  for (const story of stories)
    ops.push({ type: 'set_story_thread', storyId: story.id, thread: story.thread });
  return { ops, masterId: master.id };
}
