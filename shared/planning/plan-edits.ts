/**
 * What the flatplan's gestures do to the plan, as operations: sections
 * added, renamed and removed, a page's section, colour and status, a story
 * moved to another page or given a budget, ads booked and placed. Each
 * returns the operations of one undo step (the app applies them together).
 */
import type { Operation } from '../model/ops/types';
import type { Asset, Edition, Id } from '../model/types';
import type {
  AdBooking,
  LengthBudget,
  PagePlan,
  PlanSection,
  StoryAssignment,
  StoryWeight,
} from '../model/plan-types';
import { assignmentOf, pagePlanOf, planOf } from '../model/plan';
import type { IdGenerator } from '../model/ids';
import { createImageFrame } from '../model/factories';
import { fitProportionally } from '../editing/image-fit';
import { LocalizedError } from '../services/locales/localized-error';
import { adFitProblem, adRect } from './ad-geometry';

/** The first letter A–Z no section uses as its prefix yet ('' when all are taken). */
export function nextPrefix(edition: Edition): string {
  const used = new Set(planOf(edition).sections.map((s) => s.prefix));
  for (let c = 65; c <= 90; c++) if (!used.has(String.fromCharCode(c))) return String.fromCharCode(c);
  return '';
}

/** A prefix is letters only (A, B, AA …) or empty; a name is not empty. */
function checkSection(edition: Edition, section: PlanSection): void {
  if (!section.name.trim()) throw new LocalizedError('flatplan.error.sectionName');
  if (!/^[A-Za-z]{0,3}$/.test(section.prefix))
    throw new LocalizedError('flatplan.error.prefix', { prefix: section.prefix });
  const clash = planOf(edition).sections.find(
    (s) => s.id !== section.id && s.prefix !== '' && s.prefix.toUpperCase() === section.prefix.toUpperCase(),
  );
  if (clash)
    throw new LocalizedError('flatplan.error.prefixTaken', { prefix: section.prefix, section: clash.name });
}

export function addSection(edition: Edition, name: string, prefix: string, ids: IdGenerator): Operation[] {
  const section: PlanSection = { id: ids('section'), name: name.trim(), prefix: prefix.trim().toUpperCase() };
  checkSection(edition, section);
  return [{ type: 'upsert_section', section }];
}

export function updateSection(
  edition: Edition,
  sectionId: Id,
  change: { name?: string; prefix?: string },
): Operation[] {
  const old = planOf(edition).sections.find((s) => s.id === sectionId);
  if (!old) return [];
  const section: PlanSection = {
    ...old,
    ...(change.name !== undefined ? { name: change.name.trim() } : {}),
    ...(change.prefix !== undefined ? { prefix: change.prefix.trim().toUpperCase() } : {}),
  };
  if (section.name === old.name && section.prefix === old.prefix) return [];
  checkSection(edition, section);
  return [{ type: 'upsert_section', section }];
}

/** Removes a section; its pages go to no section in the same step (undo gives both back). */
export function removeSection(edition: Edition, sectionId: Id): Operation[] {
  if (!planOf(edition).sections.some((s) => s.id === sectionId)) return [];
  const ops: Operation[] = [];
  for (const page of edition.pages) {
    const plan = pagePlanOf(edition, page.id);
    if (plan.sectionId === sectionId)
      ops.push({ type: 'set_page_plan', pageId: page.id, plan: { ...plan, sectionId: null } });
  }
  ops.push({ type: 'remove_section', sectionId });
  return ops;
}

/** Changes part of a page's plan (section, colour, status). */
export function setPagePlan(edition: Edition, pageId: Id, change: Partial<PagePlan>): Operation[] {
  const old = pagePlanOf(edition, pageId);
  const plan: PagePlan = { ...old, ...change };
  // A section that is gone reads as none: write none rather than a dangling id.
  if (plan.sectionId !== null && !planOf(edition).sections.some((s) => s.id === plan.sectionId))
    plan.sectionId = null;
  if (JSON.stringify(plan) === JSON.stringify(old)) return [];
  return [{ type: 'set_page_plan', pageId, plan }];
}

/** Assigns a story to a page (null: unassigned), keeping its weight, budget and photos. */
export function assignStory(edition: Edition, storyId: Id, pageId: Id | null): Operation[] {
  const old = assignmentOf(edition, storyId);
  if (old?.pageId === pageId) return [];
  const assignment: StoryAssignment = old
    ? { ...old, pageId }
    : { storyId, pageId, weight: 'second', budget: null, photos: [] };
  return [{ type: 'set_assignment', storyId, assignment }];
}

/**
 * Sets a planned story's weight or budget. A story laid out on a page that
 * the plan does not name yet gets planned there (`pageId`).
 */
export function setStoryPlan(
  edition: Edition,
  storyId: Id,
  change: { weight?: StoryWeight; budget?: LengthBudget | null },
  pageId: Id | null = null,
): Operation[] {
  const existing = assignmentOf(edition, storyId);
  const old: StoryAssignment | null =
    existing && existing.pageId !== null
      ? existing
      : pageId
        ? { storyId, pageId, weight: 'second', budget: null, photos: existing?.photos ?? [] }
        : null;
  if (!old) return [];
  const assignment: StoryAssignment = { ...old, ...change };
  if (existing && JSON.stringify(assignment) === JSON.stringify(existing)) return [];
  return [{ type: 'set_assignment', storyId, assignment }];
}

export interface AdRequest {
  advertiser: string;
  pageId: Id;
  columns: number;
  heightCm: number;
  anchor: AdBooking['anchor'];
}

/** Books an ad on a page; refuses one without an advertiser or that does not fit the page's grid. */
export function bookAd(
  edition: Edition,
  request: AdRequest,
  ids: IdGenerator,
): { ops: Operation[]; adId: Id } {
  const page = edition.pages.find((p) => p.id === request.pageId);
  if (!page) throw new LocalizedError('flatplan.error.noPage');
  if (!request.advertiser.trim()) throw new LocalizedError('flatplan.error.advertiser');
  const problem = adFitProblem(page, request);
  if (problem) throw new LocalizedError(`flatplan.error.${problem.key}`, problem.values);
  const ad: AdBooking = {
    id: ids('ad'),
    advertiser: request.advertiser.trim(),
    pageId: request.pageId,
    columns: request.columns,
    heightCm: request.heightCm,
    anchor: request.anchor,
    assetId: null,
    frameId: null,
  };
  return { ops: [{ type: 'upsert_ad', ad }], adId: ad.id };
}

/** Removes a booking; its placed frame goes with it. */
export function removeAd(edition: Edition, adId: Id): Operation[] {
  const ad = planOf(edition).ads.find((a) => a.id === adId);
  if (!ad) return [];
  const ops: Operation[] = [];
  if (ad.frameId && edition.pages.some((p) => p.frames.some((f) => f.id === ad.frameId)))
    ops.push({ type: 'remove_frame', frameId: ad.frameId });
  ops.push({ type: 'remove_ad', adId });
  return ops;
}

/**
 * Places an ad's material (an image asset, new or already in the edition):
 * a locked image frame exactly the booked size at the booked corner, the
 * image fitted proportionally inside it, and the booking marked with both.
 * An earlier frame of the ad is replaced.
 */
export function placeAd(
  edition: Edition,
  adId: Id,
  asset: Asset,
  ids: IdGenerator,
): { ops: Operation[]; frameId: Id } {
  const ad = planOf(edition).ads.find((a) => a.id === adId);
  if (!ad) throw new LocalizedError('flatplan.error.noAd');
  const page = ad.pageId ? edition.pages.find((p) => p.id === ad.pageId) : undefined;
  if (!page) throw new LocalizedError('flatplan.error.noPage');
  const ops: Operation[] = [];
  if (!Object.prototype.hasOwnProperty.call(edition.assets, asset.id)) ops.push({ type: 'add_asset', asset });
  if (ad.frameId && edition.pages.some((p) => p.frames.some((f) => f.id === ad.frameId)))
    ops.push({ type: 'remove_frame', frameId: ad.frameId });
  const frameId = ids('frame');
  const frame = createImageFrame(frameId, adRect(page, ad), {
    name: ad.advertiser,
    assetId: asset.id,
    // Ads arrive at their booked size: show all of it, never cropped.
    fit: 'fit-proportional',
    locked: true,
  });
  frame.content = fitProportionally(frame, { widthPx: asset.widthPx, heightPx: asset.heightPx });
  ops.push({ type: 'insert_frame', container: { pageId: page.id }, frame });
  ops.push({ type: 'upsert_ad', ad: { ...ad, assetId: asset.id, frameId } });
  return { ops, frameId };
}
