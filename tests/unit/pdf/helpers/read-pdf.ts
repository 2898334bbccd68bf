/**
 * Reads exported PDFs back the way a viewer and a printer's tools do, for
 * the tests: glyph positions from pdf.js's parse of the content streams,
 * text from poppler, boxes and fonts from poppler, raw objects
 * (inflated) for colour spaces.
 */
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

type Matrix = [number, number, number, number, number, number];

/** m1 then m2 (PDF row-vector convention). */
function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[1] * m2[2],
    m1[0] * m2[1] + m1[1] * m2[3],
    m1[2] * m2[0] + m1[3] * m2[2],
    m1[2] * m2[1] + m1[3] * m2[3],
    m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
    m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
  ];
}

export interface PdfGlyph {
  /** The characters pdf.js maps the glyph to through the ToUnicode CMap. */
  unicode: string;
  /** Origin of the glyph (pen position on the baseline) in PDF user space, y up. */
  x: number;
  y: number;
  size: number;
}

export interface PdfPageGlyphs {
  /** Page height (MediaBox), to turn y-up user space into y-down. */
  height: number;
  glyphs: PdfGlyph[];
}

/**
 * Every glyph's origin, page by page, in content-stream order. pdf.js parses
 * the file (fonts' W widths, TJ arrays, text and graphics matrices); this
 * replays its operator list with the PDF text-positioning rules
 * (ISO 32000-1 §9.4.4): after each glyph the pen moves by
 * (w/1000 × size + Tc) × Th, and a TJ number n moves it by −n/1000 × size.
 */
export async function readGlyphs(bytes: Uint8Array): Promise<PdfPageGlyphs[]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    maxImageSize: 1,
  }).promise;
  const pages: PdfPageGlyphs[] = [];
  const outlineShifts = compositeShifts(bytes);
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const ops = await page.getOperatorList();
    const glyphs: PdfGlyph[] = [];
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const stack: Matrix[] = [];
    let tm: Matrix = [1, 0, 0, 1, 0, 0];
    let tlm: Matrix = [1, 0, 0, 1, 0, 0];
    let size = 0;
    let charSpacing = 0;
    let hScale = 1;
    let shifts: Map<number, number> | undefined;
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const args = ops.argsArray[i] as unknown[];
      switch (fn) {
        case OPS.save:
          stack.push(ctm);
          break;
        case OPS.restore:
          ctm = stack.pop() ?? ctm;
          break;
        case OPS.transform:
          ctm = multiply(args.map(Number) as Matrix, ctm);
          break;
        case OPS.beginText:
          tm = tlm = [1, 0, 0, 1, 0, 0];
          break;
        case OPS.setFont:
          size = Number(args[1]);
          shifts = outlineShifts.get((page.commonObjs.get(String(args[0])) as { name?: string }).name ?? '');
          break;
        case OPS.setCharSpacing:
          charSpacing = Number(args[0]);
          break;
        case OPS.setHScale:
          hScale = Number(args[0]) / 100;
          break;
        case OPS.setTextMatrix: {
          const m = (
            args.length === 1 ? Array.from(args[0] as ArrayLike<number>) : args.map(Number)
          ) as Matrix;
          tm = tlm = m;
          break;
        }
        case OPS.moveText:
          tm = tlm = multiply([1, 0, 0, 1, Number(args[0]), Number(args[1])], tlm);
          break;
        case OPS.showText:
        case OPS.showSpacedText: {
          const items = args[0] as (number | { unicode: string; width: number; originalCharCode: number })[];
          let tx = 0;
          for (const item of items) {
            if (typeof item === 'number') {
              tx -= (item / 1000) * size * hScale;
              continue;
            }
            // Where the outline is drawn: the pen, moved by a composite glyph's offset.
            const shift = ((shifts?.get(item.originalCharCode) ?? 0) / 1000) * size * hScale;
            const at = multiply(multiply([1, 0, 0, 1, tx + shift, 0], tm), ctm);
            glyphs.push({ unicode: item.unicode, x: at[4], y: at[5], size });
            tx += ((item.width / 1000) * size + charSpacing) * hScale;
          }
          tm = multiply([1, 0, 0, 1, tx, 0], tm);
          break;
        }
      }
    }
    const [, , , height] = page.view;
    pages.push({ height, glyphs });
  }
  await doc.destroy();
  return pages;
}

/**
 * For each embedded TrueType font (by FontName), the glyphs that are
 * composites of one component moved sideways, and by how much (1/1000 em):
 * such a glyph's outline is drawn that far from the pen. Read from the
 * FontFile2 program itself (head, loca, glyf).
 */
export function compositeShifts(bytes: Uint8Array): Map<string, Map<number, number>> {
  const objects = new Map(readObjects(bytes).map((o) => [o.id, o]));
  const out = new Map<string, Map<number, number>>();
  for (const object of objects.values()) {
    const name = /\/FontName \/([^\s/>]+)/.exec(object.dict)?.[1];
    const file = /\/FontFile2 (\d+) 0 R/.exec(object.dict)?.[1];
    const program = file ? objects.get(Number(file))?.stream : null;
    if (name && program) out.set(name, glyphShifts(program));
  }
  return out;
}

function glyphShifts(font: Buffer): Map<number, number> {
  const tables = new Map<string, number>();
  for (let t = 0; t < font.readUInt16BE(4); t++) {
    const record = 12 + t * 16;
    tables.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
  }
  const head = tables.get('head') as number;
  const unitsPerEm = font.readUInt16BE(head + 18);
  const longOffsets = font.readInt16BE(head + 50) === 1;
  const loca = tables.get('loca') as number;
  const glyf = tables.get('glyf') as number;
  const maxp = tables.get('maxp') as number;
  const shifts = new Map<number, number>();
  for (let gid = 0; gid < font.readUInt16BE(maxp + 4); gid++) {
    const start = longOffsets ? font.readUInt32BE(loca + gid * 4) : font.readUInt16BE(loca + gid * 2) * 2;
    const end = longOffsets
      ? font.readUInt32BE(loca + gid * 4 + 4)
      : font.readUInt16BE(loca + gid * 2 + 2) * 2;
    if (end - start < 16 || font.readInt16BE(glyf + start) !== -1) continue;
    const flags = font.readUInt16BE(glyf + start + 10);
    const MORE_COMPONENTS = 0x20;
    const ARGS_ARE_XY_VALUES = 0x2;
    if (flags & MORE_COMPONENTS || !(flags & ARGS_ARE_XY_VALUES)) continue;
    const dx = flags & 0x1 ? font.readInt16BE(glyf + start + 14) : font.readInt8(glyf + start + 14);
    if (dx !== 0) shifts.set(gid, (dx * 1000) / unitsPerEm);
  }
  return shifts;
}

export interface Boxes {
  MediaBox: number[];
  TrimBox: number[];
  BleedBox: number[];
}

/** Page boxes as poppler's pdfinfo reports them. */
export function readBoxes(path: string): Boxes[] {
  const text = execFileSync('pdfinfo', ['-box', '-f', '1', '-l', '9999', path], { encoding: 'utf8' });
  const pages: Boxes[] = [];
  for (const match of text.matchAll(/^Page\s+(\d+)\s+(MediaBox|TrimBox|BleedBox):\s+([-\d.\s]+)$/gm)) {
    const index = Number(match[1]) - 1;
    pages[index] ??= { MediaBox: [], TrimBox: [], BleedBox: [] };
    pages[index][match[2] as keyof Boxes] = match[3].trim().split(/\s+/).map(Number);
  }
  return pages;
}

/** `pdffonts` rows: name, type, embedded, subset, has ToUnicode. */
export function readFonts(
  path: string,
): { name: string; type: string; emb: boolean; sub: boolean; uni: boolean }[] {
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    const n = cols.length;
    // name type… encoding emb sub uni objectId gen
    return {
      name: cols[0],
      type: cols.slice(1, n - 6).join(' '),
      emb: cols[n - 5] === 'yes',
      sub: cols[n - 4] === 'yes',
      uni: cols[n - 3] === 'yes',
    };
  });
}

export interface PdfObject {
  id: number;
  dict: string;
  /** The stream's bytes, inflated when FlateDecode. */
  stream: Buffer | null;
}

/** Every indirect object with its dictionary text and (inflated) stream. Enough for pdfkit's plain layout. */
export function readObjects(bytes: Uint8Array): PdfObject[] {
  const buffer = Buffer.from(bytes);
  const text = buffer.toString('latin1');
  const objects: PdfObject[] = [];
  const re = /(\d+) 0 obj\s*/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text))) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const streamAt = body.indexOf('stream\n');
    let stream: Buffer | null = null;
    let dict = body;
    if (streamAt >= 0) {
      dict = body.slice(0, streamAt);
      const dataStart = start + streamAt + 'stream\n'.length;
      const dataEnd = text.lastIndexOf('endstream', end);
      let data = buffer.subarray(dataStart, dataEnd);
      if (data[data.length - 1] === 0x0a) data = data.subarray(0, data.length - 1);
      stream = /\/Filter \/FlateDecode/.test(dict) ? inflateSync(data) : Buffer.from(data);
    }
    objects.push({ id: Number(match[1]), dict, stream });
    re.lastIndex = end;
  }
  return objects;
}

/** Text of `pdftotext` for the whole file, in poppler's reading order. */
export function popplerText(path: string, args: string[] = []): string {
  return execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8' });
}
