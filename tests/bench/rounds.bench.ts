/**
 * Comparing two proof rounds of the synthetic 24-page edition
 * (compose.bench's): 一校 started, three stories corrected on three pages
 * (a word inserted, a phrase deleted, a paragraph re-sent), 二校 started;
 * then what `folio diff --from 一校 --to 二校` and Review ▸ Compare Rounds…
 * do: compose both rounds' snapshots with the same engine and compare them
 * (per-story Myers redline, per-page changed regions from the display
 * lists). Baseline in the same run: composing one state of the edition from
 * scratch — the least a comparison of pictures must do is compose what it
 * compares. Issue 11's goal is < 500 ms for the diff of two rounds. Times
 * are this process's CPU time (medians): the machine is shared and loaded.
 */
import { availableParallelism, loadavg } from 'node:os';
import { createNodeComposer } from '../../main/fonts';
import { Composition, composeEdition } from '../../shared/layout/compose-edition';
import { applyOperation, blockText } from '../../shared/model/operations';
import type { Edition, Id } from '../../shared/model/types';
import { reviewOf } from '../../shared/model/review';
import { composeStates, diffEditions, editionOfSnapshot, makeStamp, startRoundOp } from '../../shared/review';
import type { Bench, BenchResult } from './bench';
import { syntheticEdition } from './compose.bench';
import { medianMs } from './timing';

/** CPU milliseconds of this process: the machine is shared and loaded, and the work is single-threaded. */
const cpu = () => process.cpuUsage().user / 1000;

const STAMP = makeStamp({ name: '王校对', color: '#c0392b' }, new Date('2026-12-07T22:00:00Z'));

/** The story whose thread starts on `page` (zero-based), in its first module. */
function storyOnPage(edition: Edition, page: number): Id {
  const story = Object.values(edition.stories).find((s) => s.thread[0] === `p${page}-f0`);
  if (!story) throw new Error(`no story starts on page ${page + 1}`);
  return story.id;
}

/** 一校, three corrections on pages 3, 11 and 20, 二校: the edition with both rounds. */
export function twoRounds(): Edition {
  let edition = syntheticEdition(24);
  edition = applyOperation(edition, startRoundOp(edition, STAMP, '一校', 'round-1')).edition;
  const [a, b, c] = [2, 10, 19].map((page) => storyOnPage(edition, page));
  const body = (id: Id) => edition.stories[id].blocks.findIndex((block) => block.type === 'body');
  edition = applyOperation(edition, {
    type: 'insert_text',
    storyId: a,
    block: body(a),
    offset: 4,
    text: '据悉，',
  }).edition;
  edition = applyOperation(edition, {
    type: 'remove_text',
    storyId: b,
    block: body(b) + 1,
    offset: 2,
    length: 6,
  }).edition;
  const last = edition.stories[c].blocks.length - 1;
  edition = applyOperation(edition, {
    type: 'insert_text',
    storyId: c,
    block: last,
    offset: blockText(edition.stories[c].blocks[last]).length,
    text: '（完）',
  }).edition;
  return applyOperation(edition, startRoundOp(edition, STAMP, '二校', 'round-2')).edition;
}

export const bench: Bench = {
  title: 'Diff of two proof rounds of the 24-page synthetic edition',
  async run(): Promise<BenchResult[]> {
    const edition = twoRounds();
    const [one, two] = reviewOf(edition).rounds;
    const before = editionOfSnapshot(edition, one.snapshot);
    const after = editionOfSnapshot(edition, two.snapshot);
    const composer = await createNodeComposer();
    const states = composeStates(new Composition(composer), before, after);
    const { listA, listB } = states;
    const diff = diffEditions(states.before, states.after, listA, listB);
    // Composed incrementally, the later round must look exactly as composed from scratch.
    if (JSON.stringify(listB) !== JSON.stringify(composeEdition(after, composer)))
      throw new Error('the incrementally composed round differs from the round composed from scratch');
    // The figure is of a comparison that found what was changed, not of one that found nothing.
    if (diff.stories.length !== 3) throw new Error(`the diff found ${diff.stories.length} stories, not 3`);
    const regions = diff.pages.reduce((n, p) => n + p.rects.length, 0);
    console.log(
      `  ${edition.pages.length} pages, ${Object.keys(edition.stories).length} stories; ` +
        `changed: stories ${diff.stories.map((s) => s.storyId).join(', ')}; ` +
        `pages ${diff.pages.map((p) => p.number).join(', ')} (${regions} regions)`,
    );

    const baseline = {
      name: 'composing one state from scratch',
      value: medianMs(() => composeEdition(after, composer), 7, cpu),
    };
    // As a file gives them: the rounds' snapshots share no objects (read from JSON each).
    const [fileA, fileB] = [structuredClone(before), structuredClone(after)];
    const total = medianMs(
      () => {
        const s = composeStates(new Composition(composer), fileA, fileB);
        diffEditions(s.before, s.after, s.listA, s.listB);
      },
      7,
      cpu,
    );
    const totalWall = medianMs(() => {
      const s = composeStates(new Composition(composer), fileA, fileB);
      diffEditions(s.before, s.after, s.listA, s.listB);
    }, 7);
    const whole = medianMs(
      () => {
        const a = composeEdition(fileA, composer);
        const b = composeEdition(fileB, composer);
        diffEditions(fileA, fileB, a, b);
      },
      5,
      cpu,
    );
    const compare = medianMs(() => diffEditions(states.before, states.after, listA, listB), 20, cpu);
    const goal = '< 500 ms';
    return [
      {
        name: 'diff of two rounds: both composed and compared (folio diff, Compare Rounds…)',
        value: total,
        unit: 'ms',
        baseline,
        goal,
        met: total < 500,
      },
      {
        name: `the same in wall time (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`,
        value: totalWall,
        unit: 'ms',
        goal,
        met: totalWall < 500,
      },
      {
        name: 'the same with both rounds composed whole (no sharing, no incremental update)',
        value: whole,
        unit: 'ms',
        baseline,
      },
      {
        name: 'the comparison alone (redlines and page regions, both display lists given)',
        value: compare,
        unit: 'ms',
        baseline,
        goal,
        met: compare < 500,
      },
    ];
  },
};
