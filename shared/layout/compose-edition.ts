/**
 * composeEdition and Composition: the whole edition → the display list, and
 * after an edit, only what the edit changed.
 *
 * A Composition keeps, per story, the flow of its paragraphs through its
 * thread (the cursor before every paragraph and the lines placed), and per
 * page the DisplayPage built from those flows. `update(edition, change)`
 * recomposes the changed story from the edited paragraph on (stopping as
 * soon as a later paragraph starts where it did before with the same input),
 * then rebuilds only the text frames whose lines changed and the pages that
 * hold them; every other DisplayPage, DisplayTextFrame and DisplayLine keeps
 * its object identity, which the canvas uses to skip repainting.
 *
 * Deterministic: the same edition always gives a deep-equal display list,
 * and an incremental update gives the same list as composing from scratch.
 */
import type { Edition, Id, Story } from '../model/types';
import { createColorResolver } from './colors';
import type {
  DisplayItem,
  DisplayList,
  DisplayPage,
  DisplayTextFrame,
  FontFaceRef,
  MissingGlyph,
  StoryReport,
} from './display-list';
import { type FieldValues, formatEditionDate, fieldValues } from './flow/fields';
import { pageLabels } from '../model/plan';
import { boxItem, type ColorOf, imageItem, ruleItem } from './flow/frame-items';
import { buildParagraph, buildParagraphs, type FlowParagraph, paragraphGroups } from './flow/paragraphs';
import { collectJumpFonts, reserveJumpLines, withJumpLines } from './flow/jump-lines';
import { flowStory, type StoryFlow } from './flow/story-flow';
import {
  collectFonts,
  collectMissing,
  emptyReport,
  faceFromKey,
  frameEntries,
  sameEntries,
} from './flow/story-output';
import {
  indexFrames,
  isMasterStory,
  masterThread,
  type PageFrameIndex,
  pageThread,
} from './flow/story-setup';
import { type FrameLine, textFrameItem } from './flow/text-frame-item';
import type { ThreadFrame } from './flow/thread';
import type { ParagraphComposer } from './paragraph-types';

export interface ComposeOptions {
  /** How the date field prints (default: 2022年12月23日 星期五 / Friday, December 23, 2022). */
  formatDate?: (iso: string, language: 'zh-Hans' | 'en') => string;
  /** The face behind a glyph run's font key (default: composer.fontFace, else derived from the key). */
  fontFace?: (key: string) => FontFaceRef;
}

/** An edit to one story's text: `block` is the first block whose content changed. */
export interface StoryChange {
  storyId: Id;
  block: number;
}

/** A story composed through one thread (a page story, or a master story on one page). */
interface ComposedStory {
  story: Story;
  frames: ThreadFrame[];
  flow: StoryFlow;
  /** Lines per frame index, in reading order. */
  entries: FrameLine[][];
  pageIndex: number | null;
  /** Missing glyphs and font keys, worked out once per composed story. */
  missing?: MissingGlyph[];
  fontKeys?: Set<string>;
}

interface State {
  edition: Edition;
  index: PageFrameIndex;
  color: ColorOf;
  /** Page stories by story id. */
  stories: Map<string, ComposedStory>;
  /** Master stories by `${storyId}\u0000${pageIndex}`. */
  masterStories: Map<string, ComposedStory>;
  /** Text frame items by frame id (master frames: by `${frameId}\u0000${pageIndex}`). */
  textItems: Map<string, DisplayTextFrame>;
  pages: DisplayPage[];
  list: DisplayList;
  /** Field values per page index (they depend only on the edition's meta, plan and the page). */
  fields: Map<number, FieldValues>;
  /** Every page's printed number (plan.ts pageLabels), worked out on first use. */
  labels: string[] | null;
}

const masterKey = (id: string, pageIndex: number) => `${id}\u0000${pageIndex}`;

/** Composes a whole edition once. */
export function composeEdition(
  edition: Edition,
  composer: ParagraphComposer,
  options: ComposeOptions = {},
): DisplayList {
  return new Composition(composer, options).compose(edition);
}

export class Composition {
  private state: State | null = null;
  private readonly fontFaces = new Map<string, FontFaceRef>();

  constructor(
    private readonly composer: ParagraphComposer,
    private readonly options: ComposeOptions = {},
  ) {}

  /** The display list of the last compose or update. */
  get displayList(): DisplayList {
    if (!this.state) throw new Error('Composition: nothing composed yet; call compose(edition) first.');
    return this.state.list;
  }

  /** Composes the whole edition from scratch. */
  compose(edition: Edition): DisplayList {
    const index = indexFrames(edition);
    const color = createColorResolver(edition.styles.swatches);
    const state: State = {
      edition,
      index,
      color,
      stories: new Map(),
      masterStories: new Map(),
      textItems: new Map(),
      pages: [],
      list: { pages: [], stories: {}, missingGlyphs: [], fonts: {} },
      fields: new Map(),
      labels: null,
    };
    for (const story of Object.values(edition.stories)) {
      if (isMasterStory(story, index)) {
        edition.pages.forEach((page, pageIndex) => {
          const frames = masterThread(story, page, pageIndex, index);
          if (frames.length === 0) return;
          state.masterStories.set(
            masterKey(story.id, pageIndex),
            this.composeStory(state, story, frames, pageIndex),
          );
        });
      } else {
        state.labels ??= pageLabels(edition);
        const thread = pageThread(edition, story, index);
        const frames = reserveJumpLines(edition, thread, state.labels, this.paragraphContext(state, null));
        state.stories.set(story.id, this.composeStory(state, story, frames, frames[0]?.pageIndex ?? null));
      }
    }
    state.pages = edition.pages.map((_, pageIndex) => this.buildPage(state, pageIndex));
    state.list = this.assemble(state);
    this.state = state;
    return state.list;
  }

  /**
   * The display list after `edition` replaced the previous one with only the
   * text of `change.storyId` changed from block `change.block` on. Without a
   * change, or when pages, masters, styles, assets or metadata are not the
   * same objects as before (operations replace what they change), everything
   * is recomposed.
   */
  update(edition: Edition, change?: StoryChange): DisplayList {
    const state = this.state;
    const previous = state?.edition;
    if (
      !state ||
      !previous ||
      !change ||
      previous.pages !== edition.pages ||
      previous.masters !== edition.masters ||
      previous.styles !== edition.styles ||
      previous.assets !== edition.assets ||
      previous.meta !== edition.meta ||
      previous.plan !== edition.plan ||
      !edition.stories[change.storyId] ||
      !previous.stories[change.storyId] ||
      !sameThread(previous.stories[change.storyId], edition.stories[change.storyId])
    ) {
      return this.compose(edition);
    }
    const story = edition.stories[change.storyId];
    state.edition = edition;
    const changedPages = new Set<number>();
    const old = state.stories.get(story.id);
    if (old) {
      const next = this.recomposeStory(state, old, story, change.block);
      state.stories.set(story.id, next);
      this.refreshFrames(state, old, next, changedPages, null);
    } else {
      edition.pages.forEach((_, pageIndex) => {
        const key = masterKey(story.id, pageIndex);
        const before = state.masterStories.get(key);
        if (!before) return;
        const next = this.recomposeStory(state, before, story, change.block);
        state.masterStories.set(key, next);
        this.refreshFrames(state, before, next, changedPages, pageIndex);
      });
    }
    if (changedPages.size > 0) {
      state.pages = state.pages.map((page, pageIndex) =>
        changedPages.has(pageIndex) ? this.buildPage(state, pageIndex) : page,
      );
    }
    state.list = this.assemble(state);
    return state.list;
  }

  private paragraphContext(state: State, pageIndex: number | null) {
    const { edition } = state;
    const page = pageIndex === null ? edition.pages[0] : edition.pages[pageIndex];
    const formatDate = this.options.formatDate ?? formatEditionDate;
    const index = pageIndex ?? 0;
    let fields = state.fields.get(index) ?? null;
    if (!fields && page) {
      state.labels ??= pageLabels(edition);
      fields = fieldValues(edition, page, index, formatDate, state.labels);
      state.fields.set(index, fields);
    }
    return { styles: edition.styles, color: state.color, fields };
  }

  private composeStory(
    state: State,
    story: Story,
    frames: ThreadFrame[],
    pageIndex: number | null,
  ): ComposedStory {
    const paragraphs = buildParagraphs(story.blocks, this.paragraphContext(state, pageIndex));
    const flow = flowStory(story.id, { frames, composer: this.composer }, paragraphs);
    const entries = withJumpLines(frameEntries(flow, frames.length), frames, this.composer);
    return { story, frames, flow, entries, pageIndex };
  }

  private recomposeStory(
    state: State,
    old: ComposedStory,
    story: Story,
    changedBlock: number,
  ): ComposedStory {
    // A change that names no sensible block recomposes the story from its first paragraph.
    const block = Number.isFinite(changedBlock) ? Math.max(0, Math.floor(changedBlock)) : 0;
    const groups = paragraphGroups(story.blocks, state.edition.styles);
    let first = groups.findIndex(([, last]) => last >= block);
    if (first < 0) first = groups.length;
    const context = this.paragraphContext(state, old.pageIndex);
    const oldParagraphs = old.flow.paragraphs;
    const paragraphs: FlowParagraph[] = groups.map(([from, to], i) => {
      const reuse = i < first - 1 ? oldParagraphs[i]?.paragraph : undefined;
      if (reuse && reuse.firstBlock === from && reuse.lastBlock === to) return reuse;
      return buildParagraph(story.blocks, from, to, context);
    });
    // Paragraphs before the change are reused only if the grouping before it is unchanged.
    let safeFirst = first;
    for (let i = 0; i < Math.min(first, oldParagraphs.length); i++) {
      if (paragraphs[i] !== oldParagraphs[i].paragraph && i < first - 1) {
        safeFirst = 0;
        break;
      }
    }
    const flow = flowStory(
      story.id,
      { frames: old.frames, composer: this.composer },
      paragraphs,
      old.flow,
      safeFirst,
    );
    return {
      story,
      frames: old.frames,
      flow,
      entries: withJumpLines(frameEntries(flow, old.frames.length), old.frames, this.composer),
      pageIndex: old.pageIndex,
    };
  }

  /** Rebuilds the text items of frames whose lines or overset flag changed; notes their pages. */
  private refreshFrames(
    state: State,
    before: ComposedStory,
    after: ComposedStory,
    changedPages: Set<number>,
    masterPage: number | null,
  ): void {
    const wasOverset = before.flow.oversetCharacters > 0 || before.flow.oversetLines > 0;
    const isOverset = after.flow.oversetCharacters > 0 || after.flow.oversetLines > 0;
    after.frames.forEach((frame, i) => {
      const last = i === after.frames.length - 1;
      const same = sameEntries(before.entries[i], after.entries[i]) && (!last || wasOverset === isOverset);
      if (same) return;
      const key = masterPage === null ? frame.frame.id : masterKey(frame.frame.id, masterPage);
      state.textItems.set(
        key,
        textFrameItem(
          frame.frame,
          masterPage !== null,
          after.story.id,
          after.entries[i],
          last && isOverset,
          state.color,
        ),
      );
      changedPages.add(frame.pageIndex);
    });
  }

  /** The text item of a frame on a page, composing it if not cached. */
  private textItem(state: State, frameId: string, pageIndex: number, fromMaster: boolean): DisplayTextFrame {
    const key = fromMaster ? masterKey(frameId, pageIndex) : frameId;
    const cached = state.textItems.get(key);
    if (cached) return cached;
    const entry = fromMaster ? state.index.masterFrames.get(frameId) : state.index.pageFrames.get(frameId);
    const frame = entry!.frame;
    if (frame.kind !== 'text') throw new Error(`frame ${frameId} is not a text frame`);
    const storyId = state.index.owner.get(frameId) ?? null;
    const composed = storyId
      ? fromMaster
        ? state.masterStories.get(masterKey(storyId, pageIndex))
        : state.stories.get(storyId)
      : undefined;
    const frameIndex = composed ? composed.frames.findIndex((f) => f.frame.id === frameId) : -1;
    const entries = composed && frameIndex >= 0 ? composed.entries[frameIndex] : [];
    const overset =
      !!composed &&
      frameIndex === composed.frames.length - 1 &&
      (composed.flow.oversetCharacters > 0 || composed.flow.oversetLines > 0);
    const item = textFrameItem(
      frame,
      fromMaster,
      composed ? storyId : storyId,
      entries,
      overset,
      state.color,
    );
    state.textItems.set(key, item);
    return item;
  }

  private buildPage(state: State, pageIndex: number): DisplayPage {
    const { edition, index, color } = state;
    const page = edition.pages[pageIndex];
    const masterCount = index.painted[pageIndex].length - page.frames.length;
    const items: DisplayItem[] = index.painted[pageIndex].map((frame, i) => {
      const fromMaster = i < masterCount;
      switch (frame.kind) {
        case 'box':
          return boxItem(frame, fromMaster, color);
        case 'rule':
          return ruleItem(frame, fromMaster, color);
        case 'image':
          return imageItem(frame, fromMaster, edition.assets, color);
        case 'text':
          return this.textItem(state, frame.id, pageIndex, fromMaster);
      }
    });
    return {
      pageId: page.id,
      index: pageIndex,
      width: page.size.width,
      height: page.size.height,
      bleed: page.bleed,
      margins: page.margins,
      columns: page.columns,
      gutter: page.gutter,
      items,
    };
  }

  private assemble(state: State): DisplayList {
    const stories: Record<Id, StoryReport> = {};
    const missingGlyphs: MissingGlyph[] = [];
    const fontKeys = new Set<string>();
    for (const story of Object.values(state.edition.stories)) {
      const composed = state.stories.get(story.id);
      const instances = composed
        ? [composed]
        : state.edition.pages
            .map((_, pageIndex) => state.masterStories.get(masterKey(story.id, pageIndex)))
            .filter((c): c is ComposedStory => c !== undefined);
      if (instances.length === 0) {
        // A master story on no page: nothing set, nothing overset.
        stories[story.id] = emptyReport(story.id);
        continue;
      }
      stories[story.id] = instances[0].flow.report;
      for (const instance of instances) {
        if (!instance.missing) {
          instance.missing = [];
          collectMissing(instance, instance.missing);
        }
        if (!instance.fontKeys) {
          instance.fontKeys = new Set();
          collectFonts(instance.flow, instance.fontKeys);
          collectJumpFonts(instance.entries, instance.fontKeys);
        }
        for (const m of instance.missing) missingGlyphs.push(m);
        for (const key of instance.fontKeys) fontKeys.add(key);
      }
    }
    const fonts: Record<string, FontFaceRef> = {};
    for (const key of [...fontKeys].sort()) fonts[key] = this.faceRef(key);
    return { pages: state.pages, stories, missingGlyphs, fonts };
  }

  private faceRef(key: string): FontFaceRef {
    let face = this.fontFaces.get(key);
    if (!face) {
      const lookup = this.options.fontFace ?? this.composer.fontFace?.bind(this.composer);
      try {
        face = lookup ? lookup(key) : faceFromKey(key);
      } catch {
        face = faceFromKey(key);
      }
      this.fontFaces.set(key, face);
    }
    return face;
  }
}

function sameThread(a: Story, b: Story): boolean {
  return a.thread.length === b.thread.length && a.thread.every((id, i) => id === b.thread[i]);
}
