/**
 * Colours as they print. Process colours are written as DeviceCMYK straight
 * from the swatch (so black text is 0 0 0 1, never a rich black made up by
 * a colour conversion); spot colours become Separation colour spaces with
 * the swatch's CMYK as alternate, painted at the tint.
 *
 * DisplayColor.cmyk is the swatch at full strength and `tint` the
 * percentage applied (shared/layout/colors.ts resolveColor): a process
 * colour prints cmyk × tint; a spot colour's Separation takes the swatch's
 * CMYK as its alternate and is painted at tint / 100.
 */
import type { DisplayColor } from '../../shared/layout/display-list';
import type { DocInternals } from './pdfkit-internals';
import { num } from './pdf-syntax';

/** The Separation used for crop and registration marks: prints on every plate. */
export const REGISTRATION: DisplayColor = {
  cmyk: [100, 100, 100, 100],
  spot: 'All',
  tint: 100,
  rgb: '#000000',
};

export class PdfColors {
  constructor(private readonly doc: DocInternals) {}

  /** Operators that set the fill (`stroke` false) or stroke colour. */
  set(color: DisplayColor, stroke: boolean): string {
    if (color.spot) {
      const id = this.spotId(color);
      const tint = clamp(color.tint) / 100;
      return stroke ? `/${id} CS ${num(tint)} SCN` : `/${id} cs ${num(tint)} scn`;
    }
    const tint = clamp(color.tint) / 100;
    const [c, m, y, k] = color.cmyk.map((v) => num((clamp(v) / 100) * tint));
    return `${c} ${m} ${y} ${k} ${stroke ? 'K' : 'k'}`;
  }

  private spotId(color: DisplayColor): string {
    const name = color.spot as string;
    let spot = this.doc.spotColors[name];
    if (!spot) {
      const [c, m, y, k] = color.cmyk.map(clamp);
      this.doc.addSpotColor(name, c, m, y, k);
      spot = this.doc.spotColors[name];
    }
    // pdfkit adds every spot colour to each page's resources when the page ends.
    return spot.id;
  }
}

function clamp(v: number): number {
  return Math.max(0, Math.min(100, v));
}
