/**
 * Composing two states of an edition to compare them (two rounds, or a
 * round and now) at the cost of one composition and the changes between
 * them. Rounds read from a file share no objects, so first the later state
 * takes the earlier one's objects wherever they are equal (pages, styles,
 * stories, paragraphs): then composing it after the earlier one is an
 * incremental update of the changed stories from their first changed
 * paragraph, and every page the changes did not reach keeps its
 * DisplayPage, which the page diff skips by identity.
 */
import type { StoryChange } from '../layout/compose-edition';
import type { DisplayList } from '../layout/display-list';
import type { Edition, Story } from '../model/types';

/** A composition that can recompose from one story's changed paragraph (shared/layout Composition). */
export interface IncrementalComposition {
  compose(edition: Edition): DisplayList;
  update(edition: Edition, change: StoryChange): DisplayList;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function shareStory(base: Story | undefined, story: Story): Story {
  if (!base) return story;
  if (same(base, story)) return base;
  const blocks = story.blocks.map((block, i) =>
    base.blocks[i] && same(base.blocks[i], block) ? base.blocks[i] : block,
  );
  return { ...story, blocks, thread: same(base.thread, story.thread) ? base.thread : story.thread };
}

/** `other` with `base`'s objects wherever they are equal (values unchanged: editions are immutable). */
export function shareEqual(base: Edition, other: Edition): Edition {
  const stories: Edition['stories'] = {};
  for (const [id, story] of Object.entries(other.stories)) stories[id] = shareStory(base.stories[id], story);
  return {
    ...other,
    meta: same(base.meta, other.meta) ? base.meta : other.meta,
    styles: same(base.styles, other.styles) ? base.styles : other.styles,
    masters: same(base.masters, other.masters) ? base.masters : other.masters,
    pages: same(base.pages, other.pages) ? base.pages : other.pages,
    assets: same(base.assets, other.assets) ? base.assets : other.assets,
    plan: same(base.plan, other.plan) ? base.plan : other.plan,
    stories,
  };
}

/**
 * The story edits that take `from` to `to` when nothing else differs (by
 * identity: pages, masters, styles, assets, metadata, plan, the set of
 * stories); null when something else does and `to` must be composed whole.
 */
export function storyChangesBetween(from: Edition, to: Edition): StoryChange[] | null {
  if (
    from.pages !== to.pages ||
    from.masters !== to.masters ||
    from.styles !== to.styles ||
    from.assets !== to.assets ||
    from.meta !== to.meta ||
    from.plan !== to.plan
  )
    return null;
  const ids = Object.keys(to.stories);
  if (ids.length !== Object.keys(from.stories).length) return null;
  const changes: StoryChange[] = [];
  for (const id of ids) {
    const [a, b] = [from.stories[id], to.stories[id]];
    if (!a) return null;
    if (a === b) continue;
    let block = 0;
    while (block < a.blocks.length && block < b.blocks.length && a.blocks[block] === b.blocks[block]) block++;
    changes.push({ storyId: id, block: Math.max(0, Math.min(block, b.blocks.length - 1)) });
  }
  return changes;
}

/**
 * Composes `next` with a composition whose last composed state is
 * `previous` (or none): incrementally when only stories changed, else whole.
 */
export function composeAfter(
  composition: IncrementalComposition,
  previous: { edition: Edition; list: DisplayList } | null,
  next: Edition,
): DisplayList {
  const changes = previous ? storyChangesBetween(previous.edition, next) : null;
  if (!previous || !changes) return composition.compose(next);
  let list = previous.list;
  for (const change of changes) list = composition.update(next, change);
  return list;
}

/** Both states composed, the later one sharing the earlier one's objects where equal. */
export function composeStates(
  composition: IncrementalComposition,
  before: Edition,
  after: Edition,
): { before: Edition; after: Edition; listA: DisplayList; listB: DisplayList } {
  const shared = shareEqual(before, after);
  const listA = composition.compose(before);
  const listB = composeAfter(composition, { edition: before, list: listA }, shared);
  return { before, after: shared, listA, listB };
}
