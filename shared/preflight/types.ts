/**
 * Preflight: the checks a printer runs before a page goes to press, run
 * over the edition, its display list and facts about the asset files that
 * the main process reads (pixel size, colour space, readability). Pure, so
 * the app can show findings live as well as the CLI and the exporter.
 */
import type { DisplayList } from '../layout/display-list';
import type { CopyCheckId, Edition, Id } from '../model/types';

export type Severity = 'error' | 'warning';

export type FindingCode =
  | 'overset-text'
  | 'missing-glyph'
  | 'missing-font'
  | 'missing-image'
  | 'unreadable-image'
  | 'low-resolution'
  | 'rgb-image'
  | 'outside-bleed'
  | 'empty-frame'
  | 'pending-changes'
  | 'unsigned-page'
  /** A booked ad missing on its page, or placed at another size (shared/planning/ad-preflight.ts). */
  | 'ad-missing'
  | 'ad-size'
  | `copy-${CopyCheckId}`;

export interface PreflightFinding {
  severity: Severity;
  code: FindingCode;
  /** One line naming the page and the frame, e.g. "page 2, frame 'Lead' (f12): …". */
  message: string;
  /** 1-based page number, or null when the problem is not on a page (e.g. overset text). */
  pageNumber: number | null;
  frameId: Id | null;
  frameName: string | null;
  /** Copy checks: the text the finding is about. */
  text?: TextLocation;
  /** Copy checks: what the one-click fix puts in place of `text` (a model operation when applied). */
  fix?: TextFix;
  /**
   * The problem as a UI message key and its values, so the app shows it in the
   * UI language (every check sets it; `message` is the English for the CLI).
   */
  detail?: { key: string; values: Record<string, string | number> };
}

/** A range of a story's text, with a little context for the list. */
export interface TextLocation {
  storyId: Id;
  storyName: string;
  /** Paragraph index and UTF-16 range within its text. */
  block: number;
  offset: number;
  length: number;
  /** The characters at the range and either side of it. */
  before: string;
  match: string;
  after: string;
}

export interface TextFix {
  /** The text that replaces the finding's range. */
  replacement: string;
}

/** A spelling dictionary (the host loads one; shared code only asks it). */
export interface Speller {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

/** What the main process found out about an asset's file. */
export interface AssetFacts {
  /** False when the bytes are missing from the package. */
  present: boolean;
  /** False when the bytes cannot be decoded; `problem` says why. */
  readable: boolean;
  problem?: string;
  widthPx: number;
  heightPx: number;
  colorSpace: 'rgb' | 'cmyk' | 'gray';
}

export interface PreflightInput {
  edition: Edition;
  displayList: DisplayList;
  /** Facts by asset id, for every asset the edition lists. */
  assets: Record<Id, AssetFacts>;
  /** Display-list font keys whose font files are not installed. */
  missingFonts: string[];
  /** Press exports must be CMYK; proofs may keep RGB images. */
  target: 'press' | 'proof';
  /** Run the copy checks (proofreading); default true. */
  copyChecks?: boolean;
  /** The English spelling dictionary; without one the spelling check does not run. */
  speller?: Speller | null;
  /** The user's own accepted words (preferences), on top of the edition's. */
  userDictionary?: readonly string[];
}

/** Effective resolution below which an image is reported. */
export const MIN_EFFECTIVE_PPI = 200;
