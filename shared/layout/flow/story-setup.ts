/**
 * Which stories flow through which frames: page stories (their thread is
 * made of page frames, possibly across pages) and master stories (threaded
 * through master-page frames: composed again on every page that uses the
 * master, with that page's field values).
 */
import type { Edition, Frame, MasterPage, Page, Story, TextFrame } from '../../model/types';
import { threadFrame, type ThreadFrame } from './thread';

export interface PageFrameIndex {
  /** Page frames by id, with their page. */
  pageFrames: Map<string, { frame: Frame; pageIndex: number }>;
  /** Master frames by id, with their master. */
  masterFrames: Map<string, { frame: Frame; master: MasterPage }>;
  /** Every frame painted on each page: master frames first, then the page's own. */
  painted: Frame[][];
  /** The story that owns each text frame (the first story whose thread names it). */
  owner: Map<string, string>;
}

export function indexFrames(edition: Edition): PageFrameIndex {
  const masters = new Map(edition.masters.map((m) => [m.id, m]));
  const pageFrames = new Map<string, { frame: Frame; pageIndex: number }>();
  const masterFrames = new Map<string, { frame: Frame; master: MasterPage }>();
  for (const master of edition.masters) {
    for (const frame of master.frames)
      if (!masterFrames.has(frame.id)) masterFrames.set(frame.id, { frame, master });
  }
  const painted = edition.pages.map((page, pageIndex) => {
    for (const frame of page.frames)
      if (!pageFrames.has(frame.id)) pageFrames.set(frame.id, { frame, pageIndex });
    const master = page.masterId ? masters.get(page.masterId) : undefined;
    return [...(master?.frames ?? []), ...page.frames];
  });
  const owner = new Map<string, string>();
  for (const story of Object.values(edition.stories)) {
    for (const id of story.thread) if (!owner.has(id)) owner.set(id, story.id);
  }
  return { pageFrames, masterFrames, painted, owner };
}

/** True when the story's thread runs through master-page frames. */
export function isMasterStory(story: Story, index: PageFrameIndex): boolean {
  const first = story.thread.find((id) => index.pageFrames.has(id) || index.masterFrames.has(id));
  return first !== undefined && !index.pageFrames.has(first) && index.masterFrames.has(first);
}

const isText = (frame: Frame): frame is TextFrame => frame.kind === 'text';

/** The thread of a page story: its text frames in thread order, with their geometry. */
export function pageThread(edition: Edition, story: Story, index: PageFrameIndex): ThreadFrame[] {
  const frames: ThreadFrame[] = [];
  for (const id of story.thread) {
    const entry = index.pageFrames.get(id);
    if (!entry || !isText(entry.frame) || index.owner.get(id) !== story.id) continue;
    const page = edition.pages[entry.pageIndex];
    frames.push(threadFrame(entry.frame, page, entry.pageIndex, index.painted[entry.pageIndex]));
  }
  return frames;
}

/** The thread of a master story on one page: the master frames of its thread painted there. */
export function masterThread(
  story: Story,
  page: Page,
  pageIndex: number,
  index: PageFrameIndex,
): ThreadFrame[] {
  const frames: ThreadFrame[] = [];
  const painted = index.painted[pageIndex];
  for (const id of story.thread) {
    const entry = index.masterFrames.get(id);
    if (
      !entry ||
      !isText(entry.frame) ||
      entry.master.id !== page.masterId ||
      index.owner.get(id) !== story.id
    )
      continue;
    frames.push(threadFrame(entry.frame, page, pageIndex, painted));
  }
  return frames;
}
