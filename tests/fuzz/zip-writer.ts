/**
 * A zip writer that does what it is told, lies included: duplicate names,
 * hostile names, declared sizes and checksums that differ from the data,
 * entries that share one another's bytes, a directory count that is wrong.
 * fflate's zipSync cannot make such files (it takes an object of names and
 * always tells the truth); the fuzz needs them.
 */
import { deflateSync } from 'fflate';
import { crc32 } from '../../shared/model/package/crc32';

export interface RawEntry {
  /** The entry name, as text (written as UTF-8) or as raw bytes. */
  name: string | Uint8Array;
  /** What the entry inflates to (its checksum and size are computed from this unless given). */
  data: Uint8Array;
  /** 0 stored, 8 deflated (default), anything else as written. */
  method?: number;
  /** Bytes to store as the entry's data instead of compressing `data`. */
  raw?: Uint8Array;
  /** Declared uncompressed size (default: data.length). */
  size?: number;
  /** Declared compressed size (default: the stored bytes' length). */
  compressedSize?: number;
  crc?: number;
  flags?: number;
  /** Points this entry's directory record at an earlier entry's local header (overlapping entries). */
  sharesDataOf?: number;
}

export interface ZipOptions {
  /** The entry count written in the end record (default: the number of entries). */
  count?: number;
  /** Adds a zip64 end-of-directory locator before the end record. */
  zip64Locator?: boolean;
  /** Overrides the directory offset written in the end record. */
  directoryOffset?: number;
  /** Overrides the disk numbers in the end record (multi-part archives). */
  disk?: number;
  comment?: Uint8Array;
}

const encoder = new TextEncoder();

class ByteSink {
  private chunks: Uint8Array[] = [];
  length = 0;
  push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }
  u16(v: number): void {
    this.push(new Uint8Array([v & 0xff, (v >>> 8) & 0xff]));
  }
  u32(v: number): void {
    this.push(new Uint8Array([v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff]));
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

/** The time fields of 2000-01-01 00:00 in DOS format, as Folio writes them. */
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;

export function writeZip(entries: readonly RawEntry[], options: ZipOptions = {}): Uint8Array {
  const out = new ByteSink();
  const records: { entry: RawEntry; name: Uint8Array; stored: Uint8Array; offset: number; crc: number }[] =
    [];
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? encoder.encode(entry.name) : entry.name;
    const method = entry.method ?? 8;
    const stored = entry.raw ?? (method === 8 ? deflateSync(entry.data, { level: 6 }) : entry.data);
    const crc = entry.crc ?? crc32(entry.data);
    if (entry.sharesDataOf !== undefined) {
      const shared = records[entry.sharesDataOf];
      records.push({ entry, name, stored: shared.stored, offset: shared.offset, crc });
      continue;
    }
    const offset = out.length;
    out.u32(0x04034b50);
    out.u16(20);
    out.u16(entry.flags ?? 0x0800);
    out.u16(method);
    out.u16(DOS_TIME);
    out.u16(DOS_DATE);
    out.u32(crc);
    out.u32(entry.compressedSize ?? stored.length);
    out.u32(entry.size ?? entry.data.length);
    out.u16(name.length);
    out.u16(0);
    out.push(name);
    out.push(stored);
    records.push({ entry, name, stored, offset, crc });
  }
  const directoryOffset = out.length;
  for (const { entry, name, stored, offset, crc } of records) {
    out.u32(0x02014b50);
    out.u16(20);
    out.u16(20);
    out.u16(entry.flags ?? 0x0800);
    out.u16(entry.method ?? 8);
    out.u16(DOS_TIME);
    out.u16(DOS_DATE);
    out.u32(crc);
    out.u32(entry.compressedSize ?? stored.length);
    out.u32(entry.size ?? entry.data.length);
    out.u16(name.length);
    out.u16(0);
    out.u16(0);
    out.u16(0);
    out.u16(0);
    out.u32(0);
    out.u32(offset);
    out.push(name);
  }
  const directorySize = out.length - directoryOffset;
  if (options.zip64Locator) {
    out.u32(0x07064b50);
    out.u32(0);
    out.u32(0);
    out.u32(0);
    out.u32(1);
  }
  const count = options.count ?? records.length;
  out.u32(0x06054b50);
  out.u16(options.disk ?? 0);
  out.u16(options.disk ?? 0);
  out.u16(count & 0xffff);
  out.u16(count & 0xffff);
  out.u32(directorySize);
  out.u32(options.directoryOffset ?? directoryOffset);
  out.u16(options.comment?.length ?? 0);
  if (options.comment) out.push(options.comment);
  return out.bytes();
}
