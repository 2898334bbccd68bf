/** Export options as the user gives them, and the presets that fill in the rest. */
import type { ExportPreset } from './image-prepare';

export type { ExportPreset };

export interface PdfExportOptions {
  /** Press: CMYK, full-resolution images, bleed and marks, PDF/X-1a aim. Proof: small, RGB images at 150 ppi, trim only. */
  preset: ExportPreset;
  /** Pages to export, e.g. '1-3,5' (1-based); all pages when omitted. */
  pages?: string;
  /** Crop and registration marks and the slug line; default on for Press, off for Proof. */
  marks?: boolean;
  /** Reader spreads on one sheet (page 1 alone, then 2–3, 4–5 …). */
  spreads?: boolean;
  /** Export a Press PDF even when preflight finds errors. */
  force?: boolean;
  /** The time printed in the slug line and metadata (defaults to now; fixed in tests). */
  exportedAt?: Date;
  /** A CMYK ICC profile file (e.g. the printer's) for converting RGB images in Press exports. */
  cmykProfile?: string;
  /** Solid black (0/0/0/100) text overprints; default on for Press, off for Proof. */
  overprintBlack?: boolean;
}

export interface ResolvedOptions {
  preset: ExportPreset;
  pages: string | undefined;
  marks: boolean;
  bleed: boolean;
  spreads: boolean;
  pdfx: boolean;
  force: boolean;
  exportedAt: Date;
  cmykProfile: string | undefined;
  overprintBlack: boolean;
}

export function resolveOptions(options: PdfExportOptions): ResolvedOptions {
  const press = options.preset === 'press';
  return {
    preset: options.preset,
    pages: options.pages,
    marks: options.marks ?? press,
    // Marks sit outside the bleed, so a proof with marks shows its bleed too.
    bleed: press || options.marks === true,
    spreads: options.spreads ?? false,
    pdfx: press,
    force: options.force ?? false,
    exportedAt: options.exportedAt ?? new Date(),
    cmykProfile: options.cmykProfile,
    overprintBlack: options.overprintBlack ?? press,
  };
}
