/**
 * The markup view's text: each story with pending deletions, with the
 * deleted text put back at its points so the page can show it struck
 * through. Only for display — the edition keeps the final text. A
 * MarkupMap converts between the story's points and the markup story's,
 * so the caret, selection and clicks keep speaking the story's points.
 */
import type { DeleteChange, Edition, Id, ReviewPoint, Story, StoryBlock } from '../model/types';
import { blockLength } from '../model/operations';
import { reviewOf } from '../model/review';
import { sliceLeaves } from './fragments';
import { isMoot } from './resolve';

/** A stretch of one markup paragraph: the story's text, or a deletion's. */
export interface MarkupSegment {
  /** Offsets in the markup paragraph. */
  start: number;
  end: number;
  /** Where it comes from in the story: paragraph and offset (a deletion: its point). */
  block: number;
  offset: number;
  /** The deletion it shows, or null for the story's own text. */
  changeId: Id | null;
}

export class MarkupMap {
  constructor(
    /** Segments of each markup paragraph, in order. */
    readonly segments: MarkupSegment[][],
  ) {}

  /** The story point a markup point shows (a point in deleted text: the deletion's point). */
  toStory(p: ReviewPoint): ReviewPoint {
    const list = this.segments[p.block] ?? [];
    for (const s of list) {
      if (p.offset < s.start || p.offset > s.end) continue;
      if (s.changeId !== null) {
        if (p.offset === s.end && s !== list[list.length - 1]) continue;
        return { block: s.block, offset: s.offset };
      }
      return { block: s.block, offset: s.offset + (p.offset - s.start) };
    }
    const last = list[list.length - 1];
    return last
      ? { block: last.block, offset: last.offset + (last.changeId ? 0 : last.end - last.start) }
      : p;
  }

  /**
   * The markup point of a story point. Where a deletion sits at the point,
   * `forward` is after its text (an insertion that replaced it starts
   * there), `backward` before it (the caret).
   */
  toMarkup(p: ReviewPoint, affinity: 'forward' | 'backward' = 'backward'): ReviewPoint {
    let found: ReviewPoint | null = null;
    for (let m = 0; m < this.segments.length; m++) {
      for (const s of this.segments[m]) {
        if (s.changeId !== null || s.block !== p.block) continue;
        const length = s.end - s.start;
        if (p.offset < s.offset || p.offset > s.offset + length) continue;
        const here = { block: m, offset: s.start + (p.offset - s.offset) };
        if (affinity === 'backward') return here;
        found = here;
      }
    }
    return found ?? p;
  }
}

export interface MarkupEdition {
  /** The edition with markup stories (stories without deletions are the same objects). */
  edition: Edition;
  /** Maps of the stories that differ. */
  maps: Map<Id, MarkupMap>;
}

const cache = new WeakMap<Story, { changes: readonly DeleteChange[]; story: Story; map: MarkupMap }>();

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The markup edition: deletions put back for display. */
export function markupEdition(edition: Edition): MarkupEdition {
  const byStory = new Map<Id, DeleteChange[]>();
  for (const change of reviewOf(edition).changes) {
    if (change.kind !== 'delete' || isMoot(change)) continue;
    if (!Object.prototype.hasOwnProperty.call(edition.stories, change.storyId)) continue;
    const list = byStory.get(change.storyId) ?? [];
    list.push(change);
    byStory.set(change.storyId, list);
  }
  const maps = new Map<Id, MarkupMap>();
  if (byStory.size === 0) return { edition, maps };
  const stories = { ...edition.stories };
  for (const [storyId, deletions] of byStory) {
    const story = edition.stories[storyId];
    let entry = cache.get(story);
    if (!entry || !sameList(entry.changes, deletions)) {
      const built = buildMarkup(story, deletions);
      entry = { changes: deletions, ...built };
      cache.set(story, entry);
    }
    stories[storyId] = entry.story;
    maps.set(storyId, entry.map);
  }
  return { edition: { ...edition, stories }, maps };
}

function buildMarkup(story: Story, deletions: DeleteChange[]): { story: Story; map: MarkupMap } {
  const at = new Map<number, DeleteChange[]>();
  for (const d of deletions) {
    const b = Math.min(d.from.block, story.blocks.length - 1);
    const list = at.get(b) ?? [];
    list.push(d);
    at.set(b, list);
  }
  const blocks: StoryBlock[] = [];
  const segments: MarkupSegment[][] = [];
  story.blocks.forEach((block, b) => {
    const here = (at.get(b) ?? []).slice().sort((p, q) => p.from.offset - q.from.offset);
    let children = [] as StoryBlock['children'];
    let segs: MarkupSegment[] = [];
    let length = 0;
    const push = (leaves: StoryBlock['children'], from: ReviewPoint, changeId: Id | null) => {
      const n = leaves.reduce((sum, l) => sum + l.text.length, 0);
      children = children.concat(leaves.filter((l) => l.text.length > 0 || l.field));
      if (n > 0 || changeId !== null)
        segs.push({ start: length, end: length + n, block: from.block, offset: from.offset, changeId });
      length += n;
    };
    const close = (props: Omit<StoryBlock, 'children'>) => {
      blocks.push({ ...props, children: children.length > 0 ? children : [{ text: '' }] });
      segments.push(segs);
      children = [];
      segs = [];
      length = 0;
    };
    let pos = 0;
    const len = blockLength(block);
    for (const d of here) {
      const o = Math.min(d.from.offset, len);
      if (o > pos) push(sliceLeaves(block, pos, o), { block: b, offset: pos }, null);
      pos = Math.max(pos, o);
      const point = { block: b, offset: o };
      d.content.forEach((entry, i) => {
        // The head keeps the paragraph's role; whole deleted paragraphs show theirs; the paragraph's tail, its own.
        if (i > 0) close(i === 1 ? block : paragraphOf(d.content[i - 1]));
        push(entry.children, point, d.id);
      });
    }
    if (len > pos || segs.length === 0) push(sliceLeaves(block, pos, len), { block: b, offset: pos }, null);
    close(block);
  });
  return { story: { ...story, blocks }, map: new MarkupMap(segments) };
}

function paragraphOf(block: StoryBlock): Omit<StoryBlock, 'children'> {
  const { children: _children, ...shell } = block;
  return shell;
}

const registry = new WeakMap<object, Map<Id, MarkupMap>>();

/** Notes that a display list shows markup stories, so caret and hit testing convert points. */
export function registerMarkup(list: object, maps: Map<Id, MarkupMap>): void {
  if (maps.size > 0) registry.set(list, maps);
}

/** The markup map of a story in a display list, if the list shows that story's markup. */
export function markupMapOf(list: object, storyId: Id): MarkupMap | undefined {
  return registry.get(list)?.get(storyId);
}
