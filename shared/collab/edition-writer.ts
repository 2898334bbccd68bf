/**
 * Model → Y: writes what an operation changed into the shared-edition doc
 * (layout.ts). The writer compares the edition before and after by
 * reference — operations share every part they did not change — so it
 * touches only what changed, whatever the operation (new operation kinds
 * need nothing here). Typing (insert_text / remove_text) is written at its
 * exact offset; other story edits are written paragraph by paragraph in
 * place, so concurrent typing in the same paragraph merges.
 */
import * as Y from 'yjs';
import type { Operation } from '../model/ops/types';
import type { Edition, Frame, MasterPage, Page, Story } from '../model/types';
import { CONTAINER, KIND, ORDER, VALUE, containerKey, rootsOf, type EditionRoots } from './layout';
import { reorderKeys } from './order-keys';
import { writeFields, type Fields } from './entries';
import { insertTextAt, plainOffsets, removeTextAt, syncBlocks, writeBlocks } from './story-text';

/** The edition fields the layout stores in their own roots; any other top-level field goes to `extra`. */
export const KNOWN_EDITION_KEYS = [
  'schemaVersion',
  'id',
  'meta',
  'styles',
  'masters',
  'pages',
  'stories',
  'assets',
] as const;
export const KNOWN_STYLE_KEYS = ['paragraph', 'character', 'swatches', 'roleStyles'] as const;

type WithId = { id: string };

/** Fills an empty doc with an edition (one transaction). */
export function writeEdition(doc: Y.Doc, edition: Edition, origin: unknown = null): void {
  const empty = emptyEdition(edition);
  doc.transact(() => writeChange(doc, empty, edition), origin);
}

/** An edition with nothing in it, to diff a whole edition against. */
function emptyEdition(like: Edition): Edition {
  return {
    schemaVersion: undefined as unknown as number,
    id: undefined as unknown as string,
    meta: {} as Edition['meta'],
    styles: { paragraph: {}, character: {}, swatches: {}, roleStyles: {} as Edition['styles']['roleStyles'] },
    masters: [],
    pages: [],
    stories: {},
    assets: {},
    ...Object.fromEntries(
      Object.keys(like)
        .filter((k) => !isKnown(k))
        .map((k) => [k, undefined]),
    ),
  };
}

const isKnown = (key: string) => (KNOWN_EDITION_KEYS as readonly string[]).includes(key);

/**
 * Writes the difference between two editions. `op` (the operation that
 * turned `before` into `after`, when there was exactly one) lets typing be
 * written at its offset. Call inside a transaction.
 */
export function writeChange(doc: Y.Doc, before: Edition, after: Edition, op?: Operation): void {
  if (before === after) return;
  const r = rootsOf(doc);
  for (const key of ['schemaVersion', 'id'] as const) {
    if (before[key] !== after[key]) r.edition.set(key, after[key]);
  }
  if (before.meta !== after.meta)
    writeFields(r.meta, before.meta as unknown as Fields, after.meta as unknown as Fields);
  if (before.styles !== after.styles) writeStyles(r, before, after);
  if (before.assets !== after.assets) writeRecord(r.assets, before.assets, after.assets);
  if (before.masters !== after.masters) writeList(r.masters, before.masters, after.masters, ['frames']);
  if (before.pages !== after.pages) writeList(r.pages, before.pages, after.pages, ['frames']);
  if (before.masters !== after.masters || before.pages !== after.pages) writeFrames(r, before, after);
  if (before.stories !== after.stories) writeStories(r, before.stories, after.stories, op);
  writeExtra(r, before, after);
}

function writeStyles(r: EditionRoots, before: Edition, after: Edition): void {
  const b = before.styles;
  const a = after.styles;
  if (b.paragraph !== a.paragraph) writeRecord(r.paragraphStyles, b.paragraph, a.paragraph);
  if (b.character !== a.character) writeRecord(r.characterStyles, b.character, a.character);
  if (b.swatches !== a.swatches) writeRecord(r.swatches, b.swatches, a.swatches);
  if (b.roleStyles !== a.roleStyles)
    writeFields(r.roleStyles, b.roleStyles as unknown as Fields, a.roleStyles as unknown as Fields);
  const extraKeys = new Set(
    [...Object.keys(b), ...Object.keys(a)].filter(
      (k) => !(KNOWN_STYLE_KEYS as readonly string[]).includes(k),
    ),
  );
  for (const key of extraKeys)
    writeExtraValue(r.extra, `styles.${key}`, (b as never)[key], (a as never)[key]);
}

/** A record (id → object) whose key order is the list order. */
function writeRecord<T extends WithId>(
  root: Y.Map<Y.Map<unknown>>,
  before: Record<string, T>,
  after: Record<string, T>,
  omit: string[] = [],
): void {
  writeList(root, Object.values(before), Object.values(after), omit);
}

/**
 * A list of entries with ids: new entries created, changed ones written
 * field by field, removed ones deleted, order keys written where the order
 * changed. Returns the entry maps created.
 */
function writeList<T extends WithId>(
  root: Y.Map<Y.Map<unknown>>,
  before: readonly T[],
  after: readonly T[],
  omit: string[] = [],
  create?: (entry: Y.Map<unknown>, value: T) => void,
  update?: (entry: Y.Map<unknown>, before: T, after: T) => void,
): void {
  const old = new Map(before.map((v) => [v.id, v]));
  let orderChanged = before.length !== after.length;
  after.forEach((value, i) => {
    const prev = old.get(value.id);
    if (!orderChanged && before[i]?.id !== value.id) orderChanged = true;
    let entry = root.get(value.id);
    if (!entry || !prev) {
      entry = new Y.Map<unknown>();
      root.set(value.id, entry);
      writeFields(entry, null, value as unknown as Fields, omit);
      create?.(entry, value);
    } else if (prev !== value) {
      writeFields(entry, prev as unknown as Fields, value as unknown as Fields, omit);
      update?.(entry, prev, value);
    }
  });
  const kept = new Set(after.map((v) => v.id));
  for (const v of before) if (!kept.has(v.id)) root.delete(v.id);
  if (orderChanged)
    writeOrder(
      root,
      after.map((v) => v.id),
    );
}

function writeOrder(root: Y.Map<Y.Map<unknown>>, ids: string[]): void {
  const existing = new Map<string, string>();
  for (const id of ids) {
    const key = root.get(id)?.get(ORDER);
    if (typeof key === 'string') existing.set(id, key);
  }
  const changes = reorderKeys(ids, existing);
  for (const [id, key] of changes) root.get(id)!.set(ORDER, key);
}

interface Placed {
  frame: Frame;
  container: string;
}

/** Frames of the pages and masters whose frame lists changed, by id. */
function framesOf(
  containers: readonly (Page | MasterPage)[],
  where: 'page' | 'master',
  changed: (c: Page | MasterPage) => boolean,
  out: Map<string, Placed>,
  lists: Map<string, Frame[]>,
): void {
  for (const c of containers) {
    if (!changed(c)) continue;
    const key = containerKey(where, c.id);
    lists.set(key, c.frames);
    for (const frame of c.frames) out.set(frame.id, { frame, container: key });
  }
}

function writeFrames(r: EditionRoots, before: Edition, after: Edition): void {
  // Only containers whose frame list changed (or that appeared / went) are looked at.
  const beforeFrames = new Map<string, Frame[]>();
  for (const c of [...before.pages, ...before.masters]) beforeFrames.set(c.id, c.frames);
  const afterFrames = new Map<string, Frame[]>();
  for (const c of [...after.pages, ...after.masters]) afterFrames.set(c.id, c.frames);
  const changedBefore = (c: Page | MasterPage) => afterFrames.get(c.id) !== c.frames;
  const changedAfter = (c: Page | MasterPage) => beforeFrames.get(c.id) !== c.frames;
  const old = new Map<string, Placed>();
  const now = new Map<string, Placed>();
  const lists = new Map<string, Frame[]>();
  framesOf(before.pages, 'page', changedBefore, old, new Map());
  framesOf(before.masters, 'master', changedBefore, old, new Map());
  framesOf(after.pages, 'page', changedAfter, now, lists);
  framesOf(after.masters, 'master', changedAfter, now, lists);
  for (const [id, placed] of now) {
    const prev = old.get(id);
    let entry = r.frames.get(id);
    if (!entry || !prev) {
      entry = new Y.Map<unknown>();
      r.frames.set(id, entry);
      writeFields(entry, null, placed.frame as unknown as Fields);
      entry.set(CONTAINER, placed.container);
    } else {
      if (prev.frame !== placed.frame)
        writeFields(entry, prev.frame as unknown as Fields, placed.frame as unknown as Fields);
      if (prev.container !== placed.container) entry.set(CONTAINER, placed.container);
    }
  }
  for (const id of old.keys()) if (!now.has(id)) r.frames.delete(id);
  for (const frames of lists.values())
    writeOrder(
      r.frames,
      frames.map((f) => f.id),
    );
}

function writeStories(
  r: EditionRoots,
  before: Record<string, Story>,
  after: Record<string, Story>,
  op?: Operation,
): void {
  writeList(
    r.stories,
    Object.values(before),
    Object.values(after),
    ['blocks'],
    (entry, story) => {
      const root = new Y.XmlText();
      entry.set('blocks', root);
      writeBlocks(root, story.blocks);
    },
    (entry, prev, story) => {
      if (prev.blocks === story.blocks) return;
      const root = entry.get('blocks') as Y.XmlText;
      // Field runs count as one unit in Y, so only paragraphs without them take the exact offsets.
      const plain = (b: number) => plainOffsets(prev.blocks[b]) && plainOffsets(story.blocks[b]);
      if (op?.type === 'insert_text' && op.storyId === story.id && plain(op.block))
        insertTextAt(root, op.block, op.offset, op.text, story.blocks[op.block]);
      else if (op?.type === 'remove_text' && op.storyId === story.id && plain(op.block))
        removeTextAt(root, op.block, op.offset, op.length);
      else syncBlocks(root, prev.blocks, story.blocks);
    },
  );
}

/** Top-level edition fields the layout does not know (the review desk, parts of the model added later). */
function writeExtra(r: EditionRoots, before: Edition, after: Edition): void {
  const b = before as unknown as Fields;
  const a = after as unknown as Fields;
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (isKnown(key) || b[key] === a[key]) continue;
    writeExtraValue(r.extra, key, b[key], a[key]);
  }
}

/** Parts nest at most this deep (review → notes → a note → its fields as JSON); deeper values are JSON. */
const MAX_DEPTH = 3;

type PartKind = 'list' | 'object' | 'json';

const isPlainObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * How a part of the model the layout does not know is stored: a list of
 * objects with unique ids (or an empty list) entry by entry, a plain object
 * field by field (each a part again), anything else — and anything nested
 * deeper than MAX_DEPTH — as one JSON value. So two people adding notes at
 * once both keep theirs, and two people changing different fields of one
 * record both keep their change.
 */
export function partKind(value: unknown, depth: number): PartKind {
  if (depth >= MAX_DEPTH) return 'json';
  if (Array.isArray(value)) {
    const ids = value.map((v) => (isPlainObject(v) && typeof v.id === 'string' ? v.id : null));
    return ids.every((id) => id !== null) && new Set(ids).size === ids.length ? 'list' : 'json';
  }
  return isPlainObject(value) ? 'object' : 'json';
}

function partEntries(value: unknown, kind: PartKind): [string, unknown][] {
  if (kind === 'list') return (value as WithId[]).map((v) => [v.id, v]);
  if (kind === 'object') return Object.entries(value as Fields).filter(([, v]) => v !== undefined);
  return [];
}

/** Writes one part (see partKind) under `key` of `parent`, changing only what differs from `before`. */
export function writePart(
  parent: Y.Map<unknown>,
  key: string,
  before: unknown,
  after: unknown,
  depth = 0,
): void {
  if (after === undefined) {
    if (parent.has(key)) parent.delete(key);
    return;
  }
  let part = parent.get(key) as Y.Map<unknown> | undefined;
  if (before === after && part) return;
  const kind = partKind(after, depth);
  if (
    !(part instanceof Y.Map) ||
    part.get(KIND) !== kind ||
    before === undefined ||
    partKind(before, depth) !== kind
  ) {
    part = new Y.Map<unknown>();
    parent.set(key, part);
    part.set(KIND, kind);
    before = undefined;
  }
  if (kind === 'json') {
    if (!sameJsonValue(part.get(VALUE), after)) part.set(VALUE, after);
    return;
  }
  let entries = part.get('entries') as Y.Map<unknown> | undefined;
  if (!entries) {
    entries = new Y.Map<unknown>();
    part.set('entries', entries);
  }
  const now = partEntries(after, kind);
  const old = before === undefined ? [] : partEntries(before, kind);
  const oldByKey = new Map(old);
  for (const [k, v] of now) writePart(entries, k, oldByKey.get(k), v, depth + 1);
  const keep = new Set(now.map(([k]) => k));
  for (const [k] of old) if (!keep.has(k)) entries.delete(k);
  if (old.length !== now.length || old.some(([k], i) => now[i][0] !== k) || before === undefined)
    writeOrder(
      entries as Y.Map<Y.Map<unknown>>,
      now.map(([k]) => k),
    );
}

function sameJsonValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function writeExtraValue(extra: Y.Map<Y.Map<unknown>>, key: string, before: unknown, after: unknown): void {
  writePart(extra as Y.Map<unknown>, key, before, after, 0);
}
