/**
 * The fonts of one export: each face is registered with pdfkit once, so its
 * subset is built once at the end of the document (not per page), and glyph
 * ids from the display list are mapped to subset ids here.
 */
import type { FontFaceRef, GlyphRun } from '../../shared/layout/display-list';
import { openFont, type FontFileLoader } from './font-files';
import type { DocInternals, EmbeddedFontInternals } from './pdfkit-internals';
import { glyphTexts, type CmapLookup } from './glyph-text';

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
   * Subset ids (CIDs) for a run's glyphs. Each CID carries its advance (the
   * W array) and the characters it stands for (the ToUnicode CMap). A CMap
   * maps a CID to one string for the whole file, so when a glyph must read
   * as different text in different places (a ligature here, nothing there,
   * a field's date elsewhere), it gets another CID with the same outline.
   */
  encodeRun(
    face: EmbeddedFontInternals,
    run: GlyphRun,
    naturalAdvance: (glyphId: number) => number,
  ): number[] {
    const texts = glyphTexts(run, this.cmapOf(face));
    let cids = this.cids.get(face);
    if (!cids) this.cids.set(face, (cids = new Map()));
    return run.glyphs.map((glyphId, i) => {
      const key = `${glyphId}\u0000${texts[i]}`;
      let cid = cids.get(key);
      if (cid !== undefined) return cid;
      cid = face.subset.includeGlyph(glyphId);
      if (face.unicode[cid] != null) {
        // The glyph already reads as other text: a second CID for the same glyph.
        face.subset.glyphs.push(glyphId);
        cid = face.subset.glyphs.length - 1;
      }
      face.widths[cid] = Math.round(naturalAdvance(glyphId) * face.scale * 1000) / 1000;
      face.unicode[cid] = codePoints(texts[i]);
      cids.set(key, cid);
      return cid;
    });
  }

  private readonly cids = new Map<EmbeddedFontInternals, Map<string, number>>();
  private readonly cmaps = new Map<EmbeddedFontInternals, CmapLookup>();

  /** The face's cmap as a cached lookup. */
  private cmapOf(face: EmbeddedFontInternals): CmapLookup {
    let lookup = this.cmaps.get(face);
    if (!lookup) {
      const cache = new Map<number, number>();
      lookup = (cp) => {
        let id = cache.get(cp);
        if (id === undefined) cache.set(cp, (id = face.font.glyphForCodePoint(cp).id));
        return id;
      };
      this.cmaps.set(face, lookup);
    }
    return lookup;
  }
}

function codePoints(text: string): number[] {
  return Array.from(text, (ch) => ch.codePointAt(0) ?? 0);
}
