/**
 * Auto-layout of one page: measure every story at every width with the
 * composer, search the guillotine partitions of the free region for the
 * least empty room (partition.ts), build the best tree's frames, fit the
 * photos that stand beside text by composing, then compose the page as it
 * would be and score what the composer set (score.ts). A module the
 * composer finds overset is measured one step taller and the search runs
 * again. Three proposals differ in the width of the lead's module.
 *
 * Deterministic: the same edition and page give the same proposals (frame
 * ids included).
 */
import type { Edition, Frame, Id, Page } from '../../model/types';
import type { ParagraphComposer } from '../../layout/paragraph-types';
import type { Operation } from '../../model/operations';
import { applyOperations } from '../../model/operations';
import { composeEdition } from '../../layout/compose-edition';
import { Partitioner, type LeafOption, type Table, type Tree } from './partition';
import { measureStories, type Measures, type ModuleOption } from './measure';
import { layModules, moduleFrames, ruleFrame, type FrameIds, type PlacedModule } from './build';
import { composeTrials } from './trials';
import { GAP_STEPS, photoRange, spanWidth } from './geometry';
import { readPageInput, AutoLayoutError } from './page-input';
import { scoreProposal } from './score';
import type { AutoLayoutOptions, AutoLayoutResult, PageInput, PhotoInput, Proposal } from './types';

const MAX_REPAIRS = 8;

/** The region's shape: the whole width, and under it beside corner ads a narrower strip. */
interface RegionShape {
  steps: number;
  topSteps: number;
  foot: { column: number; columns: number; steps: number } | null;
}

function regionShape(input: PageInput): RegionShape {
  const steps = Math.floor(input.region.height / input.step + 1e-3);
  if (input.blocked.length === 0) return { steps, topSteps: steps, foot: null };
  const blockedColumns = new Set<number>();
  let adTop = Infinity;
  for (const b of input.blocked) {
    for (let c = b.column; c < b.column + b.columns; c++) blockedColumns.add(c);
    adTop = Math.min(adTop, b.top);
  }
  const free = Array.from({ length: input.columns }, (_, c) => c).filter((c) => !blockedColumns.has(c));
  const topSteps = Math.floor((adTop - input.region.y) / input.step + 1e-3);
  const contiguous = free.length > 0 && free[free.length - 1] - free[0] + 1 === free.length;
  const footSteps = steps - topSteps - GAP_STEPS;
  if (!contiguous || footSteps < 4) return { steps, topSteps, foot: null };
  return { steps, topSteps, foot: { column: free[0], columns: free.length, steps: footSteps } };
}

/** The best layout of all stories over the region's shape, lead on top. */
function solveRegion(p: Partitioner, count: number, columns: number, shape: RegionShape): Tree[] | null {
  const all = (1 << count) - 1;
  if (!shape.foot) {
    const tree = p.tree(all, columns, shape.topSteps);
    return tree ? [tree] : null;
  }
  let best: { value: number; top: number } | null = null;
  const rest = all ^ 1;
  for (let sub = rest; ; sub = (sub - 1) & rest) {
    const top = 1 | sub;
    const bottom = all ^ top;
    if (bottom !== 0) {
      const v =
        p.table(top, columns).value[shape.topSteps] +
        p.table(bottom, shape.foot.columns).value[shape.foot.steps];
      if (v < Infinity && (!best || v < best.value)) best = { value: v, top };
    }
    if (sub === 0) break;
  }
  if (!best) return null;
  return [
    p.tree(best.top, columns, shape.topSteps)!,
    p.tree(all ^ best.top, shape.foot.columns, shape.foot.steps)!,
  ];
}

function leadWidth(tree: Tree): number {
  let t = tree;
  while (t.kind !== 'leaf') t = t.first;
  return t.width;
}

/** Frame ids: a story keeps its first frame's id, a photo its frame's; new frames get al-N (unused in the edition). */
function frameIds(edition: Edition, page: Page, input: PageInput, prefix: string): FrameIds {
  const taken = new Set<Id>();
  for (const p of edition.pages) for (const f of p.frames) taken.add(f.id);
  for (const m of edition.masters) for (const f of m.frames) taken.add(f.id);
  const replaced = new Set(input.replacedFrameIds);
  let n = 0;
  const fresh = () => {
    let id: Id;
    do id = `${prefix}${++n}`;
    while (taken.has(id));
    taken.add(id);
    return id;
  };
  const given = new Map<Id, Id>();
  const own = (storyId: Id) => {
    let id = given.get(storyId);
    if (!id) {
      id =
        edition.stories[storyId]?.thread.find(
          (f) => replaced.has(f) && page.frames.some((x) => x.id === f),
        ) ?? fresh();
      given.set(storyId, id);
    }
    return id;
  };
  return { text: own, caption: own, fresh };
}

interface Built {
  modules: PlacedModule[];
  frames: Frame[];
  threads: Record<Id, Id[]>;
  operations: Operation[];
  /** Modules whose photos could not be fitted beside the text without overset. */
  failed: PlacedModule[];
}

/** Photo heights beside text: the largest crop (of six, then four between) that leaves no overset. */
function fitBeside(
  edition: Edition,
  page: Page,
  input: PageInput,
  measures: Measures,
  modules: PlacedModule[],
  composer: ParagraphComposer,
): PlacedModule[] {
  const beside = modules.filter((m) => m.photoPlacement === 'beside');
  if (beside.length === 0) return [];
  const photosOf = (m: PlacedModule) => input.stories.find((s) => s.storyId === m.storyId)!.photos;
  const heightsAt = (m: PlacedModule, share: number) =>
    photosOf(m).map((p) => {
      const r = photoRange(p.aspect, spanWidth(input, m.photoColumns));
      return r.min + share * (r.max - r.min);
    });
  const ids: FrameIds = { text: (s) => `t-${s}`, caption: (s) => `c-${s}`, fresh: () => 'x' };
  const fits = (shares: number[][]) => {
    const trials = beside.flatMap((m, i) =>
      shares[i].map((share) => {
        const photoIds = new Map<PhotoInput, Id>(photosOf(m).map((p, k) => [p, `p-${k}`]));
        const { frames, threads } = moduleFrames(
          edition,
          page,
          input,
          measures,
          { ...m, photoHeights: heightsAt(m, share) },
          ids,
          photoIds,
        );
        return { frames, threads };
      }),
    );
    const results = composeTrials(edition, page, trials, composer);
    let t = 0;
    return shares.map((list) => list.map(() => [...results[t++].values()].every((r) => !r.overset)));
  };
  const coarse = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const first = fits(beside.map(() => coarse));
  const best = first.map((ok) => {
    let b = -1;
    ok.forEach((v, k) => {
      if (v) b = k;
    });
    return b;
  });
  const fine = best.map((b) =>
    b < 0 || b === coarse.length - 1 ? [] : [0.04, 0.08, 0.12, 0.16].map((d) => coarse[b] + d),
  );
  const second = fits(fine);
  const failed: PlacedModule[] = [];
  beside.forEach((m, i) => {
    if (best[i] < 0) {
      failed.push(m);
      m.photoHeights = heightsAt(m, 0);
      return;
    }
    let share = coarse[best[i]];
    fine[i].forEach((s, k) => {
      if (second[i][k]) share = s;
    });
    m.photoHeights = heightsAt(m, share);
  });
  return failed;
}

function build(
  edition: Edition,
  page: Page,
  input: PageInput,
  measures: Measures,
  trees: Tree[],
  shape: RegionShape,
  composer: ParagraphComposer,
  prefix: string,
): Built {
  const laid = trees.map((tree, i) =>
    layModules(
      tree,
      input,
      measures,
      i === 0 ? { column: 0, step: 0 } : { column: shape.foot!.column, step: shape.topSteps + GAP_STEPS },
    ),
  );
  const modules = laid.flatMap((l) => l.modules);
  const rules = laid.flatMap((l) => l.rules);
  if (shape.foot) {
    rules.push({
      x: input.region.x,
      y: input.region.y + (shape.topSteps + GAP_STEPS / 2) * input.step,
      width: input.region.width,
      height: 0,
    });
  }
  const failed = fitBeside(edition, page, input, measures, modules, composer);
  const ids = frameIds(edition, page, input, prefix);
  const zh = edition.meta.language === 'zh-Hans';
  const frames: Frame[] = [];
  const threads: Record<Id, Id[]> = {};
  for (const rule of rules) frames.push(ruleFrame(ids.fresh(), rule, zh));
  // Photos keep their frame ids; a planned photo without a frame gets a new one.
  const photoIds = new Map<PhotoInput, Id>();
  for (const s of input.stories) for (const p of s.photos) photoIds.set(p, p.frameId ?? ids.fresh());
  for (const m of modules) {
    const built = moduleFrames(edition, page, input, measures, m, ids, photoIds);
    frames.push(...built.frames);
    Object.assign(threads, built.threads);
  }
  const operations: Operation[] = [
    ...input.replacedFrameIds.map((frameId): Operation => ({ type: 'remove_frame', frameId })),
    ...frames.map((frame): Operation => ({ type: 'insert_frame', container: { pageId: page.id }, frame })),
    ...Object.entries(threads).map(([storyId, thread]): Operation => ({
      type: 'set_story_thread',
      storyId,
      thread,
    })),
  ];
  return { modules, frames, threads, operations, failed };
}

/** The edition with only the page, for composing it alone. */
export function pageAlone(edition: Edition, pageIndex: number): Edition {
  const page = edition.pages[pageIndex];
  const here = new Set(page.frames.map((f) => f.id));
  const master = edition.masters.find((m) => m.id === page.masterId);
  for (const f of master?.frames ?? []) here.add(f.id);
  const stories = Object.fromEntries(
    Object.entries(edition.stories).filter(
      ([, s]) => s.thread.length > 0 && s.thread.every((id) => here.has(id)),
    ),
  );
  return { ...edition, pages: [page], stories };
}

export function proposeLayouts(
  edition: Edition,
  pageIndex: number,
  composer: ParagraphComposer,
  options: AutoLayoutOptions = {},
): AutoLayoutResult {
  const wanted = Math.max(1, Math.min(9, options.proposals ?? 3));
  const input = readPageInput(edition, pageIndex);
  const page = edition.pages[pageIndex];
  if (input.stories.length > 12)
    throw new AutoLayoutError(
      'too-many',
      { page: pageIndex + 1, count: input.stories.length },
      `page ${pageIndex + 1} has ${input.stories.length} stories; auto-layout places up to 12`,
    );
  const measures = measureStories(edition, page, input, composer);
  const shape = regionShape(input);
  // Steps added to a story's module at a width and placement after the composer found it overset.
  const bumps = new Map<string, number>();
  const bumpKey = (story: number, width: number, placement: string) => `${story}@${width}@${placement}`;
  const leafFor =
    (excluded: ReadonlySet<number>) =>
    (story: number, width: number): readonly LeafOption[] => {
      if (story === 0 && excluded.has(width)) return [];
      const m = measures.stories[story].byWidth.get(width);
      if (!m) return [];
      return m.options.map((o: ModuleOption) => {
        const extra = bumps.get(bumpKey(story, width, o.placement)) ?? 0;
        return extra ? { ...o, lo: o.lo + extra, hi: Math.max(o.hi, o.lo + extra) } : o;
      });
    };
  const problem = (excluded: ReadonlySet<number>) => ({
    count: input.stories.length,
    columns: input.columns,
    steps: shape.steps,
    gap: GAP_STEPS,
    leaf: leafFor(excluded),
  });
  let shared = new Map<number, Table>();
  const excluded = new Set<number>();
  const proposals: Proposal[] = [];
  const storyIndex = new Map(input.stories.map((s, i) => [s.storyId, i]));
  while (proposals.length < wanted) {
    let done: Proposal | null = null;
    let lead = 0;
    for (let repair = 0; repair <= MAX_REPAIRS && !done; repair++) {
      const partitioner = new Partitioner(problem(excluded), shared);
      const trees = solveRegion(partitioner, input.stories.length, input.columns, shape);
      if (!trees) break;
      lead = leadWidth(trees[0]);
      const built = build(
        edition,
        page,
        input,
        measures,
        trees,
        shape,
        composer,
        `al${proposals.length + 1}-`,
      );
      const applied = applyOperations(edition, built.operations).edition;
      const display = composeEdition(pageAlone(applied, pageIndex), composer);
      const score = scoreProposal(applied, display.pages[0], display, input, built.modules);
      const over = new Set([...score.oversetStories, ...built.failed.map((m) => m.storyId)]);
      if (over.size === 0 || repair === MAX_REPAIRS) {
        done = {
          rank: 0,
          modules: built.modules.map(({ option: _o, photoHeights: _h, ...m }) => m),
          frames: built.frames,
          threads: built.threads,
          score: score.score,
          operations: built.operations,
          page: display.pages[0],
        };
        break;
      }
      // The composer says these modules need more room: one step more, and search again.
      for (const m of built.modules) {
        const i = storyIndex.get(m.storyId)!;
        const captionOf = input.stories[i].photos.some((p) => p.captionStoryId && over.has(p.captionStoryId));
        if (!over.has(m.storyId) && !captionOf) continue;
        const key = bumpKey(i, m.columns, m.photoPlacement);
        bumps.set(key, (bumps.get(key) ?? 0) + 1);
      }
      shared = new Map();
    }
    if (!done) break;
    proposals.push(done);
    excluded.add(lead);
  }
  proposals.sort((a, b) => a.score.total - b.score.total);
  proposals.forEach((p, i) => (p.rank = i + 1));
  return { input, proposals };
}
