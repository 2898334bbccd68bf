/**
 * The parts of pdfkit's internals the painter uses, typed in one place.
 * pdfkit's public text API lays text out itself; Folio must not let it, so
 * the painter writes text operators directly and uses pdfkit only for the
 * file structure, font subsetting (EmbeddedFont + fontkit subset) and
 * object writing. Checked against pdfkit 0.20.2 (lib/font/embedded.js,
 * lib/page.js, lib/reference.js).
 */
import type PDFDocument from 'pdfkit';

/** An indirect object: `data` is its dictionary, `end()` writes it. */
export interface PdfRef {
  id: number;
  data: Record<string, unknown>;
  write(chunk: Uint8Array | string): void;
  end(chunk?: Uint8Array | string): void;
  compress?: boolean;
}

/** pdfkit's EmbeddedFont: one per face per document; subsets once at doc.end(). */
export interface EmbeddedFontInternals {
  id: string;
  name: string;
  /** 1000 / unitsPerEm. */
  scale: number;
  /** The fontkit subset: `glyphs` lists original glyph ids by CID. */
  subset: { includeGlyph(glyphId: number): number; glyphs: number[] };
  /** The fontkit font. */
  font: {
    glyphForCodePoint(codePoint: number): { id: number };
    getGlyph(id: number): { advanceWidth: number; bbox?: { minX: number; maxX: number } };
  };
  /** Advance widths in 1/1000 em by subset glyph id (written as the W array). */
  widths: number[];
  /** Code points by subset glyph id (written as the ToUnicode CMap). */
  unicode: number[][];
  ref(): PdfRef;
  /** Writes the font's objects (at the document's end). */
  embed(): void;
}

export interface PageInternals {
  width: number;
  height: number;
  dictionary: PdfRef;
  resources: PdfRef;
  fonts: Record<string, PdfRef>;
  xobjects: Record<string, PdfRef>;
  ext_gstates: Record<string, PdfRef>;
  colorSpaces: Record<string, unknown>;
}

export interface SpotColorInternals {
  id: string;
  name: string;
}

export interface DocInternals {
  page: PageInternals;
  info: Record<string, unknown>;
  _root: PdfRef;
  _font: EmbeddedFontInternals;
  spotColors: Record<string, SpotColorInternals>;
  ref(data?: unknown): PdfRef;
  addContent(data: string): unknown;
  font(src: unknown, family?: string): unknown;
  addSpotColor(name: string, c: number, m: number, y: number, k: number): unknown;
}

/** The same document seen through its internals. */
export function internals(doc: PDFKit.PDFDocument | InstanceType<typeof PDFDocument>): DocInternals {
  return doc as unknown as DocInternals;
}
