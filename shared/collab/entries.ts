/**
 * Entries kept as Y.Maps of fields (a page, a frame, a style …): writing the
 * fields that changed, reading them back. Field values are plain JSON and
 * replaced whole (last writer wins per field); keys starting with `#` are the
 * layout's own and never model fields.
 */
import type * as Y from 'yjs';

export type Fields = Record<string, unknown>;

/** Writes `after`'s fields into an entry: changed ones set, missing ones deleted. `omit` keys are left alone. */
export function writeFields(
  entry: Y.Map<unknown>,
  before: Fields | null,
  after: Fields,
  omit: readonly string[] = [],
): void {
  for (const [key, value] of Object.entries(after)) {
    if (omit.includes(key) || value === undefined) continue;
    if (before && before[key] === value && entry.has(key)) continue;
    if (before && key in before && sameJson(before[key], value) && entry.has(key)) continue;
    entry.set(key, value);
  }
  for (const key of Array.from(entry.keys())) {
    if (key.startsWith('#') || omit.includes(key)) continue;
    if (!(key in after) || after[key] === undefined) entry.delete(key);
  }
}

/** An entry's fields in their stored order, without the layout's own keys and `omit`. */
export function readFields(entry: Y.Map<unknown>, omit: readonly string[] = []): Fields {
  const out: Fields = {};
  for (const [key, value] of entry.entries()) {
    if (key.startsWith('#') || omit.includes(key)) continue;
    out[key] = value;
  }
  return out;
}

/** Structural equality of two JSON values. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => sameJson(v, bb[i]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => k in (b as object) && sameJson((a as Fields)[k], (b as Fields)[k]));
}
