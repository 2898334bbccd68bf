/**
 * The sample's placeholder pictures look like photographs (tones, colour,
 * detail — not a flat grey box), are sharp enough for print at their frame
 * size, and travel with the edition through a .folio file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageFrame } from '../../../shared/model/types';
import { validateEdition } from '../../../shared/model/validate';
import {
  loadSampleEdition,
  paintPlaceholderPhoto,
  streetScene,
  type LoadedSample,
} from '../../../main/sample';
import { readFolio, writeFolio } from '../../../main/storage';

let sample: LoadedSample;
const dir = mkdtempSync(join(tmpdir(), 'folio-sample-'));
beforeAll(async () => {
  sample = await loadSampleEdition();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const photoFrames = () => sample.edition.pages[0].frames.filter((f): f is ImageFrame => f.kind === 'image');

describe('the sample photos', () => {
  it('fill both photo frames with JPEG assets', () => {
    const frames = photoFrames();
    expect(frames).toHaveLength(2);
    for (const frame of frames) {
      const asset = sample.edition.assets[frame.assetId!];
      const bytes = sample.assets.get(asset.id)!;
      expect(asset.mime).toBe('image/jpeg');
      expect([bytes[0], bytes[1], bytes[2]]).toEqual([0xff, 0xd8, 0xff]);
      expect(asset.byteLength).toBe(bytes.byteLength);
      expect(frame.fit).toBe('fill-proportional');
    }
  });

  it('have at least 200 ppi at the size they are printed', async () => {
    for (const frame of photoFrames()) {
      const asset = sample.edition.assets[frame.assetId!];
      const meta = await sharp(sample.assets.get(asset.id)!).metadata();
      expect([meta.width, meta.height]).toEqual([asset.widthPx, asset.heightPx]);
      const ppi = asset.widthPx / (frame.width / 72);
      expect(ppi).toBeGreaterThanOrEqual(200);
      // Placed at the frame's size: the picture's scale maps its pixels onto the frame.
      expect(asset.widthPx * frame.content.scale).toBeGreaterThanOrEqual(frame.width - 0.01);
      expect(asset.heightPx * frame.content.scale).toBeGreaterThanOrEqual(frame.height - 0.01);
    }
  });

  it('look like photographs, not flat grey', async () => {
    for (const frame of photoFrames()) {
      const bytes = sample.assets.get(frame.assetId!)!;
      const stats = await sharp(bytes).stats();
      // Tonal range in every channel, fine detail, and colour (channels differ).
      for (const channel of stats.channels.slice(0, 3)) expect(channel.stdev).toBeGreaterThan(25);
      expect(stats.entropy).toBeGreaterThan(6);
      // Colour: the average pixel's channels differ (a grey picture scores 0).
      const small = await sharp(bytes).resize(64, 64, { fit: 'fill' }).raw().toBuffer();
      let chroma = 0;
      for (let i = 0; i < small.length; i += 3) {
        chroma +=
          Math.max(small[i], small[i + 1], small[i + 2]) - Math.min(small[i], small[i + 1], small[i + 2]);
      }
      expect(chroma / (small.length / 3)).toBeGreaterThan(15);
      // Not one flat area: the picture's quarters differ from one another.
      const { data, info } = await sharp(bytes)
        .resize(2, 2, { fit: 'fill' })
        .raw()
        .toBuffer({ resolveWithObject: true });
      const quarters = Array.from(
        { length: 4 },
        (_, q) => data[q * info.channels] + data[q * info.channels + 1],
      );
      expect(Math.max(...quarters) - Math.min(...quarters)).toBeGreaterThan(20);
    }
  });

  it('are painted the same way every time', async () => {
    const spec = { scene: streetScene(5), widthPt: 72, heightPt: 48, ppi: 200, seed: 3 };
    const a = await paintPlaceholderPhoto(spec);
    const b = await paintPlaceholderPhoto({ ...spec, scene: streetScene(5) });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect([a.widthPx, a.heightPx]).toEqual([200, 134]);
  });
});

describe('the sample edition in a .folio file', () => {
  it('validates and comes back from writeFolio/readFolio unchanged, pictures included', async () => {
    const valid = validateEdition(sample.edition);
    expect(valid.ok ? [] : valid.issues).toEqual([]);
    const path = join(dir, 'sample.folio');
    await writeFolio(path, sample.edition, sample.assets);
    const read = await readFolio(path);
    expect(read.edition).toEqual(sample.edition);
    expect([...read.assets.keys()].sort()).toEqual([...sample.assets.keys()].sort());
    for (const [id, bytes] of sample.assets) {
      expect(Buffer.from(read.assets.get(id)!).equals(Buffer.from(bytes))).toBe(true);
    }
  });
});

describe('loading the sample twice', () => {
  it('gives each caller its own edition to edit, with the same pictures', async () => {
    const again = await loadSampleEdition();
    expect(again.edition).toEqual(sample.edition);
    expect(again.edition).not.toBe(sample.edition);
    again.edition.meta.paperName = 'changed';
    expect((await loadSampleEdition()).edition.meta.paperName).toBe('周口晚报');
    for (const [id, bytes] of sample.assets)
      expect(Buffer.from(again.assets.get(id)!).equals(Buffer.from(bytes))).toBe(true);
  });
});
