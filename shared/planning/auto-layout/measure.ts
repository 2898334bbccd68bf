/**
 * What each story needs at each module width, measured by the composer:
 * the story set alone in a text frame of that width (trials.ts), its
 * balanced columns' foot read back as the height it needs, the room its
 * balanced columns leave, and its headline's lines; captions the same at
 * their photo's width. Every width of every story is one trial, all in one
 * composition.
 */
import type { Edition, Page } from '../../model/types';
import type { ParagraphComposer } from '../../layout/paragraph-types';
import { createTextFrame } from '../../model/factories';
import type { LeafOption } from './partition';
import type { PageInput, PhotoInput } from './types';
import { composeTrials, headlineLines, roomUnderColumns, textBottom, type Trial } from './trials';
import {
  MIN_COLUMNS,
  PHOTO_GAP,
  leadMinColumns,
  besideColumns,
  photoRange,
  spanWidth,
  stepsFor,
} from './geometry';

export interface ModuleOption extends LeafOption {
  placement: 'none' | 'under' | 'beside';
  photoColumns: number;
}

export interface WidthMeasure {
  /** Steps the text needs at this width, without photos (Infinity: more than the region holds). */
  textSteps: number;
  /** Empty line-columns its balanced columns leave at that height. */
  room: number;
  headlineLines: number;
  options: ModuleOption[];
}

export interface StoryMeasure {
  byWidth: Map<number, WidthMeasure>;
}

export interface Measures {
  stories: StoryMeasure[];
  /** Caption height (points, frame top to last em box + 1 pt) of a photo at a width. */
  captionHeight: (photo: PhotoInput, width: number) => number;
  /** Room given for a headline over two lines, in line-columns. */
  longHeadlinePenalty: number;
}

/** Share of the region's column area a headline over two lines costs in the search (3 %: the score's weight). */
const LONG_HEADLINE_SHARE = 0.03;

export function measureStories(
  edition: Edition,
  page: Page,
  input: PageInput,
  composer: ParagraphComposer,
): Measures {
  const { region, step, columns } = input;
  const trials: Trial[] = [];
  const index: { story: number; width: number }[] = [];
  input.stories.forEach((s, i) => {
    const min = s.weight === 'lead' ? leadMinColumns(columns) : MIN_COLUMNS;
    for (let w = Math.min(min, columns); w <= columns; w++) {
      const frame = createTextFrame(
        'text',
        { x: region.x, y: region.y, width: spanWidth(input, w), height: region.height },
        { columns: w, gutter: input.gutter },
      );
      trials.push({ frames: [frame], threads: { [s.storyId]: [frame.id] } });
      index.push({ story: i, width: w });
    }
  });
  // Captions at every width a photo may take.
  const captionKey = (photo: PhotoInput, w: number) => `${photo.captionStoryId}@${w}`;
  const captionTrial = new Map<string, number>();
  for (const s of input.stories) {
    for (const photo of s.photos) {
      if (!photo.captionStoryId || !edition.stories[photo.captionStoryId]) continue;
      for (let w = 1; w <= columns; w++) {
        const key = captionKey(photo, w);
        if (captionTrial.has(key)) continue;
        const frame = createTextFrame(
          'caption',
          { x: region.x, y: region.y, width: spanWidth(input, w), height: region.height },
          { alignToGrid: false, ignoreWrap: true },
        );
        captionTrial.set(key, trials.length);
        trials.push({ frames: [frame], threads: { [photo.captionStoryId]: [frame.id] } });
      }
    }
  }
  const results = composeTrials(edition, page, trials, composer);
  const captionHeights = new Map<string, number>();
  for (const [key, t] of captionTrial) {
    const r = results[t].get('caption')!;
    captionHeights.set(key, r.overset ? Infinity : textBottom(r.item) - r.item.y + 1);
  }
  const captionHeight = (photo: PhotoInput, w: number) =>
    photo.captionStoryId ? (captionHeights.get(captionKey(photo, w)) ?? 0) : 0;
  const block = (photos: readonly PhotoInput[], w: number, which: 'min' | 'max') =>
    photos.reduce(
      (h, p) => h + PHOTO_GAP + photoRange(p.aspect, spanWidth(input, w))[which] + captionHeight(p, w),
      0,
    );

  const totalSteps = Math.floor(region.height / step + 1e-3);
  const longHeadlinePenalty = LONG_HEADLINE_SHARE * columns * totalSteps;
  const stories: StoryMeasure[] = input.stories.map(() => ({ byWidth: new Map() }));
  index.forEach(({ story, width: w }, t) => {
    const r = results[t].get('text')!;
    const s = input.stories[story];
    const storyModel = edition.stories[s.storyId];
    const measure: WidthMeasure = { textSteps: Infinity, room: 0, headlineLines: 0, options: [] };
    stories[story].byWidth.set(w, measure);
    if (r.overset) return;
    const T = stepsFor(textBottom(r.item) - r.item.y, step);
    const room = roomUnderColumns(r.item, step, (c) => c.y + T * step).reduce((a, b) => a + b, 0);
    const lines = headlineLines(r.item, storyModel);
    const penalty = lines > 2 ? longHeadlinePenalty : 0;
    Object.assign(measure, { textSteps: T, room, headlineLines: lines });
    if (s.photos.length === 0) {
      measure.options.push({ lo: T, hi: T, base: room, penalty, placement: 'none', photoColumns: 0 });
      return;
    }
    if (w <= 4) {
      // Photos under the text, across the module: the text frame keeps its
      // height, the photos take the rest (cropped within their range).
      const lo = stepsFor(T * step + block(s.photos, w, 'min'), step);
      const hi = Math.max(lo, Math.floor((T * step + block(s.photos, w, 'max')) / step + 1e-3));
      if (Number.isFinite(lo))
        measure.options.push({ lo, hi, base: room, penalty, placement: 'under', photoColumns: w });
    }
    if (w >= 4) {
      // Photos in the module's right columns at its foot, the text around
      // them: the text's line-columns plus the photos' give the height; the
      // photo's crop is fitted by the composer when the page is built.
      const pc = besideColumns(w);
      const text = T * w - room;
      const min = block(s.photos, pc, 'min');
      const max = block(s.photos, pc, 'max');
      const head = Math.ceil(stepsFor(min, step)) + 3;
      const lo = Math.max(head, Math.ceil((text + (pc * min) / step) / w) + 1);
      const hi = Math.max(lo, Math.floor((text + (pc * max) / step) / w));
      if (Number.isFinite(lo))
        measure.options.push({ lo, hi, base: room, penalty, placement: 'beside', photoColumns: pc });
    }
  });
  return { stories, captionHeight, longHeadlinePenalty };
}
