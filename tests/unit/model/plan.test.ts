import { describe, expect, it } from 'vitest';
import { applyOperation, applyOperations, type Operation } from '../../../shared/model/operations';
import { loadEdition } from '../../../shared/model/load';
import {
  adState,
  assignmentsOnPage,
  pageLabels,
  pageState,
  planOf,
  sectionName,
} from '../../../shared/model/plan';
import { createPage } from '../../../shared/model/factories';
import { getPagePreset } from '../../../shared/model/presets';
import { validateEdition } from '../../../shared/model/validate';
import { SCHEMA_VERSION, type Edition, type StoryAssignment } from '../../../shared/model/types';
import { applyAndUndo } from './op-helpers';
import { clone, sampleEdition } from './fixtures';

/** The fixture with `count` pages. */
function withPages(count: number): Edition {
  const edition = clone(sampleEdition());
  const preset = getPagePreset('cn-broadsheet');
  for (let i = edition.pages.length; i < count; i++)
    edition.pages.push(createPage(preset, `pg-x${i}`, { masterId: edition.masters[0].id }));
  return edition;
}

const apply = (edition: Edition, ops: Operation[]) => applyOperations(edition, ops).edition;

const assignment = (storyId: string, pageId: string, weight: StoryAssignment['weight']): StoryAssignment => ({
  storyId,
  pageId,
  weight,
  budget: { unit: 'characters', value: 800 },
  photos: [],
});

describe('edition plan', () => {
  it('numbers pages per section with its prefix (A01, A02, B01) and keeps plain numbers elsewhere', () => {
    let e = withPages(5);
    const [p1, p2, p3, p4, p5] = e.pages.map((p) => p.id);
    e = apply(e, [
      { type: 'upsert_section', section: { id: 'sec-a', name: '要闻', prefix: 'A' } },
      { type: 'upsert_section', section: { id: 'sec-b', name: '体育', prefix: 'B' } },
      { type: 'set_page_plan', pageId: p1, plan: { sectionId: 'sec-a', color: 'color', status: 'planned' } },
      { type: 'set_page_plan', pageId: p2, plan: { sectionId: 'sec-a', color: 'mono', status: 'planned' } },
      { type: 'set_page_plan', pageId: p3, plan: { sectionId: 'sec-b', color: 'mono', status: 'in-layout' } },
      { type: 'set_page_plan', pageId: p5, plan: { sectionId: 'sec-b', color: 'color', status: 'planned' } },
    ]);
    expect(pageLabels(e)).toEqual(['A01', 'A02', 'B01', '4', 'B02']);
    expect(sectionName(e, e.pages[2])).toBe('体育');
    // Moving a page renumbers: B02 before B01's page becomes B01.
    e = applyOperation(e, { type: 'move_page', pageId: p5, index: 2 }).edition;
    expect(pageLabels(e)).toEqual(['A01', 'A02', 'B01', 'B02', '5']);
    expect(e.pages[2].id).toBe(p5);
    // Renaming a section changes the name pages print; removing it leaves its pages in none.
    e = apply(e, [{ type: 'upsert_section', section: { id: 'sec-b', name: '体育新闻', prefix: 'B' } }]);
    expect(sectionName(e, e.pages[2])).toBe('体育新闻');
    e = applyOperation(e, { type: 'remove_section', sectionId: 'sec-b' }).edition;
    expect(pageLabels(e)).toEqual(['A01', 'A02', '3', '4', '5']);
    expect(e.pages.find((p) => p.id === p4)).toBeDefined();
  });

  it('takes in proof and signed off from the proofreading desk, planned and in layout from the plan', () => {
    let e = withPages(2);
    const [p1, p2] = e.pages.map((p) => p.id);
    expect(pageState(e, p1)).toBe('planned');
    e = apply(e, [
      { type: 'set_page_plan', pageId: p1, plan: { sectionId: null, color: 'color', status: 'in-layout' } },
    ]);
    expect(pageState(e, p1)).toBe('in-layout');
    const stamp = { author: '校对', color: '#2255aa', time: '2024-05-01T09:30:00.000Z' };
    e = apply(e, [{ type: 'set_signoff', pageId: p2, signoff: { ...stamp, roundId: null } }]);
    expect(pageState(e, p2)).toBe('signed-off');
    expect(pageState(e, p1)).toBe('in-layout');
  });

  it('undoes every plan operation exactly, the first one taking away the plan it made', () => {
    let e = withPages(2);
    const [p1, p2] = e.pages.map((p) => p.id);
    expect(e.plan).toBeUndefined();
    const ops: Operation[] = [
      { type: 'upsert_section', section: { id: 'sec-a', name: '要闻', prefix: 'A' } },
      { type: 'set_page_plan', pageId: p1, plan: { sectionId: 'sec-a', color: 'mono', status: 'planned' } },
      {
        type: 'upsert_ad',
        ad: {
          id: 'ad-1',
          advertiser: '周口百货',
          pageId: p2,
          columns: 4,
          heightCm: 10,
          anchor: 'bottom-right',
          assetId: 'as-1',
          frameId: null,
        },
      },
      { type: 'set_assignment', storyId: 'st-lead', assignment: assignment('st-lead', p1, 'lead') },
      { type: 'set_plan_settings', props: { exportPattern: '{date}-{page}.pdf' } },
    ];
    for (const op of ops) e = applyAndUndo(e, op);
    expect(planOf(e).sections).toHaveLength(1);
    expect(planOf(e).settings.exportPattern).toBe('{date}-{page}.pdf');
    // Removals put entries back where they were (applyAndUndo compares the JSON, key order included).
    e = applyAndUndo(e, {
      type: 'set_assignment',
      storyId: 'st-caption',
      assignment: assignment('st-caption', p1, 'brief'),
    });
    expect(assignmentsOnPage(e, p1).map((a) => a.storyId)).toEqual(['st-lead', 'st-caption']);
    e = applyAndUndo(e, { type: 'set_assignment', storyId: 'st-lead', assignment: null });
    e = applyAndUndo(e, { type: 'set_page_plan', pageId: p1, plan: null });
    e = applyAndUndo(e, { type: 'remove_ad', adId: 'ad-1' });
    e = applyAndUndo(e, { type: 'remove_section', sectionId: 'sec-a' });
    e = applyAndUndo(e, { type: 'set_plan', plan: null });
    expect(e.plan).toBeUndefined();
  });

  it('refuses records naming what does not exist, with the reason', () => {
    const e = withPages(1);
    const bad: [Operation, string][] = [
      [
        {
          type: 'set_page_plan',
          pageId: 'pg-none',
          plan: { sectionId: null, color: 'color', status: 'planned' },
        },
        'page "pg-none" does not exist',
      ],
      [
        {
          type: 'set_page_plan',
          pageId: e.pages[0].id,
          plan: { sectionId: 'sec-x', color: 'color', status: 'planned' },
        },
        'section "sec-x" does not exist',
      ],
      [
        {
          type: 'set_assignment',
          storyId: 'st-none',
          assignment: assignment('st-none', e.pages[0].id, 'lead'),
        },
        'story "st-none" does not exist',
      ],
      [{ type: 'remove_ad', adId: 'ad-none' }, 'ad "ad-none" does not exist'],
      [{ type: 'set_plan_settings', props: { exportPattern: '../x.pdf' } }, 'must not hold folders'],
    ];
    for (const [op, message] of bad) expect(() => applyOperation(e, op)).toThrow(message);
  });

  it('reads a placed ad as placed only while its frame is an image frame on its page', () => {
    let e = withPages(2);
    const ad = {
      id: 'ad-1',
      advertiser: 'A',
      pageId: e.pages[0].id,
      columns: 2,
      heightCm: 5,
      anchor: 'bottom-left' as const,
      assetId: null,
      frameId: 'fr-photo',
    };
    e = apply(e, [{ type: 'upsert_ad', ad }]);
    expect(adState(e, planOf(e).ads[0])).toBe('placed');
    e = apply(e, [{ type: 'upsert_ad', ad: { ...ad, pageId: e.pages[1].id } }]);
    expect(adState(e, planOf(e).ads[0])).toBe('booked');
  });

  it('carries a version-3 file to a plan with one section per page label, numbers and layout unchanged', () => {
    const v3 = clone(withPages(3)) as Edition;
    v3.schemaVersion = 3;
    v3.pages[0].section = '要闻';
    v3.pages[1].section = '要闻';
    v3.pages[2].section = '体育';
    const result = loadEdition(v3);
    if (!result.ok) throw new Error(result.message);
    expect(result.applied).toEqual(['add-edition-plan']);
    const e = result.edition;
    expect(e.schemaVersion).toBe(SCHEMA_VERSION);
    expect(planOf(e).sections.map((s) => [s.name, s.prefix])).toEqual([
      ['要闻', ''],
      ['体育', ''],
    ]);
    expect(pageLabels(e)).toEqual(['1', '2', '3']);
    expect(planOf(e).settings.jumpLines.enabled).toBe(false);
    expect(validateEdition(e).ok).toBe(true);
  });

  it('refuses a plan with duplicate ids or an assignment under another story key', () => {
    const e = withPages(1);
    const plan = {
      sections: [
        { id: 's', name: 'a', prefix: '' },
        { id: 's', name: 'b', prefix: '' },
      ],
      pages: {},
      ads: [],
      assignments: { 'st-lead': assignment('st-caption', e.pages[0].id, 'lead') },
      settings: planOf(apply(e, [{ type: 'upsert_section', section: { id: 'x', name: 'x', prefix: '' } }]))
        .settings,
    };
    const result = validateEdition({ ...e, plan });
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
    expect(issues).toContain('plan.sections[1].id: duplicate section id "s"');
    expect(issues).toContain(
      'plan.assignments["st-lead"].storyId: story id "st-caption" differs from its key "st-lead"',
    );
  });
});
