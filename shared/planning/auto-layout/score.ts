/**
 * The stated score of a layout, read from its composition: stories overset
 * or dropped (each 1000: a proposal must have none), the empty column area
 * in percent (empty-area.ts), the lead not at the top of the region (10),
 * photos outside their story's module (5 each), headlines in more than two
 * lines (3 each). Lower is better.
 */
import type { DisplayList, DisplayPage, DisplayTextFrame } from '../../layout/display-list';
import type { Edition, Id } from '../../model/types';
import { emptyColumnArea } from './empty-area';
import { headlineLines } from './trials';
import type { Module, PageInput, ProposalScore } from './types';

export interface Scored {
  score: ProposalScore;
  /** Stories (and captions) with text left over. */
  oversetStories: Id[];
}

export function totalOf(s: Omit<ProposalScore, 'total'>): number {
  return (
    s.overset * 1000 +
    s.dropped * 1000 +
    s.emptyPercent +
    s.leadNotOnTop * 10 +
    s.photosAway * 5 +
    s.longHeadlines * 3
  );
}

/** Scores the page as composed; `modules` are the proposal's (for a page laid out by hand: none). */
export function scoreProposal(
  edition: Edition,
  display: DisplayPage,
  list: DisplayList,
  input: PageInput,
  modules: readonly Module[],
): Scored {
  const ids = new Set(input.stories.map((s) => s.storyId));
  const captions = input.stories.flatMap((s) =>
    s.photos.flatMap((p) => (p.captionStoryId ? [p.captionStoryId] : [])),
  );
  const oversetStories = [...ids, ...captions].filter((id) => {
    const report = list.stories[id];
    return report ? report.oversetCharacters > 0 || report.oversetLines > 0 : false;
  });
  const texts = display.items.filter((i): i is DisplayTextFrame => i.kind === 'text');
  const dropped = input.stories.filter((s) => !texts.some((t) => t.storyId === s.storyId)).length;
  const lead = input.stories.find((s) => s.weight === 'lead');
  const leadFrames = texts.filter((t) => t.storyId === lead?.storyId);
  const leadNotOnTop =
    lead && leadFrames.length > 0 && Math.min(...leadFrames.map((f) => f.y)) > input.region.y + input.step
      ? 1
      : 0;
  // A photo is beside its story when it lies inside the story's module
  // (a proposal), or touches the story's frame (a page laid out by hand).
  let photosAway = 0;
  for (const s of input.stories) {
    const module = modules.find((m) => m.storyId === s.storyId);
    const frames = texts.filter((t) => t.storyId === s.storyId);
    for (const p of s.photos) {
      const image = display.items.find(
        (i) =>
          i.kind === 'image' &&
          (i.frameId === p.frameId || (!p.frameId && captionOf(edition, i.frameId) === p.captionStoryId)),
      );
      if (!image) {
        photosAway++;
        continue;
      }
      const rects = module
        ? [{ x: module.x, y: module.top, width: module.width, height: module.height }]
        : frames.map((f) => ({ x: f.x, y: f.y, width: f.width, height: f.height }));
      const inside = rects.some(
        (r) =>
          image.x >= r.x - 1 &&
          image.x + image.width <= r.x + r.width + 1 &&
          image.y >= r.y - input.step * 2 &&
          image.y + image.height <= r.y + r.height + input.step * 2,
      );
      if (!inside) photosAway++;
    }
  }
  let longHeadlines = 0;
  for (const s of input.stories) {
    const story = edition.stories[s.storyId];
    const lines = texts
      .filter((t) => t.storyId === s.storyId)
      .reduce((n, t) => n + headlineLines(t, story), 0);
    if (lines > 2) longHeadlines++;
  }
  const empty = emptyColumnArea(display, input, ids);
  const parts = {
    overset: oversetStories.length,
    dropped,
    emptyPercent: Math.round(empty.percent * 100) / 100,
    leadNotOnTop,
    photosAway,
    longHeadlines,
  };
  return { score: { ...parts, total: Math.round(totalOf(parts) * 100) / 100 }, oversetStories };
}

function captionOf(edition: Edition, frameId: Id): Id | null {
  for (const p of edition.pages) {
    const f = p.frames.find((x) => x.id === frameId);
    if (f) return f.kind === 'image' ? f.captionStoryId : null;
  }
  return null;
}
