/**
 * Rebuilding a base package with one part changed: another edition.json,
 * entries dropped, replaced or added. Everything not changed is written the
 * way Folio writes it (mimetype first and stored, edition.json deflated,
 * assets stored), so the one change is the only damage.
 */
import type { BaseEdition } from './bases';
import { type RawEntry, type ZipOptions, writeZip } from './zip-writer';

export interface PackageChange {
  /** edition.json's new content: text (written as UTF-8) or raw bytes. */
  json?: string | Uint8Array;
  /** Entries of the base to leave out. */
  drop?: readonly string[];
  /** Entries of the base whose bytes change (asset data, mimetype …). */
  replace?: Readonly<Record<string, Uint8Array>>;
  /** Entries added after the base's. */
  extra?: readonly RawEntry[];
  zip?: ZipOptions;
}

const encoder = new TextEncoder();

export function repack(base: BaseEdition, change: PackageChange = {}): Uint8Array {
  const entries: RawEntry[] = [];
  for (const [name, data] of Object.entries(base.entries)) {
    if (change.drop?.includes(name)) continue;
    let bytes = change.replace?.[name] ?? data;
    if (name === 'edition.json' && change.json !== undefined)
      bytes = typeof change.json === 'string' ? encoder.encode(change.json) : change.json;
    entries.push({ name, data: bytes, method: name === 'edition.json' ? 8 : 0 });
  }
  entries.push(...(change.extra ?? []));
  return writeZip(entries, change.zip);
}

/** The offset of the end record and of the central directory in a package. */
export function directoryOf(bytes: Uint8Array): { end: number; directory: number } {
  let end = bytes.length - 22;
  while (
    end > 0 &&
    !(bytes[end] === 0x50 && bytes[end + 1] === 0x4b && bytes[end + 2] === 5 && bytes[end + 3] === 6)
  )
    end--;
  const directory =
    (bytes[end + 16] | (bytes[end + 17] << 8) | (bytes[end + 18] << 16) | (bytes[end + 19] << 24)) >>> 0;
  return { end, directory };
}
