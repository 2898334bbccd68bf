/**
 * Y → model operations: the operations that take the edition a client has to
 * the edition the shared doc now holds (after a change from someone else),
 * so a remote change goes through the model's one apply path like any
 * other — the journal records it and the composer recomposes only what it
 * touched. Parts are compared by reference (EditionReader hands back the same
 * objects for what did not change), so the work is proportional to the
 * change, not to the edition.
 *
 * Each operation is applied as it is produced, so every index is computed
 * against the edition as it is at that moment. When some difference has no
 * operation (a part of the model the operations do not cover yet) or an
 * operation is refused (a merge of two valid edits can be invalid, e.g. a
 * frame given a swatch that someone else removed), `complete` is false and
 * the caller takes the doc's edition as it is.
 */
import { applyOperation, locateFrame } from '../model/operations';
import type { FrameContainer, Operation, StoryOperation } from '../model/ops/types';
import type { Edition, Frame, MasterPage, Page, Review, Story, StoryBlock } from '../model/types';
import { reviewOf } from '../model/review';
import { sameBlock, sameStory } from '../editing/same-story';
import { applyToBlocks } from '../editing/apply-to-blocks';
import { blockText } from '../editing/story-points';
import { sameJson, type Fields } from './entries';
import { KNOWN_EDITION_KEYS } from './edition-writer';

export interface RemoteOperations {
  ops: Operation[];
  /** The edition after the operations. */
  edition: Edition;
  /** False when the operations do not reach `target` (see above). */
  complete: boolean;
}

type Rec<T> = Record<string, T>;

export function operationsBetween(before: Edition, target: Edition): RemoteOperations {
  const ops: Operation[] = [];
  let current = before;
  let complete = true;
  const apply = (op: Operation) => {
    if (!complete) return;
    try {
      current = applyOperation(current, op).edition;
      ops.push(op);
    } catch {
      complete = false;
    }
  };

  // Metadata.
  if (before.meta !== target.meta) {
    const props = changedFields(before.meta as unknown as Fields, target.meta as unknown as Fields);
    if (props) apply({ type: 'set_meta', props });
  }

  // Things others refer to come first: swatches, styles, assets, masters, stories (threads later).
  const s = before.styles;
  const t = target.styles;
  upserts(s.swatches, t.swatches, (swatch, index) => apply({ type: 'upsert_swatch', swatch, index }));
  upserts(s.character, t.character, (style, index) =>
    apply({ type: 'upsert_character_style', style, index }),
  );
  upserts(s.paragraph, t.paragraph, (style, index) =>
    apply({ type: 'upsert_paragraph_style', style, index }),
  );
  if (s.roleStyles !== t.roleStyles) {
    for (const role of Object.keys(t.roleStyles) as (keyof typeof t.roleStyles)[])
      if (s.roleStyles[role] !== t.roleStyles[role])
        apply({ type: 'set_role_style', role, styleId: t.roleStyles[role] });
  }
  if (before.assets !== target.assets) {
    Object.values(target.assets).forEach((asset, index) => {
      const old = before.assets[asset.id];
      if (!old) apply({ type: 'add_asset', asset, index });
      else if (old !== asset && !sameJson(old, asset)) {
        apply({ type: 'remove_asset', assetId: asset.id });
        apply({ type: 'add_asset', asset, index });
      }
    });
  }
  if (before.masters !== target.masters) {
    target.masters.forEach((master, index) => {
      const old = before.masters.find((m) => m.id === master.id);
      if (!old)
        apply({
          type: 'insert_master',
          master: { ...master, frames: [] },
          index: Math.min(index, current.masters.length),
        });
      else if (old.name !== master.name)
        apply({ type: 'set_master_props', masterId: master.id, props: { name: master.name } });
    });
  }
  if (before.stories !== target.stories) {
    Object.values(target.stories).forEach((story, index) => {
      if (!before.stories[story.id]) apply({ type: 'add_story', story: { ...story, thread: [] }, index });
    });
  }

  // Pages: new ones (empty; frames follow), props, order.
  if (before.pages !== target.pages) {
    target.pages.forEach((page, index) => {
      const old = before.pages.find((p) => p.id === page.id);
      if (!old)
        apply({
          type: 'insert_page',
          page: { ...page, frames: [] },
          index: Math.min(index, current.pages.length),
        });
      else if (old !== page) {
        const props = changedFields(withoutFrames(old), withoutFrames(page));
        if (props) apply({ type: 'set_page_props', pageId: page.id, props });
      }
    });
  }

  // Frames: removed, moved, inserted, changed, then paint order.
  if (before.pages !== target.pages || before.masters !== target.masters)
    frameOps(current, target, apply, () => current);

  if (before.pages !== target.pages) {
    const ids = target.pages.map((p) => p.id);
    for (const page of current.pages.slice())
      if (!ids.includes(page.id)) apply({ type: 'remove_page', pageId: page.id });
    ids.forEach((id, index) => {
      if (current.pages[index]?.id !== id) apply({ type: 'move_page', pageId: id, index });
    });
  }
  if (before.masters !== target.masters) {
    const ids = target.masters.map((m) => m.id);
    for (const master of current.masters.slice())
      if (!ids.includes(master.id)) apply({ type: 'remove_master', masterId: master.id });
  }

  // Stories: text, props, threads; removed stories.
  if (before.stories !== target.stories) {
    for (const story of Object.values(target.stories)) {
      const old = current.stories[story.id];
      if (!old || old === story) continue;
      for (const op of storyTextOps(old, story)) apply(op);
      if (old.name !== story.name)
        apply({ type: 'set_story_props', storyId: story.id, props: { name: story.name } });
      if (!sameJson(current.stories[story.id]?.thread, story.thread))
        apply({ type: 'set_story_thread', storyId: story.id, thread: story.thread });
    }
    for (const id of Object.keys(current.stories))
      if (!target.stories[id]) apply({ type: 'remove_story', storyId: id });
  }

  // The proofreading desk: notes, tracked changes, rounds, sign-offs, settings.
  if (before.review !== target.review) reviewOps(reviewOf(current), reviewOf(target), apply);

  // The desk's plan: put whole (its parts are small and kept field by field in the doc).
  if (before.plan !== target.plan && !sameJson(current.plan, target.plan))
    apply({ type: 'set_plan', plan: target.plan ?? null });

  // Removals of what others referred to, now that nothing does.
  removals(s.paragraph, t.paragraph, (styleId) => apply({ type: 'remove_paragraph_style', styleId }));
  removals(s.character, t.character, (styleId) => apply({ type: 'remove_character_style', styleId }));
  removals(s.swatches, t.swatches, (swatchId) => apply({ type: 'remove_swatch', swatchId }));
  removals(before.assets, target.assets, (assetId) => apply({ type: 'remove_asset', assetId }));

  // Parts with no operations of their own.
  for (const key of new Set([...Object.keys(before), ...Object.keys(target)])) {
    if (
      !(KNOWN_EDITION_KEYS as readonly string[]).includes(key) &&
      key !== 'plan' &&
      (before as unknown as Fields)[key] !== (target as unknown as Fields)[key]
    )
      complete = false;
  }
  if (complete && !sameEdition(current, target)) complete = false;
  return { ops, edition: current, complete };
}

function withoutFrames(c: Page | MasterPage): Fields {
  const { frames: _frames, ...rest } = c;
  return rest as unknown as Fields;
}

/** The fields of `after` that differ from `before`, or null when none do. */
function changedFields(before: Fields, after: Fields): Fields | null {
  const out: Fields = {};
  let any = false;
  for (const key of Object.keys(after)) {
    if (before[key] !== after[key] && !sameJson(before[key], after[key])) {
      out[key] = after[key];
      any = true;
    }
  }
  return any ? out : null;
}

function upserts<T extends { id: string }>(
  before: Rec<T>,
  after: Rec<T>,
  emit: (value: T, index: number) => void,
): void {
  if (before === after) return;
  Object.values(after).forEach((value, index) => {
    const old = before[value.id];
    if (!old || (old !== value && !sameJson(old, value))) emit(value, index);
  });
}

function removals<T>(before: Rec<T>, after: Rec<T>, emit: (id: string) => void): void {
  if (before === after) return;
  for (const id of Object.keys(before)) if (!(id in after)) emit(id);
}

interface Where {
  container: FrameContainer;
  key: string;
  frames: Frame[];
}

function containers(edition: Edition): Where[] {
  return [
    ...edition.pages.map((p) => ({ container: { pageId: p.id }, key: `page:${p.id}`, frames: p.frames })),
    ...edition.masters.map((m) => ({
      container: { masterId: m.id },
      key: `master:${m.id}`,
      frames: m.frames,
    })),
  ];
}

function frameOps(start: Edition, target: Edition, apply: (op: Operation) => void, now: () => Edition): void {
  // Only containers whose frame list changed are looked at (compared by reference).
  const startLists = new Map(containers(start).map((c) => [c.key, c.frames]));
  const changed = containers(target).filter((c) => startLists.get(c.key) !== c.frames);
  const targetKeys = new Set(containers(target).map((c) => c.key));
  const gone = containers(start).filter((c) => !targetKeys.has(c.key));
  const wanted = new Set<string>();
  for (const c of containers(target)) for (const f of c.frames) wanted.add(f.id);
  for (const c of [...changed, ...gone]) {
    for (const f of startLists.get(c.key) ?? [])
      if (!wanted.has(f.id)) apply({ type: 'remove_frame', frameId: f.id });
  }
  const listOf = (key: string) => containers(now()).find((x) => x.key === key)?.frames ?? null;
  for (const c of changed) {
    c.frames.forEach((frame, index) => {
      const here = locateFrame(now(), frame.id);
      const list = listOf(c.key);
      if (!list) return;
      if (!here) {
        apply({ type: 'insert_frame', container: c.container, frame, index: Math.min(index, list.length) });
        return;
      }
      const hereKey =
        here.where === 'page'
          ? `page:${now().pages[here.containerIndex].id}`
          : `master:${now().masters[here.containerIndex].id}`;
      if (hereKey !== c.key)
        apply({
          type: 'move_frame',
          frameId: frame.id,
          container: c.container,
          index: Math.min(index, list.length),
        });
      const current = locateFrame(now(), frame.id)?.frame;
      if (current && current !== frame) {
        const props = changedFields(current as unknown as Fields, frame as unknown as Fields);
        if (props) {
          delete props.id;
          delete props.kind;
          if (Object.keys(props).length > 0)
            apply({ type: 'update_frame', frameId: frame.id, props: props as never });
        }
      }
    });
    c.frames.forEach((frame, index) => {
      const list = listOf(c.key) ?? [];
      if (list[index]?.id !== frame.id && list.some((f) => f.id === frame.id))
        apply({ type: 'reorder_frame', frameId: frame.id, index });
    });
  }
}

function reviewOps(before: Review, after: Review, apply: (op: Operation) => void): void {
  if (before.settings !== after.settings && !sameJson(before.settings, after.settings)) {
    const props: { trackChanges?: boolean; requireSignoff?: boolean } = {};
    if (before.settings.trackChanges !== after.settings.trackChanges)
      props.trackChanges = after.settings.trackChanges;
    if (before.settings.requireSignoff !== after.settings.requireSignoff)
      props.requireSignoff = after.settings.requireSignoff;
    const trackStories: Record<string, boolean | null> = {};
    const b = before.settings.trackStories;
    const a = after.settings.trackStories;
    for (const id of new Set([...Object.keys(b), ...Object.keys(a)]))
      if (b[id] !== a[id]) trackStories[id] = a[id] ?? null;
    apply({
      type: 'set_review_settings',
      props,
      ...(Object.keys(trackStories).length ? { trackStories } : {}),
    });
  }
  const lists = [
    [
      'notes',
      (v: never, index: number) => ({ type: 'upsert_note', note: v, index }),
      (id: string) => ({ type: 'remove_note', noteId: id }),
    ],
    [
      'changes',
      (v: never, index: number) => ({ type: 'upsert_change', change: v, index }),
      (id: string) => ({ type: 'remove_change', changeId: id }),
    ],
    [
      'rounds',
      (v: never, index: number) => ({ type: 'upsert_round', round: v, index }),
      (id: string) => ({ type: 'remove_round', roundId: id }),
    ],
  ] as const;
  for (const [key, upsert, remove] of lists) {
    const b = before[key] as { id: string }[];
    const a = after[key] as { id: string }[];
    if (b === a) continue;
    const keep = new Set(a.map((v) => v.id));
    for (const v of b) if (!keep.has(v.id)) apply(remove(v.id) as Operation);
    const old = new Map(b.map((v) => [v.id, v]));
    a.forEach((v, index) => {
      const o = old.get(v.id);
      if (!o || (o !== v && !sameJson(o, v))) apply(upsert(v as never, index) as Operation);
    });
  }
  if (before.signoffs !== after.signoffs) {
    for (const pageId of new Set([...Object.keys(before.signoffs), ...Object.keys(after.signoffs)])) {
      const o = before.signoffs[pageId];
      const v = after.signoffs[pageId];
      if (o !== v && !sameJson(o, v)) apply({ type: 'set_signoff', pageId, signoff: v ?? null });
    }
  }
}

/** Operations for a story's paragraphs: typing as insert/remove text, anything else as a replace of the paragraphs concerned. */
export function storyTextOps(before: Story, after: Story): Operation[] {
  const a = before.blocks;
  const b = after.blocks;
  if (a === b) return [];
  let head = 0;
  while (head < a.length && head < b.length && (a[head] === b[head] || sameBlock(a[head], b[head]))) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    (a[a.length - 1 - tail] === b[b.length - 1 - tail] ||
      sameBlock(a[a.length - 1 - tail], b[b.length - 1 - tail]))
  )
    tail++;
  const oldCount = a.length - head - tail;
  const newCount = b.length - head - tail;
  if (oldCount === 0 && newCount === 0) return [];
  const storyId = after.id;
  if (oldCount === 1 && newCount === 1) {
    const text = textOps(storyId, head, a[head], b[head]);
    if (text) return text;
  }
  return [
    { type: 'replace_blocks', storyId, index: head, count: oldCount, blocks: b.slice(head, head + newCount) },
  ];
}

/** Typing within one paragraph whose role, style and marks stay as they were; null otherwise. */
function textOps(storyId: string, block: number, before: StoryBlock, after: StoryBlock): Operation[] | null {
  if (before.type !== after.type || (before.styleId ?? null) !== (after.styleId ?? null)) return null;
  const x = blockText(before);
  const y = blockText(after);
  let head = 0;
  while (head < x.length && head < y.length && x.charCodeAt(head) === y.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < x.length - head &&
    tail < y.length - head &&
    x.charCodeAt(x.length - 1 - tail) === y.charCodeAt(y.length - 1 - tail)
  )
    tail++;
  const ops: Operation[] = [];
  const removed = x.length - head - tail;
  if (removed > 0) ops.push({ type: 'remove_text', storyId, block, offset: head, length: removed });
  const inserted = y.slice(head, y.length - tail);
  if (inserted) ops.push({ type: 'insert_text', storyId, block, offset: head, text: inserted });
  // The model gives inserted text the marks of the run it lands in; when that is not what the doc has, replace the paragraph.
  let result: StoryBlock[];
  try {
    result = applyToBlocks(
      [before],
      ops.map((op) => ({ ...op, block: 0 }) as StoryOperation),
    );
  } catch {
    return null;
  }
  return result.length === 1 && sameBlock(result[0], after) ? ops : null;
}

/** Whether two editions say the same thing (stories compared as same-story does: runs may be cut differently). */
function sameEdition(a: Edition, b: Edition): boolean {
  for (const key of Object.keys(b) as (keyof Edition)[]) {
    if (a[key] === b[key]) continue;
    if (key === 'stories') {
      const sa = a.stories;
      const sb = b.stories;
      const ka = Object.keys(sa);
      const kb = Object.keys(sb);
      if (ka.length !== kb.length) return false;
      for (const id of kb) {
        const x = sa[id];
        const y = sb[id];
        if (!x) return false;
        if (x === y) continue;
        const { blocks: bx, ...rx } = x;
        const { blocks: by, ...ry } = y;
        if (!sameJson(rx, ry) || !sameStory(bx, by)) return false;
      }
      continue;
    }
    if (!sameJson(a[key], b[key])) return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}
