/**
 * Hostile packages: entry names that try to leave the folder they are
 * unpacked in, duplicate entries, directory counts that lie, zip bombs
 * (sizes declared beyond any limit, and data that really inflates to
 * hundreds of megabytes), compression methods and flags Folio does not
 * support, and packages without an edition.
 */
import { deflateSync } from 'fflate';
import { crc32 } from '../../shared/model/package/crc32';
import type { BaseEdition } from './bases';
import type { Damage } from './damage';
import { repack } from './package-parts';
import type { Random } from './random';
import type { RawEntry } from './zip-writer';

const encoder = new TextEncoder();
const MiB = 1024 * 1024;

const UNSAFE_NAMES = [
  '../evil.sh',
  '../../../../../../etc/passwd',
  'assets/../../outside.jpg',
  '/etc/cron.d/folio',
  '/tmp/folio-written',
  'C:\\Windows\\System32\\evil.dll',
  'C:evil',
  'assets\\..\\..\\evil',
  'a/./b',
  'assets//x.jpg',
  './edition.json',
  '',
  'bad\u0000name',
  'new\nline',
  'assets/..',
  '..',
];

export function unsafeEntryName(r: Random, base: BaseEdition): Damage {
  const name = r.pick(UNSAFE_NAMES);
  const asEdition = r.chance(0.3);
  const entry: RawEntry = {
    name,
    data: asEdition ? encoder.encode(base.json) : encoder.encode('#!/bin/sh\nrm -rf ~\n'),
  };
  const bytes = asEdition
    ? repack(base, { drop: ['edition.json'], extra: [entry] })
    : repack(base, { extra: [entry] });
  return {
    variant: `entry named ${JSON.stringify(name)}${asEdition ? ' instead of edition.json' : ''}`,
    bytes,
    expect: 'refuse',
  };
}

export function duplicateEntries(r: Random, base: BaseEdition): Damage {
  const names = Object.keys(base.entries);
  const name = r.pick(names);
  const other =
    name === 'edition.json' ? encoder.encode('{"schemaVersion":1}') : r.bytes(base.entries[name].length);
  const bytes = repack(base, {
    extra: [{ name, data: r.chance(0.5) ? base.entries[name] : other, method: 0 }],
  });
  return { variant: `"${name}" twice`, bytes, expect: 'refuse' };
}

export function lyingEntryCount(r: Random, base: BaseEdition): Damage {
  const actual = Object.keys(base.entries).length;
  const choice = r.pick([
    '65535',
    'one more',
    'zip64 locator',
    'multi-part',
    'directory offset past the end',
    'ten thousand and one entries',
  ] as const);
  if (choice === 'ten thousand and one entries') {
    const extra: RawEntry[] = Array.from({ length: 10_001 - actual + 1 }, (_, i) => ({
      name: `junk/${i}`,
      data: new Uint8Array(0),
      method: 0,
    }));
    return { variant: choice, bytes: repack(base, { extra }), expect: 'refuse' };
  }
  const zip =
    choice === '65535'
      ? { count: 65535 }
      : choice === 'one more'
        ? { count: actual + 1 }
        : choice === 'zip64 locator'
          ? { zip64Locator: true }
          : choice === 'multi-part'
            ? { disk: 1 }
            : { directoryOffset: 0x7fffffff };
  return { variant: choice, bytes: repack(base, { zip }), expect: 'refuse' };
}

/** Sizes declared in the directory far beyond what any edition needs; nothing needs inflating to see it. */
export function declaredBomb(r: Random, base: BaseEdition): Damage {
  const choice = r.pick([
    'edition.json of 3 GB',
    'edition.json of 17 MiB',
    'zip64 sizes',
    'an entry of 600 MiB',
    'six entries of 500 MiB',
    'an impossible ratio',
  ] as const);
  const json = encoder.encode(base.json);
  if (choice === 'edition.json of 3 GB' || choice === 'edition.json of 17 MiB' || choice === 'zip64 sizes') {
    const size =
      choice === 'edition.json of 3 GB' ? 3_000_000_000 : choice === 'zip64 sizes' ? 0xffffffff : 17 * MiB;
    const bytes = repack(base, {
      drop: ['edition.json'],
      extra: [{ name: 'edition.json', data: json, size }],
    });
    return { variant: choice, bytes, expect: 'refuse' };
  }
  const first = Object.keys(base.entries).length;
  const extra: RawEntry[] = [];
  if (choice === 'an entry of 600 MiB') {
    extra.push({
      name: 'assets/huge.tif',
      data: new Uint8Array(0),
      size: 600 * MiB,
      raw: r.bytes(700 * 1024),
    });
  } else if (choice === 'six entries of 500 MiB') {
    // Just enough data that the ratio alone does not give it away; the other five share it.
    extra.push({ name: 'assets/p0.tif', data: new Uint8Array(0), size: 500 * MiB, raw: r.bytes(500 * 1024) });
    for (let i = 1; i < 6; i++)
      extra.push({ name: `assets/p${i}.tif`, data: new Uint8Array(0), size: 500 * MiB, sharesDataOf: first });
  } else {
    extra.push({ name: 'assets/bomb.bin', data: new Uint8Array(0), size: 200 * MiB, raw: r.bytes(1000) });
  }
  return { variant: choice, bytes: repack(base, { extra }), expect: 'refuse' };
}

const zeroBombs = new Map<number, { raw: Uint8Array; crc: number }>();

/** Deflated zeros: the classic bomb payload, about a thousand times smaller than what it inflates to. */
function deflatedZeros(mib: number): { raw: Uint8Array; crc: number } {
  let bomb = zeroBombs.get(mib);
  if (!bomb) {
    const zeros = new Uint8Array(mib * MiB);
    bomb = { raw: deflateSync(zeros, { level: 9 }), crc: crc32(zeros) };
    zeroBombs.set(mib, bomb);
  }
  return bomb;
}

/**
 * Data that really inflates to far more than a package should hold: an
 * edition.json that inflates past what it declares, an unknown entry and
 * photos that are deflated zeros declared honestly, and many directory
 * entries sharing one bomb's bytes (an "overlapping" zip bomb).
 */
export function inflatingBomb(r: Random, base: BaseEdition): Damage {
  const choice = r.pick([
    'edition.json inflating past its size',
    'an unknown entry of 64 MiB zeros',
    'a photo of 64 MiB zeros',
    'thirty photos of 64 MiB zeros',
    'thirty photos sharing one bomb',
  ] as const);
  const size = 64 * MiB;
  const bomb = deflatedZeros(64);
  if (choice === 'edition.json inflating past its size') {
    const entry: RawEntry = {
      name: 'edition.json',
      data: encoder.encode(base.json),
      raw: deflatedZeros(16).raw,
    };
    return {
      variant: choice,
      bytes: repack(base, { drop: ['edition.json'], extra: [entry] }),
      expect: 'refuse',
    };
  }
  if (choice === 'an unknown entry of 64 MiB zeros') {
    const entry: RawEntry = {
      name: 'previews/page-1.raw',
      data: new Uint8Array(0),
      raw: bomb.raw,
      size,
      crc: bomb.crc,
    };
    return { variant: choice, bytes: repack(base, { extra: [entry] }), expect: 'refuse' };
  }
  // Photos declared honestly: edition.json lists assets whose bytes are the bomb's output.
  const count = choice === 'a photo of 64 MiB zeros' ? 1 : 30;
  const first = Object.keys(base.entries).length;
  const edition = JSON.parse(base.json) as { assets: Record<string, unknown> };
  const extra: RawEntry[] = [];
  for (let i = 0; i < count; i++) {
    const id = `as-bomb-${i}`;
    const path = `assets/bomb-${i}.tif`;
    edition.assets[id] = {
      id,
      name: `bomb-${i}.tif`,
      path,
      mime: 'image/tiff',
      widthPx: 4096,
      heightPx: 4096,
      colorSpace: 'rgb',
      byteLength: size,
    };
    const shared = choice === 'thirty photos sharing one bomb' && i > 0;
    extra.push({
      name: path,
      data: new Uint8Array(0),
      size,
      crc: bomb.crc,
      ...(shared ? { sharesDataOf: first } : { raw: bomb.raw }),
    });
  }
  void r;
  return { variant: choice, bytes: repack(base, { json: JSON.stringify(edition), extra }), expect: 'refuse' };
}

export function oddCompression(r: Random, base: BaseEdition): Damage {
  const json = encoder.encode(base.json);
  const choice = r.pick([
    'bzip2',
    'LZMA',
    'AES encryption method',
    'encrypted flag',
    'deflate of garbage',
    'stored with a wrong size',
    'wrong checksum',
  ] as const);
  const entry: RawEntry =
    choice === 'bzip2'
      ? { name: 'edition.json', data: json, method: 12, raw: r.bytes(200) }
      : choice === 'LZMA'
        ? { name: 'edition.json', data: json, method: 14, raw: r.bytes(200) }
        : choice === 'AES encryption method'
          ? { name: 'edition.json', data: json, method: 99, flags: 0x0801, raw: r.bytes(200) }
          : choice === 'encrypted flag'
            ? { name: 'edition.json', data: json, flags: 0x0801 }
            : choice === 'deflate of garbage'
              ? { name: 'edition.json', data: json, raw: r.bytes(r.int(1, 5000)) }
              : choice === 'stored with a wrong size'
                ? { name: 'edition.json', data: json, method: 0, size: json.length + r.int(1, 100) }
                : { name: 'edition.json', data: json, crc: r.int(0, 0xffffffff) };
  return {
    variant: choice,
    bytes: repack(base, { drop: ['edition.json'], extra: [entry] }),
    expect: 'refuse',
  };
}

export function noEdition(r: Random, base: BaseEdition): Damage {
  const choice = r.pick([
    'no edition.json',
    'edition.json as a folder',
    'edition.json in a folder',
    'Edition.JSON',
  ] as const);
  const json = encoder.encode(base.json);
  const extra: RawEntry[] =
    choice === 'no edition.json'
      ? []
      : choice === 'edition.json as a folder'
        ? [{ name: 'edition.json/', data: new Uint8Array(0), method: 0 }]
        : choice === 'edition.json in a folder'
          ? [{ name: 'folio/edition.json', data: json }]
          : [{ name: 'Edition.JSON', data: json }];
  return { variant: choice, bytes: repack(base, { drop: ['edition.json'], extra }), expect: 'refuse' };
}
