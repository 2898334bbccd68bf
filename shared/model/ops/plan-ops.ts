/**
 * Plan operations (edition.plan): sections, each page's plan, ad bookings,
 * story assignments and the plan's settings. Each has an exact inverse; the
 * first one on an edition without a plan makes one (newPlan), and its
 * inverse takes the plan away again.
 */
import type { Edition, Id } from '../types';
import type { AdBooking, EditionPlan, PagePlan, PlanSection, StoryAssignment } from '../plan-types';
import {
  adBookingSchema,
  pagePlanSchema,
  planSchema,
  planSectionSchema,
  planSettingsSchema,
  storyAssignmentSchema,
} from '../schema';
import { newPlan } from '../plan';
import type { AppliedOperation, Operation, PlanOperation } from './types';
import { OperationError, ensure } from './errors';
import { checkShape } from './checks';
import { hasKey } from './locate';

type Keyed = { id: Id };

function upsert<T extends Keyed>(list: readonly T[], item: T, index?: number): { list: T[]; old: T | null } {
  const existing = list.findIndex((x) => x.id === item.id);
  const out = list.slice();
  if (existing >= 0) {
    out[existing] = item;
    return { list: out, old: list[existing] };
  }
  const at = index === undefined ? out.length : Math.max(0, Math.min(Math.floor(index), out.length));
  out.splice(at, 0, item);
  return { list: out, old: null };
}

function removeFrom<T extends Keyed>(list: readonly T[], id: Id, opType: string, what: string) {
  const at = list.findIndex((x) => x.id === id);
  ensure(at >= 0, opType, `${what} "${String(id)}" does not exist`);
  const out = list.slice();
  out.splice(at, 1);
  return { list: out, old: list[at], at };
}

const pageExists = (edition: Edition, pageId: Id) => edition.pages.some((p) => p.id === pageId);

/**
 * A record entry set (value) or removed (null); the old value and its
 * place. A new entry goes at `index` (default: last), so an undone removal
 * puts it back where it was and the JSON is the same, key order included.
 */
function setEntry<T>(
  record: Record<Id, T>,
  key: Id,
  value: T | null,
  index?: number,
): { record: Record<Id, T>; old: T | null; at: number } {
  const keys = Object.keys(record);
  const at = keys.indexOf(key);
  const old = at >= 0 ? record[key] : null;
  if (value === null) {
    const { [key]: _gone, ...rest } = record;
    return { record: rest as Record<Id, T>, old, at };
  }
  if (at >= 0 || index === undefined || index >= keys.length)
    return { record: { ...record, [key]: value }, old, at };
  const out: Record<Id, T> = {};
  keys.forEach((k, i) => {
    if (i === Math.max(0, Math.floor(index))) out[key] = value;
    out[k] = record[k];
  });
  return { record: out, old, at };
}

function checkAd(edition: Edition, ad: AdBooking, opType: string): void {
  if (ad.pageId !== null)
    ensure(pageExists(edition, ad.pageId), opType, `page "${ad.pageId}" does not exist`);
  if (ad.assetId !== null)
    ensure(hasKey(edition.assets, ad.assetId), opType, `asset "${ad.assetId}" does not exist`);
}

function checkAssignment(edition: Edition, assignment: StoryAssignment, opType: string): void {
  ensure(hasKey(edition.stories, assignment.storyId), opType, `story "${assignment.storyId}" does not exist`);
  if (assignment.pageId !== null)
    ensure(pageExists(edition, assignment.pageId), opType, `page "${assignment.pageId}" does not exist`);
  for (const photo of assignment.photos) {
    if (photo.assetId !== null)
      ensure(hasKey(edition.assets, photo.assetId), opType, `asset "${photo.assetId}" does not exist`);
    if (photo.captionStoryId !== null)
      ensure(
        hasKey(edition.stories, photo.captionStoryId),
        opType,
        `story "${photo.captionStoryId}" does not exist`,
      );
  }
}

/**
 * The edition with `plan`, and the inverse: `inverse` itself when the
 * edition had a plan, else one that removes the plan the operation made.
 */
function withPlan(edition: Edition, plan: EditionPlan, inverse: Operation): AppliedOperation {
  return {
    edition: { ...edition, plan },
    inverse: edition.plan ? inverse : { type: 'set_plan', plan: null },
  };
}

export function applyPlanOperation(edition: Edition, op: PlanOperation): AppliedOperation {
  const plan = edition.plan ?? newPlan();
  switch (op.type) {
    case 'set_plan': {
      if (op.plan === null) {
        if (!edition.plan) return { edition, inverse: { type: 'set_plan', plan: null } };
        const { plan: old, ...rest } = edition;
        return { edition: rest as Edition, inverse: { type: 'set_plan', plan: old } };
      }
      const next = checkShape(planSchema, op.plan, op.type, 'plan') as EditionPlan;
      return {
        edition: { ...edition, plan: next },
        inverse: { type: 'set_plan', plan: edition.plan ?? null },
      };
    }
    case 'upsert_section': {
      const section = checkShape(planSectionSchema, op.section, op.type, 'section') as PlanSection;
      const { list, old } = upsert(plan.sections, section, op.index);
      return withPlan(
        edition,
        { ...plan, sections: list },
        old ? { type: 'upsert_section', section: old } : { type: 'remove_section', sectionId: section.id },
      );
    }
    case 'remove_section': {
      const { list, old, at } = removeFrom(plan.sections, op.sectionId, op.type, 'section');
      return withPlan(
        edition,
        { ...plan, sections: list },
        { type: 'upsert_section', section: old, index: at },
      );
    }
    case 'set_page_plan': {
      ensure(
        typeof op.pageId === 'string' && pageExists(edition, op.pageId),
        op.type,
        `page "${String(op.pageId)}" does not exist`,
      );
      const value =
        op.plan === null ? null : (checkShape(pagePlanSchema, op.plan, op.type, 'page plan') as PagePlan);
      if (value?.sectionId != null)
        ensure(
          plan.sections.some((s) => s.id === value.sectionId),
          op.type,
          `section "${value.sectionId}" does not exist`,
        );
      const { record, old, at } = setEntry(plan.pages, op.pageId, value, op.index);
      return withPlan(
        edition,
        { ...plan, pages: record },
        { type: 'set_page_plan', pageId: op.pageId, plan: old, ...(old && !value ? { index: at } : {}) },
      );
    }
    case 'upsert_ad': {
      const ad = checkShape(adBookingSchema, op.ad, op.type, 'ad') as AdBooking;
      checkAd(edition, ad, op.type);
      const { list, old } = upsert(plan.ads, ad, op.index);
      return withPlan(
        edition,
        { ...plan, ads: list },
        old ? { type: 'upsert_ad', ad: old } : { type: 'remove_ad', adId: ad.id },
      );
    }
    case 'remove_ad': {
      const { list, old, at } = removeFrom(plan.ads, op.adId, op.type, 'ad');
      return withPlan(edition, { ...plan, ads: list }, { type: 'upsert_ad', ad: old, index: at });
    }
    case 'set_assignment': {
      ensure(typeof op.storyId === 'string', op.type, 'storyId must be a story id');
      let value: StoryAssignment | null = null;
      if (op.assignment !== null) {
        value = checkShape(storyAssignmentSchema, op.assignment, op.type, 'assignment') as StoryAssignment;
        ensure(
          value.storyId === op.storyId,
          op.type,
          `the assignment is for story "${value.storyId}", not "${op.storyId}"`,
        );
        checkAssignment(edition, value, op.type);
      } else {
        ensure(hasKey(plan.assignments, op.storyId), op.type, `story "${op.storyId}" has no assignment`);
      }
      const { record, old, at } = setEntry(plan.assignments, op.storyId, value, op.index);
      return withPlan(
        edition,
        { ...plan, assignments: record },
        {
          type: 'set_assignment',
          storyId: op.storyId,
          assignment: old,
          ...(old && !value ? { index: at } : {}),
        },
      );
    }
    case 'set_plan_settings': {
      const props = (op.props ?? {}) as Record<string, unknown>;
      for (const key of Object.keys(props))
        ensure(key === 'exportPattern' || key === 'jumpLines', op.type, `"${key}" is not a plan setting`);
      const settings = checkShape(planSettingsSchema, { ...plan.settings, ...props }, op.type, 'settings');
      const back: Record<string, unknown> = {};
      for (const key of Object.keys(props))
        back[key] = (plan.settings as unknown as Record<string, unknown>)[key];
      return withPlan(
        edition,
        { ...plan, settings: settings as EditionPlan['settings'] },
        { type: 'set_plan_settings', props: back },
      );
    }
    default:
      throw new OperationError((op as { type: string }).type, 'unknown plan operation');
  }
}
