/**
 * How an edition lives in one Y.Doc (the shared-edition layout). One doc per
 * edition, because the composer needs every story to lay out any page
 * (threads cross pages), so splitting stories into their own docs would not
 * open a page any sooner; one doc also keeps a change that touches a frame
 * and its story (threading, placing a photo with its caption) atomic.
 *
 * Root types (all Y.Map):
 * - `edition`: `schemaVersion`, `id`.
 * - `meta`: the edition's metadata, one key per field.
 * - `pages`, `masters`: id → Y.Map of the page's / master's fields (JSON
 *   values) without `frames`, plus `#order` (a fractional index: the list
 *   order, so concurrent moves never duplicate an entry).
 * - `frames`: id → Y.Map of the frame's fields plus `#container`
 *   (`page:<id>` or `master:<id>`) and `#order` (paint order). A flat map,
 *   so moving a frame to another page changes two keys and concurrent edits
 *   to its other fields still merge.
 * - `stories`: id → Y.Map {`#order`, `id`, `name`, `thread`, …, `blocks`}:
 *   `blocks` is a Y.XmlText in @slate-yjs/core's layout (one embedded
 *   Y.XmlText per paragraph; element fields as its attributes; text runs
 *   with their marks as formatting attributes), so a Slate editor can bind to
 *   it with `withYjs`.
 * - `paragraphStyles`, `characterStyles`, `swatches`, `assets`: id → Y.Map of
 *   fields plus `#order`.
 * - `roleStyles`: role → paragraph style id.
 * - `extra`: any other top-level field of the edition (parts of the model
 *   this layout does not know yet): key → Y.Map {`#kind`, …} where a record
 *   or list of objects with ids is stored entry by entry (id → Y.Map of
 *   fields + `#order`) and anything else as one JSON value.
 *
 * Keys starting with `#` are the layout's own; model fields never do.
 */
import type * as Y from 'yjs';

export const ORDER = '#order';
export const CONTAINER = '#container';
export const KIND = '#kind';
export const VALUE = '#value';

/** The Y.Map roots that hold entries by id with an order key. */
export const RECORD_ROOTS = [
  'pages',
  'masters',
  'frames',
  'stories',
  'paragraphStyles',
  'characterStyles',
  'swatches',
  'assets',
] as const;
export type RecordRoot = (typeof RECORD_ROOTS)[number];

export interface EditionRoots {
  edition: Y.Map<unknown>;
  meta: Y.Map<unknown>;
  roleStyles: Y.Map<unknown>;
  extra: Y.Map<Y.Map<unknown>>;
  pages: Y.Map<Y.Map<unknown>>;
  masters: Y.Map<Y.Map<unknown>>;
  frames: Y.Map<Y.Map<unknown>>;
  stories: Y.Map<Y.Map<unknown>>;
  paragraphStyles: Y.Map<Y.Map<unknown>>;
  characterStyles: Y.Map<Y.Map<unknown>>;
  swatches: Y.Map<Y.Map<unknown>>;
  assets: Y.Map<Y.Map<unknown>>;
}

export function rootsOf(doc: Y.Doc): EditionRoots {
  return {
    edition: doc.getMap('edition'),
    meta: doc.getMap('meta'),
    roleStyles: doc.getMap('roleStyles'),
    extra: doc.getMap('extra'),
    pages: doc.getMap('pages'),
    masters: doc.getMap('masters'),
    frames: doc.getMap('frames'),
    stories: doc.getMap('stories'),
    paragraphStyles: doc.getMap('paragraphStyles'),
    characterStyles: doc.getMap('characterStyles'),
    swatches: doc.getMap('swatches'),
    assets: doc.getMap('assets'),
  };
}

/** A frame's container as stored in `#container`. */
export const containerKey = (where: 'page' | 'master', id: string): string => `${where}:${id}`;
