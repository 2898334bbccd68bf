/**
 * How much a Press PDF's photos differ from a full-resolution, quality-100
 * export of the same pages, as a reader sees them: each photo's frame
 * rasterised at 300 dpi by pdftoppm from both files, mean absolute
 * difference per RGB channel in levels of 255, measured at the size of a
 * halftone cell: both rasters pass a 3 × 3 box filter first (one cell of a
 * 100 lpi newspaper screen is 3 px at 300 dpi; nothing finer prints). The
 * filter also discounts pdftoppm's own nearest-neighbour sampling, which
 * shifts a 300 ppi image by a pixel here and there against a 600 ppi one.
 * The unfiltered figure is reported too. Used by the quality test and the
 * export benchmark.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DisplayImage, DisplayList } from '../../../../shared/layout/display-list';
import type { AssetBytes, Edition } from '../../../../shared/model/types';
import { renderPdf } from '../../../../main/pdf/render-pdf';
import { resolveOptions, type PdfExportOptions } from '../../../../main/pdf/options';

export const RASTER_DPI = 300;

export interface PhotoSubject {
  edition: Edition;
  assets: AssetBytes;
  list: DisplayList;
}

async function writePress(subject: PhotoSubject, options: Omit<PdfExportOptions, 'preset'>): Promise<string> {
  const bytes = await renderPdf({
    edition: subject.edition,
    displayList: subject.list,
    assets: subject.assets,
    options: resolveOptions({
      preset: 'press',
      marks: false,
      exportedAt: new Date('2026-01-01'),
      ...options,
    }),
  });
  const path = join(mkdtempSync(join(tmpdir(), 'folio-quality-')), 'page.pdf');
  writeFileSync(path, bytes);
  return path;
}

/** The photo's frame (inset 2 px against antialiased edges) rasterised at 300 dpi. */
function rasterise(path: string, photo: DisplayImage, bleed: { left: number; top: number }): Raster {
  const k = RASTER_DPI / 72;
  const x = Math.ceil((photo.x + bleed.left) * k) + 2;
  const y = Math.ceil((photo.y + bleed.top) * k) + 2;
  const w = Math.floor(photo.width * k) - 4;
  const h = Math.floor(photo.height * k) - 4;
  const out = join(mkdtempSync(join(tmpdir(), 'folio-raster-')), 'r');
  const args = ['-r', `${RASTER_DPI}`, '-x', `${x}`, '-y', `${y}`, '-W', `${w}`, '-H', `${h}`];
  execFileSync('pdftoppm', [...args, '-singlefile', path, out]);
  const ppm = readFileSync(`${out}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 40));
  if (!header) throw new Error('pdftoppm wrote no PPM');
  return { width: Number(header[1]), height: Number(header[2]), data: ppm.subarray(header[0].length) };
}

interface Raster {
  width: number;
  height: number;
  /** RGB bytes. */
  data: Uint8Array;
}

function meanDifference(a: Raster, b: Raster): number {
  if (a.data.length !== b.data.length) throw new Error('rasters differ in size');
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i] - b.data[i]);
  return sum / a.data.length;
}

/** Each pixel the mean of its 3 × 3 neighbourhood (edges clamped), per channel. */
function boxFilter({ width, height, data }: Raster): Raster {
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let dy = -1; dy <= 1; dy++) {
          const yy = Math.min(height - 1, Math.max(0, y + dy));
          for (let dx = -1; dx <= 1; dx++) {
            const xx = Math.min(width - 1, Math.max(0, x + dx));
            sum += data[(yy * width + xx) * 3 + c];
          }
        }
        out[(y * width + x) * 3 + c] = Math.round(sum / 9);
      }
    }
  }
  return { width, height, data: out };
}

/**
 * Per photo on the first page: the mean difference (at halftone-cell scale,
 * and unfiltered) between the export with `options` (the preset's defaults
 * when empty) and the full-resolution, quality-100 export; and the two
 * files' sizes in bytes.
 */
export async function photoDifferences(
  subject: PhotoSubject,
  options: Omit<PdfExportOptions, 'preset'> = {},
): Promise<{ differences: number[]; unfiltered: number[]; bytes: number; fullBytes: number }> {
  const page = subject.list.pages[0];
  const photos = page.items.filter((i): i is DisplayImage => i.kind === 'image' && i.assetId !== null);
  const small = await writePress(subject, options);
  const full = await writePress(subject, { imagePpi: null, jpegQuality: 100 });
  const pairs = photos.map((photo) => [
    rasterise(small, photo, page.bleed),
    rasterise(full, photo, page.bleed),
  ]);
  return {
    differences: pairs.map(([a, b]) => meanDifference(boxFilter(a), boxFilter(b))),
    unfiltered: pairs.map(([a, b]) => meanDifference(a, b)),
    bytes: readFileSync(small).length,
    fullBytes: readFileSync(full).length,
  };
}
