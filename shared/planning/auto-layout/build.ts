/**
 * A partition tree made into frames: each leaf a story's module — one text
 * frame over its columns (headline across, body in the columns, balanced by
 * the composer), its photos with their captions either under the text
 * across the module or in its right-hand columns at the foot with the text
 * around them — and thin rules in the gaps between modules.
 */
import type { Edition, Frame, Id, ImageFrame, Page, Pt, TextFrame } from '../../model/types';
import { createImageFrame, createRuleFrame, createTextFrame } from '../../model/factories';
import { fillProportionally } from '../../editing/image-fit';
import type { Tree } from './partition';
import type { Measures, ModuleOption } from './measure';
import type { Module, PageInput, PhotoInput } from './types';
import { GAP_STEPS, PHOTO_GAP, columnX, photoRange, spanWidth } from './geometry';

export interface PlacedModule extends Module {
  option: ModuleOption;
  /** Photo heights in points, in the story's photo order (beside: fitted later). */
  photoHeights: Pt[];
}

/** Walks the tree: every leaf's module on the page, and the rules between parts. */
export function layModules(
  tree: Tree,
  input: PageInput,
  measures: Measures,
  origin: { column: number; step: number },
): { modules: PlacedModule[]; rules: { x: Pt; y: Pt; width: Pt; height: Pt }[] } {
  const { region, step } = input;
  const totalSteps = Math.floor(region.height / step + 1e-3);
  const bottomOf = (topStep: number, steps: number) =>
    topStep + steps >= totalSteps ? region.y + region.height : region.y + (topStep + steps) * step;
  const modules: PlacedModule[] = [];
  const rules: { x: Pt; y: Pt; width: Pt; height: Pt }[] = [];
  const walk = (t: Tree, column: number, topStep: number) => {
    if (t.kind === 'leaf') {
      const story = input.stories[t.story];
      const option = measures.stories[t.story].byWidth.get(t.width)!.options[t.option];
      const top = region.y + topStep * step;
      const height = bottomOf(topStep, t.height) - top;
      modules.push({
        storyId: story.storyId,
        column,
        columns: t.width,
        x: columnX(input, column),
        width: spanWidth(input, t.width),
        top,
        height,
        steps: t.height,
        photoPlacement: option.placement,
        photoColumns: option.photoColumns,
        option,
        photoHeights: underPhotoHeights(input, measures, story.photos, t, height),
      });
      return;
    }
    walk(t.first, column, topStep);
    if (t.kind === 'down') {
      const w1 = t.first.width;
      walk(t.second, column + w1, topStep);
      const top = region.y + topStep * step;
      rules.push({
        x: columnX(input, column + w1) - input.gutter / 2,
        y: top,
        width: 0,
        height: bottomOf(topStep, t.height) - top,
      });
    } else {
      const h1 = t.first.height;
      walk(t.second, column, topStep + h1 + GAP_STEPS);
      rules.push({
        x: columnX(input, column),
        y: region.y + (topStep + h1 + GAP_STEPS / 2) * step,
        width: spanWidth(input, t.width),
        height: 0,
      });
    }
  };
  walk(tree, origin.column, origin.step);
  return { modules, rules };
}

/** Photos under the text: the room below the text shared among them, each within its crop range. */
function underPhotoHeights(
  input: PageInput,
  measures: Measures,
  photos: readonly PhotoInput[],
  t: Extract<Tree, { kind: 'leaf' }>,
  height: Pt,
): Pt[] {
  const width = spanWidth(input, t.width);
  const ranges = photos.map((p) => photoRange(p.aspect, width));
  const option = measures.stories[t.story].byWidth.get(t.width)!;
  const fixed = photos.reduce((h, p) => h + PHOTO_GAP + measures.captionHeight(p, t.width), 0);
  const room = height - option.textSteps * input.step - fixed;
  return spread(ranges, room);
}

/** Heights within their ranges that add up to `room` where they can (the same share of each range). */
export function spread(ranges: readonly { min: Pt; max: Pt }[], room: Pt): Pt[] {
  const min = ranges.reduce((a, r) => a + r.min, 0);
  const max = ranges.reduce((a, r) => a + r.max, 0);
  const share = max > min ? Math.min(1, Math.max(0, (room - min) / (max - min))) : 0;
  return ranges.map((r) => r.min + share * (r.max - r.min));
}

export interface FrameIds {
  /** The story's text frame id (its first frame today, else a new one). */
  text: (storyId: Id) => Id;
  /** The caption story's frame id. */
  caption: (captionStoryId: Id) => Id;
  /** A new id for a rule or a photo without a frame yet. */
  fresh: () => Id;
}

/** A module's frames: text frame, then photos and captions. */
export function moduleFrames(
  edition: Edition,
  page: Page,
  input: PageInput,
  measures: Measures,
  module: PlacedModule,
  ids: FrameIds,
  photoIds: Map<PhotoInput, Id>,
): { frames: Frame[]; threads: Record<Id, Id[]> } {
  const story = input.stories.find((s) => s.storyId === module.storyId)!;
  const x = columnX(input, module.column);
  const width = spanWidth(input, module.columns);
  const frames: Frame[] = [];
  const threads: Record<Id, Id[]> = {};
  const textId = ids.text(story.storyId);
  const name = edition.stories[story.storyId]?.name ?? story.storyId;
  const existing = page.frames.find((f): f is TextFrame => f.id === textId && f.kind === 'text');
  const placement = module.photoPlacement;
  const photoWidth = placement === 'beside' ? spanWidth(input, module.photoColumns) : width;
  const photoX = x + width - photoWidth;
  const captionColumns = placement === 'beside' ? module.photoColumns : module.columns;
  const block = story.photos.reduce(
    (h, p, k) => h + PHOTO_GAP + module.photoHeights[k] + measures.captionHeight(p, captionColumns),
    0,
  );
  const textHeight = placement === 'under' ? module.height - block : module.height;
  frames.push(
    createTextFrame(
      textId,
      { x, y: module.top, width, height: textHeight },
      {
        ...(existing ? { inset: existing.inset, fill: existing.fill, stroke: existing.stroke } : {}),
        name,
        columns: module.columns,
        gutter: input.gutter,
      },
    ),
  );
  threads[story.storyId] = [textId];
  let y = module.top + module.height - block;
  story.photos.forEach((photo, k) => {
    y += PHOTO_GAP;
    const h = module.photoHeights[k];
    const id = photoIds.get(photo)!;
    const old = page.frames.find((f): f is ImageFrame => f.id === id && f.kind === 'image');
    const asset = photo.assetId ? edition.assets[photo.assetId] : undefined;
    const wrap =
      placement === 'beside'
        ? { mode: 'box' as const, offsets: { top: PHOTO_GAP, right: 0, bottom: 0, left: input.gutter - 0.5 } }
        : { mode: 'none' as const, offsets: { top: 0, right: 0, bottom: 0, left: 0 } };
    const geometry = { x: photoX, y, width: photoWidth, height: h };
    frames.push(
      createImageFrame(id, geometry, {
        name: old?.name ?? (photo.captionStoryId ? (edition.stories[photo.captionStoryId]?.name ?? '') : ''),
        assetId: photo.assetId,
        captionStoryId: photo.captionStoryId,
        stroke: old?.stroke ?? null,
        wrap,
        fit: 'fill-proportional',
        content: asset ? fillProportionally(geometry, asset) : { x: 0, y: 0, scale: 1 },
      }),
    );
    y += h;
    if (!photo.captionStoryId || !edition.stories[photo.captionStoryId]) return;
    const ch = measures.captionHeight(photo, captionColumns);
    const captionId = ids.caption(photo.captionStoryId);
    frames.push(
      createTextFrame(
        captionId,
        { x: photoX, y, width: photoWidth, height: ch },
        {
          name: edition.stories[photo.captionStoryId].name,
          alignToGrid: false,
          ignoreWrap: true,
          wrap: { mode: wrap.mode, offsets: { ...wrap.offsets, top: 0 } },
        },
      ),
    );
    threads[photo.captionStoryId] = [captionId];
    y += ch;
  });
  return { frames, threads };
}

export function ruleFrame(id: Id, rule: { x: Pt; y: Pt; width: Pt; height: Pt }, zh: boolean): Frame {
  return createRuleFrame(id, rule, { name: zh ? '分隔线' : 'Rule' });
}
