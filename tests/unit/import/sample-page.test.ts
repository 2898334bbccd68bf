/**
 * Importing the sample page (../shared/seed/000_d930b353b5af356e.txt) gives
 * the structure a Chinese desk sees on it: a banner, seven stories, their
 * department labels, lead-ins, bylines, section heads and two captions, with
 * the words the column breaks split joined again.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importText, runsText } from '../../../shared/import';
import type { ImportedStory } from '../../../shared/import';
import { SAMPLE_PAGE_TEXT } from '../../../shared/sample/seed-text';

const fixture = fileURLToPath(new URL('../../fixtures/import/sample-page.txt', import.meta.url));
const result = importText(SAMPLE_PAGE_TEXT);
const textOf = (story: ImportedStory) => story.blocks.map((b) => runsText(b.children));
const rolesOf = (story: ImportedStory) => story.blocks.map((b) => b.type);
const allText = [
  ...result.banner.map((b) => runsText(b.children)),
  ...result.stories.flatMap((s) => [
    ...textOf(s),
    ...s.captions.flatMap((c) => c.blocks.map((b) => runsText(b.children))),
  ]),
].join('\n');

describe('the sample page', () => {
  it('is the same text in the app and in the test fixture', () => {
    expect(readFileSync(fixture, 'utf8')).toBe(SAMPLE_PAGE_TEXT);
  });

  it('keeps the page banner as a banner', () => {
    expect(result.banner.map((b) => [b.type, runsText(b.children)])).toEqual([
      ['banner', '新时代 新征程 新伟业'],
    ]);
  });

  it('has exactly its seven stories, headlines with full-width punctuation', () => {
    expect(result.stories.map((s) => s.name)).toEqual([
      '示范区：真抓实干求突破 全力以赴谋发展',
      '做实以案促改工作 一体推进“三不腐”',
      '打通基层执纪监督“最后一公里”',
      '多渠道宣传 力促“新十条”落地见效',
      '改善“小环境” 创造“大幸福”',
      '文昌万达广场项目已进入收尾阶段',
      '坚持精细化管理 扎实推进“创文”工作',
    ]);
  });

  it('gives the lead story its byline and three section heads', () => {
    const lead = result.stories[0];
    expect(rolesOf(lead)).toEqual([
      'headline',
      'byline',
      'body',
      'section-head',
      'body',
      'section-head',
      'body',
      'section-head',
      'body',
    ]);
    expect(textOf(lead)[1]).toBe('记者 姬慧洋 通讯员 王明杰');
    expect(lead.blocks.filter((b) => b.type === 'section-head').map((b) => runsText(b.children))).toEqual([
      '提能力强组织 画好“同心圆”',
      '抓项目优环境 跑出“加速度”',
      '重督导强落实 实现“全年红”',
    ]);
  });

  it('opens each shorter story with its headline, lead-in and body; three sit under department labels', () => {
    const shorter = result.stories.slice(1);
    for (const story of shorter) {
      const roles = rolesOf(story).filter((r) => r !== 'department');
      expect(roles.slice(0, 3)).toEqual(['headline', 'lead-in', 'body']);
      expect(roles.slice(3).every((r) => r === 'body')).toBe(true);
    }
    expect(
      shorter.filter((s) => s.blocks[0].type === 'department').map((s) => runsText(s.blocks[0].children)),
    ).toEqual(['文昌办事处', '搬口办事处', '示范区综合执法中心']);
    expect(shorter.map((s) => rolesOf(s)[0])).toEqual([
      'headline',
      'headline',
      'department',
      'department',
      'headline',
      'department',
    ]);
  });

  it('holds just the 电头 in each lead-in block and starts the body after it', () => {
    const leadIns = result.stories.slice(1).map((s) => {
      const i = s.blocks.findIndex((b) => b.type === 'lead-in');
      return [runsText(s.blocks[i].children), runsText(s.blocks[i + 1].children).slice(0, 6)];
    });
    expect(leadIns).toEqual([
      ['本报讯（记者 姬慧洋 通讯员 王晓禾）', '开展警示教育'],
      ['本报讯（记者 姬慧洋）', '12月20日'],
      ['本报讯（记者 姬慧洋 文/图）', '喇叭响起来、'],
      ['本报讯（记者 姬慧洋）', '连日来，市城'],
      ['本报讯（记者 姬慧洋 通讯员 张一新 文/图）', '运输车辆来回'],
      ['本报讯（记者 姬慧洋 通讯员 夏文雅 苗露雯）', '为扎实推进全'],
    ]);
  });

  it('makes the two photo captions captions, tied to the paragraph they stood in', () => {
    const withCaptions = result.stories
      .map((s) => ({ s, captions: s.captions }))
      .filter((x) => x.captions.length > 0);
    expect(
      withCaptions.map(({ s, captions }) => [s.name, captions.map((c) => runsText(c.blocks[0].children))]),
    ).toEqual([
      ['多渠道宣传 力促“新十条”落地见效', ['志愿者向居民发放宣传单']],
      ['文昌万达广场项目已进入收尾阶段', ['外立面幕墙有序安装']],
    ]);
    const [vaccine] = withCaptions;
    const anchor = runsText(vaccine.s.blocks[vaccine.captions[0].anchorBlock].children);
    expect(anchor.startsWith('在文昌办事处罗庄社区')).toBe(true);
    expect(vaccine.captions[0].blocks[0].type).toBe('caption');
    // The caption text is not left in the body.
    expect(textOf(vaccine.s).some((t) => t.includes('志愿者向居民发放宣传单'))).toBe(false);
  });

  it('joins the words and paragraphs the column breaks split', () => {
    for (const joined of [
      '按照《周口市城乡一体化示范区经济发展提升考核量化实施办法》',
      '高铁片区5个项目中',
      '智慧岛核心区，已有359家企业签约入驻',
      '纪检监察工作规范化',
      '确保以案促改工作落到实处。',
      '抖音等直传媒介',
      '协调解决项目推进过程中',
      '进行评比',
      '营商环境执法监督明白卡',
      '并仔细讲解最新防疫政策。',
    ]) {
      expect(allText, joined).toContain(joined);
    }
    // The lead story's second section keeps its two cut paragraphs as one.
    expect(result.report.rejoined.map((r) => r.join)).toContain('位和责任人按|照《周口市城');
    expect(result.report.rejoined).toHaveLength(10);
  });

  it('leaves no half-width punctuation next to Han characters, and numbers intact', () => {
    expect(allText).not.toMatch(/[\u4e00-\u9fff][,;:()!?]|[,;:()!?][\u4e00-\u9fff]/);
    expect(allText).toContain('21.8亿元');
    expect(allText).toContain('36.5℃，不发烧');
    expect(allText).toContain('各村（社区）共设立');
  });

  it('can leave the punctuation as typed', () => {
    const raw = importText(SAMPLE_PAGE_TEXT, { punctuationFix: false });
    expect(raw.stories[0].name).toBe('示范区:真抓实干求突破 全力以赴谋发展');
    expect(runsText(raw.stories[1].blocks[1].children)).toBe('本报讯(记者 姬慧洋 通讯员 王晓禾)');
    expect(raw.report.punctuationFixed).toBe(0);
    expect(raw.stories).toHaveLength(7);
  });

  it('reports what it recognised', () => {
    expect(result.report.language).toBe('zh-Hans');
    expect(result.report.banner).toBe('新时代 新征程 新伟业');
    expect(result.report.stories).toHaveLength(7);
    expect(result.report.punctuationFixed).toBeGreaterThan(100);
    expect(result.report.notes).toEqual([]);
  });

  it('finds the same structure when the copy comes without # marks', () => {
    const plain = importText(SAMPLE_PAGE_TEXT.replace(/^## /gm, ''));
    expect(plain.stories.map((s) => s.name)).toEqual(result.stories.map((s) => s.name));
    expect(plain.stories.map(rolesOf)).toEqual(result.stories.map(rolesOf));
    expect(plain.stories.map((s) => s.captions.length)).toEqual([0, 0, 0, 1, 0, 1, 0]);
  });
});
