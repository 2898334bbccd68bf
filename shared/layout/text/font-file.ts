/**
 * Reads what the composer needs straight from a TrueType/OpenType file:
 * units per em, vertical metrics, the character map (coverage) and advance
 * widths. Parsing these few tables ourselves keeps coverage checks and the
 * pure-Han fast path out of WebAssembly calls.
 */

export interface FontMetrics {
  unitsPerEm: number;
  /** hhea ascender/descender/lineGap in font units (descender negative), as Chromium uses on Linux. */
  ascender: number;
  descender: number;
  lineGap: number;
  numGlyphs: number;
}

export interface ParsedFont extends FontMetrics {
  /** The glyph for a code point, 0 when the font lacks it. */
  glyphFor(codePoint: number): number;
  /** Horizontal advance of a glyph in font units. */
  advanceOf(glyph: number): number;
}

interface TableRecord {
  offset: number;
  length: number;
}

function tables(view: DataView, file: string): Map<string, TableRecord> {
  const tag = view.getUint32(0);
  // 0x00010000 TrueType, 'OTTO' CFF, 'true' old Apple TrueType.
  if (tag !== 0x00010000 && tag !== 0x4f54544f && tag !== 0x74727565) {
    throw new Error(
      `Font file ${file}: not a TrueType/OpenType font (WOFF and collections are not supported)`,
    );
  }
  const count = view.getUint16(4);
  const out = new Map<string, TableRecord>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const name = String.fromCharCode(
      view.getUint8(at),
      view.getUint8(at + 1),
      view.getUint8(at + 2),
      view.getUint8(at + 3),
    );
    out.set(name, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  return out;
}

function need(map: Map<string, TableRecord>, name: string, file: string): TableRecord {
  const table = map.get(name);
  if (!table) throw new Error(`Font file ${file}: missing the '${name}' table`);
  return table;
}

/** Segments of a cmap: code points start[i]..end[i] map to glyph[i] + (cp - start[i]) or via a lookup. */
type CmapLookup = (codePoint: number) => number;

function format12(view: DataView, at: number): CmapLookup {
  const groups = view.getUint32(at + 12);
  const starts = new Uint32Array(groups);
  const ends = new Uint32Array(groups);
  const glyphs = new Uint32Array(groups);
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + i * 12;
    starts[i] = view.getUint32(g);
    ends[i] = view.getUint32(g + 4);
    glyphs[i] = view.getUint32(g + 8);
  }
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp < starts[mid]) hi = mid - 1;
      else if (cp > ends[mid]) lo = mid + 1;
      else return glyphs[mid] + (cp - starts[mid]);
    }
    return 0;
  };
}

function format4(view: DataView, at: number): CmapLookup {
  const segCount = view.getUint16(at + 6) >> 1;
  const endsAt = at + 14;
  const startsAt = endsAt + segCount * 2 + 2;
  const deltasAt = startsAt + segCount * 2;
  const rangesAt = deltasAt + segCount * 2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let lo = 0;
    let hi = segCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const end = view.getUint16(endsAt + mid * 2);
      const start = view.getUint16(startsAt + mid * 2);
      if (cp > end) lo = mid + 1;
      else if (cp < start) hi = mid - 1;
      else {
        const delta = view.getInt16(deltasAt + mid * 2);
        const rangeOffset = view.getUint16(rangesAt + mid * 2);
        if (rangeOffset === 0) return (cp + delta) & 0xffff;
        const glyphAt = rangesAt + mid * 2 + rangeOffset + (cp - start) * 2;
        const glyph = view.getUint16(glyphAt);
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
    }
    return 0;
  };
}

function cmapLookup(view: DataView, cmap: TableRecord, file: string): CmapLookup {
  const count = view.getUint16(cmap.offset + 2);
  let best: { format: number; at: number } | null = null;
  for (let i = 0; i < count; i++) {
    const rec = cmap.offset + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const at = cmap.offset + view.getUint32(rec + 4);
    const format = view.getUint16(at);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12 && (!best || best.format !== 12)) best = { format, at };
    else if (format === 4 && !best) best = { format, at };
  }
  if (!best) throw new Error(`Font file ${file}: no Unicode character map (cmap format 4 or 12)`);
  return best.format === 12 ? format12(view, best.at) : format4(view, best.at);
}

/** Parses the tables the composer needs; throws one clear error naming the file. */
export function parseFont(bytes: Uint8Array, file: string): ParsedFont {
  if (bytes.byteLength < 12)
    throw new Error(`Font file ${file}: too short to be a font (${bytes.byteLength} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const map = tables(view, file);
  const head = need(map, 'head', file);
  const hhea = need(map, 'hhea', file);
  const hmtx = need(map, 'hmtx', file);
  const maxp = need(map, 'maxp', file);
  const unitsPerEm = view.getUint16(head.offset + 18);
  const ascender = view.getInt16(hhea.offset + 4);
  const descender = view.getInt16(hhea.offset + 6);
  const lineGap = view.getInt16(hhea.offset + 8);
  const numberOfHMetrics = view.getUint16(hhea.offset + 34);
  const numGlyphs = view.getUint16(maxp.offset + 4);
  const advances = new Uint16Array(numGlyphs);
  for (let g = 0; g < numGlyphs; g++) {
    const i = Math.min(g, numberOfHMetrics - 1);
    advances[g] = view.getUint16(hmtx.offset + i * 4);
  }
  const lookup = cmapLookup(view, need(map, 'cmap', file), file);
  // The BMP in a flat table (−1: not looked up yet): every character of every paragraph asks.
  const bmp = new Int32Array(0x10000).fill(-1);
  const astral = new Map<number, number>();
  return {
    unitsPerEm,
    ascender,
    descender,
    lineGap,
    numGlyphs,
    glyphFor(cp) {
      if (cp < 0x10000) {
        let glyph = bmp[cp];
        if (glyph < 0) glyph = bmp[cp] = lookup(cp);
        return glyph;
      }
      let glyph = astral.get(cp);
      if (glyph === undefined) {
        glyph = lookup(cp);
        astral.set(cp, glyph);
      }
      return glyph;
    },
    advanceOf: (glyph) => advances[glyph] ?? 0,
  };
}
