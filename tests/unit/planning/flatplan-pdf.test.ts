/**
 * `folio flatplan FILE -o plan.pdf` as the night desk runs it: one A3 page
 * with every page number, section, ad and planned story, read back with
 * pdftotext; English with --lang en; bad input is one line and exit 2,
 * the edition untouched.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/folio';
import { writeFolio } from '../../../main/storage';
import { plannedEdition, planTheEdition } from '../../support/planned-edition';
import { popplerText } from '../pdf/helpers/read-pdf';

let dir: string;

async function folio(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'folio-flatplan-'));
  await writeFolio(join(dir, 'edition.folio'), planTheEdition(plannedEdition(24)), new Map());
});

describe('folio flatplan', () => {
  it('prints the whole plan on one page that pdftotext reads', async () => {
    const run = await folio('flatplan', 'edition.folio', '-o', 'plan.pdf');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/plan\.pdf: flatplan of 24 pages/);
    const path = join(dir, 'plan.pdf');
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/^Pages:\s+1$/m);
    const text = popplerText(path, ['-raw']);
    expect(text).toContain('测试日报 · 2026-12-04 · 版面计划');
    expect(text).toContain('24 版 · 4 个叠 · 3 个广告');
    // Every page number the plan gives: six pages per section.
    for (const prefix of 'ABCD')
      for (let n = 1; n <= 6; n++) expect(text).toContain(`${prefix}${String(n).padStart(2, '0')}`);
    for (const section of ['要闻', '本地', '经济', '体育']) expect(text).toContain(section);
    // The three ads with their sizes and state, and a planned lead with budget against length.
    expect(text).toMatch(/城市银行 4 栏 × 10 厘米 已预订/);
    expect(text).toMatch(/海岛地产 8 栏 × 17\.5 厘米 已预订/);
    expect(text).toMatch(/头条 第1版甲稿 \d+ \/ 600 字 (超出|不足|合适)/);
    expect(text).toContain('黑 已计划');
  }, 60_000);

  it('prints in English with --lang en', async () => {
    const run = await folio('flatplan', 'edition.folio', '-o', 'plan-en.pdf', '--lang', 'en');
    expect(run.code).toBe(0);
    const text = popplerText(join(dir, 'plan-en.pdf'), ['-raw']);
    expect(text).toContain('24 pages · 4 sections · 3 ads');
    expect(text).toMatch(/Lead 第1版甲稿 \d+ of 600 characters (over|short|fits)/);
    expect(text).toMatch(/城市银行 4 col × 10 cm booked/);
  }, 60_000);

  it('says in one line what is wrong, exits 2 and leaves the edition as it was', async () => {
    const before = readFileSync(join(dir, 'edition.folio'));
    const cases: [string[], RegExp][] = [
      [['flatplan', 'edition.folio'], /-o <plan\.pdf>/],
      [['flatplan', '-o', 'x.pdf'], /which edition/],
      [['flatplan', 'edition.folio', '-o', 'edition.folio'], /is the edition itself/],
      [['flatplan', 'edition.folio', '-o', 'missing/x.pdf'], /folder .*missing does not exist/],
      [['flatplan', 'edition.folio', '-o', 'x.pdf', '--lang', 'fr'], /--lang must be zh-Hans or en/],
      [['flatplan', 'nothing.folio', '-o', 'x.pdf'], /nothing\.folio/],
    ];
    writeFileSync(join(dir, 'broken.folio'), 'not a zip');
    cases.push([['flatplan', 'broken.folio', '-o', 'x.pdf'], /broken\.folio/]);
    for (const [argv, message] of cases) {
      const run = await folio(...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.err.split('\n')).toHaveLength(1);
      expect(run.err).toMatch(message);
    }
    expect(readFileSync(join(dir, 'edition.folio')).equals(before)).toBe(true);
    expect(() => statSync(join(dir, 'x.pdf'))).toThrow();
  });

  it('has --help', async () => {
    const run = await folio('flatplan', '--help');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Usage: folio flatplan/);
  });
});
