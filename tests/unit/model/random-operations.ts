/**
 * Random operations for property tests: a seed of random numbers and a
 * string, from which one operation of any kind is built against the current
 * edition (ids it names may or may not exist, so refusals are exercised too).
 */
import fc from 'fast-check';
import { blockLength, type Operation } from '../../../shared/model/operations';
import {
  createBlock,
  createBoxFrame,
  createPage,
  createStory,
  createTextFrame,
} from '../../../shared/model/factories';
import { getPagePreset } from '../../../shared/model/presets';
import { BLOCK_ROLES, type Edition } from '../../../shared/model/types';

/** Random numbers and a string from which one operation is built against the current edition. */
export const seedArb = fc.record({
  kind: fc.nat(),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
  text: fc.string({ maxLength: 6, unit: fc.constantFrom('新', '闻', 'a', 'Z', '1', ' ', '，', '。', '😀') }),
  flag: fc.boolean(),
});
export type Seed = typeof seedArb extends fc.Arbitrary<infer T> ? T : never;

const STAMP = { author: '校对', color: '#2255aa', time: '2024-05-01T09:30:00.000Z' };

const pick = <T>(list: readonly T[], n: number): T | undefined =>
  list.length ? list[n % list.length] : undefined;

/** Builds an operation of a kind chosen by the seed; ids it names may or may not exist (refusals are part of the test). */
export function buildOperation(e: Edition, s: Seed, serial: number): Operation {
  const storyIds = Object.keys(e.stories);
  const storyId = pick(storyIds, s.a) ?? 'st-none';
  const story = e.stories[storyId];
  const blockIndex = story ? s.b % (story.blocks.length + 1) : 0; // sometimes one past the end
  const length = story && story.blocks[blockIndex] ? blockLength(story.blocks[blockIndex]) : 0;
  const offset = s.c % (length + 2); // sometimes one past the end
  const frames = [...e.pages, ...e.masters].flatMap((c) => c.frames);
  const textFrames = frames.filter((f) => f.kind === 'text');
  const frame = pick(frames, s.b);
  const page = pick(e.pages, s.a);
  const fresh = `x${serial}`;
  const lastBlock = story ? Math.min(blockIndex, story.blocks.length - 1) : 0;
  const kinds: (() => Operation)[] = [
    () => ({ type: 'insert_text', storyId, block: blockIndex, offset, text: s.text }),
    () => ({ type: 'remove_text', storyId, block: blockIndex, offset, length: s.a % 4 }),
    // The proofreading desk: notes and tracked changes whose anchors the text operations then move.
    () => ({
      type: 'upsert_note',
      note: {
        id: s.flag ? `nt-${fresh}` : (pick(e.review?.notes ?? [], s.b)?.id ?? `nt-${fresh}`),
        ...STAMP,
        anchor: {
          kind: 'text',
          storyId,
          from: { block: blockIndex, offset: 0 },
          to: { block: blockIndex, offset },
          quote: s.text,
        },
        text: s.text,
        replies: [],
        resolved: s.flag ? null : STAMP,
      },
    }),
    // Review records are rare in a sequence: with none to remove, this adds one instead.
    () =>
      e.review?.notes.length ? { type: 'remove_note', noteId: pick(e.review.notes, s.b)!.id } : kinds[2](),
    () => ({
      type: 'upsert_change',
      change: {
        id: `ch-${fresh}`,
        ...STAMP,
        kind: 'insert',
        storyId,
        // Inside the story more often than the other kinds, so that remove_change has records to remove.
        from: { block: lastBlock, offset: Math.min(offset, length, s.a % (length + 1)) },
        to: { block: lastBlock, offset: Math.min(offset, length) },
      },
    }),
    () =>
      e.review?.changes.length
        ? { type: 'remove_change', changeId: pick(e.review.changes, s.b)!.id }
        : kinds[4](),
    () => ({
      type: 'set_signoff',
      pageId: page?.id ?? 'pg-none',
      signoff: s.flag ? { ...STAMP, roundId: null } : null,
    }),
    () => ({
      type: 'set_review_settings',
      props: { trackChanges: s.flag },
      trackStories: { [storyId]: s.a % 3 === 0 ? null : s.flag },
    }),
    () => ({
      type: 'split_block',
      storyId,
      block: blockIndex,
      offset,
      ...(s.flag ? { newType: 'body' as const } : {}),
    }),
    () => ({ type: 'merge_block', storyId, block: blockIndex }),
    () => ({
      type: 'set_block',
      storyId,
      block: blockIndex,
      props: { type: pick(BLOCK_ROLES, s.c), ...(s.flag ? { styleId: null } : {}) },
    }),
    () => ({
      type: 'set_marks',
      storyId,
      from: { block: 0, offset: 0 },
      to: { block: blockIndex, offset },
      marks: s.flag
        ? { bold: true, charStyleId: 'cs-red' }
        : { bold: false, italic: s.a % 2 === 0, charStyleId: null },
    }),
    () => ({
      type: 'set_story_blocks',
      storyId,
      blocks: [createBlock(pick(BLOCK_ROLES, s.b) ?? 'body', s.text)],
    }),
    () => ({
      type: 'add_story',
      story: createStory(`st-${fresh}`, s.text, [createBlock('body', s.text)], []),
    }),
    () => ({ type: 'remove_story', storyId }),
    () => ({
      type: 'set_story_thread',
      storyId,
      thread: textFrames.filter((_, i) => (s.c >> i) & 1).map((f) => f.id),
    }),
    () => ({
      type: 'insert_frame',
      container: s.flag
        ? { pageId: page?.id ?? 'pg-none' }
        : { masterId: pick(e.masters, s.a)?.id ?? 'ms-none' },
      frame:
        s.a % 2
          ? createTextFrame(`fr-${fresh}`, { x: s.b % 500, y: s.c % 500, width: 100, height: 80 })
          : createBoxFrame(`fr-${fresh}`, { x: 1, y: 2, width: 3, height: 4 }),
    }),
    () => ({ type: 'remove_frame', frameId: frame?.id ?? 'fr-none' }),
    () => ({
      type: 'update_frame',
      frameId: frame?.id ?? 'fr-none',
      props: s.flag ? { x: s.c % 700, locked: true } : { width: (s.c % 300) - 20 },
    }),
    () => ({
      type: 'move_frame',
      frameId: frame?.id ?? 'fr-none',
      container: { pageId: page?.id ?? 'pg-none' },
      index: s.c % 3,
    }),
    () => ({ type: 'reorder_frame', frameId: frame?.id ?? 'fr-none', index: s.c % 4 }),
    () => ({
      type: 'insert_page',
      index: s.c % (e.pages.length + 2),
      page: createPage(getPagePreset('cn-tabloid'), `pg-${fresh}`),
    }),
    () => ({ type: 'remove_page', pageId: page?.id ?? 'pg-none' }),
    () => ({ type: 'move_page', pageId: page?.id ?? 'pg-none', index: s.c % (e.pages.length + 1) }),
    () => ({
      type: 'set_page_props',
      pageId: page?.id ?? 'pg-none',
      props: { columns: s.c % 9, section: s.text },
    }),
    () => ({ type: 'insert_master', master: { id: `ms-${fresh}`, name: s.text, frames: [] } }),
    () => ({ type: 'remove_master', masterId: pick(e.masters, s.a)?.id ?? 'ms-none' }),
    () => ({
      type: 'upsert_paragraph_style',
      style: {
        id: s.flag ? `ps-${fresh}` : (pick(Object.keys(e.styles.paragraph), s.b) ?? 'ps-x'),
        name: s.text,
        basedOn: pick(Object.keys(e.styles.paragraph), s.c) ?? null,
        leading: 10 + (s.a % 10),
      },
    }),
    // With the flag, the newest style (likely one the sequence added, so unused).
    () => ({
      type: 'remove_paragraph_style',
      styleId:
        (s.flag ? Object.keys(e.styles.paragraph).at(-1) : pick(Object.keys(e.styles.paragraph), s.b)) ??
        'ps-x',
    }),
    () => ({
      type: 'upsert_character_style',
      style: {
        id: `cs-${fresh}`,
        name: s.text,
        basedOn: s.flag ? 'cs-red' : null,
        fontWeight: 100 * (1 + (s.a % 9)),
      },
    }),
    () => ({ type: 'remove_character_style', styleId: pick(Object.keys(e.styles.character), s.b) ?? 'cs-x' }),
    () => ({
      type: 'delete_paragraph_style',
      styleId: pick(Object.keys(e.styles.paragraph), s.b) ?? 'ps-x',
      replaceWith: s.flag ? null : (pick(Object.keys(e.styles.paragraph), s.c) ?? null),
    }),
    () => ({
      type: 'delete_character_style',
      styleId: pick(Object.keys(e.styles.character), s.b) ?? 'cs-x',
      replaceWith: s.flag ? null : (pick(Object.keys(e.styles.character), s.c) ?? null),
    }),
    () => ({
      type: 'set_role_style',
      role: pick(BLOCK_ROLES, s.a) ?? 'body',
      styleId: pick(Object.keys(e.styles.paragraph), s.b) ?? 'ps-x',
    }),
    () => ({
      type: 'upsert_swatch',
      swatch: { id: `sw-${fresh}`, name: s.text, cmyk: [s.a % 101, s.b % 101, s.c % 101, 0], spot: null },
    }),
    () => ({ type: 'remove_swatch', swatchId: pick(Object.keys(e.styles.swatches), s.b) ?? 'sw-x' }),
    () => ({
      type: 'add_asset',
      asset: {
        id: `as-${fresh}`,
        name: 'p.jpg',
        path: `assets/${fresh}.jpg`,
        mime: 'image/jpeg',
        widthPx: 1 + (s.a % 100),
        heightPx: 1 + (s.b % 100),
        colorSpace: 'rgb',
        byteLength: 3,
      },
    }),
    () => ({ type: 'remove_asset', assetId: pick(Object.keys(e.assets), s.b) ?? 'as-x' }),
    () => ({ type: 'set_meta', props: { issueNumber: s.a, editionName: s.text } }),
    () => ({
      type: 'set_copy_checks',
      settings: s.flag
        ? null
        : { off: s.a % 2 ? ['spelling'] : [], houseList: [{ from: '其它', to: s.text }] },
    }),
    // The desk's plan: sections, page plans, ads and assignments (ids that may or may not exist).
    () =>
      s.a % 5 === 0
        ? { type: 'set_plan', plan: null }
        : {
            type: 'set_plan_settings',
            props: { jumpLines: { enabled: s.flag, continuedOn: s.text, continuedFrom: '' } },
          },
    () =>
      e.plan?.sections.length && s.c % 2 === 0
        ? { type: 'remove_section', sectionId: pick(e.plan.sections, s.b)!.id }
        : {
            type: 'upsert_section',
            section: {
              id: s.flag ? `sec-${fresh}` : (pick(e.plan?.sections ?? [], s.b)?.id ?? 'sec-1'),
              name: s.text,
              prefix: s.flag ? 'A' : '',
            },
          },
    () =>
      s.flag || !e.plan?.sections.length
        ? {
            type: 'set_page_plan',
            pageId: page?.id ?? 'pg-none',
            plan:
              s.b % 3 === 0
                ? null
                : {
                    sectionId: pick(e.plan?.sections ?? [], s.c)?.id ?? null,
                    color: s.flag ? 'mono' : 'color',
                    status: 'in-layout',
                  },
          }
        : { type: 'remove_section', sectionId: pick(e.plan.sections, s.c)!.id },
    () =>
      !e.plan?.ads.length || s.c % 2 === 0
        ? {
            type: 'upsert_ad',
            ad: {
              id: `ad-${s.a % 3}`,
              advertiser: s.text,
              pageId: page?.id ?? null,
              columns: 1 + (s.b % 8),
              heightCm: 1 + (s.c % 30),
              anchor: 'bottom-left',
              assetId: null,
              frameId: frame?.id ?? null,
            },
          }
        : { type: 'remove_ad', adId: pick(e.plan.ads, s.c)!.id },
    () => ({
      type: 'set_assignment',
      storyId,
      assignment:
        s.flag && e.plan?.assignments[storyId]
          ? null
          : {
              storyId,
              pageId: page?.id ?? null,
              weight: (['lead', 'second', 'brief'] as const)[s.b % 3],
              budget: s.c % 2 ? null : { unit: 'characters', value: s.c },
              photos: [],
            },
    }),
    () => ({ type: 'set_story_props', storyId, props: { name: s.text } }),
    () => ({
      type: 'set_master_props',
      masterId: pick(e.masters, s.a)?.id ?? 'ms-none',
      props: { name: s.text },
    }),
    () => ({
      type: 'replace_blocks',
      storyId,
      index: blockIndex,
      count: s.a % 2,
      blocks: s.flag ? [createBlock('caption', s.text)] : [],
    }),
    () => ({
      type: 'batch',
      ops: [
        {
          type: 'insert_frame',
          container: { pageId: page?.id ?? 'pg-none' },
          frame: createTextFrame(`fr-${fresh}`, { x: 0, y: 0, width: 50, height: 50 }),
        },
        { type: 'set_story_thread', storyId, thread: [...(story?.thread ?? []), `fr-${fresh}`] },
      ],
    }),
  ];
  return kinds[s.kind % kinds.length]();
}
