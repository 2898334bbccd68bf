/**
 * Paints glyph runs exactly where the display list puts them. No text
 * layout happens here: each run becomes one TJ whose first glyph is placed
 * by the text matrix and whose later glyphs are placed by the glyph widths
 * written in the font's W array plus an explicit adjustment, computed so
 * the pen lands on the display list's x for every glyph.
 */
import type { DisplayLine } from '../../shared/layout/display-list';
import type { PdfColors } from './colors';
import type { PdfFontSet } from './font-set';
import { isSolidBlack, type Overprint } from './overprint';
import type { EmbeddedFontInternals } from './pdfkit-internals';
import { cidHex, num } from './pdf-syntax';
import type { LineMark } from './page-tagger';
import type { StructElement } from './structure-tree';

/** Slant of synthetic italics: tan(12°), the usual oblique angle. */
const FAUX_ITALIC_SKEW = Math.tan((12 * Math.PI) / 180);
/** Stroke width of synthetic bold, as a fraction of the font size. */
const FAUX_BOLD_STROKE = 0.03;

interface FaceState {
  face: EmbeddedFontInternals;
  resource: string;
  advance: (glyphId: number) => number;
}

export class TextPainter {
  private readonly faces = new Map<string, FaceState>();

  constructor(
    private readonly fonts: PdfFontSet,
    private readonly colors: PdfColors,
    /** Overprint for solid black text (Press); null paints every colour knocking out. */
    private readonly overprint: Overprint | null = null,
  ) {}

  /** Call at the start of every page: font resources are per page. */
  startPage(): void {
    this.faces.clear();
  }

  /**
   * Content-stream operators for the lines of one text frame (one BT … ET).
   * With `mark`, each run of lines of one structure element is one
   * marked-content sequence (`BDC … EMC` inside the text object), and
   * artifact lines are marked /Artifact.
   */
  paintLines(
    lines: DisplayLine[],
    mark?: { line: (line: DisplayLine) => LineMark; begin: (element: StructElement) => string },
  ): string {
    const out: string[] = [];
    let font = '';
    let fill = '';
    let fauxBold = false;
    let overprinting = false;
    let marked: LineMark = null;
    for (const line of lines) {
      const lineMark = mark ? mark.line(line) : null;
      if (lineMark !== marked && line.runs.some((r) => r.glyphs.length > 0)) {
        if (marked) out.push('EMC');
        marked = lineMark;
        if (marked === 'artifact') out.push('/Artifact BMC');
        else if (marked && mark) out.push(mark.begin(marked));
      }
      for (const run of line.runs) {
        if (run.glyphs.length === 0) continue;
        const state = this.face(run.fontKey);
        const { cids, origins } = this.fonts.encodeRun(state.face, run, state.advance);
        const fontOp = `/${state.resource} ${num(run.size)} Tf`;
        if (fontOp !== font) out.push((font = fontOp));
        const fillOp = this.colors.set(run.color, false);
        if (this.overprint?.enabled && isSolidBlack(run.color) !== overprinting) {
          overprinting = !overprinting;
          out.push(this.overprint.set(overprinting));
        }
        if (fillOp !== fill) {
          out.push((fill = fillOp));
          if (fauxBold) out.push(this.colors.set(run.color, true));
        }
        if (run.fauxBold !== fauxBold) {
          fauxBold = run.fauxBold;
          out.push(
            fauxBold
              ? `2 Tr ${num(run.size * FAUX_BOLD_STROKE)} w ${this.colors.set(run.color, true)}`
              : '0 Tr',
          );
        }
        // The page is drawn in pdfkit's y-down space; flip text back upright.
        const skew = run.fauxItalic ? num(FAUX_ITALIC_SKEW) : '0';
        out.push(`1 0 ${skew} -1 ${num(origins[0])} ${num(run.y)} Tm`);
        out.push(tjArray(run.size, origins, cids, state.face));
      }
    }
    if (out.length === 0) return '';
    if (marked) out.push('EMC');
    // Leave the graphics state as found: later rules and boxes knock out.
    if (overprinting && this.overprint) out.push(this.overprint.set(false));
    return `BT\n${out.join('\n')}\n${fauxBold ? '0 Tr\n' : ''}ET\n`;
  }

  private face(fontKey: string): FaceState {
    let state = this.faces.get(fontKey);
    if (!state) {
      const face = this.fonts.face(fontKey);
      const font = face.font;
      const cache = new Map<number, number>();
      const advance = (glyphId: number) => {
        let value = cache.get(glyphId);
        if (value === undefined) cache.set(glyphId, (value = font.getGlyph(glyphId).advanceWidth));
        return value;
      };
      state = { face, resource: this.fonts.useOnPage(face), advance };
      this.faces.set(fontKey, state);
    }
    return state;
  }
}

/**
 * `[<cid> adj <cid> …] TJ`. After a glyph the pen moves by its W width
 * (in 1/1000 text-space units) minus the next adjustment; the adjustment is
 * chosen from where the pen really is (with the rounding already written),
 * so rounding never accumulates along the run. `origins` are where the pen
 * must be for each glyph: the display list's x, or a squeezed mark's pen
 * position when its CID moves the outline (font-set.ts).
 */
function tjArray(size: number, origins: number[], cids: number[], face: EmbeddedFontInternals): string {
  const parts: string[] = [];
  let pending = '';
  let pen = origins[0];
  for (let i = 0; i < cids.length; i++) {
    pending += cidHex(cids[i]);
    pen += (face.widths[cids[i]] * size) / 1000;
    if (i + 1 === cids.length) break;
    const adjustment = Math.round(((pen - origins[i + 1]) * 1000 * 1000) / size) / 1000;
    if (adjustment !== 0) {
      parts.push(`<${pending}>`, num(adjustment, 3));
      pending = '';
      pen -= (adjustment * size) / 1000;
    }
  }
  parts.push(`<${pending}>`);
  return `[${parts.join(' ')}] TJ`;
}
