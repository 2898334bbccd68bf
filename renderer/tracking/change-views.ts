/**
 * The pending tracked changes as the Changes panel lists them, computed
 * once per change of the edition or its composition: each with its story,
 * page, words and where it sits in reading order, so the panel can group
 * them by story (stories in page order), filter them by page and author
 * and step through them with the keyboard.
 */
import type { DisplayList } from '../../shared/layout/display-list';
import type { Edition, Id, TrackedChange } from '../../shared/model/types';
import { blockText } from '../../shared/model/operations';
import { caretRect } from '../../shared/editing/caret-map';
import { pendingChanges, rangeText } from '../../shared/review';
import type { ChangesFilter } from './tracking-state';

export interface ChangeView {
  change: TrackedChange;
  storyName: string;
  /** Zero-based page the change is on (where its first character is), or null when overset. */
  pageIndex: number | null;
  /** The inserted, deleted or reformatted words (paragraph breaks as ¶); empty for a paragraph change. */
  text: string;
}

export interface StoryGroup {
  storyId: Id;
  storyName: string;
  pageIndex: number | null;
  changes: ChangeView[];
}

function wordsOf(edition: Edition, change: TrackedChange): string {
  if (change.kind === 'delete') return change.content.map(blockText).join('¶');
  if (change.kind === 'paragraph') return '';
  return rangeText(edition, change.storyId, change.from, change.to).replace(/\n/g, '¶');
}

const cache = new WeakMap<Edition, { list: DisplayList | null; views: ChangeView[] }>();

/** Every pending change with where it is, in reading order (stories by page, then by position). */
export function changeViews(edition: Edition, list: DisplayList | null): ChangeView[] {
  const c = cache.get(edition);
  if (c && c.list === list) return c.views;
  const views = pendingChanges(edition)
    .filter((change) => edition.stories[change.storyId])
    .map((change): ChangeView => ({
      change,
      storyName: edition.stories[change.storyId].name || change.storyId,
      pageIndex: list ? (caretRect(list, change.storyId, change.from)?.pageIndex ?? null) : null,
      text: wordsOf(edition, change),
    }));
  // A story's place is its first change's page; overset ones go last.
  const storyPage = new Map<Id, number>();
  for (const v of views) {
    const page = v.pageIndex ?? Infinity;
    storyPage.set(v.change.storyId, Math.min(page, storyPage.get(v.change.storyId) ?? Infinity));
  }
  const storyOrder = Object.keys(edition.stories);
  views.sort(
    (a, b) =>
      storyPage.get(a.change.storyId)! - storyPage.get(b.change.storyId)! ||
      storyOrder.indexOf(a.change.storyId) - storyOrder.indexOf(b.change.storyId) ||
      a.change.from.block - b.change.from.block ||
      a.change.from.offset - b.change.from.offset ||
      a.change.time.localeCompare(b.change.time),
  );
  cache.set(edition, { list, views });
  return views;
}

export function passes(view: ChangeView, filter: ChangesFilter): boolean {
  if (filter.storyId !== null && view.change.storyId !== filter.storyId) return false;
  if (filter.page !== null && view.pageIndex !== filter.page) return false;
  if (filter.author !== null && view.change.author !== filter.author) return false;
  return true;
}

/** The shown changes grouped by story, in the list's order. */
export function groupByStory(views: readonly ChangeView[]): StoryGroup[] {
  const groups: StoryGroup[] = [];
  for (const view of views) {
    let group = groups[groups.length - 1];
    if (!group || group.storyId !== view.change.storyId) {
      group = {
        storyId: view.change.storyId,
        storyName: view.storyName,
        pageIndex: view.pageIndex,
        changes: [],
      };
      groups.push(group);
    }
    group.changes.push(view);
  }
  return groups;
}

/** Everyone with a pending change, in the order they first appear. */
export function authorsOf(views: readonly ChangeView[]): { name: string; color: string }[] {
  const seen = new Map<string, string>();
  for (const { change } of views) if (!seen.has(change.author)) seen.set(change.author, change.color);
  return [...seen].map(([name, color]) => ({ name, color }));
}
