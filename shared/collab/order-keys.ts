/**
 * Order keys for lists kept as maps (pages, frames, stories …): each entry
 * has a fractional index (the fractional-indexing package); the list is the
 * entries sorted by key, then id. Reordering changes only the keys of the
 * entries that moved, so concurrent moves never duplicate or lose an entry.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** Sorts entries by order key, ties (concurrent inserts at one place) by id. */
export function byOrder<T extends { key: string; id: string }>(entries: T[]): T[] {
  return entries.sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/** Keys for a fresh list of n entries. */
export function freshKeys(n: number): string[] {
  return generateNKeysBetween(null, null, n);
}

/**
 * The keys a list should have after a change: `ids` is the new order,
 * `existing` the keys entries have now. Entries on the longest run that is
 * already in increasing key order keep their keys; the others get new keys
 * between their kept neighbours. Returns only the keys that must be written.
 */
export function reorderKeys(
  ids: readonly string[],
  existing: ReadonlyMap<string, string>,
): Map<string, string> {
  const keys = ids.map((id) => existing.get(id) ?? null);
  const keep = longestIncreasing(keys);
  const out = new Map<string, string>();
  let i = 0;
  while (i < ids.length) {
    if (keep[i]) {
      i++;
      continue;
    }
    // A run of entries that need keys, between two kept neighbours.
    let j = i;
    while (j < ids.length && !keep[j]) j++;
    const before = i > 0 ? keys[i - 1] : null;
    const after = j < ids.length ? keys[j] : null;
    const fresh = generateNKeysBetween(before, after, j - i);
    for (let k = i; k < j; k++) {
      keys[k] = fresh[k - i];
      out.set(ids[k], fresh[k - i]);
    }
    i = j;
  }
  return out;
}

/** One key after `last` (appending). */
export function keyAfter(last: string | null): string {
  return generateKeyBetween(last, null);
}

/** Marks the entries on a longest strictly increasing subsequence of the non-null keys. */
function longestIncreasing(keys: readonly (string | null)[]): boolean[] {
  const tails: number[] = []; // index of the smallest tail of each length
  const prev: number[] = new Array<number>(keys.length).fill(-1);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === null) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((keys[tails[mid]] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Array<boolean>(keys.length).fill(false);
  let k = tails.length > 0 ? tails[tails.length - 1] : -1;
  while (k >= 0) {
    keep[k] = true;
    k = prev[k];
  }
  return keep;
}
