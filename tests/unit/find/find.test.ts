/**
 * Find/Replace as a proofreader uses it: each option on crafted text, the
 * results' pages and context through the real composition, replacements
 * that are one undoable step keeping the formatting, and the sample page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeComposer } from '../../../main/fonts';
import { composeEdition } from '../../../shared/layout/compose-edition';
import type { DisplayList } from '../../../shared/layout/display-list';
import type { ParagraphComposer } from '../../../shared/layout/paragraph-types';
import { createEmptyEdition } from '../../../shared/model/defaults';
import { createBlock, createStory, createTextFrame } from '../../../shared/model/factories';
import { sequentialIds } from '../../../shared/model/ids';
import { applyOperation, applyOperations, blockText } from '../../../shared/model/operations';
import type { Edition, StoryBlock } from '../../../shared/model/types';
import { buildSampleEdition } from '../../../shared/sample';
import {
  FindPatternError,
  StaleMatchError,
  expandReplacement,
  findInEdition,
  foldWidth,
  replaceOperations,
  replacementFor,
  toOriginalRange,
  type FindRequest,
} from '../../../shared/find';

let composer: ParagraphComposer;
beforeAll(async () => {
  composer = await createNodeComposer();
});

/** One page with one story per text, each in its own frame. */
function editionWith(...stories: (string | StoryBlock)[][]): Edition {
  const edition = createEmptyEdition({ ids: sequentialIds(), pageCount: 1 });
  stories.forEach((paragraphs, i) => {
    const frameId = `fr-${i}`;
    edition.pages[0].frames.push(
      createTextFrame(frameId, { x: 60, y: 80 + i * 200, width: 400, height: 180 }),
    );
    const blocks = paragraphs.map((p) => (typeof p === 'string' ? createBlock('body', p) : p));
    edition.stories[`st-${i}`] = createStory(`st-${i}`, `Story ${i}`, blocks, [frameId]);
  });
  return edition;
}

function find(edition: Edition, request: FindRequest, list: DisplayList | null = null) {
  return findInEdition(edition, list, request).matches;
}

const texts = (edition: Edition, request: FindRequest) => find(edition, request).map((m) => m.text);

describe('width folding', () => {
  it('folds full-width forms to half-width and maps every folded unit to its real character', () => {
    const folded = foldWidth('Ａ１，ｂ　中');
    expect(folded.text).toBe('A1,b 中');
    expect(toOriginalRange(folded, 0, 2)).toEqual({ start: 0, end: 2 });
    // NFKC can expand one character to several: the whole source character is reported.
    const expanded = foldWidth('温度３６℃高');
    expect(expanded.text).toBe('温度36°C高');
    expect(toOriginalRange(expanded, 4, 5)).toEqual({ start: 4, end: 5 }); // "°" of ℃
    expect(toOriginalRange(expanded, 2, 6)).toEqual({ start: 2, end: 5 }); // "36°C" = ３６℃
  });

  it('leaves text without width variants untouched (identity map)', () => {
    const folded = foldWidth('自三大百日行动开展以来，“四上”企业');
    // ， folds; “ ” do not (they are not width variants).
    expect(folded.text).toBe('自三大百日行动开展以来,“四上”企业');
    expect(foldWidth('plain 中文').identity).toBe(true);
  });
});

describe('find', () => {
  const edition = editionWith(
    [
      'The Council met. council members voted; COUNCIL adjourned.',
      'Counciling is not a word, recouncil neither.',
    ],
    ['开展警示教育５场次，观看视频23个，ＡＢＣ公司与ABC公司', '签约入驻企业359家,完成投资２１.８亿元'],
  );

  it('finds plain text ignoring case by default, and only the exact case when case-sensitive', () => {
    expect(texts(edition, { pattern: 'council' })).toEqual([
      'Council',
      'council',
      'COUNCIL',
      'Council',
      'council',
    ]);
    expect(texts(edition, { pattern: 'council', caseSensitive: true })).toEqual(['council', 'council']);
  });

  it('matches whole words only when asked, for Latin words; Han characters are words of their own', () => {
    const matches = find(edition, { pattern: 'council', wholeWord: true });
    expect(matches.map((m) => m.text)).toEqual(['Council', 'council', 'COUNCIL']);
    expect(matches.every((m) => m.block === 0)).toBe(true);
    // 公司 inside Han text is found as a whole word.
    expect(texts(edition, { pattern: '公司', wholeWord: true })).toEqual(['公司', '公司']);
    // A number is a word: 23 but not the 3 of 359.
    expect(texts(edition, { pattern: '3', wholeWord: true })).toEqual([]);
    expect(texts(edition, { pattern: '23', wholeWord: true })).toEqual(['23']);
  });

  it('treats full-width and half-width forms alike when width-insensitive, reporting the real characters', () => {
    expect(texts(edition, { pattern: 'ABC' })).toEqual(['ABC']);
    expect(texts(edition, { pattern: 'ABC', widthInsensitive: true })).toEqual(['ＡＢＣ', 'ABC']);
    // The pattern may itself be full-width: ，matches , and ， alike.
    const commas = find(edition, { pattern: '，', widthInsensitive: true }).filter(
      (m) => m.storyId === 'st-1',
    );
    expect(commas.map((m) => m.text)).toEqual(['，', '，', ',']);
    const digit = find(edition, { pattern: '5场次', widthInsensitive: true })[0];
    expect(digit.text).toBe('５场次');
    expect(blockText(edition.stories['st-1'].blocks[0]).slice(digit.start, digit.end)).toBe('５场次');
    expect(texts(edition, { pattern: '21.8', widthInsensitive: true })).toEqual(['２１.８']);
  });

  it('matches a full-width pattern against both forms: ０/0, Ａ/A, ，/,', () => {
    const wide = (pattern: string) => texts(edition, { pattern, widthInsensitive: true });
    expect(wide('ＡＢＣ')).toEqual(['ＡＢＣ', 'ABC']);
    expect(wide('２３个')).toEqual(['23个']);
    expect(wide('５场次，')).toEqual(['５场次，']);
    expect(wide('家，完成')).toEqual(['家,完成']);
    // Off again — after width-insensitive searches of the same paragraphs — each form finds only itself.
    expect(texts(edition, { pattern: 'ＡＢＣ' })).toEqual(['ＡＢＣ']);
    expect(texts(edition, { pattern: 'ABC' })).toEqual(['ABC']);
    expect(texts(edition, { pattern: '２３个' })).toEqual([]);
  });

  it('runs regular expressions per paragraph, with groups taken from the story text', () => {
    expect(texts(edition, { pattern: '\\d+个', regex: true })).toEqual(['23个']);
    expect(texts(edition, { pattern: '^\\p{Script=Han}{2}', regex: true })).toEqual(['开展', '签约']);
    const width = find(edition, { pattern: '(\\d+)场次', regex: true, widthInsensitive: true });
    expect(width.map((m) => [m.text, m.groups[0]])).toEqual([['５场次', '５']]);
    // A full-width bracket in a regex stays a literal when folded, not a group.
    const brackets = editionWith(['见（附件）与(附件)']);
    expect(texts(brackets, { pattern: '（附件）', regex: true, widthInsensitive: true })).toEqual([
      '（附件）',
      '(附件)',
    ]);
  });

  it('reports a bad pattern in one line', () => {
    expect(() => find(edition, { pattern: '(', regex: true })).toThrow(FindPatternError);
    expect(() => find(edition, { pattern: '(', regex: true })).toThrow(/invalid regular expression "\(": .+/);
    expect(() => find(edition, { pattern: '' })).toThrow('the search pattern is empty');
    // Plain text is never a regular expression.
    expect(texts(editionWith(['a (b) c']), { pattern: '(b)' })).toEqual(['(b)']);
  });

  it('searches across bold and plain runs of a paragraph, never into field placeholders', () => {
    const mixed: StoryBlock = {
      type: 'body',
      children: [
        { text: '真抓' },
        { text: '实干', bold: true },
        { text: '求突破 第' },
        { text: '1', field: 'pageNumber' },
        { text: '版' },
      ],
    };
    const e = editionWith([mixed]);
    expect(texts(e, { pattern: '抓实干求' })).toEqual(['抓实干求']);
    expect(texts(e, { pattern: '1' })).toEqual([]);
  });

  it('gives context either side of each match', () => {
    const [m] = find(edition, { pattern: '观看视频' });
    expect(m.before).toBe('开展警示教育５场次，');
    // 14 characters each side at most.
    expect(m.after).toBe('23个，ＡＢＣ公司与ABC公');
  });
});

describe('results on the page', () => {
  it('names the page and frame that show each match, and says when a match is overset', () => {
    const edition = createEmptyEdition({ ids: sequentialIds(), pageCount: 2 });
    edition.pages[0].frames.push(createTextFrame('a', { x: 60, y: 80, width: 200, height: 40 }));
    edition.pages[1].frames.push(createTextFrame('b', { x: 60, y: 80, width: 200, height: 40 }));
    const paragraphs = Array.from({ length: 12 }, (_, i) => createBlock('body', `第${i + 1}段 示范区建设`));
    edition.stories.s = createStory('s', 'Threaded', paragraphs, ['a', 'b']);
    const list = composeEdition(edition, composer);
    const matches = findInEdition(edition, list, { pattern: '示范区' }).matches;
    expect(matches).toHaveLength(12);
    const pages = matches.map((m) => m.pageIndex);
    expect(pages[0]).toBe(0);
    expect(pages).toContain(1);
    expect(pages[pages.length - 1]).toBeNull(); // the story does not fit in two small frames
    expect(matches.find((m) => m.pageIndex === 1)?.frameId).toBe('b');
    // Each page's matches are where the display list shows them.
    for (const m of matches.filter((x) => x.pageIndex !== null)) {
      const page = list.pages[m.pageIndex!];
      const lines = page.items.flatMap((item) => (item.kind === 'text' ? item.lines : []));
      expect(lines.some((l) => l.block === m.block && l.start <= m.start && m.start < l.end)).toBe(true);
    }
    // Scopes: one page, one story.
    const onPage2 = findInEdition(edition, list, {
      pattern: '示范区',
      scope: { kind: 'page', pageIndex: 1 },
    });
    expect(onPage2.matches.length).toBe(pages.filter((p) => p === 1).length);
    expect(
      findInEdition(edition, list, { pattern: '示范区', scope: { kind: 'story', storyId: 'nope' } }).matches,
    ).toEqual([]);
  });
});

describe('replace', () => {
  it('replaces all in one step that undoes exactly, keeping each match’s formatting', () => {
    const bold: StoryBlock = {
      type: 'body',
      children: [{ text: '其它部门与' }, { text: '其它', bold: true }, { text: '单位' }],
    };
    const edition = editionWith([bold, '其它问题，其它事项'], ['无关文字']);
    const matches = find(edition, { pattern: '其它' });
    expect(matches).toHaveLength(4);
    const ops = replaceOperations(
      edition,
      matches.map((m) => replacementFor(m, '其他', false)),
    );
    const applied = applyOperations(edition, ops);
    const story = applied.edition.stories['st-0'];
    expect(blockText(story.blocks[0])).toBe('其他部门与其他单位');
    expect(blockText(story.blocks[1])).toBe('其他问题，其他事项');
    // The bold 其它 became a bold 其他.
    expect(story.blocks[0].children.filter((c) => c.bold).map((c) => c.text)).toEqual(['其他']);
    expect(applyOperation(applied.edition, applied.inverse).edition).toEqual(edition);
  });

  it('expands $1 groups in a regular-expression replacement, through the width fold', () => {
    const edition = editionWith(['投资２１.８亿元，完成21.8亿元']);
    const matches = find(edition, { pattern: '([\\d.]+)亿元', regex: true, widthInsensitive: true });
    expect(matches.map((m) => m.groups[0])).toEqual(['２１.８', '21.8']);
    const ops = replaceOperations(
      edition,
      matches.map((m) => replacementFor(m, '$1 亿元', true)),
    );
    expect(blockText(applyOperations(edition, ops).edition.stories['st-0'].blocks[0])).toBe(
      '投资２１.８ 亿元，完成21.8 亿元',
    );
  });

  it('follows String.replace for $$, $&, $<name> and unknown groups', () => {
    const m = { text: 'ab', groups: ['a', undefined], namedGroups: { x: 'b' }, before: '<', after: '>' };
    expect(expandReplacement('[$&] $1$2 $<x> $$ $3 $', m)).toBe('[ab] a b $ $3 $');
    expect(expandReplacement("$`|$'", m)).toBe('<|>');
  });

  it('refuses a stale result instead of replacing the wrong text', () => {
    const edition = editionWith(['其它问题']);
    const [m] = find(edition, { pattern: '其它' });
    const edited = applyOperation(edition, {
      type: 'insert_text',
      storyId: 'st-0',
      block: 0,
      offset: 0,
      text: '前',
    }).edition;
    expect(() => replaceOperations(edited, [replacementFor(m, '其他', false)])).toThrow(StaleMatchError);
  });

  it('deletes matches when the replacement is empty', () => {
    const edition = editionWith(['的的确确，的的话']);
    const ops = replaceOperations(
      edition,
      find(edition, { pattern: '的的话' }).map((m) => replacementFor(m, '的话', false)),
    );
    expect(blockText(applyOperations(edition, ops).edition.stories['st-0'].blocks[0])).toBe('的的确确，的话');
  });
});

describe('the sample page', () => {
  const sample = buildSampleEdition().edition;
  let list: DisplayList;
  beforeAll(() => {
    list = composeEdition(sample, composer);
  });

  it('finds the reporter in every byline and lead-in, all on page 1', () => {
    const matches = findInEdition(sample, list, { pattern: '姬慧洋' }).matches;
    expect(matches.length).toBe(7);
    expect(new Set(matches.map((m) => m.pageIndex))).toEqual(new Set([0]));
    expect(matches.every((m) => m.frameId !== null)).toBe(true);
  });

  it('finds half-width parentheses left in the copy only when width-insensitive', () => {
    // The importer turned 本报讯(记者 …) into full-width brackets.
    const strict = findInEdition(sample, list, { pattern: '(记者' }).matches;
    const loose = findInEdition(sample, list, { pattern: '(记者', widthInsensitive: true }).matches;
    expect(strict).toHaveLength(0);
    expect(loose.length).toBeGreaterThanOrEqual(5);
    expect(loose.every((m) => m.text === '（记者')).toBe(true);
  });
});
