/**
 * Builders of damaged and hostile .folio files for the storage tests. Each
 * starts from a real package and breaks exactly one thing.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { packFolio } from '../../../shared/model/package/folio-package';
import type { AssetBytes, Edition } from '../../../shared/model/types';
import { sampleEdition } from '../model/fixtures';

/** Deterministic pseudo-random bytes (a stand-in for a photo). */
export function photoBytes(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  bytes.set([0xff, 0xd8, 0xff, 0xe0]); // JPEG signature
  return bytes;
}

/** The sample edition with its photo's bytes. */
export function sampleWithAssets(photoLength = 50_000): { edition: Edition; assets: AssetBytes } {
  const edition = sampleEdition();
  const photo = photoBytes(photoLength);
  edition.assets['as-1'].byteLength = photo.length;
  return { edition, assets: new Map([['as-1', photo]]) };
}

export function validPackage(): Uint8Array {
  const { edition, assets } = sampleWithAssets();
  return packFolio(edition, assets, 'valid.folio');
}

/** A zip of the given entries (names are taken as they are, hostile or not). */
export function zipOf(entries: Record<string, string | Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(entries))
    zippable[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(zippable);
}

/** A package whose edition.json is replaced by `json` (an edition object or raw text), other entries as given. */
export function packageWithEdition(
  json: unknown,
  extra: Record<string, string | Uint8Array> = {},
): Uint8Array {
  return zipOf({ 'edition.json': typeof json === 'string' ? json : JSON.stringify(json), ...extra });
}

const u32 = (b: Uint8Array, o: number) =>
  (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const put32 = (b: Uint8Array, o: number, v: number) => {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
};

/** Offsets of each central-directory entry, by name. */
function centralEntries(zip: Uint8Array): Map<string, number> {
  let end = zip.length - 22;
  while (u32(zip, end) !== 0x06054b50) end--;
  const count = zip[end + 10] | (zip[end + 11] << 8);
  let at = u32(zip, end + 16);
  const found = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const n = zip[at + 28] | (zip[at + 29] << 8);
    const m = zip[at + 30] | (zip[at + 31] << 8);
    const k = zip[at + 32] | (zip[at + 33] << 8);
    found.set(new TextDecoder().decode(zip.subarray(at + 46, at + 46 + n)), at);
    at += 46 + n + m + k;
  }
  return found;
}

/** A copy of `zip` whose central directory declares `size` uncompressed bytes for entry `name`. */
export function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const copy = zip.slice();
  const at = centralEntries(copy).get(name);
  if (at === undefined) throw new Error(`no entry ${name}`);
  put32(copy, at + 24, size);
  return copy;
}

/** A copy of `zip` whose end record claims `count` entries. */
export function withEntryCount(zip: Uint8Array, count: number): Uint8Array {
  const copy = zip.slice();
  let end = copy.length - 22;
  while (u32(copy, end) !== 0x06054b50) end--;
  copy[end + 8] = copy[end + 10] = count & 0xff;
  copy[end + 9] = copy[end + 11] = (count >>> 8) & 0xff;
  return copy;
}
