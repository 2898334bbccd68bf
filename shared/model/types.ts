/**
 * The edition model: plain JSON that every part of Folio reads, and that only
 * operations (shared/model/operations) change. All lengths are PostScript
 * points (1/72 in); page coordinates have their origin at the top-left corner
 * of the trimmed page, y growing downwards.
 */

import type { CopyCheckSettings } from './copy-check-settings';

export type { CopyCheckSettings, CopyCheckId, HouseRule } from './copy-check-settings';
import type { Review } from './review-types';
import type { EditionPlan } from './plan-types';

export type * from './review-types';
export type * from './plan-types';

/** A stable identifier, unique within its kind in one edition. */
export type Id = string;

/** A length in points. */
export type Pt = number;

/** The current schema version written by this build of Folio. */
export const SCHEMA_VERSION = 4;

export interface Edition {
  schemaVersion: number;
  id: Id;
  meta: EditionMeta;
  /** Style sheets, swatches and role defaults. */
  styles: StyleSheets;
  masters: MasterPage[];
  pages: Page[];
  /** Stories by id; a story flows through the text frames named in its thread. */
  stories: Record<Id, Story>;
  /** Image assets by id; their bytes live in the package's assets/ folder. */
  assets: Record<Id, Asset>;
  /** Preflight's copy checks for this edition (switches, house list, accepted words); absent: defaults. */
  copyChecks?: CopyCheckSettings;
  /**
   * Notes, tracked changes, proof rounds and sign-off (schema 2). Files carry
   * it always (the 1 → 2 migration adds an empty one); code that builds an
   * edition by hand may leave it out, and `reviewOf` reads it as empty.
   */
  review?: Review;
  /**
   * The desk's plan: sections and page numbers, page colour and status, ads,
   * stories assigned to pages (schema 4). The 3 → 4 migration adds one;
   * `planOf` reads an absent plan as empty, with no jump lines.
   */
  plan?: EditionPlan;
}

export interface EditionMeta {
  /** Paper name, e.g. 周口晚报. */
  paperName: string;
  /** Publication date, ISO yyyy-mm-dd. */
  date: string;
  /** Running issue number (总第 N 期). */
  issueNumber: number;
  /** Edition or section name, e.g. 示范区新闻. */
  editionName: string;
  /** The language the UI and the composer default to for new text. */
  language: 'zh-Hans' | 'en';
}

// ---------------------------------------------------------------- pages

export interface Size {
  width: Pt;
  height: Pt;
}

export interface Sides {
  top: Pt;
  right: Pt;
  bottom: Pt;
  left: Pt;
}

export interface BaselineGrid {
  /** Distance of the first grid line from the top of the page. */
  start: Pt;
  /** Distance between grid lines; usually the body leading. */
  increment: Pt;
}

export interface Page {
  id: Id;
  /** The master whose frames are painted under this page's own; null for none. */
  masterId: Id | null;
  size: Size;
  margins: Sides;
  /** Page columns for guides and snapping (text frames carry their own). */
  columns: number;
  gutter: Pt;
  bleed: Sides;
  baselineGrid: BaselineGrid | null;
  /** Section label printed in the folio line, e.g. 要闻. */
  section: string;
  /** Frames in paint order: later frames are painted over earlier ones. */
  frames: Frame[];
}

export interface MasterPage {
  id: Id;
  name: string;
  /** Frames painted under every page that uses this master. */
  frames: Frame[];
}

// ---------------------------------------------------------------- frames

export type Frame = TextFrame | ImageFrame | RuleFrame | BoxFrame;

export interface FrameBase {
  id: Id;
  /** A name the designer gives the frame; shown in panels. */
  name: string;
  x: Pt;
  y: Pt;
  width: Pt;
  height: Pt;
  locked: boolean;
  /** Text wrap this frame forces on the text frames of its page. */
  wrap: TextWrap;
}

export interface TextWrap {
  mode: 'none' | 'box';
  offsets: Sides;
}

export interface TextFrame extends FrameBase {
  kind: 'text';
  /** Columns inside this frame and the gutter between them. */
  columns: number;
  gutter: Pt;
  inset: Sides;
  verticalAlign: 'top' | 'center' | 'bottom' | 'justify';
  /** When true, body lines snap to the page's baseline grid. */
  alignToGrid: boolean;
  /** When true, text wrap from other frames does not affect this frame. */
  ignoreWrap: boolean;
  /**
   * Balance the columns of the last section when a story ends in this frame
   * (line counts equal ±1, as a newspaper module ends). Optional: absent
   * means on; false lets the text end where it runs out.
   */
  balanceColumns?: boolean;
  fill: ColorRef | null;
  stroke: Stroke | null;
}

export type ImageFit = 'none' | 'fill' | 'fit' | 'fit-proportional' | 'fill-proportional';

export interface ImageFrame extends FrameBase {
  kind: 'image';
  assetId: Id | null;
  fit: ImageFit;
  /**
   * Placement of the image inside the frame (crop): the image's top-left
   * corner relative to the frame's top-left, and its scale (1 = 72 ppi, one
   * pixel per point). Updated from `fit` when the fit is applied.
   */
  content: { x: Pt; y: Pt; scale: number };
  /** The caption story tied to this photo (its text flows in its own text frame). */
  captionStoryId: Id | null;
  stroke: Stroke | null;
}

export interface RuleFrame extends FrameBase {
  kind: 'rule';
  /** A rule goes from (x, y) to (x + width, y + height). */
  stroke: Stroke;
}

export interface BoxFrame extends FrameBase {
  kind: 'box';
  fill: ColorRef | null;
  stroke: Stroke | null;
}

export interface Stroke {
  color: ColorRef;
  width: Pt;
  style: 'solid' | 'dashed' | 'dotted' | 'double';
}

/** A colour is a swatch and a tint (0–100 %). */
export interface ColorRef {
  swatchId: Id;
  tint: number;
}

// ---------------------------------------------------------------- stories (Slate JSON)

/**
 * The role of a block in a news story. The role chooses the default
 * paragraph style (StyleSheets.roleStyles) and drives import and layout
 * (headlines span columns, a lead-in runs into the paragraph after it).
 */
export type BlockRole =
  | 'banner' // 通栏 / page banner
  | 'department' // 栏目 / department label above a headline
  | 'kicker' // 引题
  | 'headline' // 主题
  | 'subheadline' // 副题
  | 'byline' // 署名
  | 'lead-in' // 电头, e.g. 本报讯(记者 …)
  | 'body' // 正文
  | 'section-head' // 小标题
  | 'caption' // 图说
  | 'credit' // photo credit
  | 'jump-line' // 转版
  | 'folio'; // 报眉 / folio line

export const BLOCK_ROLES: readonly BlockRole[] = [
  'banner',
  'department',
  'kicker',
  'headline',
  'subheadline',
  'byline',
  'lead-in',
  'body',
  'section-head',
  'caption',
  'credit',
  'jump-line',
  'folio',
];

/** Fields filled in at composition time (folio lines on master pages). */
export type FieldName = 'paperName' | 'date' | 'issueNumber' | 'editionName' | 'pageNumber' | 'section';

/** A Slate text leaf. */
export interface StoryText {
  text: string;
  bold?: true;
  italic?: true;
  /** A character style applied to this run. */
  charStyleId?: Id;
  /** When set, the composer replaces `text` with the field's value. */
  field?: FieldName;
}

/** A Slate element: one paragraph of a story. */
export interface StoryBlock {
  type: BlockRole;
  /** A paragraph style overriding the role's default style. */
  styleId?: Id;
  children: StoryText[];
}

export interface Story {
  id: Id;
  name: string;
  blocks: StoryBlock[];
  /**
   * The text frames the story flows through, in order (a thread may cross
   * pages). A text frame belongs to at most one story; a frame in no thread
   * is empty.
   */
  thread: Id[];
}

// ---------------------------------------------------------------- styles

export type Alignment = 'left' | 'center' | 'right' | 'justify';

/**
 * A length in em of the paragraph's own type size (字 in Chinese: one
 * character of the body): `{ value: 2, unit: 'em' }` is a 2字 indent that
 * stays 2字 when the size changes. The composer turns it into points.
 */
export interface EmLength {
  value: number;
  unit: 'em';
}

/** An indent or paragraph space: points (a plain number), or em of the paragraph's size. */
export type ParagraphLength = Pt | EmLength;

/** 避头尾 level: which line-start / line-end prohibitions apply. */
export type KinsokuLevel = 'none' | 'basic' | 'gb' | 'strict';

export interface ParagraphStyleProps {
  fontFamily: string;
  fontWeight: number;
  italic: boolean;
  fontSize: Pt;
  /** How the size is shown to the user; the size itself is always in pt. */
  sizeUnit: 'pt' | 'hao';
  leading: Pt;
  /** Extra space between characters, in 1/1000 em. */
  tracking: number;
  /** Indents and spaces: points, or em of this paragraph's fontSize (see ParagraphLength). */
  firstLineIndent: ParagraphLength;
  leftIndent: ParagraphLength;
  rightIndent: ParagraphLength;
  spaceBefore: ParagraphLength;
  spaceAfter: ParagraphLength;
  align: Alignment;
  /** Alignment of the last line of a justified paragraph. */
  lastLineAlign: Exclude<Alignment, 'justify'> | 'justify';
  kinsoku: KinsokuLevel;
  color: ColorRef;
  /** Space between Han and Latin letters or digits, in em (0.25 by default). */
  hanLatinSpacing: number;
  hyphenate: boolean;
  language: 'zh-Hans' | 'en';
  /** Columns of its frame a paragraph spans ('all' for a headline across the frame). */
  spanColumns: number | 'all';
  keepWithNext: boolean;
  /** Minimum lines of a paragraph left at the foot / carried to the head of a column. */
  orphans: number;
  widows: number;
  /** Snap lines to the baseline grid when the frame aligns to the grid. */
  alignToGrid: boolean;
  /** A run-in paragraph (电头) is set at the start of the paragraph after it. */
  runIn: boolean;
  /**
   * Display type: with the line count the text needs, choose the breaks that
   * give lines of similar length (like CSS `text-wrap: balance`; a centred
   * head's first line not shorter than its second). Optional, off when absent;
   * on for the display roles by default.
   */
  balanceLines?: boolean;
  /**
   * Display type: break where a desk would — at the space between a Chinese
   * headline's phrases (词组/意群) rather than between two Han characters, and
   * not inside “…” 《…》 （…） when avoidable. The space at a break is not set.
   * Optional, off when absent; on for the display roles by default.
   */
  phraseBreaks?: boolean;
  /**
   * Captions (图说): the space between a photo and the top of its caption's
   * first line box. The composer leaves it above a caption-role paragraph
   * that starts a text frame (caption frames sit flush under their photo),
   * where space before is dropped; other roles ignore it. Optional: 1 mm
   * (CAPTION_GAP_DEFAULT) when no style sets it, so older files get it too.
   */
  captionGap?: ParagraphLength;
}

export interface ParagraphStyle extends Partial<ParagraphStyleProps> {
  id: Id;
  name: string;
  basedOn: Id | null;
}

export interface CharacterStyleProps {
  fontFamily: string;
  fontWeight: number;
  italic: boolean;
  fontSize: Pt;
  tracking: number;
  color: ColorRef;
  /** Vertical shift in pt, positive upwards. */
  baselineShift: Pt;
}

export interface CharacterStyle extends Partial<CharacterStyleProps> {
  id: Id;
  name: string;
  basedOn: Id | null;
}

export interface Swatch {
  id: Id;
  name: string;
  /** Process CMYK in percent; a spot colour also carries its name. */
  cmyk: [c: number, m: number, y: number, k: number];
  spot: string | null;
}

export interface StyleSheets {
  paragraph: Record<Id, ParagraphStyle>;
  character: Record<Id, CharacterStyle>;
  swatches: Record<Id, Swatch>;
  /** The paragraph style each role uses when a block names none. */
  roleStyles: Record<BlockRole, Id>;
}

// ---------------------------------------------------------------- assets

export interface Asset {
  id: Id;
  /** The original file name, as the user placed it. */
  name: string;
  /** Path inside the package: assets/<file>. */
  path: string;
  mime: 'image/jpeg' | 'image/png' | 'image/tiff' | 'image/webp' | 'image/heic';
  widthPx: number;
  heightPx: number;
  colorSpace: 'rgb' | 'cmyk' | 'gray';
  byteLength: number;
}

/** Asset bytes by asset id, kept beside the edition in memory. */
export type AssetBytes = Map<Id, Uint8Array>;
