/**
 * Auto-layout (issue 13, item 4): three proposals for the sample page,
 * timed warm (the composer's caches filled by a first run, as in the app
 * after the page was shown) and cold (a new composer), median of three, in
 * wall time and in this process's CPU time (the machine is shared: wall time
 * also counts other jobs); baseline: composing the whole sample edition once
 * in the same run. Then the empty column area of the best proposal against
 * the hand-made sample page, the same measure on both (docs/auto-layout.md).
 */
import type { Bench, BenchResult } from './bench';
import { medianMs } from './timing';
import { buildSampleEdition } from '../../shared/sample';
import { composeEdition } from '../../shared/layout';
import { createNodeComposer } from '../../main/fonts';
import { emptyColumnArea, pageAlone, proposeLayouts } from '../../shared/planning/auto-layout';

const cpu = () => process.cpuUsage().user / 1000;

export const bench: Bench = {
  title: 'Auto-layout of the sample page: three proposals, empty column area vs the hand-made page',
  async run(): Promise<BenchResult[]> {
    const { edition } = buildSampleEdition();
    const composer = await createNodeComposer();
    const result = proposeLayouts(edition, 0, composer);
    const compose = medianMs(() => composeEdition(edition, composer), 5);
    const warmWall = medianMs(() => proposeLayouts(edition, 0, composer), 3);
    const warmCpu = medianMs(() => proposeLayouts(edition, 0, composer), 3, cpu);
    const fresh = await Promise.all([0, 1, 2].map(() => createNodeComposer()));
    let k = 0;
    const coldCpu = medianMs(() => proposeLayouts(edition, 0, fresh[k++]), 3, cpu);
    const stories = new Set(result.input.stories.map((s) => s.storyId));
    const hand = emptyColumnArea(
      composeEdition(pageAlone(edition, 0), composer).pages[0],
      result.input,
      stories,
    );
    const best = result.proposals[0].score;
    const baseline = { name: 'compose the sample edition', value: compose };
    return [
      {
        name: 'three proposals, warm, wall',
        value: warmWall,
        unit: 'ms',
        baseline,
        goal: '< 1000 ms',
        met: warmWall < 1000,
      },
      {
        name: 'three proposals, warm, CPU',
        value: warmCpu,
        unit: 'ms',
        baseline,
        goal: '< 1000 ms',
        met: warmCpu < 1000,
      },
      { name: 'three proposals, cold composer, CPU', value: coldCpu, unit: 'ms', baseline },
      {
        name: `empty column area, best proposal (overset ${best.overset}, ${result.proposals.length} proposals)`,
        value: best.emptyPercent,
        unit: '%',
        baseline: { name: 'hand-made sample page', value: hand.percent },
        goal: '< 2 %',
        met: best.emptyPercent < 2 && best.overset === 0,
      },
    ];
  },
};
