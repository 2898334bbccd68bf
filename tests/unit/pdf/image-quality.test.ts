/**
 * The smaller Press PDF loses nothing a reader would see: the sample page
 * rasterised at 300 dpi (pdftoppm) from the default export (photos at 300
 * ppi, YCCK JPEG at the preset's quality) against a full-resolution,
 * quality-100 export of the same page. Thresholds, per photo, in levels of
 * 255 per RGB channel: the mean difference at halftone-cell scale (3 × 3
 * px, one cell of a 100 lpi screen at 300 dpi) under 2, and for the sample
 * (no resampling, so no sampling-phase noise) the raw per-pixel mean under
 * 3. A newsprint screen cannot show either; JPEG blocking starts to show on
 * screen at about 5–8. Measured at quality 80: sample 0.63 and 0.78 (raw
 * 1.35 and 1.70); at 600 ppi 1.13 and 1.63 (docs/pdf.md; `npm run bench --
 * export` prints them).
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssetBytes } from '../../../shared/model/types';
import { composeForExport } from '../../../main/pdf/pipeline';
import { loadSampleEdition } from '../../../main/sample';
import { photoDifferences, type PhotoSubject } from './helpers/photo-difference';

/** Mean per-channel difference allowed in a photo at halftone-cell scale, in levels of 255. */
const THRESHOLD = 2;
/** The same, pixel by pixel, where nothing is resampled. */
const RAW_THRESHOLD = 3;

describe('photo quality of the Press PDF at 300 dpi', () => {
  let sample: PhotoSubject;
  beforeAll(async () => {
    const { edition, assets } = await loadSampleEdition();
    sample = { edition, assets, list: await composeForExport(edition) };
  });

  it(`the sample's photos differ from a full-resolution, quality-100 export by under ${THRESHOLD} levels on average`, async () => {
    const { differences, unfiltered, bytes, fullBytes } = await photoDifferences(sample);
    expect(differences).toHaveLength(2);
    for (const difference of differences) expect(difference).toBeLessThan(THRESHOLD);
    for (const difference of unfiltered) expect(difference).toBeLessThan(RAW_THRESHOLD);
    // And the point of it: the default export is far smaller.
    expect(bytes).toBeLessThan(fullBytes / 2);
  });

  it(`photos placed at 600 ppi and resampled to 300 still differ by under ${THRESHOLD} levels`, async () => {
    // The same page with each photo at twice the pixels (the frames unchanged): 600 ppi as placed.
    const assets: AssetBytes = new Map();
    const edition = structuredClone(sample.edition);
    for (const [id, bytes] of sample.assets) {
      const asset = edition.assets[id];
      const doubled = sharp(bytes).resize(asset.widthPx * 2, asset.heightPx * 2);
      assets.set(id, await doubled.jpeg({ quality: 95 }).toBuffer());
      asset.widthPx *= 2;
      asset.heightPx *= 2;
      for (const page of edition.pages) {
        for (const frame of page.frames) {
          if (frame.kind === 'image' && frame.assetId === id) frame.content.scale /= 2;
        }
      }
    }
    const subject = { edition, assets, list: await composeForExport(edition) };
    const { differences } = await photoDifferences(subject);
    expect(differences).toHaveLength(2);
    for (const difference of differences) expect(difference).toBeLessThan(THRESHOLD);
  });
});
