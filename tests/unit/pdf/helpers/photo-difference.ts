/**
 * How much a Press PDF's photos differ from a full-resolution, quality-100
 * export of the same pages, as a reader sees them: each photo's frame
 * rasterised at 300 dpi by pdftoppm from both files, mean absolute
 * difference per RGB channel in levels of 255. Used by the quality test and
 * the export benchmark.
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

/** The photo's frame (inset 2 px against antialiased edges) rasterised at 300 dpi, as RGB bytes. */
function rasterise(path: string, photo: DisplayImage, bleed: { left: number; top: number }): Buffer {
  const k = RASTER_DPI / 72;
  const x = Math.ceil((photo.x + bleed.left) * k) + 2;
  const y = Math.ceil((photo.y + bleed.top) * k) + 2;
  const w = Math.floor(photo.width * k) - 4;
  const h = Math.floor(photo.height * k) - 4;
  const out = join(mkdtempSync(join(tmpdir(), 'folio-raster-')), 'r');
  const args = ['-r', `${RASTER_DPI}`, '-x', `${x}`, '-y', `${y}`, '-W', `${w}`, '-H', `${h}`];
  execFileSync('pdftoppm', [...args, '-singlefile', path, out]);
  const ppm = readFileSync(`${out}.ppm`);
  const header = /^P6\s+\d+\s+\d+\s+255\s/.exec(ppm.toString('latin1', 0, 40));
  if (!header) throw new Error('pdftoppm wrote no PPM');
  return ppm.subarray(header[0].length);
}

function meanDifference(a: Buffer, b: Buffer): number {
  if (a.length !== b.length) throw new Error('rasters differ in size');
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

/**
 * Per photo on the first page: the mean difference between the export with
 * `options` (the preset's defaults when empty) and the full-resolution,
 * quality-100 export; and the two files' sizes in bytes.
 */
export async function photoDifferences(
  subject: PhotoSubject,
  options: Omit<PdfExportOptions, 'preset'> = {},
): Promise<{ differences: number[]; bytes: number; fullBytes: number }> {
  const page = subject.list.pages[0];
  const photos = page.items.filter((i): i is DisplayImage => i.kind === 'image' && i.assetId !== null);
  const small = await writePress(subject, options);
  const full = await writePress(subject, { imagePpi: null, jpegQuality: 100 });
  return {
    differences: photos.map((photo) =>
      meanDifference(rasterise(small, photo, page.bleed), rasterise(full, photo, page.bleed)),
    ),
    bytes: readFileSync(small).length,
    fullBytes: readFileSync(full).length,
  };
}
