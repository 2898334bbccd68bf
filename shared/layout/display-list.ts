/**
 * The display list: the composition engine's one answer to "where does every
 * glyph go". The page canvas (SVG painter, renderer) and the PDF painter
 * (main) both paint exactly this and never lay text out themselves.
 *
 * Coordinates are points on the page, origin at the top-left corner of the
 * trimmed page, y downwards; a glyph's y is its baseline.
 */
import type { Id, Pt, Sides } from '../model/types';

export interface DisplayList {
  pages: DisplayPage[];
  /** Per-story overset and copyfit, by story id. */
  stories: Record<Id, StoryReport>;
  /** Characters that no font in the fallback chain could draw. */
  missingGlyphs: MissingGlyph[];
  /** Every font face a glyph run refers to, by key. */
  fonts: Record<string, FontFaceRef>;
}

/** A font face the painters must load: the same bytes the engine measured. */
export interface FontFaceRef {
  /** Stable key, e.g. "NotoSerifSC-400". */
  key: string;
  family: string;
  weight: number;
  italic: boolean;
  /** Identifier of the font file in the font registry (a file name). */
  file: string;
  unitsPerEm: number;
}

/** A colour as it prints (CMYK %, optional spot name) and as it shows (sRGB). */
export interface DisplayColor {
  cmyk: [number, number, number, number];
  spot: string | null;
  /** Tint in percent applied to the swatch. */
  tint: number;
  /** CSS colour for the screen, e.g. "#231f20". */
  rgb: string;
}

export interface DisplayPage {
  pageId: Id;
  /** Zero-based position in the edition. */
  index: number;
  width: Pt;
  height: Pt;
  bleed: Sides;
  margins: Sides;
  columns: number;
  gutter: Pt;
  /** Paint order: master items first, then the page's own frames. */
  items: DisplayItem[];
  /**
   * The proofreading desk's marks over the page (tracked changes, notes),
   * when the view shows them; painted above the items by the canvas and
   * by the proof PDF alike (shared/review/decorations.ts).
   */
  review?: ReviewMark[];
}

/** A tracked change or a note as the page shows it. */
export interface ReviewMark {
  /** insert: underlined; delete: struck through; format/paragraph: dotted underline; note: highlight and marker. */
  kind: 'insert' | 'delete' | 'format' | 'paragraph' | 'note';
  /** The change or note id. */
  id: Id;
  /** The author's colour, CSS #rrggbb. */
  color: string;
  author: string;
  /** The text it covers, one rectangle per line (line box: ascent to descent), in page points. */
  rects: { x: Pt; y: Pt; width: Pt; height: Pt }[];
  /** Notes: where the margin marker sits, and whether the note is resolved or lost its words. */
  marker?: { x: Pt; y: Pt };
  resolved?: boolean;
  detached?: boolean;
  /** Notes: the note's number in the edition (1-based), shown in the marker. */
  number?: number;
}

export type DisplayItem = DisplayBox | DisplayRule | DisplayImage | DisplayTextFrame;

interface DisplayItemBase {
  /** The frame this item paints (a master frame's id for master items). */
  frameId: Id;
  /** True when the frame comes from the page's master. */
  fromMaster: boolean;
  /** The frame's rectangle. */
  x: Pt;
  y: Pt;
  width: Pt;
  height: Pt;
}

export interface DisplayStroke {
  color: DisplayColor;
  width: Pt;
  style: 'solid' | 'dashed' | 'dotted' | 'double';
}

export interface DisplayBox extends DisplayItemBase {
  kind: 'box';
  fill: DisplayColor | null;
  stroke: DisplayStroke | null;
}

export interface DisplayRule extends DisplayItemBase {
  kind: 'rule';
  /** From (x, y) to (x + width, y + height). */
  stroke: DisplayStroke;
}

export interface DisplayImage extends DisplayItemBase {
  kind: 'image';
  /** Null for an empty image frame (painted as a placeholder on screen only). */
  assetId: Id | null;
  /** Where the whole image is drawn; the frame rectangle clips it. */
  imageX: Pt;
  imageY: Pt;
  imageWidth: Pt;
  imageHeight: Pt;
  stroke: DisplayStroke | null;
}

export interface DisplayTextFrame extends DisplayItemBase {
  kind: 'text';
  /** The story threaded through this frame, or null. */
  storyId: Id | null;
  /** Column rectangles inside the frame (after inset). */
  columns: { x: Pt; y: Pt; width: Pt; height: Pt }[];
  lines: DisplayLine[];
  fill: DisplayColor | null;
  stroke: DisplayStroke | null;
  /** True when this is the last frame of a thread and text did not fit. */
  overset: boolean;
}

/** A position in a story: block index and UTF-16 offset in the block's text. */
export interface StoryPoint {
  block: number;
  offset: number;
}

export interface DisplayLine {
  storyId: Id;
  /** The block this line belongs to and the range of the block's text it shows. */
  block: number;
  start: number;
  end: number;
  /** Column index inside the frame (a spanning headline reports its first column). */
  column: number;
  /** Left edge of the line box and its measure. */
  x: Pt;
  width: Pt;
  /** Baseline. */
  y: Pt;
  ascent: Pt;
  descent: Pt;
  /** The characters shown, after field substitution (for search and tests). */
  text: string;
  runs: GlyphRun[];
  /**
   * True on the second part of a printed line that shows text of two blocks
   * (a run-in lead-in and the paragraph it runs into): such a line is emitted
   * as one DisplayLine per block, on the same baseline, split where the
   * second block's first glyph starts. Count printed lines without these.
   */
  continuesLine?: boolean;
  /**
   * A line the composer made, not story text: a jump line (转版) at the foot
   * of a frame the story leaves for another page ('jump-to', 下转第5版) or at
   * the head of the frame it continues in ('jump-from', 上接第1版). Its
   * block, start and end point at the story text next to it (start = end);
   * the caret map, find and copyfit leave it out.
   */
  generated?: 'jump-to' | 'jump-from';
}

/**
 * Glyphs of one font, size and colour on one baseline. Positions are
 * absolute, so painters never accumulate advances themselves.
 */
export interface GlyphRun {
  fontKey: string;
  size: Pt;
  color: DisplayColor;
  /** Baseline of the run (the line's baseline plus any baseline shift). */
  y: Pt;
  /** Glyph ids in the font. */
  glyphs: number[];
  /** Left edge (pen position) of each glyph. */
  x: number[];
  /** Advance of each glyph as set (after justification and squeezing). */
  advances: number[];
  /**
   * For each glyph, the offset in the block's text of the first character it
   * draws (the cluster); maps glyphs back to the story.
   */
  clusters: number[];
  /** The characters the run draws, for extraction (ActualText) and SVG. */
  text: string;
  /** Synthetic styles for faces the font family lacks. */
  fauxItalic: boolean;
  fauxBold: boolean;
}

export interface StoryReport {
  storyId: Id;
  /** Characters of the story that fit in its thread. */
  charactersSet: number;
  /** Characters (and lines at the last frame's measure) that did not fit. */
  oversetCharacters: number;
  oversetLines: number;
  /**
   * Copyfit for the story's thread: positive = lines of room left over,
   * negative = lines over (same as -oversetLines when overset).
   */
  copyfitLines: number;
  /** Total characters in the story (fields excluded). */
  totalCharacters: number;
  /**
   * When the story ends in a frame of several columns with room left: whole
   * lines of room under each of that frame's columns, as painted (after
   * column balancing: level columns have the same few lines under each).
   */
  columnsShort?: number[];
}

export interface MissingGlyph {
  storyId: Id;
  block: number;
  offset: number;
  /** The code point, e.g. 0x20bb7. */
  codePoint: number;
  /** The page the character would be on, or null if it is overset. */
  pageIndex: number | null;
}
