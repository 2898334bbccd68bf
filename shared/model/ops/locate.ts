/**
 * Finding things in an edition and replacing them immutably. Lookups are
 * memoised on the arrays/records they scan: operations never mutate, so an
 * unchanged `pages` array (or `stories` record) keeps its index.
 */
import type { Edition, Frame, Id, MasterPage, Page, Story } from '../types';
import type { FrameContainer } from './types';

export interface FrameLocation {
  /** 'page' or 'master' and the index of that page or master. */
  where: 'page' | 'master';
  containerIndex: number;
  frameIndex: number;
  frame: Frame;
}

const pageFrameIndex = new WeakMap<readonly Page[], Map<Id, FrameLocation>>();
const masterFrameIndex = new WeakMap<readonly MasterPage[], Map<Id, FrameLocation>>();

function indexFrames(
  containers: readonly { frames: Frame[] }[],
  where: 'page' | 'master',
): Map<Id, FrameLocation> {
  const index = new Map<Id, FrameLocation>();
  containers.forEach((container, containerIndex) =>
    container.frames.forEach((frame, frameIndex) => {
      if (!index.has(frame.id)) index.set(frame.id, { where, containerIndex, frameIndex, frame });
    }),
  );
  return index;
}

/** Where a frame is (page or master), or undefined. */
export function locateFrame(edition: Edition, frameId: Id): FrameLocation | undefined {
  let pages = pageFrameIndex.get(edition.pages);
  if (!pages) {
    pages = indexFrames(edition.pages, 'page');
    pageFrameIndex.set(edition.pages, pages);
  }
  const onPage = pages.get(frameId);
  if (onPage) return onPage;
  let masters = masterFrameIndex.get(edition.masters);
  if (!masters) {
    masters = indexFrames(edition.masters, 'master');
    masterFrameIndex.set(edition.masters, masters);
  }
  return masters.get(frameId);
}

const threadIndex = new WeakMap<Record<Id, Story>, Map<Id, Id>>();

/** The id of the story whose thread holds this frame, or undefined. */
export function threadOwner(edition: Edition, frameId: Id): Id | undefined {
  let index = threadIndex.get(edition.stories);
  if (!index) {
    index = new Map();
    for (const story of Object.values(edition.stories))
      for (const id of story.thread) index.set(id, story.id);
    threadIndex.set(edition.stories, index);
  }
  return index.get(frameId);
}

/** Index of the page or master a container names, or -1. */
export function containerIndex(
  edition: Edition,
  container: FrameContainer,
): { where: 'page' | 'master'; index: number } {
  if ('pageId' in container)
    return { where: 'page', index: edition.pages.findIndex((p) => p.id === container.pageId) };
  return { where: 'master', index: edition.masters.findIndex((m) => m.id === container.masterId) };
}

/** The container of a located frame, as an operation names it. */
export function containerOf(edition: Edition, location: FrameLocation): FrameContainer {
  return location.where === 'page'
    ? { pageId: edition.pages[location.containerIndex].id }
    : { masterId: edition.masters[location.containerIndex].id };
}

/** The frames of a page or master. */
export function framesOf(edition: Edition, where: 'page' | 'master', index: number): Frame[] {
  return where === 'page' ? edition.pages[index].frames : edition.masters[index].frames;
}

/** A new edition with the frames of one page or master replaced. */
export function withFrames(
  edition: Edition,
  where: 'page' | 'master',
  index: number,
  frames: Frame[],
): Edition {
  if (where === 'page') {
    const pages = edition.pages.slice();
    pages[index] = { ...pages[index], frames };
    return { ...edition, pages };
  }
  const masters = edition.masters.slice();
  masters[index] = { ...masters[index], frames };
  return { ...edition, masters };
}

/** A copy of an array with an item inserted at `index` (clamped to the ends). */
export function insertAt<T>(list: readonly T[], index: number, item: T): T[] {
  const copy = list.slice();
  copy.splice(Math.max(0, Math.min(index, copy.length)), 0, item);
  return copy;
}

/** A copy of an array without the item at `index`. */
export function removeAt<T>(list: readonly T[], index: number): T[] {
  const copy = list.slice();
  copy.splice(index, 1);
  return copy;
}

/** A copy of a record with `key` set; a new key goes at `index` in key order (default: last). */
export function putKey<T>(record: Record<Id, T>, key: Id, value: T, index?: number): Record<Id, T> {
  if (Object.prototype.hasOwnProperty.call(record, key) || index === undefined)
    return { ...record, [key]: value };
  const entries = Object.entries(record);
  entries.splice(Math.max(0, Math.min(index, entries.length)), 0, [key, value]);
  return Object.fromEntries(entries);
}

/** A copy of a record without `key`, and the key's position (for the inverse). */
export function dropKey<T>(record: Record<Id, T>, key: Id): { record: Record<Id, T>; index: number } {
  const index = Object.keys(record).indexOf(key);
  const { [key]: _dropped, ...rest } = record;
  return { record: rest, index };
}

export function hasKey(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** A copy of a story record with one story replaced. */
export function withStory(edition: Edition, story: Story): Edition {
  return { ...edition, stories: { ...edition.stories, [story.id]: story } };
}
