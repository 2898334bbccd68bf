/**
 * Find across the synthetic 24-page edition (compose.bench's), each figure
 * against a baseline measured in the same run: a bare String.indexOf scan of
 * the same paragraphs' text (no pages, no context, no folding) — the least
 * any search must do.
 *
 * Find-all includes everything the Find panel pays after a keystroke in the
 * field: compiling the pattern, searching every paragraph, mapping each
 * match to its page through the display list (the page index built afresh)
 * and cutting its context. "Cold" runs search a fresh copy of the edition,
 * so no paragraph's prepared (folded) text is cached; "warm" searches the
 * same edition again, as the panel does while the user types.
 */
import { createNodeComposer } from '../../main/fonts';
import { composeEdition } from '../../shared/layout/compose-edition';
import type { Edition } from '../../shared/model/types';
import { findInEdition, type FindRequest } from '../../shared/find';
import { runCopyChecks } from '../../shared/preflight';
import { frameNames } from '../../shared/preflight/frame-names';
import { loadSpeller } from '../../main/proofing/speller';
import { stats, type Bench, type BenchResult } from './bench';
import { syntheticEdition } from './compose.bench';
import { medianMs } from './timing';

function indexOfScan(edition: Edition, needle: string): number {
  let count = 0;
  for (const story of Object.values(edition.stories)) {
    for (const block of story.blocks) {
      let text = '';
      for (const leaf of block.children) text += leaf.text;
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
    }
  }
  return count;
}

function coldMs(edition: Edition, run: (copy: Edition) => void, rounds: number): number {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const copy = structuredClone(edition);
    const start = performance.now();
    run(copy);
    samples.push(performance.now() - start);
  }
  return stats(samples).median;
}

export const bench: Bench = {
  title: 'Find across the 24-page synthetic edition',
  async run(): Promise<BenchResult[]> {
    const edition = syntheticEdition(24);
    const composer = await createNodeComposer();
    const list = composeEdition(edition, composer);
    const chars = Object.values(edition.stories).reduce(
      (n, s) => n + s.blocks.reduce((m, b) => m + b.children.reduce((k, c) => k + c.text.length, 0), 0),
      0,
    );
    const needle = '示范区';
    const expected = indexOfScan(edition, needle);
    const plain: FindRequest = { pattern: needle };
    const found = findInEdition(edition, list, plain).matches;
    if (found.length !== expected) throw new Error(`find gave ${found.length} matches, indexOf ${expected}`);
    const onPages = found.filter((m) => m.pageIndex !== null).length;
    console.log(
      `  ${edition.pages.length} pages, ${Object.keys(edition.stories).length} stories, ${chars} characters; '${needle}': ${found.length} matches (${onPages} on a page)`,
    );

    const baseline = {
      name: 'String.indexOf scan of the same text',
      value: medianMs(() => indexOfScan(edition, needle), 30),
    };
    const goal = '< 50 ms';
    const results: BenchResult[] = [];
    const cases: [string, FindRequest][] = [
      ['plain', plain],
      ['width-insensitive', { pattern: '示范区，', widthInsensitive: true }],
      ['regular expression', { pattern: '\\d+个', regex: true }],
      ['whole word, case-insensitive', { pattern: 'folio', wholeWord: true }],
    ];
    for (const [name, request] of cases) {
      const cold = coldMs(edition, (copy) => findInEdition(copy, list, request), 15);
      results.push({
        name: `find all, ${name} (cold)`,
        value: cold,
        unit: 'ms',
        baseline,
        goal,
        met: cold < 50,
      });
      const warm = medianMs(() => findInEdition(edition, list, request), 30);
      results.push({
        name: `find all, ${name} (warm)`,
        value: warm,
        unit: 'ms',
        baseline,
        goal,
        met: warm < 50,
      });
    }
    // Preflight's copy checks over the same copy (all eight, spelling with the loaded dictionary).
    const speller = await loadSpeller();
    const input = {
      edition,
      displayList: list,
      assets: {},
      missingFonts: [],
      target: 'proof' as const,
      speller,
    };
    const names = frameNames(edition);
    const findings = runCopyChecks(input, names).length;
    const copy = medianMs(() => runCopyChecks(input, names), 10);
    results.push({
      name: `copy checks, all eight (${findings} findings)`,
      value: copy,
      unit: 'ms',
      baseline,
    });
    return results;
  },
};
