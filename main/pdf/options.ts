/** Export options as the user gives them, and the presets that fill in the rest. */
import type { ExportPreset } from './image-prepare';

export type { ExportPreset };

export interface PdfExportOptions {
  /** Press: CMYK, images at 300 ppi, bleed and marks, PDF/X-1a aim. Proof: small, RGB images at 150 ppi, trim only. */
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
  /**
   * Output resolution of photos at their placed size, in ppi: higher ones are
   * resampled down (never up). Default 300 for Press, 150 for Proof; null
   * keeps every pixel of what the frame shows.
   */
  imagePpi?: number | null;
  /** JPEG quality (1–100) of the photos Folio encodes; default 80 for both presets. */
  jpegQuality?: number;
  /**
   * Proof only: notes as PDF comments (sticky notes, highlights) and tracked
   * changes as markup annotations. The display list given should then be the
   * markup view's (deleted words on the page), from `composeForProof`.
   */
  notes?: boolean;
}

/** Press photos: 300 ppi at their placed size, the usual requirement for offset and newsprint. */
export const PRESS_IMAGE_PPI = 300;
export const PROOF_IMAGE_PPI = 150;
/**
 * libjpeg quality of the JPEGs Folio writes. Chosen by measurement on the
 * sample's photos (docs/pdf.md): at 80 a Press PDF of the sample is no
 * larger than Chromium's page.pdf() of the same page, and its photos
 * rasterised at 300 dpi differ from a full-resolution, quality-100 export by
 * about 1.5 levels in 255 on average — far below what newsprint reproduces.
 */
export const DEFAULT_JPEG_QUALITY = 80;

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
  imagePpi: number | null;
  jpegQuality: number;
  /** A tagged PDF (structure tree, marked content): Proof. */
  tagged: boolean;
  /** Notes and tracked changes as annotations (Proof). */
  notes: boolean;
}

export function resolveOptions(options: PdfExportOptions): ResolvedOptions {
  const press = options.preset === 'press';
  const { imagePpi, jpegQuality } = options;
  if (imagePpi != null && !(Number.isFinite(imagePpi) && imagePpi > 0))
    throw new RangeError(
      `image resolution ${imagePpi} ppi: give a positive number, or null for full resolution`,
    );
  if (jpegQuality !== undefined && !(Number.isInteger(jpegQuality) && jpegQuality >= 1 && jpegQuality <= 100))
    throw new RangeError(`JPEG quality ${jpegQuality}: give a whole number from 1 to 100`);
  if (options.notes && press)
    throw new RangeError('notes go with the proof preset: a press PDF (PDF/X-1a) may carry no annotations');
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
    imagePpi: options.imagePpi === undefined ? (press ? PRESS_IMAGE_PPI : PROOF_IMAGE_PPI) : options.imagePpi,
    jpegQuality: options.jpegQuality ?? DEFAULT_JPEG_QUALITY,
    tagged: !press,
    notes: options.notes ?? false,
  };
}
