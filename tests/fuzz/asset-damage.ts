/**
 * Photos whose bytes do not match what edition.json says about them: another
 * format than the declared type, garbage, cut short, empty, longer or
 * shorter than declared, missing, and packages another zip tool re-wrote
 * with every entry deflated (which must still open).
 */
import type { BaseEdition } from './bases';
import type { Damage } from './damage';
import { repack } from './package-parts';
import type { Random } from './random';
import type { RawEntry } from './zip-writer';

/* eslint-disable @typescript-eslint/no-explicit-any -- edition.json handled as plain JSON */

/** A 1 × 1 PNG. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/eL9GtQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

const VARIANTS = [
  'PNG bytes declared as JPEG',
  'random bytes declared as JPEG',
  'a JPEG cut in half',
  'an empty photo',
  'JPEG bytes declared as HEIC',
  'absurd pixel size',
  'byteLength larger than the bytes',
  'byteLength smaller than the bytes',
  'the photo entry missing',
  'two assets on one entry',
  'every entry deflated by another zip tool',
] as const;

export function badAssetBytes(r: Random, base: BaseEdition): Damage {
  const doc = JSON.parse(base.json) as any;
  const entries = { ...base.entries };
  let asset: any = Object.values(doc.assets)[0];
  if (!asset) {
    // The empty edition has no photo: give it one first.
    asset = {
      id: 'as-1',
      name: 'photo.jpg',
      path: 'assets/photo.jpg',
      mime: 'image/jpeg',
      widthPx: 1,
      heightPx: 1,
      colorSpace: 'rgb',
      byteLength: PNG.length,
    };
    doc.assets[asset.id] = asset;
    entries[asset.path] = PNG;
  }
  const photo = entries[asset.path];
  const variant = r.pick(VARIANTS);
  let bytes = photo;
  let expect: Damage['expect'] = 'open'; // a damaged photo is preflight's to report; the edition still opens
  const drop: string[] = [];
  const extra: RawEntry[] = [];
  switch (variant) {
    case 'PNG bytes declared as JPEG':
      bytes = PNG;
      asset.mime = 'image/jpeg';
      break;
    case 'random bytes declared as JPEG':
      bytes = r.bytes(r.int(1, 20_000));
      asset.mime = 'image/jpeg';
      break;
    case 'a JPEG cut in half':
      bytes = photo.slice(0, Math.floor(photo.length / 2));
      break;
    case 'an empty photo':
      bytes = new Uint8Array(0);
      break;
    case 'JPEG bytes declared as HEIC':
      asset.mime = 'image/heic';
      break;
    case 'absurd pixel size':
      asset.widthPx = asset.heightPx = 1_000_000;
      break;
    case 'byteLength larger than the bytes':
      asset.byteLength = photo.length + r.int(1, 1e6);
      expect = 'refuse';
      break;
    case 'byteLength smaller than the bytes':
      asset.byteLength = r.int(0, photo.length - 1);
      expect = 'refuse';
      break;
    case 'the photo entry missing':
      drop.push(asset.path);
      expect = 'refuse';
      break;
    case 'two assets on one entry':
      doc.assets['as-twin'] = { ...asset, id: 'as-twin' };
      expect = 'refuse';
      break;
  }
  if (variant !== 'byteLength larger than the bytes' && variant !== 'byteLength smaller than the bytes')
    asset.byteLength = bytes.length;
  if (variant === 'every entry deflated by another zip tool') {
    const json = new TextEncoder().encode(JSON.stringify(doc));
    const all: RawEntry[] = Object.entries(entries).map(([name, data]) => ({
      name,
      data: name === 'edition.json' ? json : data,
      method: 8,
    }));
    return { variant, bytes: repack(base, { drop: Object.keys(base.entries), extra: all }), expect };
  }
  const replace: Record<string, Uint8Array> = { ...entries, [asset.path as string]: bytes };
  const names = Object.keys(base.entries);
  for (const [name, data] of Object.entries(replace))
    if (!names.includes(name) && !drop.includes(name)) extra.push({ name, data, method: 0 });
  return { variant, bytes: repack(base, { json: JSON.stringify(doc), replace, drop, extra }), expect };
}
