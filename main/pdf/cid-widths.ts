/**
 * The CID font's W array in its compact form. pdfkit writes every width
 * one by one (`W [0 [1000 1000 1000 …]]`); a Chinese subset has hundreds of
 * glyphs of the same 1-em width, and PDF 1.3 (PDF/X-1a) has no object
 * streams to compress the dictionary, so runs of equal widths are written
 * as `first last width` (ISO 32000-1 §9.7.4.3) and the rest as `first [w …]`.
 */
import type { EmbeddedFontInternals } from './pdfkit-internals';

/** Runs of at least this many equal widths become a range. */
const MIN_RANGE = 3;

const compacted = new WeakSet<EmbeddedFontInternals>();

/**
 * Makes pdfkit write the face's W array compactly when it embeds the font at
 * the end of the document. Once per face: pdfkit hands out the same face for
 * every registration of a font with the same PostScript name (the slug line's
 * face is the page's Noto Sans SC).
 */
export function writeCompactWidths(face: EmbeddedFontInternals): void {
  if (compacted.has(face)) return;
  compacted.add(face);
  const embed = face.embed.bind(face);
  face.embed = () => {
    const widths = face.widths;
    // pdfkit writes `W: [0, this.widths]`: the widths object is printed after the first CID, 0.
    face.widths = new CompactWidths(widths) as unknown as number[];
    try {
      embed();
    } finally {
      face.widths = widths;
    }
  };
}

/** Prints as the W array's entries after the leading `0` (pdfkit writes an unknown object with its toString). */
class CompactWidths {
  constructor(private readonly widths: number[]) {}
  get [Symbol.toStringTag](): string {
    return 'CompactWidths';
  }
  toString(): string {
    return compactWidths(this.widths).replace(/^0 /, '');
  }
}

/** `W` entries for widths by CID from 0: `first last w` for runs, `first [w1 w2 …]` for the rest. */
export function compactWidths(widths: number[]): string {
  const value = (cid: number) => widths[cid] ?? 0;
  const entries: string[] = [];
  let list: number[] = [];
  let listStart = 0;
  const flush = () => {
    if (list.length > 0) entries.push(`${listStart} [${list.map(format).join(' ')}]`);
    list = [];
  };
  for (let cid = 0; cid < widths.length;) {
    let end = cid + 1;
    while (end < widths.length && value(end) === value(cid)) end++;
    if (end - cid >= MIN_RANGE) {
      flush();
      entries.push(`${cid} ${end - 1} ${format(value(cid))}`);
    } else {
      if (list.length === 0) listStart = cid;
      for (let c = cid; c < end; c++) list.push(value(c));
    }
    cid = end;
  }
  flush();
  return entries.join(' ');
}

/** As pdfkit writes numbers: at most six decimals. */
function format(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
