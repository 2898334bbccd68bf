/**
 * Tags for the painted page (Proof): which structure element each line of
 * text and each photo belongs to, and what is an artifact (rules, boxes,
 * frame fills, marks, folio lines, master-page furniture). The structure:
 * Document → one Art per article in reading order → H1 (headline, banner),
 * H2 (subheadline, section head) and P per paragraph → Figure (Alt: its
 * caption's text) holding a Caption with the caption's text. The Press
 * preset uses `untagged`, which marks nothing.
 */
import type { DisplayImage, DisplayLine, DisplayPage } from '../../shared/layout/display-list';
import type { Id } from '../../shared/model/types';
import type { EditionLogic, PageReading } from './page-logic';
import { StructElement, type StructureTree } from './structure-tree';

/** What a line of text is: content of an element, an artifact, or (untagged) nothing. */
export type LineMark = StructElement | 'artifact' | null;

export interface Tagger {
  readonly tagged: boolean;
  /** Call when a PDF page (a sheet) starts. */
  startSheet(): void;
  /** Sets up the display page's elements in reading order; call before painting it. */
  startPage(page: DisplayPage, reading: PageReading, toPdf: (x: number, y: number) => [number, number]): void;
  /** Wraps drawing that is not content (rules, boxes, marks) as an artifact. */
  artifact(content: string): string;
  line(line: DisplayLine, fromMaster: boolean): LineMark;
  figure(item: DisplayImage): StructElement | null;
  /** `BDC` that starts content of the element on the current page. */
  begin(element: StructElement): string;
}

export const untagged: Tagger = {
  tagged: false,
  startSheet: () => undefined,
  startPage: () => undefined,
  artifact: (content) => content,
  line: () => null,
  figure: () => null,
  begin: () => '',
};

export class StructureTagger implements Tagger {
  readonly tagged = true;
  private readonly articles = new Map<Id, StructElement>();
  private readonly blocks = new Map<string, StructElement>();
  private readonly captions = new Map<Id, StructElement>();
  private readonly figures = new Map<Id, StructElement>();

  constructor(
    private readonly logic: EditionLogic,
    private readonly tree: StructureTree,
  ) {}

  startSheet(): void {
    this.tree.startPage();
    this.figures.clear();
  }

  startPage(
    page: DisplayPage,
    reading: PageReading,
    toPdf: (x: number, y: number) => [number, number],
  ): void {
    // Elements are created in reading order so the tree reads like the page.
    for (const storyId of reading.stories) {
      if (this.logic.storyKind(storyId) !== 'article') continue;
      const art = this.article(storyId);
      const blocks = new Set<number>();
      for (const item of page.items) {
        if (item.kind !== 'text' || item.storyId !== storyId) continue;
        for (const line of item.lines) if (!line.generated) blocks.add(line.block);
      }
      for (const block of [...blocks].sort((a, b) => a - b)) this.block(art, storyId, block);
    }
    for (const item of page.items) {
      if (item.kind !== 'image' || !item.assetId) continue;
      const owner = reading.figureOwner.get(item.frameId);
      const captionId = reading.figureCaption.get(item.frameId);
      const [x0, y0] = toPdf(item.x, item.y + item.height);
      const [x1, y1] = toPdf(item.x + item.width, item.y);
      const figure = new StructElement('Figure', {
        alt: captionId ? this.storyText(captionId) : undefined,
        bbox: [x0, y0, x1, y1].map((v) => Math.round(v * 100) / 100),
      });
      (owner ? this.article(owner) : this.tree.root).add(figure);
      this.figures.set(item.frameId, figure);
      if (captionId && !this.captions.has(captionId))
        this.captions.set(captionId, figure.add(new StructElement('Caption')));
    }
  }

  artifact(content: string): string {
    return content ? `/Artifact BMC\n${content}EMC\n` : '';
  }

  line(line: DisplayLine, fromMaster: boolean): LineMark {
    const kind = this.logic.storyKind(line.storyId, fromMaster);
    // A jump line (转版) is pagination, not the article's text.
    if (kind === 'furniture' || line.generated) return 'artifact';
    if (kind === 'caption') {
      let caption = this.captions.get(line.storyId);
      if (!caption)
        this.captions.set(line.storyId, (caption = this.tree.root.add(new StructElement('Caption'))));
      return caption;
    }
    return this.block(this.article(line.storyId), line.storyId, line.block);
  }

  figure(item: DisplayImage): StructElement | null {
    return this.figures.get(item.frameId) ?? null;
  }

  begin(element: StructElement): string {
    return this.tree.begin(element);
  }

  private article(storyId: Id): StructElement {
    let art = this.articles.get(storyId);
    if (!art) {
      const name = this.logic.edition.stories[storyId]?.name;
      art = this.tree.root.add(new StructElement('Art', { title: name }));
      this.articles.set(storyId, art);
    }
    return art;
  }

  private block(art: StructElement, storyId: Id, block: number): StructElement {
    const key = `${storyId}\u0000${block}`;
    let element = this.blocks.get(key);
    if (!element)
      this.blocks.set(key, (element = art.add(new StructElement(this.logic.blockTag(storyId, block)))));
    return element;
  }

  private storyText(storyId: Id): string {
    const story = this.logic.edition.stories[storyId];
    return story ? story.blocks.map((b) => b.children.map((c) => c.text).join('')).join(' ') : '';
  }
}
