/**
 * Y → model: the edition a shared-edition doc holds (layout.ts), read with
 * caches so that after a remote change only what changed is read again, and
 * every part that did not change is the same object as before. That lets the
 * diff in remote-operations.ts compare by reference, and lets the composer
 * keep its work for pages and stories nobody touched.
 */
import * as Y from 'yjs';
import type { Edition, Frame, MasterPage, Page, Story, StoryBlock } from '../model/types';
import { CONTAINER, KIND, ORDER, VALUE, rootsOf, type EditionRoots } from './layout';
import { readFields, type Fields } from './entries';
import { byOrder } from './order-keys';
import { blockTexts, yTextToBlock } from './story-text';
import { KNOWN_EDITION_KEYS, KNOWN_STYLE_KEYS } from './edition-writer';

type Entry = Y.Map<unknown>;

const KNOWN = new Set<string>(KNOWN_EDITION_KEYS);
const KNOWN_STYLES = new Set<string>(KNOWN_STYLE_KEYS);

export class EditionReader {
  private readonly roots: EditionRoots;
  /** Values read from Y types; an event on a type (or inside it) drops its value. */
  private readonly cache = new WeakMap<object, unknown>();
  /** Pages and masters as last assembled, to hand back the same object when nothing in them changed. */
  private readonly assembled = new Map<
    string,
    { fields: Fields; frames: Frame[]; value: Page | MasterPage }
  >();
  private last: Edition | null = null;
  private dirty = true;

  private readonly observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => this.invalidate(events);

  constructor(readonly doc: Y.Doc) {
    this.roots = rootsOf(doc);
    for (const root of Object.values(this.roots) as Y.AbstractType<unknown>[])
      root.observeDeep(this.observer);
  }

  /** Stops following the doc. */
  destroy(): void {
    for (const root of Object.values(this.roots) as Y.AbstractType<unknown>[])
      root.unobserveDeep(this.observer);
  }

  private invalidate(events: Y.YEvent<Y.AbstractType<unknown>>[]): void {
    this.dirty = true;
    for (const event of events) {
      let type: Y.AbstractType<unknown> | null = event.target;
      while (type) {
        this.cache.delete(type);
        type = (type._item?.parent as Y.AbstractType<unknown> | undefined) ?? null;
      }
    }
  }

  /**
   * After a local change was written: the doc now says what `edition` says,
   * so its objects become the cached values (the next read hands them back).
   */
  prime(edition: Edition): void {
    const r = this.roots;
    const set = (type: object | undefined, value: unknown) => {
      if (type) this.cache.set(type, value);
    };
    const primeContainer = (c: Page | MasterPage, root: Y.Map<Entry>) => {
      const entry = root.get(c.id);
      const prev = this.assembled.get(c.id);
      if (prev?.value === c) return;
      const { frames, ...fields } = c as Page;
      const cached = (entry && (this.cache.get(entry) as Fields | undefined)) ?? fields;
      set(entry, cached);
      for (const f of frames) set(r.frames.get(f.id), f);
      this.assembled.set(c.id, { fields: cached, frames, value: c });
    };
    if (this.last?.pages !== edition.pages) for (const p of edition.pages) primeContainer(p, r.pages);
    if (this.last?.masters !== edition.masters) for (const m of edition.masters) primeContainer(m, r.masters);
    if (this.last?.stories !== edition.stories) {
      for (const story of Object.values(edition.stories)) {
        if (this.last?.stories[story.id] === story) continue;
        const entry = r.stories.get(story.id);
        if (!entry) continue;
        set(entry, story);
        const texts = blockTexts(entry.get('blocks') as Y.XmlText);
        texts.forEach((t, i) => set(t, story.blocks[i]));
      }
    }
    const prime = <T extends { id: string }>(root: Y.Map<Entry>, record: Record<string, T>) => {
      for (const v of Object.values(record)) set(root.get(v.id), v);
    };
    if (this.last?.styles.paragraph !== edition.styles.paragraph)
      prime(r.paragraphStyles, edition.styles.paragraph);
    if (this.last?.styles.character !== edition.styles.character)
      prime(r.characterStyles, edition.styles.character);
    if (this.last?.styles.swatches !== edition.styles.swatches) prime(r.swatches, edition.styles.swatches);
    if (this.last?.assets !== edition.assets) prime(r.assets, edition.assets);
    const primeExtra = (key: string, value: unknown) => this.primePart(r.extra.get(key), value);
    const last = this.last as unknown as Fields | null;
    for (const [key, value] of Object.entries(edition as unknown as Fields)) {
      if (!KNOWN.has(key) && last?.[key] !== value) primeExtra(key, value);
    }
    for (const [key, value] of Object.entries(edition.styles as unknown as Fields)) {
      if (!KNOWN_STYLES.has(key) && (last?.styles as Fields | undefined)?.[key] !== value)
        primeExtra(`styles.${key}`, value);
    }
    this.last = edition;
    this.dirty = false;
  }

  /** The edition the doc holds now. */
  read(): Edition {
    if (!this.dirty && this.last) return this.last;
    const r = this.roots;
    const prev = this.last;
    const frames = this.framesByContainer();
    const pages = this.sameList(
      prev?.pages,
      this.ordered(r.pages).map(
        (e) => this.container(e, frames.get(`page:${e.get('id') as string}`) ?? []) as Page,
      ),
    );
    const masters = this.sameList(
      prev?.masters,
      this.ordered(r.masters).map(
        (e) => this.container(e, frames.get(`master:${e.get('id') as string}`) ?? []) as MasterPage,
      ),
    );
    const stories = this.sameRecord(
      prev?.stories,
      this.ordered(r.stories).map((e) => this.story(e)),
    );
    const styles = this.styles(prev);
    const assets = this.sameRecord(
      prev?.assets,
      this.ordered(r.assets).map((e) => this.fields(e) as never),
    );
    const meta = this.sameFields(
      prev?.meta as unknown as Fields,
      readFields(r.meta),
    ) as unknown as Edition['meta'];
    const edition = {
      schemaVersion: r.edition.get('schemaVersion') as number,
      id: r.edition.get('id') as string,
      meta,
      styles,
      masters,
      pages,
      stories,
      assets,
      ...this.extra(),
    } as Edition;
    const same =
      prev &&
      (Object.keys(edition) as (keyof Edition)[]).every((k) => prev[k] === edition[k]) &&
      Object.keys(prev).length === Object.keys(edition).length;
    this.last = same ? prev : edition;
    this.dirty = false;
    return this.last;
  }

  private ordered(root: Y.Map<Entry>): Entry[] {
    const list: { key: string; id: string; entry: Entry }[] = [];
    for (const [id, entry] of root.entries()) list.push({ key: String(entry.get(ORDER) ?? ''), id, entry });
    return byOrder(list).map((x) => x.entry);
  }

  private fields(entry: Entry, omit: string[] = []): Fields {
    const cached = this.cache.get(entry) as Fields | undefined;
    if (cached) return cached;
    const value = readFields(entry, omit);
    this.cache.set(entry, value);
    return value;
  }

  private framesByContainer(): Map<string, Frame[]> {
    const groups = new Map<string, { key: string; id: string; frame: Frame }[]>();
    for (const [id, entry] of this.roots.frames.entries()) {
      const container = String(entry.get(CONTAINER));
      let group = groups.get(container);
      if (!group) groups.set(container, (group = []));
      group.push({ key: String(entry.get(ORDER) ?? ''), id, frame: this.fields(entry) as unknown as Frame });
    }
    const out = new Map<string, Frame[]>();
    for (const [container, group] of groups)
      out.set(
        container,
        byOrder(group).map((g) => g.frame),
      );
    return out;
  }

  private container(entry: Entry, frames: Frame[]): Page | MasterPage {
    const fields = this.fields(entry, ['frames']);
    const id = fields.id as string;
    const prev = this.assembled.get(id);
    if (prev && prev.fields === fields && sameItems(prev.frames, frames)) return prev.value;
    const value = { ...fields, frames } as unknown as Page;
    this.assembled.set(id, { fields, frames, value });
    return value;
  }

  private story(entry: Entry): Story {
    const cached = this.cache.get(entry) as Story | undefined;
    if (cached) return cached;
    const out: Fields = {};
    for (const [key, value] of entry.entries()) {
      if (key.startsWith('#')) continue;
      out[key] = key === 'blocks' ? this.blocks(value as Y.XmlText) : value;
    }
    this.cache.set(entry, out);
    return out as unknown as Story;
  }

  private blocks(root: Y.XmlText): StoryBlock[] {
    return blockTexts(root).map((t) => {
      const cached = this.cache.get(t) as StoryBlock | undefined;
      if (cached) return cached;
      const block = yTextToBlock(t);
      this.cache.set(t, block);
      return block;
    });
  }

  private styles(prev: Edition | null): Edition['styles'] {
    const r = this.roots;
    const p = prev?.styles;
    const paragraph = this.sameRecord(
      p?.paragraph,
      this.ordered(r.paragraphStyles).map((e) => this.fields(e) as never),
    );
    const character = this.sameRecord(
      p?.character,
      this.ordered(r.characterStyles).map((e) => this.fields(e) as never),
    );
    const swatches = this.sameRecord(
      p?.swatches,
      this.ordered(r.swatches).map((e) => this.fields(e) as never),
    );
    const roleStyles = this.sameFields(
      p?.roleStyles as unknown as Fields,
      readFields(r.roleStyles),
    ) as Edition['styles']['roleStyles'];
    const extra: Fields = {};
    for (const [key, part] of r.extra.entries())
      if (key.startsWith('styles.'))
        extra[key.slice(7)] = this.extraValue(part, (p as Fields | undefined)?.[key.slice(7)]);
    const styles = { paragraph, character, swatches, roleStyles, ...extra };
    if (
      p &&
      (Object.keys(styles) as (keyof typeof styles)[]).every(
        (k) => (p as unknown as Fields)[k] === styles[k],
      ) &&
      Object.keys(p).length === Object.keys(styles).length
    )
      return p;
    return styles;
  }

  private extra(): Fields {
    const out: Fields = {};
    const prev = this.last as unknown as Fields | null;
    for (const key of Array.from(this.roots.extra.keys()).sort()) {
      if (key.startsWith('styles.')) continue;
      out[key] = this.extraValue(this.roots.extra.get(key)!, prev?.[key]);
    }
    return out;
  }

  /** Reads a part (edition-writer.ts partKind): cached per Y.Map, so what did not change keeps its object. */
  private extraValue(part: Entry, prev?: unknown): unknown {
    const cached = this.cache.get(part);
    if (cached !== undefined) return cached;
    const kind = part.get(KIND);
    let value: unknown;
    if (kind === 'json') value = part.get(VALUE);
    else {
      const entries = part.get('entries') as Y.Map<Entry> | undefined;
      const pairs = entries ? this.orderedPairs(entries) : [];
      if (kind === 'list') {
        const list = pairs.map(([, e]) => this.extraValue(e));
        value = Array.isArray(prev) && sameItems(prev, list) ? prev : list;
      } else {
        const obj: Fields = {};
        for (const [k, e] of pairs) obj[k] = this.extraValue(e);
        value =
          prev && typeof prev === 'object' && this.sameFields(prev as Fields, obj) === prev ? prev : obj;
      }
    }
    this.cache.set(part, value);
    return value;
  }

  /** Primes a part's caches with the model's values (after a local change). */
  private primePart(part: Entry | undefined, value: unknown): void {
    if (!(part instanceof Y.Map) || value === undefined) return;
    if (this.cache.get(part) === value) return;
    this.cache.set(part, value);
    const kind = part.get(KIND);
    const entries = part.get('entries') as Y.Map<Entry> | undefined;
    if (!entries || kind === 'json') return;
    if (kind === 'list' && Array.isArray(value))
      for (const v of value as { id: string }[]) this.primePart(entries.get(v.id), v);
    if (kind === 'object' && value && typeof value === 'object')
      for (const [k, v] of Object.entries(value as Fields)) this.primePart(entries.get(k), v);
  }

  private orderedPairs(root: Y.Map<Entry>): [string, Entry][] {
    const list: { key: string; id: string; entry: Entry }[] = [];
    for (const [id, entry] of root.entries()) list.push({ key: String(entry.get(ORDER) ?? ''), id, entry });
    return byOrder(list).map((x) => [x.id, x.entry]);
  }

  private sameList<T>(prev: readonly T[] | undefined, next: T[]): T[] {
    return prev && sameItems(prev, next) ? (prev as T[]) : next;
  }

  private sameRecord<T extends { id: string }>(
    prev: Record<string, T> | undefined,
    values: T[],
  ): Record<string, T> {
    if (prev) {
      const keys = Object.keys(prev);
      if (keys.length === values.length && values.every((v, i) => keys[i] === v.id && prev[v.id] === v))
        return prev;
    }
    const out: Record<string, T> = {};
    for (const v of values) out[v.id] = v;
    return out;
  }

  private sameFields(prev: Fields | undefined, next: Fields): Fields {
    if (prev) {
      const keys = Object.keys(next);
      if (keys.length === Object.keys(prev).length && keys.every((k) => prev[k] === next[k])) return prev;
    }
    return next;
  }
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Reads a whole edition from a doc (no caches kept). */
export function readEdition(doc: Y.Doc): Edition {
  const reader = new EditionReader(doc);
  const edition = reader.read();
  reader.destroy();
  return edition;
}
