/**
 * Operations: every change to an edition, as plain serializable JSON. They
 * are applied by `applyOperation` (../operations.ts) — the one apply path
 * that undo/redo, autosave's journal and collaboration sit on. Text offsets
 * count UTF-16 code units within one paragraph, as Slate does.
 */
import type {
  Asset,
  BlockRole,
  BoxFrame,
  Edition,
  CharacterStyle,
  CopyCheckSettings,
  EditionMeta,
  Frame,
  Id,
  ImageFrame,
  MasterPage,
  Page,
  ParagraphStyle,
  RuleFrame,
  Story,
  StoryBlock,
  Swatch,
  TextFrame,
} from '../types';
import type { Note, ProofRound, SignOff, TrackedChange } from '../review-types';
import type {
  AdBooking,
  EditionPlan,
  PagePlan,
  PlanSection,
  PlanSettings,
  StoryAssignment,
} from '../plan-types';

/** Where a frame lives: on a page or on a master page. */
export type FrameContainer = { pageId: Id } | { masterId: Id };

/** A position in a story: paragraph index and offset in that paragraph's text. */
export interface TextPoint {
  block: number;
  offset: number;
}

/** Changes to a frame's fields (any field but id and kind). */
export type FramePatch =
  | Partial<Omit<TextFrame, 'id' | 'kind'>>
  | Partial<Omit<ImageFrame, 'id' | 'kind'>>
  | Partial<Omit<RuleFrame, 'id' | 'kind'>>
  | Partial<Omit<BoxFrame, 'id' | 'kind'>>;

/** Changes to a page's fields (any field but id and frames). */
export type PagePatch = Partial<Omit<Page, 'id' | 'frames'>>;

/** Marks to set on a range: true sets, false / null clears. */
export interface MarksPatch {
  bold?: boolean;
  italic?: boolean;
  charStyleId?: Id | null;
}

export type StoryOperation =
  /** Replaces all paragraphs of a story. */
  | { type: 'set_story_blocks'; storyId: Id; blocks: StoryBlock[] }
  /** Replaces `count` paragraphs at `index` with `blocks` (a splice). */
  | { type: 'replace_blocks'; storyId: Id; index: number; count: number; blocks: StoryBlock[] }
  /** Inserts text at a point; it takes the marks of the run it lands in (at a run boundary, the run before). */
  | { type: 'insert_text'; storyId: Id; block: number; offset: number; text: string }
  /** Removes `length` characters of one paragraph starting at `offset`. */
  | { type: 'remove_text'; storyId: Id; block: number; offset: number; length: number }
  /** Splits a paragraph at an offset; the new paragraph keeps the role and style, or takes `newType` with no style. */
  | { type: 'split_block'; storyId: Id; block: number; offset: number; newType?: BlockRole }
  /** Joins paragraph `block` onto the end of paragraph `block - 1` (which keeps its role and style). */
  | { type: 'merge_block'; storyId: Id; block: number }
  /** Sets a paragraph's role and/or style (styleId null removes the override). */
  | { type: 'set_block'; storyId: Id; block: number; props: { type?: BlockRole; styleId?: Id | null } }
  /** Sets or clears marks over a range (from ≤ to, possibly across paragraphs). */
  | { type: 'set_marks'; storyId: Id; from: TextPoint; to: TextPoint; marks: MarksPatch }
  | { type: 'add_story'; story: Story; index?: number }
  /** Removes a story; photo frames captioned by it lose their caption link. */
  | { type: 'remove_story'; storyId: Id }
  | { type: 'set_story_props'; storyId: Id; props: { name?: string } }
  /** Sets the text frames a story flows through, in order (thread / unthread). */
  | { type: 'set_story_thread'; storyId: Id; thread: Id[] };

export type FrameOperation =
  /** Inserts a frame into a page or master at a paint-order index (default: on top). */
  | { type: 'insert_frame'; container: FrameContainer; frame: Frame; index?: number }
  /** Removes a frame; a text frame also leaves its story's thread. */
  | { type: 'remove_frame'; frameId: Id }
  | { type: 'update_frame'; frameId: Id; props: FramePatch }
  /** Moves a frame to another page or master (threads follow the frame id). */
  | { type: 'move_frame'; frameId: Id; container: FrameContainer; index?: number }
  /** Changes a frame's paint order within its page or master (z-order). */
  | { type: 'reorder_frame'; frameId: Id; index: number };

export type PageOperation =
  | { type: 'insert_page'; index: number; page: Page }
  /** Removes a page and its frames; its text frames leave their threads. */
  | { type: 'remove_page'; pageId: Id }
  | { type: 'move_page'; pageId: Id; index: number }
  | { type: 'set_page_props'; pageId: Id; props: PagePatch }
  | { type: 'insert_master'; master: MasterPage; index?: number }
  /** Removes a master; its pages are left without a master, its text frames leave their threads. */
  | { type: 'remove_master'; masterId: Id }
  | { type: 'set_master_props'; masterId: Id; props: { name?: string } };

export type StyleOperation =
  | { type: 'upsert_paragraph_style'; style: ParagraphStyle; index?: number }
  /** Refused while the style is in use (role default, basedOn, or a paragraph). */
  | { type: 'remove_paragraph_style'; styleId: Id }
  | { type: 'upsert_character_style'; style: CharacterStyle; index?: number }
  /** Refused while the style is in use (basedOn or a run). */
  | { type: 'remove_character_style'; styleId: Id }
  /**
   * Deletes a paragraph style and gives its paragraphs, role defaults and
   * based-on children to `replaceWith` (null: paragraphs go back to their
   * role's default, children onto the deleted style's parent; refused for a
   * role default). Children keep their look. One step; the inverse restores all.
   */
  | { type: 'delete_paragraph_style'; styleId: Id; replaceWith: Id | null }
  /** Deletes a character style; its runs and children go to `replaceWith` (null: the paragraph's look). */
  | { type: 'delete_character_style'; styleId: Id; replaceWith: Id | null }
  | { type: 'set_role_style'; role: BlockRole; styleId: Id }
  | { type: 'upsert_swatch'; swatch: Swatch; index?: number }
  /** Refused while a style or frame uses the swatch. */
  | { type: 'remove_swatch'; swatchId: Id };

export type EditionOperation =
  /** Adds an asset's metadata (its bytes travel beside the edition). */
  | { type: 'add_asset'; asset: Asset; index?: number }
  /** Removes an asset; photo frames showing it become empty. */
  | { type: 'remove_asset'; assetId: Id }
  | { type: 'set_meta'; props: Partial<EditionMeta> }
  /** Replaces the edition's copy-check settings (null: back to the defaults). */
  | { type: 'set_copy_checks'; settings: CopyCheckSettings | null }
  /** Several operations as one step (one undo). */
  | { type: 'batch'; ops: Operation[] };

/**
 * The proofreading desk (edition.review). Upserts put a whole record (a new
 * one, or the new state of one: a reply, a resolve, a moved anchor); their
 * inverse puts the old one back, or removes the new one.
 */
export type ReviewOperation =
  | { type: 'upsert_note'; note: Note; index?: number }
  | { type: 'remove_note'; noteId: Id }
  | { type: 'upsert_change'; change: TrackedChange; index?: number }
  | { type: 'remove_change'; changeId: Id }
  | { type: 'upsert_round'; round: ProofRound; index?: number }
  | { type: 'remove_round'; roundId: Id }
  /** Signs a page off (a SignOff) or reopens it (null). */
  | { type: 'set_signoff'; pageId: Id; signoff: SignOff | null }
  /** Edition switches; `trackStories` sets a story's own switch (null: follow the edition). */
  | {
      type: 'set_review_settings';
      props: { trackChanges?: boolean; requireSignoff?: boolean };
      trackStories?: Record<Id, boolean | null>;
    }
  /** Puts records' text points back (part of a text operation's inverse; see ops/anchors.ts). */
  | { type: 'set_review_anchors'; records: { in: 'notes' | 'changes'; id: Id; points: TextPoint[] }[] };

/**
 * The desk's plan (edition.plan). Records are put whole; the inverse puts
 * the old one back or removes the new one. `index` places a new entry (an
 * undone removal goes back where it was).
 */
export type PlanOperation =
  /** Replaces the whole plan (null: the edition has none). */
  | { type: 'set_plan'; plan: EditionPlan | null }
  | { type: 'upsert_section'; section: PlanSection; index?: number }
  /** Removes a section; its pages are then in none (until it comes back). */
  | { type: 'remove_section'; sectionId: Id }
  /** Sets a page's plan (null: back to the default). */
  | { type: 'set_page_plan'; pageId: Id; plan: PagePlan | null; index?: number }
  | { type: 'upsert_ad'; ad: AdBooking; index?: number }
  | { type: 'remove_ad'; adId: Id }
  /** Assigns a story to a page with a weight and budget (null: unassigned). */
  | { type: 'set_assignment'; storyId: Id; assignment: StoryAssignment | null; index?: number }
  | { type: 'set_plan_settings'; props: Partial<PlanSettings> };

export type Operation =
  | StoryOperation
  | FrameOperation
  | PageOperation
  | StyleOperation
  | EditionOperation
  | ReviewOperation
  | PlanOperation;

export type OperationType = Operation['type'];

/** The result of applying an operation: the new edition and the operation that undoes it. */
export interface AppliedOperation {
  edition: Edition;
  inverse: Operation;
}
