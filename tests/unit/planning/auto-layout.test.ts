/**
 * Auto-layout of a page, on the sample edition's copy and on copy of our
 * own (an English page planned by the desk, with a photo that has no frame
 * yet; a Chinese page of other stories laid out by the template): every
 * proposal places every story with no overset, modules do not overlap and
 * stay in the region, the best proposal of the sample leaves under 2 % of
 * the column area empty, and the same input gives the same proposals.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Edition, Frame, Story } from '../../../shared/model/types';
import { applyOperations } from '../../../shared/model/operations';
import { validateEdition } from '../../../shared/model/validate';
import { sequentialIds } from '../../../shared/model/ids';
import { importMarkdown, importText } from '../../../shared/import';
import { buildSampleEdition, placeStories } from '../../../shared/sample';
import { composeEdition } from '../../../shared/layout';
import type { ParagraphComposer } from '../../../shared/layout/paragraph-types';
import { createNodeComposer } from '../../../main/fonts';
import {
  emptyColumnArea,
  pageAlone,
  proposeLayouts,
  readPageInput,
  type AutoLayoutResult,
} from '../../../shared/planning/auto-layout';

let composer: ParagraphComposer;
beforeAll(async () => {
  composer = await createNodeComposer();
});

const overlaps = (a: Frame, b: Frame) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

/** Applies each proposal and checks, by composing the page, what a designer would check. */
function expectSound(edition: Edition, pageIndex: number, result: AutoLayoutResult) {
  expect(result.proposals.length).toBe(3);
  const storyIds = result.input.stories.map((s) => s.storyId);
  for (const proposal of result.proposals) {
    const applied = applyOperations(edition, proposal.operations).edition;
    const check = validateEdition(applied);
    expect(check.ok ? [] : check.issues).toEqual([]);
    const list = composeEdition(applied, composer);
    const page = list.pages[pageIndex];
    for (const id of storyIds) {
      // Placed: its lines are on the page, all of its text set.
      const report = list.stories[id];
      expect(report.oversetCharacters, `${id} overset in proposal ${proposal.rank}`).toBe(0);
      expect(report.charactersSet).toBe(report.totalCharacters);
      expect(page.items.some((i) => i.kind === 'text' && i.storyId === id && i.lines.length > 0)).toBe(true);
    }
    for (const s of result.input.stories)
      for (const p of s.photos)
        if (p.captionStoryId) expect(list.stories[p.captionStoryId].oversetCharacters).toBe(0);
    expect(proposal.score.overset).toBe(0);
    expect(proposal.score.dropped).toBe(0);
    expect(proposal.score.leadNotOnTop).toBe(0);
    // Modules tile the region without overlapping.
    const { region } = result.input;
    const modules = proposal.modules.map(
      (m) => ({ x: m.x, y: m.top, width: m.width, height: m.height }) as Frame,
    );
    expect(new Set(proposal.modules.map((m) => m.storyId))).toEqual(new Set(storyIds));
    modules.forEach((a, i) => {
      expect(a.x).toBeGreaterThanOrEqual(region.x - 0.01);
      expect(a.y).toBeGreaterThanOrEqual(region.y - 0.01);
      expect(a.x + a.width).toBeLessThanOrEqual(region.x + region.width + 0.01);
      expect(a.y + a.height).toBeLessThanOrEqual(region.y + region.height + 0.01);
      modules.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false));
    });
    // The lead's module starts at the region's top.
    const lead = proposal.modules.find((m) => m.storyId === result.input.stories[0].storyId)!;
    expect(lead.top).toBeCloseTo(region.y, 3);
    // The score's empty area is what the page as composed shows.
    const empty = emptyColumnArea(page, result.input, new Set(storyIds));
    expect(proposal.score.emptyPercent).toBeCloseTo(empty.percent, 1);
  }
  const totals = result.proposals.map((p) => p.score.total);
  expect([...totals].sort((a, b) => a - b)).toEqual(totals);
}

describe('auto-layout of the sample page', () => {
  const { edition } = buildSampleEdition();
  let result: AutoLayoutResult;
  beforeAll(() => {
    result = proposeLayouts(edition, 0, composer);
  });

  it('takes the stories on the page, lead first, with their photos, and leaves the banner where it is', () => {
    expect(result.input.source).toBe('page');
    expect(result.input.stories).toHaveLength(7);
    expect(result.input.stories[0].weight).toBe('lead');
    expect(result.input.stories.flatMap((s) => s.photos)).toHaveLength(2);
    const banner = edition.pages[0].frames.find((f) => f.name === '通栏')!;
    expect(result.input.replacedFrameIds).not.toContain(banner.id);
    expect(result.input.region.y).toBeGreaterThan(banner.y + banner.height);
  });

  it('gives three proposals that place every story with no overset', () => {
    expectSound(edition, 0, result);
  });

  it('has a proposal with under 2 % empty column area, less than the hand-made page', () => {
    const best = result.proposals[0];
    expect(best.score.emptyPercent).toBeLessThan(2);
    const hand = composeEdition(pageAlone(edition, 0), composer);
    const handEmpty = emptyColumnArea(
      hand.pages[0],
      result.input,
      new Set(result.input.stories.map((s) => s.storyId)),
    );
    expect(handEmpty.percent).toBeGreaterThan(best.score.emptyPercent);
  });

  it('keeps every photo inside its story module and no headline over two lines in the best proposal', () => {
    const best = result.proposals[0];
    expect(best.score.photosAway).toBe(0);
    expect(best.score.longHeadlines).toBe(0);
    for (const s of result.input.stories) {
      const m = best.modules.find((x) => x.storyId === s.storyId)!;
      for (const p of s.photos) {
        const frame = best.frames.find((f) => f.id === p.frameId)!;
        expect(frame.x).toBeGreaterThanOrEqual(m.x - 0.01);
        expect(frame.x + frame.width).toBeLessThanOrEqual(m.x + m.width + 0.01);
        expect(frame.y).toBeGreaterThanOrEqual(m.top - 0.01);
        expect(frame.y + frame.height).toBeLessThanOrEqual(m.top + m.height + 0.01);
      }
    }
  });

  it('is deterministic: the same edition gives the same proposals, frame ids included', () => {
    const again = proposeLayouts(buildSampleEdition().edition, 0, composer);
    expect(again.proposals.map((p) => p.operations)).toEqual(result.proposals.map((p) => p.operations));
    expect(again.proposals.map((p) => p.score)).toEqual(result.proposals.map((p) => p.score));
  });

  it('applies a proposal as one undo step whose inverse restores the page', () => {
    const applied = applyOperations(edition, result.proposals[0].operations);
    const undone = applyOperations(applied.edition, [applied.inverse]).edition;
    expect(new Set(undone.pages[0].frames.map((f) => JSON.stringify(f)))).toEqual(
      new Set(edition.pages[0].frames.map((f) => JSON.stringify(f))),
    );
    for (const id of Object.keys(edition.stories))
      expect(undone.stories[id].thread).toEqual(edition.stories[id].thread);
  });
});

const words = [
  'council',
  'bridge',
  'river',
  'vote',
  'city',
  'budget',
  'school',
  'harbour',
  'market',
  'mayor',
];
const sentence = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => words[(i * 7 + seed * 3) % words.length]).join(' ') + '.';

/** An English page of six stories of other lengths, planned by the desk, with a photo not yet on the page. */
function plannedEnglishPage(): { edition: Edition; captionId: string } {
  const lengths = [9, 3, 5, 2, 4, 1];
  const md = lengths
    .map(
      (paragraphs, s) =>
        `# ${['Harbour plan wins council vote', 'New bridge opens', 'Schools add classes', 'Market hours', 'River clean-up', 'In brief'][s]}\n\n` +
        `SPRINGFIELD — ${sentence(30, s)}\n\n` +
        Array.from({ length: paragraphs }, (_, p) => sentence(45 + ((s + p) % 4) * 10, s + p)).join('\n\n'),
    )
    .join('\n\n');
  const placed = placeStories(importMarkdown(md), { language: 'en', ids: sequentialIds() });
  const edition = structuredClone(placed.edition);
  const caption: Story = {
    id: 'st-photo-caption',
    name: 'Caption: the new bridge',
    blocks: [
      { type: 'caption', children: [{ text: 'The new bridge at dawn, before the first cars crossed.' }] },
    ],
    thread: [],
  };
  edition.stories[caption.id] = caption;
  const weights = ['lead', 'second', 'second', 'brief', 'second', 'brief'] as const;
  const page = edition.pages[0];
  edition.plan = {
    sections: [],
    pages: {},
    ads: [],
    settings: {
      exportPattern: '{date}_{page}.pdf',
      jumpLines: { enabled: false, continuedOn: '', continuedFrom: '' },
    },
    assignments: Object.fromEntries(
      placed.storyIds.map((id, i) => [
        id,
        {
          storyId: id,
          pageId: page.id,
          weight: weights[i],
          budget: null,
          photos: i === 1 ? [{ assetId: null, captionStoryId: caption.id }] : [],
        },
      ]),
    ),
  };
  // The template put every story on the first page; keep only page one's.
  return { edition, captionId: caption.id };
}

describe('auto-layout of a page planned by the desk (English, US broadsheet)', () => {
  it('places the planned stories and the new photo, three sound proposals', () => {
    const { edition, captionId } = plannedEnglishPage();
    const input = readPageInput(edition, 0);
    expect(input.source).toBe('plan');
    expect(input.stories.map((s) => s.weight)).toEqual([
      'lead',
      'second',
      'second',
      'second',
      'brief',
      'brief',
    ]);
    const result = proposeLayouts(edition, 0, composer);
    expectSound(edition, 0, result);
    for (const p of result.proposals) {
      const photo = p.frames.find((f) => f.kind === 'image' && f.captionStoryId === captionId);
      expect(photo, 'the planned photo gets a frame').toBeDefined();
      expect(p.threads[captionId]).toHaveLength(1);
    }
  });
});

const HAN = '城市建设交通工程项目推进居民生活服务社区管理经济发展文化教育卫生';
const hanSentence = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => HAN[(i * 5 + seed * 11) % HAN.length]).join('') + '。';

describe('auto-layout of a Chinese page of other stories', () => {
  it('gives three sound proposals for five stories of other lengths', () => {
    const text = [
      '## 城市更新行动全面提速 老旧小区焕发新颜',
      `本报讯(记者 王明)${hanSentence(60, 1)}`,
      ...Array.from({ length: 8 }, (_, p) => hanSentence(120 + p * 7, p)),
      '## 公交线路优化调整',
      `本报讯(记者 李华)${hanSentence(50, 2)}`,
      ...Array.from({ length: 3 }, (_, p) => hanSentence(100, p + 3)),
      '## 社区食堂开门迎客',
      `本报讯(记者 张丽)${hanSentence(40, 3)}`,
      ...Array.from({ length: 2 }, (_, p) => hanSentence(90, p + 5)),
      '## 文化中心下月开放',
      `本报讯(记者 赵刚)${hanSentence(70, 4)}`,
      ...Array.from({ length: 5 }, (_, p) => hanSentence(110, p + 7)),
      '## 简讯',
      `本报讯 ${hanSentence(80, 5)}`,
    ].join('\n\n');
    const placed = placeStories(importText(text, { language: 'zh-Hans' }), {
      language: 'zh-Hans',
      ids: sequentialIds(),
    });
    const edition = placed.edition;
    expect(edition.pages).toHaveLength(1);
    const result = proposeLayouts(edition, 0, composer);
    expect(result.input.stories).toHaveLength(5);
    expectSound(edition, 0, result);
  });
});
