/**
 * The fonts of one export: each face is registered with pdfkit once, so its
 * subset is built once at the end of the document (not per page), and glyph
 * ids from the display list are mapped to subset ids here.
 */
import type { FontFaceRef, GlyphRun } from '../../shared/layout/display-list';
import { openFont, type FontFileLoader } from './font-files';
import type { DocInternals, EmbeddedFontInternals } from './pdfkit-internals';
import { glyphTexts, type CmapLookup } from './glyph-text';
import { addComposite, supportsComposites } from './composite-glyphs';
import { setBoxes } from './set-boxes';
import { writeCompactWidths } from './cid-widths';

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
    writeCompactWidths(face);
    this.embedded.set(fontKey, face);
    return face;
  }

  /** Makes the face usable on the current page and returns its resource name. */
  useOnPage(face: EmbeddedFontInternals): string {
    this.doc.page.fonts[face.id] = face.ref();
    return face.id;
  }

  /**
   * Subset ids (CIDs) for a run's glyphs, and where the text pen must be for
   * each (`origins`, pt). Each CID carries its advance (the W array) and the
   * characters it stands for (the ToUnicode CMap). A CMap maps a CID to one
   * string for the whole file, so when a glyph must read as different text
   * in different places (a ligature here, nothing there, a field's date
   * elsewhere) it gets another CID drawing the same outline. So does a
   * squeezed punctuation mark: its CID is as wide as the room it takes on
   * the line and starts at its pen, the outline moved back to where the
   * display list draws it (set-boxes.ts), so readers that rebuild lines from
   * geometry do not see it reach into the gutter. Extra CIDs are composite
   * glyphs referring to the glyph's own CID (composite-glyphs.ts), so the
   * outline is stored once.
   */
  encodeRun(
    face: EmbeddedFontInternals,
    run: GlyphRun,
    naturalAdvance: (glyphId: number) => number,
  ): { cids: number[]; origins: number[] } {
    const texts = glyphTexts(run, this.cmapOf(face));
    let cids = this.cids.get(face);
    if (!cids) this.cids.set(face, (cids = new Map()));
    const unitsPerEm = 1000 / face.scale;
    const toPt = run.size / unitsPerEm;
    const composites = supportsComposites(face.subset);
    const boxes = composites
      ? setBoxes(
          run,
          (i) => naturalAdvance(run.glyphs[i]) * toPt,
          (i) => inkBlank(face, run.glyphs[i], toPt),
        )
      : [];
    const origins: number[] = new Array(run.glyphs.length);
    const out = run.glyphs.map((glyphId, i) => {
      const box = boxes[i] ?? null;
      let key = `${glyphId}\u0000${texts[i]}`;
      let cid = box ? undefined : cids.get(key);
      if (cid !== undefined) {
        origins[i] = run.x[i];
        return cid;
      }
      const natural = Math.round(naturalAdvance(glyphId) * face.scale * 1000) / 1000;
      const width = box ? Math.round((box.width / run.size) * 1000 * 1000) / 1000 : natural;
      // Whole font units: the pen takes up the rounding, so the outline lands on x exactly.
      const dx = box ? Math.round(box.shift / toPt) : 0;
      origins[i] = run.x[i] - dx * toPt;
      if (box) {
        key += `\u0000${width}\u0000${dx}`;
        cid = cids.get(key);
        if (cid !== undefined) return cid;
      }
      const own = face.subset.includeGlyph(glyphId);
      if (face.unicode[own] == null) {
        // The glyph's own CID: its natural width, and the text of its first use.
        face.widths[own] = natural;
        face.unicode[own] = codePoints(texts[i]);
        cids.set(`${glyphId}\u0000${texts[i]}`, own);
      }
      cid = cids.get(key);
      if (cid === undefined) {
        cid = composites ? addComposite(face.subset, own, glyphId, dx) : this.copyGlyph(face, glyphId);
        face.widths[cid] = width;
        face.unicode[cid] = codePoints(texts[i]);
        cids.set(key, cid);
      }
      return cid;
    });
    return { cids: out, origins };
  }

  /** A second CID with the same outline, copied (subsets without composite glyphs). */
  private copyGlyph(face: EmbeddedFontInternals, glyphId: number): number {
    face.subset.glyphs.push(glyphId);
    return face.subset.glyphs.length - 1;
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

/** Blank space left and right of a glyph's outline within its advance, pt. */
function inkBlank(
  face: EmbeddedFontInternals,
  glyphId: number,
  toPt: number,
): { left: number; right: number } {
  const glyph = face.font.getGlyph(glyphId);
  const box = glyph.bbox;
  if (!box || box.maxX <= box.minX) return { left: 0, right: 0 };
  return { left: Math.max(0, box.minX) * toPt, right: Math.max(0, glyph.advanceWidth - box.maxX) * toPt };
}
