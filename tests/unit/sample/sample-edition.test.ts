/**
 * The built-in sample edition is the sample page set as the front of a
 * section: checked the way a page designer looks at it — what is where, what
 * is tied to what, and that the real composer sets every story in its
 * module without overset and without big holes.
 */
import { describe, expect, it } from 'vitest';
import type { Edition, Frame, ImageFrame, Story, TextFrame } from '../../../shared/model/types';
import { validateEdition } from '../../../shared/model/validate';
import { buildSampleEdition, SAMPLE_META } from '../../../shared/sample';
import { runsText } from '../../../shared/import';
import { composeEdition } from '../../../shared/layout';
import { createNodeComposer } from '../../../main/fonts';

const sample = buildSampleEdition();
const { edition } = sample;
const page = edition.pages[0];
const area = {
  left: page.margins.left,
  top: page.margins.top,
  right: page.size.width - page.margins.right,
  bottom: page.size.height - page.margins.bottom,
};
const frameById = new Map<string, Frame>(page.frames.map((f) => [f.id, f]));
const textFrameOf = (story: Story) => frameById.get(story.thread[0]) as TextFrame;
const storyByName = (name: string) => Object.values(edition.stories).find((s) => s.name === name)!;
const overlaps = (a: Frame, b: Frame) =>
  a.x < b.x + b.width - 0.01 &&
  b.x < a.x + a.width - 0.01 &&
  a.y < b.y + b.height - 0.01 &&
  b.y < a.y + a.height - 0.01;
const inside = (f: Frame, box: Frame) =>
  f.x >= box.x - 0.01 &&
  f.y >= box.y - 0.01 &&
  f.x + f.width <= box.x + box.width + 0.01 &&
  f.y + f.height <= box.y + box.height + 0.01;

describe('the sample edition', () => {
  it('is a valid edition', () => {
    const result = validateEdition(edition);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('is one 对开 page of a dated issue, marked as a sample', () => {
    expect(edition.pages).toHaveLength(1);
    expect(Math.round((page.size.width * 25.4) / 72)).toBe(390);
    expect(Math.round((page.size.height * 25.4) / 72)).toBe(540);
    expect(edition.meta.paperName).toBe(SAMPLE_META.paperName);
    expect(edition.meta.date).toBe('2022-12-21');
    expect(edition.meta.editionName).toContain('样张');
    expect(edition.meta.language).toBe('zh-Hans');
  });

  it('is built the same way every time', () => {
    expect(buildSampleEdition().edition).toEqual(edition);
  });

  it('runs the banner across the top and the lead story across the page under it', () => {
    const banner = edition.stories[sample.bannerStoryId!];
    expect(banner.blocks.map((b) => [b.type, runsText(b.children)])).toEqual([
      ['banner', '新时代 新征程 新伟业'],
    ]);
    const bannerFrame = textFrameOf(banner);
    expect(bannerFrame.y).toBeCloseTo(area.top);
    expect(bannerFrame.width).toBeCloseTo(area.right - area.left);

    const lead = edition.stories[sample.storyIds[0]];
    expect(lead.name).toBe('示范区：真抓实干求突破 全力以赴谋发展');
    const leadFrame = textFrameOf(lead);
    expect(leadFrame.columns).toBe(page.columns);
    expect(leadFrame.width).toBeCloseTo(area.right - area.left);
    expect(leadFrame.y).toBeGreaterThanOrEqual(bannerFrame.y + bannerFrame.height);
    // Every other story sits below the lead.
    for (const id of sample.storyIds.slice(1)) {
      expect(textFrameOf(edition.stories[id]).y).toBeGreaterThan(leadFrame.y + leadFrame.height);
    }
  });

  it('gives each of the seven stories one module of whole columns inside the type area, none overlapping', () => {
    const modules = sample.storyIds.map((id) => textFrameOf(edition.stories[id]));
    expect(modules).toHaveLength(7);
    const columnStep = (area.right - area.left + page.gutter) / page.columns;
    for (const frame of modules) {
      expect(frame.x).toBeGreaterThanOrEqual(area.left - 0.01);
      expect(frame.x + frame.width).toBeLessThanOrEqual(area.right + 0.01);
      expect(frame.y + frame.height).toBeLessThanOrEqual(area.bottom + 0.01);
      expect((frame.x - area.left) / columnStep).toBeCloseTo(Math.round((frame.x - area.left) / columnStep));
      expect(frame.width).toBeCloseTo(frame.columns * columnStep - page.gutter);
    }
    for (let i = 0; i < modules.length; i++) {
      for (let j = i + 1; j < modules.length; j++) expect(overlaps(modules[i], modules[j])).toBe(false);
    }
  });

  it('keeps three department labels at the head of their stories', () => {
    const departments = sample.storyIds
      .map((id) => edition.stories[id])
      .filter((s) => s.blocks[0].type === 'department')
      .map((s) => runsText(s.blocks[0].children));
    expect(departments).toEqual(['文昌办事处', '搬口办事处', '示范区综合执法中心']);
  });

  it('has two photo frames, each in its story module with its caption right under it', () => {
    const photos = page.frames.filter((f): f is ImageFrame => f.kind === 'image');
    expect(photos).toHaveLength(2);
    const expected = [
      ['多渠道宣传 力促“新十条”落地见效', '志愿者向居民发放宣传单'],
      ['文昌万达广场项目已进入收尾阶段', '外立面幕墙有序安装'],
    ];
    photos.forEach((photo, i) => {
      const caption = edition.stories[photo.captionStoryId!];
      expect(caption.blocks.map((b) => [b.type, runsText(b.children)])).toEqual([
        ['caption', expected[i][1]],
      ]);
      const captionFrame = textFrameOf(caption);
      expect(captionFrame.y).toBeCloseTo(photo.y + photo.height);
      expect(captionFrame.x).toBeCloseTo(photo.x);
      expect(captionFrame.width).toBeCloseTo(photo.width);
      // The photo and its caption sit inside the module of their story, and push its text aside.
      const module = textFrameOf(storyByName(expected[i][0]));
      expect(inside(photo, module)).toBe(true);
      expect(inside(captionFrame, module)).toBe(true);
      expect(photo.wrap.mode).toBe('box');
    });
  });

  it('prints a folio line from the master page with paper name, date and page number fields', () => {
    const master = edition.masters.find((m) => m.id === page.masterId)!;
    const masterFrameIds = new Set(master.frames.map((f) => f.id));
    const folioStories = Object.values(edition.stories).filter((s) =>
      s.thread.some((id) => masterFrameIds.has(id)),
    );
    const fields = folioStories.flatMap((s) =>
      s.blocks.flatMap((b) => b.children.map((c) => c.field).filter(Boolean)),
    );
    expect(fields).toEqual(
      expect.arrayContaining(['paperName', 'date', 'pageNumber', 'section', 'editionName']),
    );
    for (const frame of master.frames) expect(frame.y + frame.height).toBeLessThanOrEqual(area.top);
  });
});

describe('the sample edition set by the real composer', () => {
  it('sets every story in its frames with no overset and only a few spare lines', async () => {
    const composer = await createNodeComposer();
    const list = composeEdition(edition as Edition, composer);
    const reports = Object.values(list.stories);
    for (const report of reports) {
      const story = edition.stories[report.storyId];
      expect(report.oversetCharacters, story.name).toBe(0);
    }
    // "Roughly fills": a module keeps spare lines, but not whole empty columns.
    for (const id of sample.storyIds) {
      const report = list.stories[id];
      const frame = textFrameOf(edition.stories[id]);
      const linesPerColumn = frame.height / 13.5;
      expect(report.copyfitLines / frame.columns, edition.stories[id].name).toBeLessThan(
        linesPerColumn * 0.4,
      );
    }
    expect(list.missingGlyphs).toEqual([]);
  });
});
