/**
 * The night desk's plan of an edition (schema version 4), under
 * `edition.plan`: sections with their page-number prefixes, each page's
 * section, colour and layout status, the ads booked, and the stories
 * assigned to pages with the length budgeted for them.
 *
 * Records refer to pages and stories by id. A record naming a page or story
 * that is gone is ignored (a removed page's plan comes back with the page on
 * undo), so page and story operations need not know about the plan.
 */
import type { Id } from './types';

/** A section of the edition (要闻, 本地, 经济, 体育 …): its pages are numbered with its prefix. */
export interface PlanSection {
  id: Id;
  /** The name printed in the folio line (the `section` field) and shown in the flatplan. */
  name: string;
  /**
   * Page-number prefix: pages of the section are numbered `A01`, `A02` … in
   * edition order. Empty: the section's pages keep their place in the
   * edition (1, 2, 3 …).
   */
  prefix: string;
}

/** Printed in colour (four-colour) or black only. */
export type PageColor = 'color' | 'mono';

/** What the desk sets; `in-proof` and `signed-off` come from the proofreading desk (review). */
export type PlanPageStatus = 'planned' | 'in-layout';

/** A page's status as the flatplan shows it. */
export type PageState = PlanPageStatus | 'in-proof' | 'signed-off';

export interface PagePlan {
  /** The page's section; null for none. */
  sectionId: Id | null;
  color: PageColor;
  status: PlanPageStatus;
  /** Who lays the page out, free text. */
  designer?: string;
}

/** Where an ad sits on its page. */
export type AdAnchor = 'bottom-left' | 'bottom-right' | 'top-left' | 'top-right';

/** An ad booked by the advertising department: a size in page columns × cm and, once it arrives, its material. */
export interface AdBooking {
  id: Id;
  advertiser: string;
  /** The page it is booked on; null while not yet given a page. */
  pageId: Id | null;
  /** Width in page columns of the page's grid (with the gutters between them). */
  columns: number;
  /** Height in centimetres. */
  heightCm: number;
  anchor: AdAnchor;
  /** The ad's material (an image asset); null until it arrives. */
  assetId: Id | null;
  /** The locked image frame the ad was placed as; null while only booked. */
  frameId: Id | null;
}

/** A story's place in the page's hierarchy, for the flatplan and auto-layout. */
export type StoryWeight = 'lead' | 'second' | 'brief';

/** A length budget: characters (字数) or lines of the body. */
export interface LengthBudget {
  unit: 'characters' | 'lines';
  value: number;
}

/** A photo that goes with an assigned story (auto-layout places it beside the story). */
export interface PlannedPhoto {
  assetId: Id | null;
  /** Its caption story; null for a photo without a caption. */
  captionStoryId: Id | null;
}

export interface StoryAssignment {
  /** The story; also its key in `assignments`. */
  storyId: Id;
  /** The page it is planned for; null while unassigned. */
  pageId: Id | null;
  weight: StoryWeight;
  /** The length budgeted; null for none. */
  budget: LengthBudget | null;
  /** Photos that go with the story. */
  photos: PlannedPhoto[];
}

export interface JumpLineSettings {
  /** Jump lines (转版) at the foot and head of frames where a story continues on another page. */
  enabled: boolean;
  /** Text at the foot of the frame the story leaves; `{page}` is the page it continues on. Empty: the language's default. */
  continuedOn: string;
  /** Text at the head of the frame it continues in; `{page}` is the page it came from. */
  continuedFrom: string;
  /**
   * No jump line where the story continues on the very next page (or came
   * from the one before), as when the two pages face each other in a
   * spread. Absent: false — every change of page gets its jump lines.
   */
  skipConsecutive?: boolean;
}

export interface PlanSettings {
  /**
   * File names of a split export: `{date}` (yyyymmdd), `{page}` (A01 …),
   * `{n}` (the page's place, 01 …), `{section}`, `{edition}`. Default
   * `{date}_{page}.pdf`.
   */
  exportPattern: string;
  jumpLines: JumpLineSettings;
}

export interface EditionPlan {
  /** Sections in edition order. */
  sections: PlanSection[];
  /** Each page's plan, by page id; a page with none is planned, colour, in no section. */
  pages: Record<Id, PagePlan>;
  /** Ads in the order they were booked. */
  ads: AdBooking[];
  /** Story assignments by story id. */
  assignments: Record<Id, StoryAssignment>;
  settings: PlanSettings;
}
