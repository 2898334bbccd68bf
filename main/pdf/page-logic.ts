/**
 * What the painted pages mean, for reading order, tags and article
 * threads: which stories are articles, which are photo captions and which
 * are page furniture (folio lines, master-page text); which article each
 * photo belongs to (the one whose text frame holds it, as a wrap-around
 * photo sits in its story's frame); and the order the stories of each page
 * are read in (reading-order.ts), each caption right after the article its
 * photo belongs to.
 */
import type { DisplayImage, DisplayPage, DisplayTextFrame } from '../../shared/layout/display-list';
import type { BlockRole, Edition, Id } from '../../shared/model/types';
import { readingOrder, type Region } from './reading-order';

export type StoryKind = 'article' | 'caption' | 'furniture';

export interface PageReading {
  /** Stories with text on the page, in reading order. */
  stories: Id[];
  /** The article each photo (by frame id) belongs to, when one holds it. */
  figureOwner: Map<Id, Id>;
  /** The caption story of each photo (by frame id), when it has one. */
  figureCaption: Map<Id, Id>;
}

export class EditionLogic {
  private readonly captionOf = new Map<Id, Id>();
  private readonly captions = new Set<Id>();

  constructor(readonly edition: Edition) {
    for (const frame of [
      ...edition.pages.flatMap((p) => p.frames),
      ...edition.masters.flatMap((m) => m.frames),
    ]) {
      if (frame.kind === 'image' && frame.captionStoryId) {
        this.captionOf.set(frame.id, frame.captionStoryId);
        this.captions.add(frame.captionStoryId);
      }
    }
  }

  storyKind(storyId: Id, fromMaster = false): StoryKind {
    if (fromMaster) return 'furniture';
    const story = this.edition.stories[storyId];
    if (!story) return 'furniture';
    const roles = new Set(story.blocks.map((b) => b.type));
    if (roles.size > 0 && [...roles].every((r) => r === 'folio')) return 'furniture';
    if (
      this.captions.has(storyId) ||
      (roles.size > 0 && [...roles].every((r) => r === 'caption' || r === 'credit'))
    )
      return 'caption';
    return 'article';
  }

  /** The structure type of a block of an article or caption. */
  blockTag(storyId: Id, block: number): string {
    const role: BlockRole | undefined = this.edition.stories[storyId]?.blocks[block]?.type;
    switch (role) {
      case 'banner':
      case 'headline':
        return 'H1';
      case 'subheadline':
      case 'section-head':
        return 'H2';
      default:
        return 'P';
    }
  }

  /** Reading order of one page, and which article each photo belongs to. */
  readPage(page: DisplayPage): PageReading {
    const texts = page.items.filter(
      (i): i is DisplayTextFrame => i.kind === 'text' && i.storyId !== null && i.lines.length > 0,
    );
    const images = page.items.filter((i): i is DisplayImage => i.kind === 'image');
    const figureOwner = new Map<Id, Id>();
    const figureCaption = new Map<Id, Id>();
    for (const image of images) {
      const cx = image.x + image.width / 2;
      const cy = image.y + image.height / 2;
      const holder = texts.find(
        (t) =>
          this.storyKind(t.storyId as Id, t.fromMaster) === 'article' &&
          cx >= t.x &&
          cx <= t.x + t.width &&
          cy >= t.y &&
          cy <= t.y + t.height,
      );
      if (holder) figureOwner.set(image.frameId, holder.storyId as Id);
      const caption = this.captionOf.get(image.frameId);
      if (caption) figureCaption.set(image.frameId, caption);
    }
    // One region per story: the union of its frames on this page. Captions follow their photo's article.
    const boxes = new Map<Id, Region>();
    const attached = new Map<Id, Id[]>();
    for (const [frameId, caption] of figureCaption) {
      const owner = figureOwner.get(frameId);
      if (owner) attached.set(owner, [...(attached.get(owner) ?? []), caption]);
    }
    const follows = new Set([...attached.values()].flat());
    for (const t of texts) {
      const id = t.storyId as Id;
      if (follows.has(id)) continue;
      const box = boxes.get(id);
      if (!box) boxes.set(id, { id, x: t.x, y: t.y, width: t.width, height: t.height });
      else {
        const x = Math.min(box.x, t.x);
        const y = Math.min(box.y, t.y);
        box.width = Math.max(box.x + box.width, t.x + t.width) - x;
        box.height = Math.max(box.y + box.height, t.y + t.height) - y;
        box.x = x;
        box.y = y;
      }
    }
    const onPage = new Set(texts.map((t) => t.storyId as Id));
    const stories: Id[] = [];
    for (const region of readingOrder([...boxes.values()])) {
      stories.push(region.id);
      for (const caption of attached.get(region.id) ?? []) if (onPage.has(caption)) stories.push(caption);
    }
    return { stories, figureOwner, figureCaption };
  }
}
