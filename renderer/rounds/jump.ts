/**
 * Going from the comparison to the pages: a changed story opens in the
 * story editor at its first change (the inserted words selected); a changed
 * region's page becomes the current page, and the region is marked on the
 * live canvas and scrolled into view (the overlay watches `marked.jump`).
 * The comparison closes: the user goes to work on the page.
 */
import type { PageDiff, StoryDiff } from '../../shared/review';
import { sessionOf } from '../actions/session';
import type { EditorStore } from '../state/editor-store';
import { firstChange } from './Redline';
import { roundsOf, type CompareResult } from './rounds-state';

function clampPoint(store: EditorStore, storyId: string, point: { block: number; offset: number }) {
  const story = store.getState().edition?.stories[storyId];
  if (!story) return point;
  const block = Math.min(point.block, story.blocks.length - 1);
  const length = story.blocks[block].children.reduce((n, leaf) => n + leaf.text.length, 0);
  return { block, offset: Math.min(point.block === block ? point.offset : length, length) };
}

export function jumpToStory(store: EditorStore, story: StoryDiff): void {
  const { edition, displayList } = store.getState();
  if (!edition?.stories[story.storyId]) return;
  const rounds = roundsOf(store);
  const change = firstChange(story.segments) ?? {
    from: { block: 0, offset: 0 },
    to: { block: 0, offset: 0 },
  };
  // Points of a later round, not of now, may lie past today's text: keep them inside it.
  const from = clampPoint(store, story.storyId, change.from);
  const to = clampPoint(store, story.storyId, change.to);
  const page = displayList?.pages.find((p) =>
    p.items.some(
      (item) =>
        item.kind === 'text' &&
        item.storyId === story.storyId &&
        item.lines.some((l) => l.block >= from.block),
    ),
  );
  rounds.set({ comparison: null });
  if (page) store.select({ pageIndex: page.index, frameIds: [] });
  sessionOf(store).requestCaret({ storyId: story.storyId, point: from, focus: to });
  if (page)
    requestAnimationFrame(() =>
      document.querySelector(`[data-testid="page-${page.index + 1}"]`)?.scrollIntoView({ block: 'start' }),
    );
}

export function jumpToRegion(store: EditorStore, result: CompareResult, page: PageDiff, index: number): void {
  const rounds = roundsOf(store);
  const pages = result.diff.pages.filter((p) => !p.removed);
  const pageIndex = store.getState().edition?.pages.findIndex((p) => p.id === page.pageId) ?? -1;
  rounds.set({
    comparison: null,
    marked: { pages, focus: { pageId: page.pageId, index }, jump: (rounds.get().marked?.jump ?? 0) + 1 },
  });
  if (pageIndex >= 0) store.select({ pageIndex, frameIds: [] });
}
