/**
 * Reading the edition's plan (edition.plan): sections, page numbers (A01 …),
 * page states, ads and story assignments, with the defaults an edition
 * without a plan reads as.
 */
import type { Edition, Id, Page } from './types';
import type {
  AdBooking,
  EditionPlan,
  PagePlan,
  PageState,
  PlanSection,
  PlanSettings,
  StoryAssignment,
} from './plan-types';
import { pageStatus } from './review';

export const DEFAULT_EXPORT_PATTERN = '{date}_{page}.pdf';

/** The settings of a plan made in Folio: jump lines on. */
export function defaultPlanSettings(): PlanSettings {
  return {
    exportPattern: DEFAULT_EXPORT_PATTERN,
    jumpLines: { enabled: true, continuedOn: '', continuedFrom: '' },
  };
}

/** A new plan: no sections, ads or assignments; jump lines on. */
export function newPlan(): EditionPlan {
  return { sections: [], pages: {}, ads: [], assignments: {}, settings: defaultPlanSettings() };
}

/** What an edition without a plan reads as: nothing planned, and no jump lines (nothing moves). */
const NO_PLAN: EditionPlan = Object.freeze({
  ...newPlan(),
  settings: {
    exportPattern: DEFAULT_EXPORT_PATTERN,
    jumpLines: { enabled: false, continuedOn: '', continuedFrom: '' },
  },
}) as EditionPlan;

/** The edition's plan, or the empty one. */
export function planOf(edition: Edition): EditionPlan {
  return edition.plan ?? NO_PLAN;
}

const own = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

export const DEFAULT_PAGE_PLAN: PagePlan = Object.freeze({
  sectionId: null,
  color: 'color',
  status: 'planned',
}) as PagePlan;

/** A page's plan (the default for a page the plan does not name). */
export function pagePlanOf(edition: Edition, pageId: Id): PagePlan {
  const pages = planOf(edition).pages;
  return own(pages, pageId) ? pages[pageId] : DEFAULT_PAGE_PLAN;
}

/** The page's section, or null (none set, or the section is gone). */
export function sectionOfPage(edition: Edition, pageId: Id): PlanSection | null {
  const id = pagePlanOf(edition, pageId).sectionId;
  if (id === null) return null;
  return planOf(edition).sections.find((s) => s.id === id) ?? null;
}

/**
 * Every page's number as printed (the `pageNumber` field and jump lines): a
 * page in a section with a prefix is `<prefix><nn>`, counted within the
 * section in edition order (A01, A02 …, B01 …); any other page its place in
 * the edition (1, 2, 3 …).
 */
export function pageLabels(edition: Edition): string[] {
  const plan = planOf(edition);
  if (plan.sections.length === 0) return edition.pages.map((_, i) => String(i + 1));
  const sections = new Map(plan.sections.map((s) => [s.id, s]));
  const counts = new Map<Id, number>();
  return edition.pages.map((page, i) => {
    const id = own(plan.pages, page.id) ? plan.pages[page.id].sectionId : null;
    const section = id === null ? undefined : sections.get(id);
    if (!section || section.prefix === '') return String(i + 1);
    const n = (counts.get(section.id) ?? 0) + 1;
    counts.set(section.id, n);
    return `${section.prefix}${String(n).padStart(2, '0')}`;
  });
}

/** The section name a page prints: its plan section's, else the page's own label. */
export function sectionName(edition: Edition, page: Page): string {
  return sectionOfPage(edition, page.id)?.name ?? page.section;
}

/**
 * A page's state in the flatplan: signed off or in proof from the
 * proofreading desk (review), else what the desk set (planned, in layout).
 */
export function pageState(edition: Edition, pageId: Id): PageState {
  const review = pageStatus(edition, pageId);
  if (review === 'signed') return 'signed-off';
  if (review === 'in-proof') return 'in-proof';
  return pagePlanOf(edition, pageId).status;
}

/** Booked (no frame yet, or its frame is gone or on another page) or placed on its page. */
export function adState(edition: Edition, ad: AdBooking): 'booked' | 'placed' {
  if (ad.frameId === null || ad.pageId === null) return 'booked';
  const page = edition.pages.find((p) => p.id === ad.pageId);
  return page?.frames.some((f) => f.id === ad.frameId && f.kind === 'image') ? 'placed' : 'booked';
}

/** The ads booked on a page, in booking order. */
export function adsOnPage(edition: Edition, pageId: Id): AdBooking[] {
  return planOf(edition).ads.filter((ad) => ad.pageId === pageId);
}

const WEIGHT_ORDER: Record<StoryAssignment['weight'], number> = { lead: 0, second: 1, brief: 2 };

/** The stories assigned to a page (that still exist): lead first, then seconds, then briefs, each in plan order. */
export function assignmentsOnPage(edition: Edition, pageId: Id): StoryAssignment[] {
  const list = Object.values(planOf(edition).assignments).filter(
    (a) => a.pageId === pageId && own(edition.stories, a.storyId),
  );
  return list
    .map((a, i) => ({ a, i }))
    .sort((x, y) => WEIGHT_ORDER[x.a.weight] - WEIGHT_ORDER[y.a.weight] || x.i - y.i)
    .map(({ a }) => a);
}

/** A story's assignment, or null. */
export function assignmentOf(edition: Edition, storyId: Id): StoryAssignment | null {
  const assignments = planOf(edition).assignments;
  return own(assignments, storyId) ? assignments[storyId] : null;
}

/** Centimetres to points. */
export const cmToPt = (cm: number) => (cm * 72) / 2.54;
