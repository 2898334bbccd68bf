/**
 * The default template on copy other than the sample: English on a US
 * broadsheet, more copy than a page holds, a lead longer than a page; and
 * the band packing it rests on.
 */
import { describe, expect, it } from 'vitest';
import type { Frame, TextFrame } from '../../../shared/model/types';
import { validateEdition } from '../../../shared/model/validate';
import { sequentialIds } from '../../../shared/model/ids';
import { importMarkdown, importText } from '../../../shared/import';
import { packBands, placeStories } from '../../../shared/sample';
import { compositions } from '../../../shared/sample/bands';
import { resolveParagraphStyle } from '../../../shared/model/styles';
import { composeEdition } from '../../../shared/layout';
import { createNodeComposer } from '../../../main/fonts';

const paragraph = (words: number, seed: number) =>
  Array.from(
    { length: words },
    (_, i) => ['council', 'bridge', 'river', 'vote', 'city', 'budget'][(i + seed) % 6],
  ).join(' ') + '.';

function englishCopy(stories: number, paragraphs: number): string {
  return Array.from(
    { length: stories },
    (_, s) =>
      `# Story number ${s + 1}\n\nBy Reporter ${s + 1}\n\nSPRINGFIELD — ${paragraph(40, s)}\n\n` +
      Array.from({ length: paragraphs }, (_, p) => paragraph(60, s + p)).join('\n\n'),
  ).join('\n\n');
}

function expectValid(edition: unknown) {
  const result = validateEdition(edition);
  expect(result.ok ? [] : result.issues).toEqual([]);
}

const overlaps = (a: Frame, b: Frame) =>
  a.x < b.x + b.width - 0.01 &&
  b.x < a.x + a.width - 0.01 &&
  a.y < b.y + b.height - 0.01 &&
  b.y < a.y + a.height - 0.01;

describe('placing English copy', () => {
  const copy = importMarkdown(englishCopy(4, 4));
  const { edition, storyIds } = placeStories(copy, { language: 'en', ids: sequentialIds() });

  it('uses the US broadsheet and English styles', () => {
    expectValid(edition);
    expect(edition.meta.language).toBe('en');
    expect(edition.pages[0].size.width).toBeCloseTo(12 * 72);
    expect(edition.pages[0].columns).toBe(6);
  });

  it('snaps body lines to a grid of the body leading, so they are not double-spaced', () => {
    const body = resolveParagraphStyle(edition.styles, { type: 'body' });
    for (const page of edition.pages) expect(page.baselineGrid?.increment).toBe(body.leading);
  });

  it('sets every story without overset in the real composer', async () => {
    const list = composeEdition(edition, await createNodeComposer());
    for (const id of storyIds) expect(list.stories[id].oversetCharacters, edition.stories[id].name).toBe(0);
  });

  it('threads every story through frames that do not overlap', () => {
    const frames = edition.pages.flatMap((p) => p.frames);
    const storyFrames = storyIds.map(
      (id) => frames.find((f) => f.id === edition.stories[id].thread[0]) as TextFrame,
    );
    expect(storyFrames.every((f) => f && f.kind === 'text')).toBe(true);
    for (let i = 0; i < storyFrames.length; i++) {
      for (let j = i + 1; j < storyFrames.length; j++) {
        const samePage = edition.pages.some(
          (p) => p.frames.includes(storyFrames[i]) && p.frames.includes(storyFrames[j]),
        );
        if (samePage) expect(overlaps(storyFrames[i], storyFrames[j])).toBe(false);
      }
    }
  });
});

describe('placing more copy than a page holds', () => {
  it('goes on to further pages, each on the master with the folio line', () => {
    const copy = importText(
      Array.from(
        { length: 14 },
        (_, s) => `## 第${s + 1}篇稿件标题\n\n本报讯(记者 张三)${'新闻正文内容，'.repeat(90)}完。`,
      ).join('\n\n'),
    );
    const { edition } = placeStories(copy, { ids: sequentialIds() });
    expectValid(edition);
    expect(edition.pages.length).toBeGreaterThan(1);
    for (const page of edition.pages) {
      expect(page.masterId).toBe(edition.masters[0].id);
      expect(page.frames.some((f) => f.kind === 'text')).toBe(true);
      for (const frame of page.frames) {
        expect(frame.y + frame.height).toBeLessThanOrEqual(page.size.height - page.margins.bottom + 0.01);
      }
    }
    expect(Object.values(edition.stories).every((s) => s.thread.length > 0)).toBe(true);
  });

  it('continues a lead longer than a page in threaded frames on the next pages', () => {
    const copy = importText(`## 很长的头条\n\n本报讯(记者 张三)${'很长的正文，'.repeat(2500)}完。`);
    const { edition, storyIds } = placeStories(copy, { ids: sequentialIds() });
    expectValid(edition);
    const lead = edition.stories[storyIds[0]];
    expect(lead.thread.length).toBeGreaterThan(1);
    const pageOf = (id: string) => edition.pages.findIndex((p) => p.frames.some((f) => f.id === id));
    expect(lead.thread.map(pageOf)).toEqual(lead.thread.map((_, i) => i));
  });

  it('sets the stories after a long lead on the pages after it', () => {
    const lead = `## 很长的头条\n\n本报讯(记者 张三)${'很长的正文，'.repeat(2500)}完。`;
    const others = [1, 2, 3]
      .map((n) => `## 第${n}篇\n\n本报讯(记者 李四)${'正文，'.repeat(200)}完。`)
      .join('\n\n');
    const { edition, storyIds } = placeStories(importText(`${lead}\n\n${others}`), { ids: sequentialIds() });
    expectValid(edition);
    const pageOf = (id: string) => edition.pages.findIndex((p) => p.frames.some((f) => f.id === id));
    const leadPages = edition.stories[storyIds[0]].thread.map(pageOf);
    for (const id of storyIds.slice(1)) {
      expect(pageOf(edition.stories[id].thread[0])).toBeGreaterThanOrEqual(Math.max(...leadPages));
    }
    for (const page of edition.pages) {
      for (const frame of page.frames) {
        expect(Number.isFinite(frame.y)).toBe(true);
        expect(frame.y + frame.height).toBeLessThanOrEqual(page.size.height - page.margins.bottom + 0.01);
      }
    }
  });
});

describe('band packing', () => {
  it('splits columns into every composition of whole widths', () => {
    expect(compositions(8, 2, 2)).toEqual([
      [2, 6],
      [3, 5],
      [4, 4],
      [5, 3],
      [6, 2],
    ]);
    expect(compositions(4, 3, 2)).toEqual([]);
  });

  it('gives a story that needs more room more columns', () => {
    // Needs as area / width: the long story needs three times the short one's area.
    const [band] = packBands([(w) => 300 / w, (w) => 900 / w], { columns: 8 });
    expect(band.slots.map((s) => s.columns)).toEqual([2, 6]);
  });

  it('stacks a short story under another rather than leave a hole', () => {
    // Each story needs room for its head (50) plus its text spread over its columns.
    const bands = packBands([(w) => 50 + 1200 / w, (w) => 50 + 200 / w, (w) => 50 + 200 / w], {
      columns: 8,
      gap: 10,
    });
    expect(bands).toHaveLength(1);
    const stacked = bands.flatMap((b) => b.slots).find((s) => s.stories.length === 2);
    expect(stacked).toBeDefined();
    expect(bands.reduce((n, b) => n + b.count, 0)).toBe(3);
  });
});

describe('placing pictures the copy held', () => {
  it('gives a photo frame its picture’s shape, and a picture without a caption a frame of its own', () => {
    const copy = importMarkdown(englishCopy(4, 2));
    // The second story (a narrow module below the lead) holds a square picture without a caption.
    copy.stories[1].captions.push({ blocks: [], anchorBlock: 0, image: 0 });
    const { edition, photos } = placeStories(copy, {
      language: 'en',
      ids: sequentialIds(),
      imageAspect: (image) => (image === 0 ? 1 : undefined),
    });
    expectValid(edition);
    const slot = photos.find((p) => p.image === 0)!;
    expect(slot.captionStoryId).toBeNull();
    expect(slot.storyId).toBe(Object.values(edition.stories).find((s) => s.name === 'Story number 2')!.id);
    const frame = edition.pages[slot.pageIndex].frames.find((f) => f.id === slot.frameId)!;
    expect(frame.kind === 'image' && frame.captionStoryId).toBeNull();
    // Square (up to the squeeze the page's bands allow).
    expect(frame.height / frame.width).toBeGreaterThan(1 / 1.1 - 1e-6);
    expect(frame.height / frame.width).toBeLessThanOrEqual(1 + 1e-6);
  });
});
