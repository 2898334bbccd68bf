/**
 * Black text that overprints. Newspapers overprint 100 % K text so that a
 * slight misregister between plates never shows a white halo around it.
 * Overprint is a graphics-state setting (ExtGState /OP /op /OPM), not
 * transparency, so PDF/X-1a allows it.
 */
import type { DisplayColor } from '../../shared/layout/display-list';
import type { DocInternals, PdfRef } from './pdfkit-internals';

export const OVERPRINT_ON = 'GSop';
export const OVERPRINT_OFF = 'GSko';

/** Process black at full strength: 0/0/0/100 at 100 % tint. */
export function isSolidBlack(color: DisplayColor): boolean {
  const [c, m, y, k] = color.cmyk;
  return color.spot === null && c === 0 && m === 0 && y === 0 && k * (color.tint / 100) >= 100;
}

export class Overprint {
  private on: PdfRef | null = null;
  private off: PdfRef | null = null;

  constructor(
    private readonly doc: DocInternals,
    readonly enabled: boolean,
  ) {}

  /** `/GSop gs` or `/GSko gs`, with both states registered on the current page. */
  set(overprint: boolean): string {
    if (!this.on || !this.off) {
      this.on = this.doc.ref({ Type: 'ExtGState', OP: true, op: true, OPM: 1 });
      this.on.end();
      this.off = this.doc.ref({ Type: 'ExtGState', OP: false, op: false, OPM: 0 });
      this.off.end();
    }
    this.doc.page.ext_gstates[OVERPRINT_ON] = this.on;
    this.doc.page.ext_gstates[OVERPRINT_OFF] = this.off;
    return `/${overprint ? OVERPRINT_ON : OVERPRINT_OFF} gs`;
  }
}
