/**
 * The flatplan (版面计划) as facts: per page its printed number, section,
 * colour, state, the ads booked on it (with their rectangles) and the
 * stories assigned to it with their budget against their actual length
 * from the composition. The app's flatplan view and the printed flatplan
 * (PDF) both draw this, so they never disagree.
 */
import type { DisplayList } from '../layout/display-list';
import type { Edition, Id } from '../model/types';
import type {
  AdBooking,
  LengthBudget,
  PageColor,
  PageState,
  PlanSection,
  StoryWeight,
} from '../model/plan-types';
import {
  adState,
  adsOnPage,
  assignmentsOnPage,
  pageLabels,
  pagePlanOf,
  pageState,
  assignmentOf,
  sectionOfPage,
} from '../model/plan';
import { storyFit } from '../editing/copyfit';
import { adRect, type Rect } from './ad-geometry';

export interface FlatplanAd {
  ad: AdBooking;
  state: 'booked' | 'placed';
  /** Where it sits on the page, in page points. */
  rect: Rect;
}

/** Within ±5 % of the budget: fits; otherwise short or over. */
export type BudgetFit = 'fits' | 'short' | 'over';

export interface FlatplanStory {
  storyId: Id;
  name: string;
  /** Null for a story laid out on the page that the plan does not name. */
  weight: StoryWeight | null;
  /** True when the story is here because its first frame is, not because the plan says so. */
  laidOut: boolean;
  budget: LengthBudget | null;
  /** The story's length in the budget's unit (characters when there is no budget); null before composition. */
  actual: number | null;
  /** Actual against budget; null without a budget or a composition. */
  fit: BudgetFit | null;
}

export interface FlatplanPage {
  pageId: Id;
  /** Zero-based place in the edition. */
  index: number;
  /** The printed page number (A01 …). */
  label: string;
  section: PlanSection | null;
  /** The page's section label when it has no plan section (older files). */
  sectionName: string;
  color: PageColor;
  state: PageState;
  width: number;
  height: number;
  ads: FlatplanAd[];
  stories: FlatplanStory[];
}

/** How much either side of the budget still counts as fitting. */
export const BUDGET_TOLERANCE = 0.05;

/** A story's length in characters (all its text) or lines (set plus overset), from the display list. */
export function actualLength(list: DisplayList, storyId: Id, unit: LengthBudget['unit']): number | null {
  const fit = storyFit(list, storyId);
  if (!fit) return null;
  if (unit === 'characters') return fit.characters;
  return fit.frames.reduce((n, f) => n + f.lines, 0) + (list.stories[storyId]?.oversetLines ?? 0);
}

export function budgetFit(budget: LengthBudget | null, actual: number | null): BudgetFit | null {
  if (!budget || actual === null) return null;
  const slack = Math.max(1, budget.value * BUDGET_TOLERANCE);
  if (actual > budget.value + slack) return 'over';
  if (actual < budget.value - slack) return 'short';
  return 'fits';
}

/** Stories that are not text of a master page (folio lines) nor a photo's caption. */
function copyStories(edition: Edition) {
  const masterFrames = new Set(edition.masters.flatMap((m) => m.frames.map((f) => f.id)));
  const captions = new Set(
    edition.pages.flatMap((p) =>
      p.frames.flatMap((f) => (f.kind === 'image' && f.captionStoryId ? [f.captionStoryId] : [])),
    ),
  );
  return Object.values(edition.stories).filter(
    (s) => !s.thread.some((id) => masterFrames.has(id)) && !captions.has(s.id),
  );
}

/**
 * Stories laid out on each page that the plan does not assign anywhere:
 * by the page of their first frame. The plan's word wins where it has one.
 */
function laidOutByPage(edition: Edition): Map<Id, Id[]> {
  const pageOfFrame = new Map<Id, Id>();
  for (const page of edition.pages) for (const frame of page.frames) pageOfFrame.set(frame.id, page.id);
  const out = new Map<Id, Id[]>();
  for (const story of copyStories(edition)) {
    if (assignmentOf(edition, story.id)?.pageId != null) continue;
    const pageId = story.thread.length ? pageOfFrame.get(story.thread[0]) : undefined;
    if (!pageId) continue;
    out.set(pageId, [...(out.get(pageId) ?? []), story.id]);
  }
  return out;
}

/** Every page of the edition as the flatplan shows it. */
export function flatplanPages(edition: Edition, list: DisplayList | null): FlatplanPage[] {
  const labels = pageLabels(edition);
  const laidOut = laidOutByPage(edition);
  return edition.pages.map((page, index) => {
    const plan = pagePlanOf(edition, page.id);
    const ads = adsOnPage(edition, page.id).map((ad) => ({
      ad,
      state: adState(edition, ad),
      rect: adRect(page, ad),
    }));
    const stories = assignmentsOnPage(edition, page.id).map((a): FlatplanStory => {
      const unit = a.budget?.unit ?? 'characters';
      const actual = list ? actualLength(list, a.storyId, unit) : null;
      return {
        storyId: a.storyId,
        name: edition.stories[a.storyId]?.name ?? a.storyId,
        weight: a.weight,
        laidOut: false,
        budget: a.budget,
        actual,
        fit: budgetFit(a.budget, actual),
      };
    });
    for (const storyId of laidOut.get(page.id) ?? [])
      stories.push({
        storyId,
        name: edition.stories[storyId].name,
        weight: null,
        laidOut: true,
        budget: null,
        actual: list ? actualLength(list, storyId, 'characters') : null,
        fit: null,
      });
    return {
      pageId: page.id,
      index,
      label: labels[index],
      section: sectionOfPage(edition, page.id),
      sectionName: sectionOfPage(edition, page.id)?.name ?? page.section,
      color: plan.color,
      state: pageState(edition, page.id),
      width: page.size.width,
      height: page.size.height,
      ads,
      stories,
    };
  });
}

/** Pages as a newspaper lays them side by side: page 1 alone (a right-hand page), then pairs 2–3, 4–5 … */
export function spreadsOf<T>(pages: readonly T[]): T[][] {
  if (pages.length === 0) return [];
  const out: T[][] = [[pages[0]]];
  for (let i = 1; i < pages.length; i += 2) out.push(pages.slice(i, i + 2));
  return out;
}

/** Stories the desk can still plan: neither assigned to a page nor laid out on one (copy waiting for a page). */
export function unassignedStories(edition: Edition): { storyId: Id; name: string }[] {
  const onPages = new Set(edition.pages.flatMap((p) => p.frames.map((f) => f.id)));
  return copyStories(edition)
    .filter((s) => assignmentOf(edition, s.id)?.pageId == null && !s.thread.some((id) => onPages.has(id)))
    .map((s) => ({ storyId: s.id, name: s.name }));
}
