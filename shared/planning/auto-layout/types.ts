/**
 * Auto-layout of a page: the page's stories (with their weight and photos)
 * placed as rectangular modules on its column grid — headline across the
 * module, body in its columns, photos with their captions inside it — with
 * no overset and no holes. See docs/auto-layout.md.
 */
import type { Frame, Id, Pt, StoryWeight } from '../../model/types';
import type { Operation } from '../../model/operations';
import type { DisplayPage } from '../../layout/display-list';

/** A photo that goes with a story: an existing frame, or an asset from the plan. */
export interface PhotoInput {
  /** The image frame already on the page (kept by id), or null for a new frame. */
  frameId: Id | null;
  assetId: Id | null;
  captionStoryId: Id | null;
  /** Height / width of the picture (from the asset's pixels; 2:3 when unknown). */
  aspect: number;
}

/** A story to lay out. */
export interface StoryInput {
  storyId: Id;
  weight: StoryWeight;
  photos: PhotoInput[];
}

/** A rectangle of the page, in points. */
export interface Rect {
  x: Pt;
  y: Pt;
  width: Pt;
  height: Pt;
}

/** What auto-layout works on: the free part of the page's grid and the stories to place there. */
export interface PageInput {
  pageIndex: number;
  pageId: Id;
  /** The free part of the type area (below a banner, above an ad band), page columns wide. */
  region: Rect;
  /** First page column of the region and the columns it spans. */
  firstColumn: number;
  columns: number;
  columnWidth: Pt;
  gutter: Pt;
  /** Height of one grid step: the body leading (module heights are whole steps). */
  step: Pt;
  /** Fixed rectangles inside the region's columns that modules go around (corner ads), page columns. */
  blocked: { column: number; columns: number; top: Pt; bottom: Pt }[];
  /** Stories in priority order: the lead first, then seconds, then briefs. */
  stories: StoryInput[];
  /** Frames replaced by a proposal: the stories' current frames, their photos, captions and rules. */
  replacedFrameIds: Id[];
  /** Where the stories came from. */
  source: 'plan' | 'page';
}

/** One module of a proposal: a story's rectangle on the page grid. */
export interface Module {
  storyId: Id;
  /** Page column (0-based) and columns; top and height in points. */
  column: number;
  columns: number;
  /** The module's rectangle in points. */
  x: Pt;
  width: Pt;
  top: Pt;
  height: Pt;
  /** Grid steps of the module's height. */
  steps: number;
  /** How its photos sit: under the text across the module, or in its right columns with the text around them. */
  photoPlacement: 'none' | 'under' | 'beside';
  /** Columns the photos span. */
  photoColumns: number;
}

/** The stated score of a proposal; lower `total` is better. */
export interface ProposalScore {
  /** Stories with text left over (must be 0). */
  overset: number;
  /** Stories given to auto-layout that the proposal does not place (must be 0). */
  dropped: number;
  /** Empty column area: room for more body lines under the text, and uncovered grid, in % of the region's column area. */
  emptyPercent: number;
  /** 0 when the lead's module starts at the top of the region. */
  leadNotOnTop: number;
  /** Photos outside their story's module. */
  photosAway: number;
  /** Headlines set in more than two lines. */
  longHeadlines: number;
  /** overset·1000 + dropped·1000 + emptyPercent + leadNotOnTop·10 + photosAway·5 + longHeadlines·3 */
  total: number;
}

export interface Proposal {
  /** 1-based rank. */
  rank: number;
  modules: Module[];
  /** The frames the proposal puts on the page. */
  frames: Frame[];
  /** Each story's new thread (text frame ids). */
  threads: Record<Id, Id[]>;
  score: ProposalScore;
  /** The ordinary frame and story operations that apply it (one undo step as a batch). */
  operations: Operation[];
  /** The page as the composer set it with the proposal applied (composed alone), for a preview. */
  page: DisplayPage;
}

export interface AutoLayoutOptions {
  /** Proposals wanted (default 3). */
  proposals?: number;
  /** Id generator for new frames (default: ids derived from the page and proposal, deterministic). */
  frameId?: (n: number) => Id;
}

export interface AutoLayoutResult {
  input: PageInput;
  proposals: Proposal[];
}
