/**
 * What auto-layout works on, read from the edition: the stories of the page
 * (the plan's assignments, or else the stories already on the page), their
 * weight and photos, and the free part of the page's type area — the
 * columns below a banner and above an ad band, with corner ads as blocked
 * rectangles. Frames that stay (banner, ads, locked frames, other stories'
 * frames, the master) are left alone; the frames of the stories placed, their
 * photos, captions and the rules between them are replaced.
 */
import type { Edition, Frame, Id, ImageFrame, Page, Story, StoryWeight } from '../../model/types';
import { assignmentsOnPage } from '../../model/plan';
import { resolveParagraphStyle } from '../../model/styles';
import type { PageInput, PhotoInput, StoryInput } from './types';

/** Why auto-layout cannot work on a page: the app words it in the UI language from these. */
export type AutoLayoutReason = 'no-page' | 'no-stories' | 'runs-on' | 'too-many' | 'no-room';

/** A page that auto-layout cannot work on: the reason (for the app) and the same in English words (the CLI). */
export class AutoLayoutError extends Error {
  constructor(
    readonly reason: AutoLayoutReason,
    readonly values: Record<string, string | number>,
    message: string,
  ) {
    super(message);
    this.name = 'AutoLayoutError';
  }
}

const DEFAULT_ASPECT = 2 / 3;
/** Stories with fewer body characters than this, on a page without a plan, are briefs. */
const BRIEF_CHARACTERS = 500;

const textOf = (story: Story, roles: readonly string[] | null = null) =>
  story.blocks
    .filter((b) => roles === null || roles.includes(b.type))
    .map((b) => b.children.map((c) => c.text).join(''))
    .join('');

const center = (f: Frame) => ({ x: f.x + f.width / 2, y: f.y + f.height / 2 });
const inside = (p: { x: number; y: number }, f: Frame) =>
  p.x >= f.x && p.x <= f.x + f.width && p.y >= f.y && p.y <= f.y + f.height;

function aspectOf(edition: Edition, assetId: Id | null): number {
  const asset = assetId ? edition.assets[assetId] : undefined;
  return asset && asset.widthPx > 0 && asset.heightPx > 0 ? asset.heightPx / asset.widthPx : DEFAULT_ASPECT;
}

/** Stories set only in roles that are page furniture (banner, folio line) stay where they are. */
const isFurniture = (story: Story) =>
  story.blocks.length > 0 && story.blocks.every((b) => b.type === 'banner' || b.type === 'folio');

/** The story's text frames on the page, or null when the story also runs on another page (it stays). */
function framesOnPage(edition: Edition, page: Page, story: Story): Id[] | null {
  const here = new Set(page.frames.map((f) => f.id));
  const on = story.thread.filter((id) => here.has(id));
  return on.length === story.thread.length ? on : null;
}

function guessWeights(edition: Edition, stories: Story[]): StoryWeight[] {
  const body = stories.map((s) => textOf(s, ['body', 'lead-in', 'section-head']).length);
  // The lead: the story whose headline is set largest, the longest among equals.
  const headSize = stories.map((s) => {
    const head = s.blocks.find((b) => b.type === 'headline');
    return head ? resolveParagraphStyle(edition.styles, head).fontSize : 0;
  });
  let lead = 0;
  stories.forEach((_, i) => {
    if (headSize[i] > headSize[lead] || (headSize[i] === headSize[lead] && body[i] > body[lead])) lead = i;
  });
  return stories.map((_, i) => (i === lead ? 'lead' : body[i] < BRIEF_CHARACTERS ? 'brief' : 'second'));
}

const WEIGHT_ORDER: Record<StoryWeight, number> = { lead: 0, second: 1, brief: 2 };

export function readPageInput(edition: Edition, pageIndex: number): PageInput {
  const page = edition.pages[pageIndex];
  if (!page)
    throw new AutoLayoutError(
      'no-page',
      { page: pageIndex + 1 },
      `there is no page ${pageIndex + 1} (the edition has ${edition.pages.length})`,
    );
  const step =
    page.baselineGrid?.increment ?? resolveParagraphStyle(edition.styles, { type: 'body' }).leading;
  const captionIds = new Set(
    page.frames
      .filter((f): f is ImageFrame => f.kind === 'image' && !!f.captionStoryId)
      .map((f) => f.captionStoryId!),
  );
  const frameOwner = new Map<Id, Id>();
  for (const story of Object.values(edition.stories))
    for (const id of story.thread) frameOwner.set(id, story.id);

  // The stories: the plan's, else those on the page.
  const assignments = assignmentsOnPage(edition, page.id);
  let source: PageInput['source'] = 'plan';
  let chosen: { story: Story; weight: StoryWeight; planned: PhotoInput[] | null }[];
  if (assignments.length > 0) {
    chosen = assignments.map((a) => ({
      story: edition.stories[a.storyId],
      weight: a.weight,
      planned: a.photos.map((p) => ({
        frameId: null,
        assetId: p.assetId,
        captionStoryId: p.captionStoryId,
        aspect: aspectOf(edition, p.assetId),
      })),
    }));
  } else {
    source = 'page';
    const onPage = Object.values(edition.stories).filter(
      (s) =>
        !captionIds.has(s.id) &&
        !isFurniture(s) &&
        s.thread.some((id) => page.frames.some((f) => f.id === id)) &&
        framesOnPage(edition, page, s) !== null,
    );
    const weights = guessWeights(edition, onPage);
    chosen = onPage
      .map((story, i) => ({ story, weight: weights[i], planned: null, i }))
      .sort((a, b) => WEIGHT_ORDER[a.weight] - WEIGHT_ORDER[b.weight] || a.i - b.i);
  }
  if (chosen.length === 0)
    throw new AutoLayoutError(
      'no-stories',
      { page: pageIndex + 1 },
      `page ${pageIndex + 1} has no stories to lay out`,
    );
  for (const c of chosen) {
    if (framesOnPage(edition, page, c.story) === null)
      throw new AutoLayoutError(
        'runs-on',
        { story: c.story.name },
        `story '${c.story.name}' also runs on another page; auto-layout places whole stories only`,
      );
  }

  const replaced = new Set<Id>();
  const storyFrames = new Map<Id, Frame[]>();
  for (const c of chosen) {
    const frames = page.frames.filter((f) => c.story.thread.includes(f.id));
    storyFrames.set(c.story.id, frames);
    for (const f of frames) replaced.add(f.id);
  }

  // Photos: the plan's (matched to frames already on the page by caption or
  // asset), else the unlocked image frames on the page, each with the story
  // whose frame holds it (or the nearest).
  const images = page.frames.filter((f): f is ImageFrame => f.kind === 'image' && !f.locked);
  const used = new Set<Id>();
  const stories: StoryInput[] = chosen.map((c) => ({ storyId: c.story.id, weight: c.weight, photos: [] }));
  if (source === 'plan') {
    chosen.forEach((c, i) => {
      for (const p of c.planned ?? []) {
        const frame = images.find(
          (f) =>
            !used.has(f.id) &&
            ((p.captionStoryId && f.captionStoryId === p.captionStoryId) ||
              (p.assetId && f.assetId === p.assetId)),
        );
        if (frame) used.add(frame.id);
        stories[i].photos.push({
          ...p,
          frameId: frame?.id ?? null,
          assetId: p.assetId ?? frame?.assetId ?? null,
        });
      }
    });
  } else {
    for (const image of images) {
      if (frameOwner.has(image.id)) continue;
      const c = center(image);
      let best = -1;
      let bestDistance = Infinity;
      chosen.forEach((s, i) => {
        for (const f of storyFrames.get(s.story.id) ?? []) {
          const d = inside(c, f) ? 0 : Math.hypot(c.x - center(f).x, c.y - center(f).y);
          if (d < bestDistance) {
            bestDistance = d;
            best = i;
          }
        }
      });
      if (best < 0) continue;
      used.add(image.id);
      stories[best].photos.push({
        frameId: image.id,
        assetId: image.assetId,
        captionStoryId: image.captionStoryId,
        aspect: aspectOf(edition, image.assetId),
      });
    }
  }
  for (const s of stories) {
    for (const p of s.photos) {
      if (p.frameId) replaced.add(p.frameId);
      const caption = p.captionStoryId ? edition.stories[p.captionStoryId] : undefined;
      if (caption)
        for (const id of caption.thread) if (page.frames.some((f) => f.id === id)) replaced.add(id);
    }
  }

  // The free region: the type area less what stays.
  const left = page.margins.left;
  const width = page.size.width - page.margins.left - page.margins.right;
  const columnWidth = (width - (page.columns - 1) * page.gutter) / page.columns;
  let top = page.margins.top;
  let bottom = page.size.height - page.margins.bottom;
  const areaTop = top;
  const areaBottom = bottom;
  const middle = (top + bottom) / 2;
  const corner: { column: number; columns: number; top: number; bottom: number }[] = [];
  for (const f of page.frames) {
    if (f.kind === 'rule') {
      // Rules between the modules go with them; a locked rule stays.
      if (!f.locked && f.y >= top - 1 && f.y + f.height <= bottom + 1) replaced.add(f.id);
      continue;
    }
    if (replaced.has(f.id)) continue;
    const overlapsArea =
      f.x < left + width && f.x + f.width > left && f.y < areaBottom && f.y + f.height > areaTop;
    if (!overlapsArea) continue;
    if (f.width >= width * 0.75) {
      if (center(f).y < middle) top = Math.max(top, f.y + f.height + step);
      else bottom = Math.min(bottom, f.y - step);
      continue;
    }
    const first = Math.max(0, Math.floor((f.x - left + page.gutter / 2) / (columnWidth + page.gutter)));
    const last = Math.min(
      page.columns - 1,
      Math.floor((f.x + f.width - left - page.gutter / 2 - 0.01) / (columnWidth + page.gutter)),
    );
    corner.push({ column: first, columns: last - first + 1, top: f.y - step, bottom: f.y + f.height });
  }
  const blocked = corner.filter((b) => b.bottom > top && b.top < bottom);
  // Blocked rectangles must stand on the region's foot (ads at the bottom
  // corners); anything else cuts the region above it.
  for (const b of blocked) {
    if (b.bottom < bottom - step) top = Math.max(top, b.bottom + step);
  }
  // Module tops keep the phase of the baseline grid: a module's first body
  // line then sits on the grid line right under its top, as in every other module.
  if (page.baselineGrid) {
    const body = resolveParagraphStyle(edition.styles, { type: 'body' });
    const phase = page.baselineGrid.start - body.fontSize * 0.88;
    top = phase + Math.ceil((top - phase) / step - 1e-6) * step;
  }
  const foot = blocked.filter((b) => b.bottom >= bottom - step && b.top > top);
  if (bottom - top < step * 8)
    throw new AutoLayoutError(
      'no-room',
      { page: pageIndex + 1 },
      `page ${pageIndex + 1} has no free room for modules`,
    );

  return {
    pageIndex,
    pageId: page.id,
    region: { x: left, y: top, width, height: bottom - top },
    firstColumn: 0,
    columns: page.columns,
    columnWidth,
    gutter: page.gutter,
    step,
    blocked: foot.map((b) => ({ ...b, top: Math.max(b.top, top), bottom })),
    stories,
    replacedFrameIds: page.frames.filter((f) => replaced.has(f.id)).map((f) => f.id),
    source,
  };
}
