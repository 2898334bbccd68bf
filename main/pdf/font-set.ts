/**
 * The fonts of one export: each face is registered with pdfkit once, so its
 * subset is built once at the end of the document (not per page), and glyph
 * ids from the display list are mapped to subset ids here.
 */
import type { FontFaceRef, GlyphRun } from '../../shared/layout/display-list';
import { openFont, type FontFileLoader } from './font-files';
import type { DocInternals, EmbeddedFontInternals } from './pdfkit-internals';
import { glyphTexts } from './glyph-text';

export class MissingFontError extends Error {
  constructor(readonly ref: FontFaceRef) {
    super(`font file ${ref.file} (${ref.family} ${ref.weight}) is not installed`);
    this.name = 'MissingFontError';
  }
}

export class PdfFontSet {
  private readonly embedded = new Map<string, EmbeddedFontInternals>();

  constructor(
    private readonly doc: DocInternals,
    private readonly fonts: Record<string, FontFaceRef>,
    private readonly load: FontFileLoader,
  ) {}

  /** The embedded font for a display-list font key, registered on first use. */
  face(fontKey: string): EmbeddedFontInternals {
    const existing = this.embedded.get(fontKey);
    if (existing) return existing;
    const ref = this.fonts[fontKey];
    if (!ref) throw new Error(`display list names font '${fontKey}' but does not describe it`);
    const font = openFont(ref, this.load);
    if (!font) throw new MissingFontError(ref);
    // pdfkit keys its font cache by the family argument: one EmbeddedFont per face per document.
    this.doc.font(font, `folio:${fontKey}`);
    const face = this.doc._font;
    this.embedded.set(fontKey, face);
    return face;
  }

  /** Makes the face usable on the current page and returns its resource name. */
  useOnPage(face: EmbeddedFontInternals): string {
    this.doc.page.fonts[face.id] = face.ref();
    return face.id;
  }

  /**
   * Subset ids for a run's glyphs. Records each glyph's advance (the W array)
   * and the characters it draws (the ToUnicode CMap) the first time the glyph
   * is used, so text extracted from the PDF is the story's text.
   */
  encodeRun(
    face: EmbeddedFontInternals,
    run: GlyphRun,
    naturalAdvance: (glyphId: number) => number,
  ): number[] {
    const texts = glyphTexts(run);
    return run.glyphs.map((glyphId, i) => {
      const cid = face.subset.includeGlyph(glyphId);
      if (face.widths[cid] == null)
        face.widths[cid] = Math.round(naturalAdvance(glyphId) * face.scale * 1000) / 1000;
      if (face.unicode[cid] == null) face.unicode[cid] = codePoints(texts[i]);
      return cid;
    });
  }
}

function codePoints(text: string): number[] {
  return Array.from(text, (ch) => ch.codePointAt(0) ?? 0);
}
