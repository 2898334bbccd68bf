/**
 * A defensive reader of zip archives for .folio packages. It trusts nothing
 * in the file: it reads the central directory, checks every entry name and
 * declared size *before* inflating anything (zip bombs), refuses
 * encryption, multi-disk and zip64 archives, and verifies each entry's
 * length and CRC-32 after inflating. fflate does the inflating, or the
 * host's native zlib where it passes one (main/storage: several times faster
 * on a large edition.json, the same bounds).
 */
import { Inflate, strFromU8 } from 'fflate';
import { crc32 } from './crc32';

/** Native inflate and CRC-32 a host may lend the reader (Node's zlib); the pure-JS ones otherwise. */
export interface ZipCodec {
  /** Inflates raw deflate data; null when the output would pass `maxBytes`; throws on damaged data. */
  inflateRaw(raw: Uint8Array, maxBytes: number): Uint8Array | null;
  crc32(bytes: Uint8Array): number;
}

export interface ZipLimits {
  /** Most entries an archive may hold. */
  maxEntries: number;
  /** Largest uncompressed size of one entry, in bytes. */
  maxEntryBytes: number;
  /** Largest uncompressed size of all entries together. */
  maxTotalBytes: number;
  /**
   * Zip bombs: the deflated entries together may declare at most this many
   * bytes more than `maxInflateRatio` times their compressed size. Work
   * proportional to the file's own size is fine; work a thousand times that
   * (a few kilobytes of deflated zeros claiming hundreds of megabytes, or
   * many entries sharing one bomb's bytes) is not.
   */
  maxInflatedBytes: number;
  maxInflateRatio: number;
}

/** One entry of the central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

/** A problem found in the archive; the caller turns it into a FolioFileError. */
export class ZipProblem extends Error {
  constructor(
    readonly kind:
      'not-a-zip' | 'truncated' | 'unsafe-entry' | 'too-large' | 'too-many-entries' | 'corrupt-entry',
    message: string,
  ) {
    super(message);
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) =>
  (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/**
 * Why an entry name is unsafe to unpack, or null when it is safe: names
 * must be relative, forward-slashed, free of `..`/`.` segments, drive
 * letters and control characters.
 */
export function unsafeEntryName(name: string): string | null {
  if (name.length === 0) return 'an empty name';
  if (name.includes('\\')) return 'a backslash';
  if (name.startsWith('/')) return 'an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'a drive letter';
  // Control characters are exactly what this check looks for, so the lint rule against them is off here.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return 'a control character';
  const segments = name.split('/');
  if (segments.some((s) => s === '..')) return 'a ".." segment that leaves the package';
  if (segments.some((s, i) => s === '.' || (s === '' && i < segments.length - 1)))
    return 'an empty or "." segment';
  return null;
}

function findEndRecord(bytes: Uint8Array): number {
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (u32(bytes, at) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/** Reads and checks the central directory. Throws ZipProblem. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  if (bytes.length < 22) {
    throw bytes.length >= 4 && u32(bytes, 0) === LOCAL_SIGNATURE
      ? new ZipProblem('truncated', 'the file is truncated (it ends before the zip directory)')
      : new ZipProblem('not-a-zip', 'not a Folio file (too short to be a zip package)');
  }
  const end = findEndRecord(bytes);
  if (end < 0) {
    throw u32(bytes, 0) === LOCAL_SIGNATURE
      ? new ZipProblem('truncated', 'the file is truncated (the zip directory at its end is missing)')
      : new ZipProblem('not-a-zip', 'not a Folio file (not a zip package)');
  }
  if (u16(bytes, end + 4) !== 0 || u16(bytes, end + 6) !== 0) {
    throw new ZipProblem('not-a-zip', 'multi-part zip archives are not supported');
  }
  const count = u16(bytes, end + 10);
  const directorySize = u32(bytes, end + 12);
  const directoryOffset = u32(bytes, end + 16);
  if (end >= 20 && u32(bytes, end - 20) === ZIP64_LOCATOR_SIGNATURE) {
    throw new ZipProblem('too-large', 'zip64 archives (over 4 GB or 65535 entries) are not supported');
  }
  if (count > limits.maxEntries) {
    throw new ZipProblem(
      'too-many-entries',
      `the package holds ${count} entries; at most ${limits.maxEntries} are allowed`,
    );
  }
  if (directoryOffset + directorySize > end) {
    throw new ZipProblem(
      'truncated',
      'the file is truncated or damaged (the zip directory points past its end)',
    );
  }
  const entries: ZipEntry[] = [];
  let total = 0;
  let inflated = 0;
  let deflated = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(bytes, at) !== CENTRAL_SIGNATURE) {
      throw new ZipProblem('corrupt-entry', `the zip directory is damaged at entry ${i + 1} of ${count}`);
    }
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > end)
      throw new ZipProblem('corrupt-entry', `the zip directory is damaged at entry ${i + 1}`);
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      method: u16(bytes, at + 10),
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localHeaderOffset: u32(bytes, at + 42),
      encrypted: (flags & 1) !== 0,
    };
    const unsafe = unsafeEntryName(name);
    if (unsafe)
      throw new ZipProblem(
        'unsafe-entry',
        `entry ${JSON.stringify(name)} has ${unsafe}; refusing to open it`,
      );
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) {
      throw new ZipProblem(
        'too-large',
        `entry "${name}" is a zip64 entry (over 4 GB), which is not supported`,
      );
    }
    if (entry.size > limits.maxEntryBytes) {
      throw new ZipProblem(
        'too-large',
        `entry "${name}" declares ${entry.size} bytes; at most ${limits.maxEntryBytes} are allowed`,
      );
    }
    total += entry.size;
    if (total > limits.maxTotalBytes) {
      throw new ZipProblem(
        'too-large',
        `the entries declare over ${limits.maxTotalBytes} bytes in total; refusing to unpack`,
      );
    }
    // Deflate cannot expand data by more than ~1032:1; a larger claimed ratio is a bomb or damage.
    if (entry.method === 8 && entry.size > 1032 * entry.compressedSize + 1024) {
      throw new ZipProblem('too-large', `entry "${name}" claims an impossible compression ratio`);
    }
    if (entry.method === 8) {
      inflated += entry.size;
      deflated += entry.compressedSize;
      if (inflated > limits.maxInflatedBytes + limits.maxInflateRatio * deflated) {
        throw new ZipProblem(
          'too-large',
          `the compressed entries would inflate to over ${inflated} bytes from ${deflated}, far more than an edition needs (a zip bomb); refusing to unpack`,
        );
      }
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates one entry and checks its length and CRC. Throws ZipProblem. */
export function readZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  directoryOffset = bytes.length,
  codec?: ZipCodec,
): Uint8Array {
  if (entry.encrypted)
    throw new ZipProblem('corrupt-entry', `entry "${entry.name}" is encrypted, which is not supported`);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_SIGNATURE) {
    throw new ZipProblem('corrupt-entry', `entry "${entry.name}" is damaged (its local header is missing)`);
  }
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const stop = start + entry.compressedSize;
  if (stop > Math.min(bytes.length, directoryOffset)) {
    throw new ZipProblem(
      'truncated',
      `entry "${entry.name}" is cut short (the file is truncated or damaged)`,
    );
  }
  const raw = bytes.subarray(start, stop);
  let data: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size)
      throw new ZipProblem('corrupt-entry', `entry "${entry.name}" is damaged (stored size mismatch)`);
    data = raw; // a view of the file's bytes: no copy of large photos
  } else if (entry.method === 8) {
    data = codec ? inflateWith(codec, raw, entry) : inflateBounded(raw, entry);
  } else {
    throw new ZipProblem(
      'corrupt-entry',
      `entry "${entry.name}" uses compression method ${entry.method}, which is not supported`,
    );
  }
  if (data.length !== entry.size || (codec?.crc32 ?? crc32)(data) !== entry.crc) {
    throw new ZipProblem('corrupt-entry', `entry "${entry.name}" is damaged (its checksum does not match)`);
  }
  return data;
}

/** Inflates with the host's codec, bounded by the declared size as inflateBounded is. */
function inflateWith(codec: ZipCodec, raw: Uint8Array, entry: ZipEntry): Uint8Array {
  let data: Uint8Array | null;
  try {
    data = codec.inflateRaw(raw, entry.size);
  } catch (error) {
    throw new ZipProblem('corrupt-entry', `entry "${entry.name}" is damaged (${(error as Error).message})`);
  }
  if (!data)
    throw new ZipProblem(
      'too-large',
      `entry "${entry.name}" inflates to more than the ${entry.size} bytes it declares`,
    );
  return data;
}

/**
 * Inflates into a buffer of the declared size and stops as soon as the
 * output would exceed it. fflate inflates each pushed chunk whole, and one
 * byte of deflate can stand for up to 1032 bytes of output, so the input is
 * pushed in chunks of about a thousandth of the declared size: an entry
 * that lies about its size costs at most about twice the work of one that
 * tells the truth.
 */
function inflateBounded(raw: Uint8Array, entry: ZipEntry): Uint8Array {
  const chunkSize = Math.min(64 * 1024, Math.max(512, Math.floor(entry.size / 1024)));
  const out = new Uint8Array(entry.size);
  let written = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (overflow || written + chunk.length > out.length) {
      overflow = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    if (raw.length === 0) inflater.push(new Uint8Array(0), true);
    for (let i = 0; i < raw.length && !overflow; i += chunkSize) {
      inflater.push(raw.subarray(i, i + chunkSize), i + chunkSize >= raw.length);
    }
  } catch (error) {
    throw new ZipProblem('corrupt-entry', `entry "${entry.name}" is damaged (${(error as Error).message})`);
  }
  if (overflow)
    throw new ZipProblem(
      'too-large',
      `entry "${entry.name}" inflates to more than the ${entry.size} bytes it declares`,
    );
  return written === out.length ? out : out.subarray(0, written);
}

/** The offset of the central directory (for bounds checks of entry data). */
export function zipDirectoryOffset(bytes: Uint8Array): number {
  const end = findEndRecord(bytes);
  return end < 0 ? bytes.length : u32(bytes, end + 16);
}
