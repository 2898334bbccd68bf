/**
 * The proofreading desk's part of the edition (schema version 2): notes,
 * tracked changes, proof rounds and page sign-off, under `edition.review`.
 *
 * Text positions are `ReviewPoint`s — paragraph index and UTF-16 offset in a
 * story, the same coordinates as the text operations. They are not stored in
 * the story's leaves: the one apply path (`applyOperation`) maps every point
 * of every record through each text operation (as Slate's Point.transform
 * does), so a note or a tracked change follows its words through typing,
 * paste, splits, merges and undo. The story always holds the *final* text
 * (as if every change were accepted); a tracked deletion keeps the removed
 * text in its record, at the point where it was.
 */
import type {
  BlockRole,
  EditionMeta,
  Id,
  MasterPage,
  Page,
  Pt,
  Story,
  StoryBlock,
  StyleSheets,
} from './types';
import type { Asset } from './types';

/** A position in a story: paragraph index and offset in that paragraph's text. */
export interface ReviewPoint {
  block: number;
  offset: number;
}

/** Who did something and when: every note, reply, change, round and sign-off carries one. */
export interface Stamp {
  /** The user's name as set in preferences (default: the system user name). */
  author: string;
  /** The user's colour, CSS hex (#rrggbb): insertions are underlined and notes marked in it. */
  color: string;
  /** ISO 8601 time, e.g. 2024-05-01T09:30:00.000Z. */
  time: string;
}

// ---------------------------------------------------------------- notes (批注)

/** What a note is attached to. */
export type NoteAnchor =
  /** A range of a story's text [from, to). `quote` is the text when the note was made. */
  | { kind: 'text'; storyId: Id; from: ReviewPoint; to: ReviewPoint; quote: string }
  /** A whole frame (a photo, a box, a text frame as a whole). */
  | { kind: 'frame'; frameId: Id }
  /** A point on a page, in points from the trimmed page's top-left corner. */
  | { kind: 'page'; pageId: Id; x: Pt; y: Pt };

export interface NoteReply extends Stamp {
  id: Id;
  text: string;
}

export interface Note extends Stamp {
  id: Id;
  anchor: NoteAnchor;
  text: string;
  replies: NoteReply[];
  /** Who resolved it and when; null while open. */
  resolved: Stamp | null;
}

// ---------------------------------------------------------------- tracked changes (修订)

/** The complete character formatting of a run: what a rejected format change puts back. */
export interface RunMarks {
  bold: boolean;
  italic: boolean;
  charStyleId: Id | null;
}

/** A paragraph's formatting: role, paragraph style, and any other block field a change touched. */
export type ParagraphProps = { type?: BlockRole; styleId?: Id | null } & Record<string, unknown>;

interface ChangeBase extends Stamp {
  id: Id;
  storyId: Id;
  /**
   * Where the change is: inserted text [from, to); for a deletion, from = to =
   * the point where the text was; for formatting, the range reformatted.
   */
  from: ReviewPoint;
  to: ReviewPoint;
}

/** Text (and paragraph breaks) inserted into the story; the story holds it. */
export interface InsertChange extends ChangeBase {
  kind: 'insert';
}

/**
 * Text removed from the story, kept here at `from` (= `to`). `content` is a
 * fragment in the shape Slate pastes: one paragraph's leaves when nothing but
 * characters went; with paragraph breaks, the first entry's leaves end the
 * paragraph at the point, the middle ones are whole paragraphs, and the last
 * one's leaves and role start the paragraph after the last break removed.
 */
export interface DeleteChange extends ChangeBase {
  kind: 'delete';
  content: StoryBlock[];
  /**
   * True when the removed text began where a paragraph began: then the first
   * entry's role and style are that paragraph's, and putting the text back
   * gives them back to it (see shared/review/fragments.ts).
   */
  startsParagraph?: boolean;
  /**
   * Notes and changes whose words went with this deletion: for each of their
   * points (in the record's point order), the offset into `content` where it
   * was, or null for a point outside. Rejecting the deletion puts the words
   * back and these points on them again, so a note re-covers its words and a
   * formatting change can still be rejected.
   */
  held?: HeldAnchors[];
}

export interface HeldAnchors {
  in: 'notes' | 'changes';
  id: Id;
  points: (number | null)[];
}

/** Bold, italic or a character style set over a range; `runs` are the marks before it. */
export interface FormatChange extends ChangeBase {
  kind: 'format';
  /** What was set, e.g. { bold: true } (for the change list). */
  marks: { bold?: boolean; italic?: boolean; charStyleId?: Id | null };
  /** The ranges and the marks they had before, in order (they follow the text like every point). */
  runs: { from: ReviewPoint; to: ReviewPoint; marks: RunMarks }[];
}

/**
 * A paragraph's role, paragraph style (or another block field) changed.
 * from = to = the point where the paragraph's text starts: a point keeps to
 * the text's start through restored deletions and typed breaks.
 */
export interface ParagraphChange extends ChangeBase {
  kind: 'paragraph';
  before: ParagraphProps;
  after: ParagraphProps;
}

export type TrackedChange = InsertChange | DeleteChange | FormatChange | ParagraphChange;

// ---------------------------------------------------------------- proof rounds (校次) and sign-off (签版)

/** An edition's pages, stories and styles as they were when a round started (photos by reference). */
export interface RoundSnapshot {
  meta: EditionMeta;
  styles: StyleSheets;
  masters: MasterPage[];
  pages: Page[];
  stories: Record<Id, Story>;
  /** Asset metadata only: the bytes are the edition's own, shared with the live pages. */
  assets: Record<Id, Asset>;
}

export interface ProofRound extends Stamp {
  id: Id;
  /** 一校, 二校, 三校 … or Proof 1, 2, 3 by default; editable. */
  name: string;
  /** 1 for the first round of the edition, counting up. */
  number: number;
  snapshot: RoundSnapshot;
}

/** A page signed off for press (签版): who, when, in which round. */
export interface SignOff extends Stamp {
  /** The round the page was signed in; null when no round had started. */
  roundId: Id | null;
}

/** A page's proof status; `signed` pages have a SignOff record. */
export type PageStatus = 'draft' | 'in-proof' | 'signed';

export interface ReviewSettings {
  /** Track changes for every story (unless a story says otherwise). */
  trackChanges: boolean;
  /** Per-story switch overriding `trackChanges`, by story id. */
  trackStories: Record<Id, boolean>;
  /** Press export refuses pages that are not signed off (the CLI's --force overrides). */
  requireSignoff: boolean;
}

export interface Review {
  settings: ReviewSettings;
  /** Notes in the order they were made. */
  notes: Note[];
  /** Pending tracked changes in the order they were made. */
  changes: TrackedChange[];
  /** Proof rounds, oldest first. */
  rounds: ProofRound[];
  /** Signed-off pages by page id. */
  signoffs: Record<Id, SignOff>;
}
