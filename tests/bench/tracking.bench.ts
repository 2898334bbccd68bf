/**
 * Typing with tracked changes (修订), in Node on the sample edition, each
 * pair of figures interleaved key by key in one run so the machine's load
 * falls on both alike. A keystroke is what the app does for one key in the
 * lead story: Slate's insertText, the translation to model operations, with
 * tracking on `trackOperations` (the insertion recorded, or the author's own
 * insertion grown), the operations applied, and the page recomposed by the
 * review composition in the markup view (the final text, plus — where a
 * story has pending deletions — the markup text with the deleted words put
 * back; both incremental).
 *
 * 1. Tracking on vs off, the edition otherwise the same (another
 *    proofreader's deletion and insertion pending in the story): what
 *    recording the changes costs. Goal (issue 11): < 10 %.
 * 2. A story with a pending deletion vs one with none, tracking on both:
 *    what showing deleted words on the page costs while typing (the markup
 *    text is composed besides the final text, which copyfit and overset
 *    always use).
 */
import { createEditor, Transforms, type Descendant, type Operation as SlateOperation } from 'slate';
import { createNodeComposer } from '../../main/fonts';
import { applyToBlocks } from '../../shared/editing/apply-to-blocks';
import { translateSlateOps } from '../../shared/editing/slate-to-model';
import { applyOperation, applyOperations, type Operation } from '../../shared/model/operations';
import type { Edition } from '../../shared/model/types';
import { ReviewComposition } from '../../shared/review/review-composition';
import { trackOperations } from '../../shared/review/track';
import { buildSampleEdition } from '../../shared/sample/sample-edition';
import { stats, type Bench, type BenchResult } from './bench';

const KEYS = 120;
const WARMUP = 20;
const ME = { author: '王校对', color: '#2563eb', time: '2026-12-07T23:00:00.000Z' };
const OTHER = { author: '李编辑', color: '#c0392b', time: '2026-12-07T22:00:00.000Z' };

interface Typist {
  /** One keystroke; returns the time it took in ms. */
  key(): number;
}

interface Setup {
  /** Tracking switched on for the edition. */
  tracking: boolean;
  /** Another author's changes pending earlier in the story: a deletion (and an insertion). */
  pending: 'deletion' | 'insertion' | 'none';
}

function typist(composition: ReviewComposition, setup: Setup): Typist {
  let edition: Edition = buildSampleEdition().edition;
  const storyId = Object.values(edition.stories).sort((a, b) => b.blocks.length - a.blocks.length)[0].id;
  const block = Math.floor(edition.stories[storyId].blocks.length / 2);
  const track = (e: Edition, on: boolean) =>
    applyOperation(e, { type: 'set_review_settings', props: { trackChanges: on } }).edition;
  edition = track(edition, true);
  const theirs: Operation[] = [{ type: 'insert_text', storyId, block: 1, offset: 8, text: '据悉' }];
  if (setup.pending === 'deletion')
    theirs.unshift({ type: 'remove_text', storyId, block: 1, offset: 2, length: 3 });
  if (setup.pending !== 'none') edition = trackOperations(edition, theirs, { stamp: OTHER }).edition;
  edition = track(edition, setup.tracking);
  composition.compose(edition, { view: 'markup' });
  const editor = createEditor();
  editor.children = structuredClone(edition.stories[storyId].blocks) as unknown as Descendant[];
  Transforms.select(editor, { path: [block, 0], offset: 2 });
  const captured: SlateOperation[] = [];
  const { apply } = editor;
  editor.apply = (op) => {
    captured.push(op);
    apply(op);
  };
  return {
    key() {
      captured.length = 0;
      const t0 = performance.now();
      editor.insertText('新');
      const before = edition.stories[storyId].blocks;
      const { ops } = translateSlateOps(storyId, before, captured, applyToBlocks);
      edition = setup.tracking
        ? trackOperations(edition, ops, { stamp: ME }).edition
        : applyOperations(edition, ops).edition;
      composition.update(edition, { storyId, block }, { view: 'markup' });
      return performance.now() - t0;
    },
  };
}

/** Median and p95 of two typists, key by key in turn. */
async function race(a: Setup, b: Setup) {
  const composer = await createNodeComposer();
  const first = typist(new ReviewComposition(composer), a);
  const second = typist(new ReviewComposition(composer), b);
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < KEYS + WARMUP; i++) {
    // Which goes first alternates, so neither always pays for the other's garbage.
    let x: number;
    let y: number;
    if (i % 2 === 0) {
      x = first.key();
      y = second.key();
    } else {
      y = second.key();
      x = first.key();
    }
    if (i >= WARMUP) {
      samples[0].push(x);
      samples[1].push(y);
    }
  }
  const quartile = (list: number[]) => [...list].sort((m, n) => m - n)[Math.floor(list.length / 4)];
  return [
    { ...stats(samples[0]), q1: quartile(samples[0]) },
    { ...stats(samples[1]), q1: quartile(samples[1]) },
  ] as const;
}

const percent = (value: number, base: number) => `${((value / base - 1) * 100).toFixed(1)} %`;

export const bench: Bench = {
  title: 'Tracked changes: typing with tracking on vs off (sample edition, Node)',
  async run(): Promise<BenchResult[]> {
    // A race thrown away first: the shaper's caches and the JIT warm up, so neither pair pays for that.
    await race({ tracking: true, pending: 'deletion' }, { tracking: false, pending: 'none' });
    const [off, on] = await race(
      { tracking: false, pending: 'deletion' },
      { tracking: true, pending: 'deletion' },
    );
    const [clean, struck] = await race(
      { tracking: true, pending: 'insertion' },
      { tracking: true, pending: 'deletion' },
    );
    // The lower quartile is the figure judged: on a shared machine the median already takes other
    // work's pauses (both are printed).
    return [
      {
        name: 'keystroke, tracking on, lower quartile',
        value: on.q1,
        unit: 'ms',
        baseline: { name: 'the same keystroke with tracking off, lower quartile', value: off.q1 },
        goal: `tracking adds < 10 % (adds ${percent(on.q1, off.q1)})`,
        met: on.q1 < off.q1 * 1.1,
      },
      {
        name: 'keystroke, tracking on, median',
        value: on.median,
        unit: 'ms',
        baseline: { name: 'tracking off, median', value: off.median },
      },
      {
        name: 'keystroke, tracking on, p95',
        value: on.p95,
        unit: 'ms',
        baseline: { name: 'tracking off, p95', value: off.p95 },
      },
      {
        name: 'keystroke in a story showing a pending deletion (markup view), lower quartile',
        value: struck.q1,
        unit: 'ms',
        baseline: {
          name: `a story with only an insertion pending (deleted words add ${percent(struck.q1, clean.q1)})`,
          value: clean.q1,
        },
      },
    ];
  },
};
