/**
 * Damage a disk, a network drive, a mail gateway or a half-finished copy
 * does to a file: cut short, bits flipped, spans overwritten, bytes lost or
 * added — applied to the bytes of a real package.
 */
import type { BaseEdition } from './bases';
import type { Damage } from './damage';
import { directoryOf } from './package-parts';
import type { Random } from './random';

export function truncated(r: Random, base: BaseEdition): Damage {
  const { directory } = directoryOf(base.bytes);
  const at = r.weighted<number>([
    [r.int(0, base.bytes.length - 1), 3],
    [r.int(directory, base.bytes.length - 1), 2], // inside the directory or the end record
    [r.int(0, 64), 1], // almost nothing left
  ]);
  return { variant: 'cut short', bytes: base.bytes.slice(0, at), expect: 'refuse' };
}

export function bitFlipped(r: Random, base: BaseEdition): Damage {
  const bytes = base.bytes.slice();
  const { directory } = directoryOf(bytes);
  const flips = r.int(1, 8);
  const inDirectory = r.chance(0.4);
  for (let i = 0; i < flips; i++) {
    const at = inDirectory ? r.int(directory, bytes.length - 1) : r.int(0, bytes.length - 1);
    bytes[at] ^= 1 << r.int(0, 7);
  }
  // A flip in a field the reader does not use (a date, "version made by") leaves a file that opens.
  return { variant: inDirectory ? 'bits flipped in the directory' : 'bits flipped', bytes, expect: 'any' };
}

export function overwritten(r: Random, base: BaseEdition): Damage {
  const bytes = base.bytes.slice();
  const length = r.int(1, Math.min(4096, bytes.length));
  const at = r.int(0, bytes.length - length);
  const fill = r.pick(['zeros', 'ones', 'random'] as const);
  const span = fill === 'random' ? r.bytes(length) : new Uint8Array(length).fill(fill === 'zeros' ? 0 : 0xff);
  bytes.set(span, at);
  return { variant: `a span overwritten with ${fill}`, bytes, expect: 'any' };
}

export function spliced(r: Random, base: BaseEdition): Damage {
  const src = base.bytes;
  const at = r.int(0, src.length - 1);
  if (r.chance(0.5)) {
    const length = r.int(1, Math.min(512, src.length - at));
    const bytes = new Uint8Array(src.length - length);
    bytes.set(src.subarray(0, at));
    bytes.set(src.subarray(at + length), at);
    return { variant: 'bytes lost', bytes, expect: 'any' };
  }
  const extra = r.bytes(r.int(1, 512));
  const bytes = new Uint8Array(src.length + extra.length);
  bytes.set(src.subarray(0, at));
  bytes.set(extra, at);
  bytes.set(src.subarray(at), at + extra.length);
  return { variant: 'bytes added', bytes, expect: 'any' };
}

const encoder = new TextEncoder();

/** Files that are not packages at all: what a user double-clicks by mistake. */
export function notAPackage(r: Random, base: BaseEdition): Damage {
  const choice = r.pick([
    'empty file',
    'random bytes',
    'a PDF',
    'edition.json on its own',
    'a gzip file',
    'a zip end record and nothing else',
  ] as const);
  const bytes =
    choice === 'empty file'
      ? new Uint8Array(0)
      : choice === 'random bytes'
        ? r.bytes(r.int(1, 100_000))
        : choice === 'a PDF'
          ? encoder.encode('%PDF-1.3\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')
          : choice === 'edition.json on its own'
            ? encoder.encode(base.json)
            : choice === 'a gzip file'
              ? new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, ...r.bytes(200)])
              : new Uint8Array([0x50, 0x4b, 5, 6, ...new Uint8Array(18)]);
  return { variant: choice, bytes, expect: 'refuse' };
}
