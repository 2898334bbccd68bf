/**
 * The default template: imported stories placed on broadsheet pages, so an
 * imported file can be laid out and exported at once.
 *
 * - The master page carries the folio line (报眉) with field leaves.
 * - A page banner, when the copy has one, runs across the top in its own frame.
 * - The first story is the lead: one text frame across the full type area.
 * - The other stories sit below it in modules (bands of side-by-side
 *   rectangles of whole columns; see bands.ts), sized from their estimated
 *   text (estimate.ts) and stretched to fill the page.
 * - Each story is ONE text frame with as many columns as its module: its
 *   headline, kicker, subheadline and byline styles span all columns
 *   (ParagraphStyle.spanColumns = 'all'), so the headline sits over its body
 *   in the same thread and the body cannot slip into a separate head frame.
 * - A story's photos go under its text, the module's width, each with its
 *   caption story in a text frame right under the photo (ImageFrame.captionStoryId);
 *   a picture the copy held without a caption gets a photo frame alone.
 * - Thin rules separate bands and the modules within them.
 * Stories that do not fit a page go on to the next page.
 */
import type {
  Edition,
  EditionMeta,
  Id,
  ImageFrame,
  Page,
  ParagraphStyle,
  Pt,
  Story,
  StoryBlock,
} from '../model/types';
import { createEmptyEdition, roleStyleId } from '../model/defaults';
import { createImageFrame, createPage, createRuleFrame, createTextFrame } from '../model/factories';
import { type IdGenerator, newId } from '../model/ids';
import { type PagePresetId, getPagePreset } from '../model/presets';
import { frameTopGap, resolveParagraphStyle, spaceBefore } from '../model/styles';
import type { ImportedStory } from '../import/types';
import { runsText } from '../import/runs';
import { estimateParagraphHeight, estimateStoryHeight } from './estimate';
import { packBands } from './bands';
import { addFolioLine } from './folio-line';
import { columnX, spanWidth, typeArea } from './page-grid';

/** The lead story's larger headline (头条主题), added to the edition's styles. */
export const LEAD_HEADLINE_STYLE_ID: Id = 'ps-lead-headline';

export interface PlaceOptions {
  language?: EditionMeta['language'];
  /** Page preset; Chinese copy defaults to 对开, English to the US broadsheet. */
  preset?: PagePresetId;
  meta?: Partial<Omit<EditionMeta, 'language'>>;
  /** Section label of the pages (folio line). */
  section?: string;
  /** Id generator (sequentialIds() for reproducible output). */
  ids?: IdGenerator;
  /**
   * Height / width of the copy's picture `image` (ImportedCaption.image), so
   * its frame has the picture's shape; landscape 0.6 when unknown.
   */
  imageAspect?: (image: number) => number | undefined;
}

/** An empty photo frame the template made for a caption, for the caller to fill. */
export interface PhotoSlot {
  frameId: Id;
  pageIndex: number;
  width: Pt;
  height: Pt;
  storyId: Id;
  /** The caption story under the photo; null for a picture without a caption. */
  captionStoryId: Id | null;
  caption: string;
  /** The copy's picture for this frame (ImportedCaption.image), when the copy held one. */
  image?: number;
}

export interface PlacedEdition {
  edition: Edition;
  photos: PhotoSlot[];
  /** Story id of each imported story, in the order given. */
  storyIds: Id[];
  bannerStoryId: Id | null;
}

export interface CopyToPlace {
  banner: StoryBlock[];
  stories: ImportedStory[];
}

/** A photo to place: its caption story (null when the picture has none) and the copy's picture. */
interface PhotoPlan {
  caption: Story | null;
  /** The caption's text, for frame names and the slot. */
  text: string;
  image?: number;
}

interface StoryPlan {
  story: Story;
  photos: PhotoPlan[];
}

const PHOTO_ASPECT = 0.6; // height / width: a landscape news photo
const PHOTO_MAX_HEIGHT = 240;
const PHOTO_GAP = 6;
/** Continuation frames get extra room: the flow's column breaks cost more over many columns. */
const SLACK_FOR_JUMPS = 1.1;
/**
 * How far below their estimates modules may be squeezed to keep a band on
 * the page. The estimates lean long (estimate.ts); at 1.1 the sample page's
 * stories still keep spare lines in the real composer.
 */
const MAX_SQUEEZE = 1.1;

function addLeadHeadlineStyle(edition: Edition): void {
  const zh = edition.meta.language === 'zh-Hans';
  const style: ParagraphStyle = {
    id: LEAD_HEADLINE_STYLE_ID,
    name: zh ? '头条主题' : 'Lead headline',
    basedOn: roleStyleId('headline'),
    fontSize: zh ? 36 : 34, // 小初
    leading: zh ? 44 : 38,
    spaceAfter: 6,
  };
  edition.styles.paragraph[style.id] = style;
}

export function placeStories(copy: CopyToPlace, options: PlaceOptions = {}): PlacedEdition {
  const language = options.language ?? 'zh-Hans';
  const zh = language === 'zh-Hans';
  const ids = options.ids ?? newId;
  const presetId = options.preset ?? (zh ? 'cn-broadsheet' : 'us-broadsheet');
  const edition = createEmptyEdition({ language, preset: presetId, meta: options.meta, ids });
  const preset = getPagePreset(presetId);
  const master = edition.masters[0];
  const section = options.section ?? '';
  edition.pages[0].section = section;
  addLeadHeadlineStyle(edition);
  const area = typeArea(edition.pages[0]);
  addFolioLine(edition, master, area, ids);
  const styles = edition.styles;
  const bodyLeading = resolveParagraphStyle(styles, { type: 'body' }).leading;
  // The baseline grid follows the body style's leading: body lines snap to
  // it, and a grid finer than the leading would push every line to the
  // second grid line (double spacing).
  const gridFor = (p: Page) => {
    if (p.baselineGrid) p.baselineGrid = { ...p.baselineGrid, increment: bodyLeading };
  };
  gridFor(edition.pages[0]);
  const bandGap = bodyLeading;
  const photos: PhotoSlot[] = [];

  // Stories and their caption stories, before any frame exists.
  const plans: StoryPlan[] = copy.stories.map((imported, index) => {
    const blocks = imported.blocks.map((b) => ({ ...b, children: b.children.map((c) => ({ ...c })) }));
    if (index === 0) {
      const headline = blocks.find((b) => b.type === 'headline');
      if (headline && !headline.styleId) headline.styleId = LEAD_HEADLINE_STYLE_ID;
    }
    const story: Story = { id: ids('story'), name: imported.name, blocks, thread: [] };
    const photos = imported.captions.map((caption): PhotoPlan => {
      const text = caption.blocks.map((b) => runsText(b.children)).join(' ');
      const story: Story | null =
        caption.blocks.length === 0
          ? null
          : {
              id: ids('story'),
              name: `${zh ? '图说' : 'Caption'}: ${text}`,
              blocks: caption.blocks.map((b) => ({ ...b, children: b.children.map((c) => ({ ...c })) })),
              thread: [],
            };
      return { caption: story, text, ...(caption.image !== undefined ? { image: caption.image } : {}) };
    });
    return { story, photos };
  });
  for (const plan of plans) {
    edition.stories[plan.story.id] = plan.story;
    for (const photo of plan.photos) if (photo.caption) edition.stories[photo.caption.id] = photo.caption;
  }

  const aspectOf = (photo: PhotoPlan) => {
    const aspect = photo.image !== undefined ? options.imageAspect?.(photo.image) : undefined;
    return aspect !== undefined && Number.isFinite(aspect) && aspect > 0 ? aspect : PHOTO_ASPECT;
  };
  const photoHeight = (width: Pt, photo: PhotoPlan) => Math.min(PHOTO_MAX_HEIGHT, width * aspectOf(photo));
  /** Columns a photo spans in a module: all of a narrow one, about two thirds of a wide one. */
  const photoColumns = (columns: number) => (columns <= 2 ? columns : Math.max(2, Math.ceil(columns * 0.6)));
  // A caption frame sits flush under its photo. At the frame's top the
  // composer sets the caption style's gap (captionGap) above the first line
  // instead of its space before, so the frame holds that gap, the lines, and
  // a point of room: a one-line caption is never overset.
  const captionHeight = (caption: Story | null, width: Pt) => {
    if (!caption) return 0;
    const first = caption.blocks[0];
    const top = frameTopGap(styles, first) - spaceBefore(resolveParagraphStyle(styles, first));
    return caption.blocks.reduce(
      (h, b) => h + estimateParagraphHeight(runsText(b.children), resolveParagraphStyle(styles, b), width),
      1 + top,
    );
  };
  /** Height of a module's photos with their captions, stacked at its foot. */
  const photoBlockHeight = (plan: StoryPlan, columns: number, scale = 1) => {
    const width = spanWidth(area, photoColumns(columns));
    return plan.photos.reduce(
      (h, photo) => h + PHOTO_GAP + photoHeight(width, photo) * scale + captionHeight(photo.caption, width),
      0,
    );
  };
  // Text runs beside the photos in the columns they leave free, so the
  // photos add only their share of the module's columns to its height.
  // Memoised: band packing asks for the same story at the same width many times.
  const needs = new Map<StoryPlan, Map<number, number>>();
  const needAt = (plan: StoryPlan, columns: number) => {
    let byWidth = needs.get(plan);
    if (!byWidth) needs.set(plan, (byWidth = new Map()));
    let need = byWidth.get(columns);
    if (need === undefined) {
      const shape = { columns, columnWidth: area.columnWidth, gutter: area.gutter };
      const photos = photoBlockHeight(plan, columns);
      const firstText = plan.story.blocks.findIndex((b) => b.type === 'body' || b.type === 'lead-in');
      const head =
        firstText > 0 ? estimateStoryHeight(plan.story.blocks.slice(0, firstText), styles, shape) : 0;
      // The photos share the columns with text, but the module must hold the head and the photos one above the other.
      need = Math.max(
        estimateStoryHeight(plan.story.blocks, styles, shape) + (photos * photoColumns(columns)) / columns,
        head + photos + bodyLeading * 2,
      );
      byWidth.set(columns, need);
    }
    return need;
  };

  // Pages are added as the copy needs them.
  let pageIndex = 0;
  let y = area.top;
  const bottom = area.top + area.height;
  const page = (): Page => edition.pages[pageIndex];
  const newPage = () => {
    edition.pages.push(createPage(preset, ids('page'), { masterId: master.id, section }));
    gridFor(edition.pages[edition.pages.length - 1]);
    pageIndex++;
    y = area.top;
  };
  const addRule = (x: Pt, ry: Pt, width: Pt, height: Pt) =>
    page().frames.push(
      createRuleFrame(
        ids('frame'),
        { x, y: ry, width, height },
        { name: zh ? '分隔线' : 'Rule', locked: false },
      ),
    );

  /**
   * Places a story's module: one text frame over the whole module, and its
   * photos with their captions at the foot of the module's right-hand
   * columns; both push the text aside (text wrap), so it runs beside them.
   */
  const placeModule = (plan: StoryPlan, x: Pt, top: Pt, columns: number, height: Pt, photoScale = 1) => {
    const width = spanWidth(area, columns);
    const frame = createTextFrame(
      ids('frame'),
      { x, y: top, width, height },
      { name: plan.story.name, columns, gutter: area.gutter },
    );
    page().frames.push(frame);
    plan.story.thread.push(frame.id);
    const pc = photoColumns(columns);
    const px = x + width - spanWidth(area, pc);
    const pw = spanWidth(area, pc);
    // The wrap's side offset stops just short of the gutter, so the column
    // left of the photo keeps its full measure.
    const side = area.gutter - 0.5;
    let py = Math.max(top, top + height - photoBlockHeight(plan, columns, photoScale));
    for (const photoPlan of plan.photos) {
      const { caption } = photoPlan;
      py += PHOTO_GAP;
      const ph = photoHeight(pw, photoPlan) * photoScale;
      const photo: ImageFrame = createImageFrame(
        ids('frame'),
        { x: px, y: py, width: pw, height: ph },
        {
          name: photoPlan.text ? `${zh ? '图片' : 'Photo'}: ${photoPlan.text}` : zh ? '图片' : 'Photo',
          captionStoryId: caption?.id ?? null,
          wrap: { mode: 'box', offsets: { top: PHOTO_GAP, right: 0, bottom: 0, left: side } },
        },
      );
      page().frames.push(photo);
      py += ph;
      const slot: PhotoSlot = {
        frameId: photo.id,
        pageIndex,
        width: pw,
        height: ph,
        storyId: plan.story.id,
        captionStoryId: caption?.id ?? null,
        caption: photoPlan.text,
        ...(photoPlan.image !== undefined ? { image: photoPlan.image } : {}),
      };
      photos.push(slot);
      if (!caption) continue;
      const ch = captionHeight(caption, pw);
      const captionFrame = createTextFrame(
        ids('frame'),
        { x: px, y: py, width: pw, height: ch },
        {
          name: caption.name,
          alignToGrid: false,
          ignoreWrap: true,
          wrap: { mode: 'box', offsets: { top: 0, right: 0, bottom: 0, left: side } },
        },
      );
      page().frames.push(captionFrame);
      caption.thread.push(captionFrame.id);
      py += ch;
    }
  };

  // The banner.
  let bannerStoryId: Id | null = null;
  if (copy.banner.length > 0) {
    const blocks = copy.banner.map((b) => ({ ...b, children: b.children.map((c) => ({ ...c })) }));
    const height = blocks.reduce(
      (h, b) =>
        h + estimateParagraphHeight(runsText(b.children), resolveParagraphStyle(styles, b), area.width),
      0,
    );
    const frame = createTextFrame(
      ids('frame'),
      { x: area.left, y, width: area.width, height },
      { name: zh ? '通栏' : 'Banner', alignToGrid: false },
    );
    page().frames.push(frame);
    const story: Story = { id: ids('story'), name: zh ? '通栏' : 'Banner', blocks, thread: [frame.id] };
    edition.stories[story.id] = story;
    bannerStoryId = story.id;
    y += height + bandGap / 2;
  }

  // The lead story across the page; a lead longer than the page goes on in
  // full-page frames on the next pages (one thread).
  const [lead, ...rest] = plans;
  if (lead) {
    const need = needAt(lead, area.columns);
    const height = Math.min(bottom - y, need);
    placeModule(lead, area.left, y, area.columns, height);
    y += height;
    let remaining = need - height;
    while (remaining > bodyLeading) {
      newPage();
      const h = Math.min(area.height, remaining * SLACK_FOR_JUMPS);
      const frame = createTextFrame(
        ids('frame'),
        { x: area.left, y, width: area.width, height: h },
        { name: `${lead.story.name} (${pageIndex + 1})`, columns: area.columns, gutter: area.gutter },
      );
      page().frames.push(frame);
      lead.story.thread.push(frame.id);
      y += h;
      remaining -= h;
    }
  }

  // The rest in bands of modules; a band that does not fit starts a new page.
  const bands = packBands(
    rest.map((plan) => (columns: number) => needAt(plan, columns)),
    { columns: area.columns, minColumns: 2, gap: bandGap },
  );
  // Paginate: a band goes on the current page if the page can hold it
  // squeezed by MAX_SQUEEZE; otherwise it starts a new page.
  const pageBands: { pageIndex: number; y: Pt; scale?: number; band: (typeof bands)[number] }[] = [];
  const pageTop = new Map<number, Pt>([[pageIndex, y]]);
  let used = 0;
  for (const band of bands) {
    const height = Math.min(band.height, area.height);
    const top = pageTop.get(pageIndex)!;
    const gap = top > area.top || used > 0 ? bandGap : 0;
    // A band always goes on a fresh page, however tall (it is cut to the page).
    const fresh = top <= area.top && used === 0;
    if (!fresh && top + used + gap + height / MAX_SQUEEZE > bottom) {
      newPage();
      pageTop.set(pageIndex, area.top);
      used = 0;
      pageBands.push({ pageIndex, y: 0, band: { ...band, height } });
      used = height;
      continue;
    }
    pageBands.push({ pageIndex, y: 0, band: { ...band, height } });
    used += gap + height;
  }

  // Scale each page's bands to fill its type area exactly: stretched when the
  // copy is short, squeezed by at most MAX_SQUEEZE when it is long.
  for (let p = 0; p <= pageIndex; p++) {
    const onPage = pageBands.filter((b) => b.pageIndex === p);
    if (onPage.length === 0) continue;
    const top = pageTop.get(p)!;
    const gaps = onPage.length * bandGap - (top > area.top ? 0 : bandGap);
    const total = onPage.reduce((h, b) => h + b.band.height, 0);
    const scale = Math.max(1 / MAX_SQUEEZE, (bottom - top - gaps) / total);
    let by = top;
    for (const entry of onPage) {
      if (by > area.top) by += bandGap;
      entry.y = by;
      entry.band.height *= scale;
      entry.scale = scale;
      by += entry.band.height;
    }
  }

  const current = pageIndex;
  for (const { pageIndex: p, y: by, band, scale } of pageBands) {
    pageIndex = p;
    if (by > area.top) addRule(area.left, by - bandGap / 2, area.width, 0);
    band.slots.forEach((slot, k) => {
      const x = columnX(area, slot.column);
      // Stacked stories share the slot's height in proportion to their needs.
      const free = band.height - bandGap * (slot.stories.length - 1);
      const needed = slot.needs.reduce((a, b) => a + b, 0);
      let sy = by;
      slot.stories.forEach((story, i) => {
        const height = (free * slot.needs[i]) / needed;
        if (i > 0) addRule(x, sy - bandGap / 2, spanWidth(area, slot.columns), 0);
        placeModule(rest[story], x, sy, slot.columns, height, Math.min(1, scale ?? 1));
        sy += height + bandGap;
      });
      if (k > 0) addRule(x - area.gutter / 2, by, 0, band.height);
    });
  }
  pageIndex = current;

  return {
    edition,
    photos,
    storyIds: plans.map((p) => p.story.id),
    bannerStoryId,
  };
}
