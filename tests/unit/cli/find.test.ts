/**
 * `folio find` as a script uses it: matches with page and context, JSON,
 * scopes, replace into a new file (the input untouched), and one clear line
 * with exit 2 for each mistake.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/folio';
import { readFolio } from '../../../main/storage';
import { blockText } from '../../../shared/model/operations';
import { reviewOf } from '../../../shared/model/review';
import { resolveChanges } from '../../../shared/review';

const dir = mkdtempSync(join(tmpdir(), 'folio-find-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  expect((await run('sample', '-o', 'sample.folio')).code).toBe(0);
});

interface FindJson {
  count: number;
  matches: {
    story: string;
    page: number | null;
    paragraph: number;
    text: string;
    before: string;
    after: string;
  }[];
}

describe('folio find', () => {
  it('lists every match with its page, story, paragraph and context', async () => {
    const result = await run('find', 'sample.folio', '姬慧洋');
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines.filter((l) => l.startsWith('page 1 '))).toHaveLength(7);
    expect(lines[1]).toContain('本报讯（记者 [姬慧洋] 通讯员 王晓禾）');
    expect(lines[lines.length - 1]).toBe('7 matches in 7 stories');
  });

  it('prints JSON, honours the options and the scope', async () => {
    const all = JSON.parse(
      (await run('find', 'sample.folio', '(记者', '--width-insensitive', '--json')).out,
    ) as FindJson;
    expect(all.count).toBeGreaterThanOrEqual(5);
    expect(all.matches.every((m) => m.text === '（记者' && m.page === 1)).toBe(true);
    const story = all.matches[0].story;
    const one = JSON.parse(
      (
        await run(
          'find',
          'sample.folio',
          '(记者',
          '--width-insensitive',
          '--scope',
          `story:${story}`,
          '--json',
        )
      ).out,
    ) as FindJson;
    expect(one.matches.map((m) => m.story)).toEqual([story]);
    const regex = JSON.parse(
      (await run('find', 'sample.folio', '\\d+名', '--regex', '--json')).out,
    ) as FindJson;
    expect(regex.matches.map((m) => m.text)).toContain('55名');
  });

  it('replaces into a new file, leaving the input as it was', async () => {
    const before = readFileSync(join(dir, 'sample.folio'));
    const result = await run(
      'find',
      'sample.folio',
      '(\\d+)名',
      '--regex',
      '--replace',
      '$1 名',
      '-o',
      'out.folio',
    );
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Replaced \d+ matches; wrote out\.folio/);
    expect(readFileSync(join(dir, 'sample.folio')).equals(before)).toBe(true);
    const { edition } = await readFolio(join(dir, 'out.folio'));
    const text = Object.values(edition.stories)
      .flatMap((s) => s.blocks.map(blockText))
      .join('\n');
    expect(text).toContain('55 名监察信息员');
    expect(text).not.toMatch(/\d名/);
  });

  it('records the replacements as tracked changes with --track --as, the edition’s settings unchanged', async () => {
    const result = await run(
      'find',
      'sample.folio',
      '建设建设',
      '--replace',
      '建设',
      '--track',
      '--as',
      '校对甲',
      '-o',
      'tracked.folio',
    );
    expect(result.err).toBe('');
    expect(result.out).toContain('Replaced 1 match as tracked changes; wrote tracked.folio');
    const { edition } = await readFolio(join(dir, 'tracked.folio'));
    const review = reviewOf(edition);
    expect(review.settings).toEqual(reviewOf((await readFolio(join(dir, 'sample.folio'))).edition).settings);
    expect(review.changes.map((c) => [c.kind, c.author])).toEqual([
      ['insert', '校对甲'],
      ['delete', '校对甲'],
    ]);
    const text = (e: typeof edition) =>
      Object.values(e.stories)
        .flatMap((s) => s.blocks.map(blockText))
        .join('\n');
    // The story holds the final text; rejecting every change gives the original back.
    expect(text(edition)).toContain('党风廉政建设情况');
    const original = (await readFolio(join(dir, 'sample.folio'))).edition;
    expect(text(resolveChanges(edition, 'reject', {}).edition)).toBe(text(original));
  });

  it('says in one line what is wrong, exit 2, and writes nothing', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['find', 'sample.folio', '(', '--regex'],
        /^folio find: invalid regular expression "\(": Unterminated group$/,
      ],
      [['find', 'sample.folio'], /missing the pattern/],
      [['find', 'sample.folio', 'x', '--scope', 'page:9'], /--scope page:9: the edition has 1 page$/],
      [['find', 'sample.folio', 'x', '--scope', 'story:nope'], /no story with that id or name/],
      [['find', 'sample.folio', 'x', '--scope', 'frame:1'], /use edition, page:N or story:ID/],
      [['find', 'sample.folio', 'x', '--replace', 'y'], /missing -o <file.folio>/],
      [['find', 'sample.folio', 'x', '-o', 'y.folio'], /-o only goes with --replace/],
      [['find', 'sample.folio', 'x', '--track'], /--track only goes with --replace/],
      [
        ['find', 'sample.folio', 'x', '--replace', 'y', '--as', 'A', '-o', 'y.folio'],
        /--as NAME goes with --track/,
      ],
      [
        ['find', 'sample.folio', 'x', '--replace', 'y', '-o', 'sample.folio'],
        /write the result to another file/,
      ],
      [['find', 'missing.folio', 'x'], /missing\.folio/],
      [['find', 'sample.folio', 'x', '--bogus'], /unknown option '--bogus'/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err.split('\n'), argv.join(' ')).toHaveLength(1);
      expect(result.err, argv.join(' ')).toMatch(message);
    }
  });

  it('has a --help that names every option', async () => {
    const help = (await run('find', '--help')).out;
    for (const option of [
      '--regex',
      '--whole-word',
      '--case-sensitive',
      '--width-insensitive',
      '--scope',
      '--replace',
      '-o',
      '--json',
    ])
      expect(help).toContain(option);
  });
});
