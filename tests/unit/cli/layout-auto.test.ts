/**
 * `folio layout FILE --page N --auto`: proposals with their scores, the
 * chosen one written to a new file (the input untouched) that composes with
 * no overset, `--pick`, `--json`, and one line with exit 2 for each mistake.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/folio';
import { readFolio } from '../../../main/storage';
import { composeEdition } from '../../../shared/layout';
import { createNodeComposer } from '../../../main/fonts';

const dir = mkdtempSync(join(tmpdir(), 'folio-autolayout-'));
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

interface AutoJson {
  picked: number;
  proposals: {
    rank: number;
    score: { total: number; overset: number; emptyPercent: number };
    modules: unknown[];
  }[];
}

describe('folio layout --auto', () => {
  it('prints three ranked proposals and writes the best one, leaving the input as it was', async () => {
    const before = readFileSync(join(dir, 'sample.folio'));
    const result = await run('layout', 'sample.folio', '--page', '1', '--auto', '-o', 'auto.folio');
    expect(result.code, result.err).toBe(0);
    const lines = result.out.split('\n');
    expect(lines.filter((l) => /^proposal \d: score/.test(l))).toHaveLength(3);
    expect(lines[lines.length - 1]).toMatch(/wrote .*auto\.folio with proposal 1/);
    expect(readFileSync(join(dir, 'sample.folio')).equals(before)).toBe(true);
    const { edition } = await readFolio(join(dir, 'auto.folio'));
    const list = composeEdition(edition, await createNodeComposer());
    const overset = Object.values(list.stories).filter((s) => s.oversetCharacters > 0);
    expect(overset).toEqual([]);
  });

  it('prints the scores as JSON and writes the proposal picked', async () => {
    const result = await run(
      'layout',
      'sample.folio',
      '--page',
      '1',
      '--auto',
      '--pick',
      '2',
      '--json',
      '-o',
      'p2.folio',
    );
    expect(result.code, result.err).toBe(0);
    const json = JSON.parse(result.out) as AutoJson;
    expect(json.picked).toBe(2);
    expect(json.proposals.map((p) => p.rank)).toEqual([1, 2, 3]);
    expect(json.proposals[0].score.emptyPercent).toBeLessThan(2);
    for (const p of json.proposals) expect(p.score.overset).toBe(0);
    const one = await readFolio(join(dir, 'auto.folio'));
    const two = await readFolio(join(dir, 'p2.folio'));
    expect(JSON.stringify(two.edition.pages[0].frames)).not.toBe(JSON.stringify(one.edition.pages[0].frames));
  });

  it('says in one line what is wrong, exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--auto', '-o', 'x.folio'], /--auto needs --page N/],
      [['--auto', '--page', '2', '-o', 'x.folio'], /--page must be a whole number from 1 to 1, not '2'/],
      [['--auto', '--page', '1'], /missing -o <file\.folio>/],
      [
        ['--auto', '--page', '1', '--pick', '5', '-o', 'x.folio'],
        /--pick must be a whole number from 1 to 3/,
      ],
      [
        ['--auto', '--page', '1', '--proposals', 'many', '-o', 'x.folio'],
        /--proposals must be a whole number/,
      ],
      [['--auto', '--page', '1', '--wobble', '-o', 'x.folio'], /unknown option '--wobble'/],
    ];
    for (const [args, message] of cases) {
      const result = await run('layout', 'sample.folio', ...args);
      expect(result.code).toBe(2);
      expect(result.err.split('\n')).toHaveLength(1);
      expect(result.err).toMatch(message);
    }
    const missing = await run('layout', 'nothing.folio', '--auto', '--page', '1', '-o', 'x.folio');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nothing\.folio/);
  });
});
