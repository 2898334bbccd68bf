/**
 * Preflight's copy checks as a proofreader reads them: each check on crafted
 * copy that has the problem (and on copy that only looks like it), each
 * finding pointing at its story, paragraph and characters with a fix where
 * one is certain, the switches and lists of the edition, and the real sample
 * page — Chinese newspaper copy — with no false alarm.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeComposer } from '../../../main/fonts';
import { loadSpeller } from '../../../main/proofing/speller';
import { composeEdition } from '../../../shared/layout/compose-edition';
import type { DisplayList } from '../../../shared/layout/display-list';
import { createEmptyEdition } from '../../../shared/model/defaults';
import { createBlock, createStory, createTextFrame } from '../../../shared/model/factories';
import { sequentialIds } from '../../../shared/model/ids';
import { applyOperation, applyOperations, blockText } from '../../../shared/model/operations';
import type { BlockRole, CopyCheckSettings, Edition, StoryBlock } from '../../../shared/model/types';
import { buildSampleEdition } from '../../../shared/sample';
import {
  addToDictionaryOperation,
  copyFixOperations,
  runPreflight,
  type PreflightFinding,
  type Speller,
} from '../../../shared/preflight';
import { StaleMatchError } from '../../../shared/find';

let speller: Speller;
beforeAll(async () => {
  speller = await loadSpeller();
});

const EMPTY_LIST: DisplayList = { pages: [], stories: {}, missingGlyphs: [], fonts: {} };

function edition(
  paragraphs: (string | [BlockRole, string] | StoryBlock)[],
  copyChecks?: CopyCheckSettings,
): Edition {
  const e = createEmptyEdition({ ids: sequentialIds(), pageCount: 1 });
  const blocks = paragraphs.map((p) =>
    typeof p === 'string' ? createBlock('body', p) : Array.isArray(p) ? createBlock(p[0], p[1]) : p,
  );
  e.stories.s = createStory('s', 'Story', blocks, []);
  if (copyChecks) e.copyChecks = copyChecks;
  return e;
}

function check(e: Edition, list: DisplayList = EMPTY_LIST): PreflightFinding[] {
  return runPreflight({
    edition: e,
    displayList: list,
    assets: {},
    missingFonts: [],
    target: 'proof',
    speller,
  });
}

/** The findings of one check, as the characters they point at. */
function marks(e: Edition, code: string): string[] {
  return check(e)
    .filter((f) => f.code === code)
    .map((f) => f.text!.match);
}

/** The paragraph texts after applying every fix of one check. */
function fixed(e: Edition, code: string): string[] {
  let current = e;
  // Fix from the end, one at a time, as a user clicks through the list.
  const findings = check(e)
    .filter((f) => f.code === code && f.fix)
    .sort((a, b) => b.text!.block - a.text!.block || b.text!.offset - a.text!.offset);
  for (const f of findings) current = applyOperations(current, copyFixOperations(current, f)).edition;
  return current.stories.s.blocks.map(blockText);
}

describe('half-width punctuation in Chinese text', () => {
  it('finds , : ( ) between Han characters and fixes them to full width', () => {
    const e = edition([
      '示范区:真抓实干,求突破.本报讯(记者 姬慧洋)开展',
      '气温36.5℃, 投资21.8亿元 (约)',
      'Hello, world.',
    ]);
    // Brackets go by their content: (约) holds Chinese, so both are reported.
    expect(marks(e, 'copy-halfwidth-punctuation')).toEqual([':', ',', '.', '(', ')', '(', ')']);
    expect(fixed(e, 'copy-halfwidth-punctuation')[0]).toBe(
      '示范区：真抓实干，求突破。本报讯（记者 姬慧洋）开展',
    );
  });

  it('points at the story, paragraph, offset and excerpt', () => {
    const [f] = check(edition(['第一段', '投资完成,签约'])).filter(
      (x) => x.code === 'copy-halfwidth-punctuation',
    );
    expect(f.text).toMatchObject({
      storyId: 's',
      block: 1,
      offset: 4,
      length: 1,
      before: '投资完成',
      match: ',',
      after: '签约',
    });
    expect(f.fix).toEqual({ replacement: '，' });
    expect(f.severity).toBe('warning');
    expect(f.message).toContain("story 'Story' ¶2");
    expect(f.detail?.key).toBe('copy.finding.halfwidthPunctuation');
  });
});

describe('unpaired quotes, brackets and title marks', () => {
  it('finds what opens and never closes, and what closes nothing', () => {
    const e = edition(['他说：“好。', '《人民日报》报道）', '见【附件', '（1）完成']);
    expect(marks(e, 'copy-unpaired-marks')).toEqual(['“', '）', '【']);
  });

  it('accepts a quotation over several paragraphs, apostrophes and list markers', () => {
    const e = edition([
      '“第一段引语，',
      '“第二段引语。”',
      'He said: “don’t go” in the ’80s.',
      '1) 首先 a) first',
      '“外‘内’外”',
    ]);
    expect(marks(e, 'copy-unpaired-marks')).toEqual([]);
  });

  it('finds title marks 《》 and 〈〉 that never close or close nothing', () => {
    const e = edition([
      '据《人民日报报道，',
      '见人民日报》一文',
      '《读书〈第三期》',
      '《周口日报》《人民日报》',
    ]);
    expect(marks(e, 'copy-unpaired-marks')).toEqual(['《', '》', '〈']);
  });

  it('reports a single quote left open inside a double one', () => {
    expect(marks(edition(['“外‘内外”']), 'copy-unpaired-marks')).toEqual(['‘']);
  });
});

describe('full- and half-width forms mixed in one story', () => {
  it('reports the minority form and converts it', () => {
    const e = edition(['2022年12月20日，签约359家', '完成２１亿元，ＡＢＣ公司与ABC公司，XYZ']);
    expect(marks(e, 'copy-mixed-width')).toEqual(['２１', 'ＡＢＣ']);
    expect(fixed(e, 'copy-mixed-width')[1]).toBe('完成21亿元，ABC公司与ABC公司，XYZ');
  });

  it('says nothing when a story keeps to one width', () => {
    expect(marks(edition(['２０２２年１２月', '签约３５９家']), 'copy-mixed-width')).toEqual([]);
  });
});

describe('doubled punctuation, characters and words', () => {
  it('finds 的的, ，， and 建设建设, and removes the extra copy', () => {
    const e = edition(['这是我的的书，，他说。。', '党风廉政建设建设情况', 'the the end']);
    expect(marks(e, 'copy-doubled')).toEqual(['，，', '。。', '的的', '建设建设', 'the the']);
    expect(fixed(e, 'copy-doubled')).toEqual(['这是我的书，他说。', '党风廉政建设情况', 'the end']);
  });

  it('leaves reduplication and word boundaries alone', () => {
    const e = edition([
      '常常谢谢看看人人层层，的的确确高高兴兴，他说的的确没错',
      '为了了解情况，不了了之，问题是是否可行，各项项目，现在在北京',
      '研究研究，一步一步，哈哈哈，……——，he had had enough',
    ]);
    expect(marks(e, 'copy-doubled')).toEqual([]);
  });

  it('finds a character three times running', () => {
    expect(marks(edition(['人人人都有']), 'copy-doubled')).toEqual(['人人人']);
  });
});

describe('spaces between Han characters', () => {
  it('finds them in body text and removes them', () => {
    const e = edition([
      '完成 投资，签约 　入驻',
      ['headline', '真抓实干 全力以赴'],
      ['byline', '记者 姬慧洋'],
    ]);
    expect(marks(e, 'copy-han-spaces')).toEqual([' ', ' 　']);
    expect(fixed(e, 'copy-han-spaces')[0]).toBe('完成投资，签约入驻');
  });

  it('leaves reporter credits, English words and numbers alone', () => {
    expect(
      marks(edition(['本报讯（记者 姬慧洋 通讯员 王晓禾）开展 Folio 示例 3 个']), 'copy-han-spaces'),
    ).toEqual([]);
  });
});

describe('straight quotes in Chinese text', () => {
  it('finds them and turns them into opening and closing quotes', () => {
    const e = edition(['他说"好"，又说\'行\'', 'He said "fine" and it\'s ok']);
    expect(marks(e, 'copy-straight-quotes')).toEqual(['"', '"', "'", "'"]);
    expect(fixed(e, 'copy-straight-quotes')[0]).toBe('他说“好”，又说‘行’');
  });
});

describe('English spelling', () => {
  it('finds words not in the dictionary and suggests a fix', () => {
    const e = edition([
      'The councl voted to recieve the report.',
      'NATO and iPhone and H5N1 and COVID-19 are fine.',
    ]);
    const findings = check(e).filter((f) => f.code === 'copy-spelling');
    expect(findings.map((f) => f.text!.match)).toEqual(['councl', 'recieve']);
    expect(findings[1].fix).toEqual({ replacement: 'receive' });
    expect(fixed(e, 'copy-spelling')[0]).toContain('to receive the report');
  });

  it('accepts the edition’s words, the user’s words, and words added with the dictionary operation', () => {
    const e = edition(['Zhoukou and Folio and councl'], { dictionary: ['Zhoukou'] });
    const user = runPreflight({
      edition: e,
      displayList: EMPTY_LIST,
      assets: {},
      missingFonts: [],
      target: 'proof',
      speller,
      userDictionary: ['councl'],
    }).filter((f) => f.code === 'copy-spelling');
    expect(user).toEqual([]);
    const op = addToDictionaryOperation(e, 'councl')!;
    const added = applyOperation(e, op).edition;
    expect(added.copyChecks?.dictionary).toEqual(['Zhoukou', 'councl']);
    expect(marks(added, 'copy-spelling')).toEqual([]);
    expect(addToDictionaryOperation(added, 'COUNCL')).toBeNull();
  });
});

describe('the house list of preferred forms', () => {
  it('uses the default list until the edition sets its own, with one-click fixes', () => {
    const e = edition(['其它部门和惟一的方案，再接再励']);
    expect(marks(e, 'copy-house-style')).toEqual(['其它', '惟一', '再接再励']);
    expect(fixed(e, 'copy-house-style')[0]).toBe('其他部门和唯一的方案，再接再厉');
    const own = edition(['其它部门，color and colorful'], { houseList: [{ from: 'color', to: 'colour' }] });
    expect(marks(own, 'copy-house-style')).toEqual(['color']);
  });

  it('does not report a form where its preferred form already stands', () => {
    const e = edition(['Folio Press and Folio'], { houseList: [{ from: 'Folio', to: 'Folio Press' }] });
    expect(
      check(e)
        .filter((f) => f.code === 'copy-house-style')
        .map((f) => f.text!.offset),
    ).toEqual([16]);
  });
});

describe('switches and fixes', () => {
  it('runs no check the edition switched off', () => {
    const text = ['示范区:真抓实干的的其它'];
    expect(marks(edition(text), 'copy-doubled')).toEqual(['的的']);
    const off = edition(text, { off: ['doubled', 'house-style'] });
    const codes = new Set(check(off).map((f) => f.code));
    expect(codes.has('copy-doubled')).toBe(false);
    expect(codes.has('copy-house-style')).toBe(false);
    expect(codes.has('copy-halfwidth-punctuation')).toBe(true);
  });

  it('changes settings with one operation that undoes exactly, and refuses bad settings', () => {
    const e = edition(['x']);
    const applied = applyOperation(e, { type: 'set_copy_checks', settings: { off: ['spelling'] } });
    expect(applied.edition.copyChecks).toEqual({ off: ['spelling'] });
    expect(applyOperation(applied.edition, applied.inverse).edition).toEqual(e);
    expect(() =>
      applyOperation(e, { type: 'set_copy_checks', settings: { off: ['nonsense' as 'spelling'] } }),
    ).toThrow(/set_copy_checks: settings\.off/);
  });

  it('refuses a fix whose text changed since the check', () => {
    const e = edition(['其它部门']);
    const [f] = check(e).filter((x) => x.code === 'copy-house-style');
    const edited = applyOperation(e, {
      type: 'remove_text',
      storyId: 's',
      block: 0,
      offset: 0,
      length: 1,
    }).edition;
    expect(() => copyFixOperations(edited, f)).toThrow(StaleMatchError);
  });
});

describe('the sample page (real Chinese newspaper copy)', () => {
  let sample: Edition;
  let list: DisplayList;
  beforeAll(async () => {
    sample = buildSampleEdition().edition;
    list = composeEdition(sample, await createNodeComposer());
  });

  it('has one copy finding: the doubled 建设建设 that is in the source copy, on page 1 with its fix', () => {
    const copy = check(sample, list).filter((f) => f.code.startsWith('copy-'));
    expect(copy.map((f) => [f.code, f.text!.match])).toEqual([['copy-doubled', '建设建设']]);
    const [f] = copy;
    expect(f.pageNumber).toBe(1);
    expect(f.frameId).not.toBeNull();
    expect(f.text!.before + f.text!.match + f.text!.after).toContain('党风廉政建设建设情况');
    const after = applyOperations(sample, copyFixOperations(sample, f)).edition;
    expect(blockText(after.stories[f.text!.storyId].blocks[f.text!.block])).toContain('党风廉政建设情况');
  });

  it('finds the half-width punctuation of the raw copy when imported without the punctuation fix', async () => {
    const { importText } = await import('../../../shared/import/import-copy');
    const { SAMPLE_PAGE_TEXT } = await import('../../../shared/sample');
    const raw = importText(SAMPLE_PAGE_TEXT, { language: 'zh-Hans', punctuationFix: false });
    const e = createEmptyEdition({ ids: sequentialIds(), pageCount: 1 });
    raw.stories.forEach((story, i) => {
      e.stories[`r${i}`] = createStory(`r${i}`, `raw ${i}`, story.blocks, []);
    });
    e.pages[0].frames.push(createTextFrame('unused', { x: 0, y: 0, width: 10, height: 10 }));
    const found = check(e).filter((f) => f.code === 'copy-halfwidth-punctuation');
    expect(found.length).toBeGreaterThan(100);
    expect(new Set(found.map((f) => f.text!.match))).toEqual(new Set([',', ':', ';', '(', ')', '!', '?']));
  });
});
