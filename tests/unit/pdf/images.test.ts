/**
 * Images in the PDF: the right colour space per preset, JPEG bytes passed
 * through untouched when they already fit, conversions through sharp for
 * the rest, no transparency, clear errors for damaged or unsupported files
 * and no partial PDF left behind.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { DisplayImage } from '../../../shared/layout/display-list';
import type { Asset } from '../../../shared/model/types';
import { exportPdf, ImageError, UnexportableError } from '../../../main/pdf';
import { renderPdf } from '../../../main/pdf/render-pdf';
import { resolveOptions, type ExportPreset } from '../../../main/pdf/options';
import { displayList, displayPage, editionFor } from './fixtures/display-list-builder';
import { readObjects } from './helpers/read-pdf';

const red = { r: 220, g: 20, b: 30 };

async function sample(
  format: 'jpeg' | 'png' | 'tiff' | 'webp' | 'heif',
  space: 'srgb' | 'cmyk' | 'b-w' = 'srgb',
  alpha = false,
) {
  let image = sharp({
    create: {
      width: 120,
      height: 80,
      channels: alpha ? 4 : 3,
      background: alpha ? { ...red, alpha: 0.5 } : red,
    },
  });
  if (space !== 'srgb') image = image.toColourspace(space);
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: 90 }).toBuffer();
    case 'png':
      return image.png().toBuffer();
    case 'tiff':
      return image.tiff().toBuffer();
    case 'webp':
      return image.webp().toBuffer();
    case 'heif':
      // The HEIF encoder in sharp's prebuilt libvips is AV1 (AVIF); HEVC-coded .heic decodes only where libheif has it.
      return image.heif({ compression: 'av1' }).toBuffer();
  }
}

const mimes = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  webp: 'image/webp',
  heif: 'image/heic',
} as const;

function fixture(bytes: Uint8Array, format: keyof typeof mimes) {
  const item: DisplayImage = {
    kind: 'image',
    frameId: 'photo',
    fromMaster: false,
    x: 50,
    y: 50,
    width: 100,
    height: 60,
    assetId: 'a1',
    imageX: 40,
    imageY: 45,
    imageWidth: 120,
    imageHeight: 80,
    stroke: null,
  };
  const list = displayList([displayPage(0, [item])]);
  const asset: Asset = {
    id: 'a1',
    name: `photo.${format}`,
    path: `assets/photo.${format}`,
    mime: mimes[format],
    widthPx: 120,
    heightPx: 80,
    colorSpace: 'rgb',
    byteLength: bytes.length,
  };
  return { list, edition: editionFor(list, { assets: { a1: asset } }), assets: new Map([['a1', bytes]]) };
}

async function imageObjects(bytes: Uint8Array, format: keyof typeof mimes, preset: ExportPreset) {
  const { list, edition, assets } = fixture(bytes, format);
  const pdf = await renderPdf({
    edition,
    displayList: list,
    assets,
    options: resolveOptions({ preset, marks: false }),
  });
  return { pdf, images: readObjects(pdf).filter((o) => /\/Subtype \/Image/.test(o.dict)) };
}

/** The colour pdftoppm paints at the image's centre, as r, g, b. */
function renderedCentre(pdf: Uint8Array): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'folio-img-'));
  writeFileSync(join(dir, 'a.pdf'), pdf);
  execFileSync('pdftoppm', ['-r', '72', '-png', '-singlefile', join(dir, 'a.pdf'), join(dir, 'a')]);
  return sharp(readFileSync(join(dir, 'a.png')))
    .extract({ left: 100, top: 80, width: 1, height: 1 })
    .raw()
    .toBuffer()
    .then((b) => [...b]) as unknown as number[];
}

describe('images in a Press PDF', () => {
  it('passes a CMYK JPEG through byte for byte as DeviceCMYK (Adobe-inverted samples get a Decode array)', async () => {
    const jpeg = await sample('jpeg', 'cmyk');
    const { pdf, images } = await imageObjects(jpeg, 'jpeg', 'press');
    expect(images).toHaveLength(1);
    expect(images[0].dict).toMatch(/\/ColorSpace \/DeviceCMYK/);
    expect(images[0].dict).toMatch(/\/Filter \/DCTDecode/);
    expect(Buffer.compare(images[0].stream as Buffer, Buffer.from(jpeg))).toBe(0);
    // And it still prints red, not its inverse.
    const [r, g, b] = await renderedCentre(pdf);
    expect(r).toBeGreaterThan(150);
    expect(g).toBeLessThan(90);
    expect(b).toBeLessThan(90);
  });

  it('passes a greyscale JPEG through as DeviceGray', async () => {
    const jpeg = await sample('jpeg', 'b-w');
    const { images } = await imageObjects(jpeg, 'jpeg', 'press');
    expect(images[0].dict).toMatch(/\/ColorSpace \/DeviceGray/);
    expect(Buffer.compare(images[0].stream as Buffer, Buffer.from(jpeg))).toBe(0);
  });

  it('converts an RGB JPEG to a CMYK (YCCK) JPEG of just what the frame shows, and it still prints red', async () => {
    const { pdf, images } = await imageObjects(await sample('jpeg'), 'jpeg', 'press');
    expect(images[0].dict).toMatch(/\/ColorSpace \/DeviceCMYK/);
    // The frame shows 100 × 60 of the image's 120 × 80 px (72 ppi, so nothing to resample).
    expect(images[0].dict).toMatch(/\/Width 100\b/);
    expect(images[0].dict).toMatch(/\/Height 60\b/);
    expect(images[0].dict).toMatch(/\/ColorTransform 1\b/);
    const [r, g, b] = await renderedCentre(pdf);
    expect(r).toBeGreaterThan(150);
    expect(g).toBeLessThan(90);
    expect(b).toBeLessThan(90);
  });

  it('resamples a photo above 300 ppi as placed down to 300 ppi, and it still prints red', async () => {
    // 1200 × 800 px drawn 120 pt wide: 720 ppi.
    const big = await sharp({ create: { width: 1200, height: 800, channels: 3, background: red } })
      .jpeg()
      .toBuffer();
    const { pdf, images } = await imageObjects(big, 'jpeg', 'press');
    // The frame shows 100 × 60 pt of it: 417 × 250 px at 300 ppi.
    expect(Number(/\/Width (\d+)/.exec(images[0].dict)?.[1])).toBeCloseTo((100 / 72) * 300, -1);
    expect(Number(/\/Height (\d+)/.exec(images[0].dict)?.[1])).toBeCloseTo((60 / 72) * 300, -1);
    const [r, g, b] = await renderedCentre(pdf);
    expect(r).toBeGreaterThan(150);
    expect(g).toBeLessThan(90);
    expect(b).toBeLessThan(90);
  });

  it('never upsamples, and keeps every pixel when the resolution is set to full', async () => {
    const big = await sharp({ create: { width: 1200, height: 800, channels: 3, background: red } })
      .jpeg()
      .toBuffer();
    const { list, edition, assets } = fixture(big, 'jpeg');
    const pdf = await renderPdf({
      edition,
      displayList: list,
      assets,
      options: resolveOptions({ preset: 'press', marks: false, imagePpi: null }),
    });
    const [image] = readObjects(pdf).filter((o) => /\/Subtype \/Image/.test(o.dict));
    // 100 × 60 pt of a 10 px/pt image: 1000 × 600 px, untouched in number.
    expect(image.dict).toMatch(/\/Width 1000\b/);
    expect(image.dict).toMatch(/\/Height 600\b/);
    const small = await imageObjects(await sample('jpeg'), 'jpeg', 'press');
    expect(small.images[0].dict).toMatch(/\/Width 100\b/);
  });

  it('re-encodes a CMYK JPEG far above 300 ppi, keeping its CMYK numbers', async () => {
    const big = await sharp({ create: { width: 1200, height: 800, channels: 3, background: red } })
      .toColourspace('cmyk')
      .jpeg({ quality: 90 })
      .toBuffer();
    const { pdf, images } = await imageObjects(big, 'jpeg', 'press');
    expect(images[0].dict).toMatch(/\/ColorSpace \/DeviceCMYK/);
    expect(Number(/\/Width (\d+)/.exec(images[0].dict)?.[1])).toBeLessThan(450);
    const [r, g, b] = await renderedCentre(pdf);
    expect(r).toBeGreaterThan(150);
    expect(g).toBeLessThan(90);
    expect(b).toBeLessThan(90);
  });

  it.each(['png', 'tiff', 'webp', 'heif'] as const)(
    'converts %s to CMYK with no soft mask (no transparency)',
    async (format) => {
      const { pdf, images } = await imageObjects(
        await sample(format, 'srgb', format === 'png'),
        format,
        'press',
      );
      expect(images).toHaveLength(1);
      expect(images[0].dict).toMatch(/\/ColorSpace \/DeviceCMYK/);
      expect(Buffer.from(pdf).toString('latin1')).not.toMatch(/\/SMask|\/CA |\/ca /);
    },
  );

  it('keeps a CMYK TIFF in CMYK', async () => {
    const { images } = await imageObjects(await sample('tiff', 'cmyk'), 'tiff', 'press');
    expect(images[0].dict).toMatch(/\/ColorSpace \/DeviceCMYK/);
  });

  it('clips the image to its frame', async () => {
    const { pdf } = await imageObjects(await sample('jpeg'), 'jpeg', 'press');
    const content = readObjects(pdf).find((o) => o.stream && /\/Im1 Do/.test(o.stream.toString('latin1')));
    // Frame rectangle, clip, then the embedded crop (the frame's 100 × 60 of the image) where it falls (y flipped).
    expect(content?.stream?.toString('latin1')).toContain(
      'q 50 50 100 60 re W n 100 0 0 -60 50 110 cm /Im1 Do Q',
    );
  });
});

describe('an image placed more than once', () => {
  it('is stored once, holding what all its frames show, and each frame paints its part', async () => {
    // 400 × 100 px at 100 × 25 pt; the first frame shows the left quarter, the second (page 2) the right quarter.
    const wide = await sharp({ create: { width: 400, height: 100, channels: 3, background: red } })
      .jpeg()
      .toBuffer();
    const frame = (x: number, frameId: string): DisplayImage => ({
      kind: 'image',
      frameId,
      fromMaster: false,
      x,
      y: 50,
      width: 25,
      height: 25,
      assetId: 'a1',
      imageX: 50,
      imageY: 50,
      imageWidth: 100,
      imageHeight: 25,
      stroke: null,
    });
    const list = displayList([displayPage(0, [frame(50, 'left')]), displayPage(1, [frame(125, 'right')])]);
    const asset: Asset = {
      id: 'a1',
      name: 'wide.jpeg',
      path: 'assets/wide.jpeg',
      mime: 'image/jpeg',
      widthPx: 400,
      heightPx: 100,
      colorSpace: 'rgb',
      byteLength: wide.length,
    };
    const pdf = await renderPdf({
      edition: editionFor(list, { assets: { a1: asset } }),
      displayList: list,
      assets: new Map([['a1', wide]]),
      options: resolveOptions({ preset: 'press', marks: false }),
    });
    const objects = readObjects(pdf);
    const images = objects.filter((o) => /\/Subtype \/Image/.test(o.dict));
    expect(images).toHaveLength(1);
    // The union of the two quarters spans the whole width.
    expect(images[0].dict).toMatch(/\/Width 400\b/);
    const contents = objects.filter((o) => o.stream && /\/Im1 Do/.test(o.stream.toString('latin1')));
    expect(contents).toHaveLength(2);
  });
});

describe('images in a Proof PDF', () => {
  it('downsamples what the frame shows to about 150 ppi as an RGB JPEG', async () => {
    const big = await sharp({ create: { width: 2000, height: 1333, channels: 3, background: red } })
      .jpeg()
      .toBuffer();
    const { images } = await imageObjects(big, 'jpeg', 'proof');
    expect(images[0].dict).toMatch(/\/ColorSpace \/DeviceRGB/);
    // The frame shows 100 pt of the 120 pt wide image: about 208 px at 150 ppi.
    expect(Number(/\/Width (\d+)/.exec(images[0].dict)?.[1])).toBeCloseTo((100 / 72) * 150, -1);
  });
});

describe('bad images', () => {
  async function exportWith(bytes: Uint8Array, format: keyof typeof mimes) {
    const { list, edition, assets } = fixture(bytes, format);
    const dir = mkdtempSync(join(tmpdir(), 'folio-bad-'));
    const outputPath = join(dir, 'out.pdf');
    const error = await exportPdf({
      edition,
      assets,
      displayList: list,
      outputPath,
      options: { preset: 'proof' },
    }).catch((e) => e);
    return { error, dir, outputPath };
  }

  it('a truncated JPEG gives one clear error naming the image and frame, and no PDF is left behind', async () => {
    const jpeg = await sample('jpeg');
    const { error, dir, outputPath } = await exportWith(
      jpeg.subarray(0, Math.floor(jpeg.length / 2)),
      'jpeg',
    );
    expect(error).toBeInstanceOf(UnexportableError);
    expect(error.message).toMatch(/page 1, frame 'frame photo' \(photo\): image 'photo.jpeg' cannot be read/);
    expect(error.message.split('\n')).toHaveLength(1);
    expect(existsSync(outputPath)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an unsupported format (GIF) is named as such', async () => {
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: red } })
      .gif()
      .toBuffer();
    const { list, edition, assets } = fixture(gif, 'jpeg');
    const error = await renderPdf({
      edition,
      displayList: list,
      assets,
      options: resolveOptions({ preset: 'press' }),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ImageError);
    expect(error.message).toMatch(/unsupported format \(gif\)/);
  });

  it('bytes that are not an image at all are reported as unreadable', async () => {
    const { error, dir } = await exportWith(new TextEncoder().encode('not a picture'), 'png');
    expect(error.message).toMatch(/image 'photo.png' cannot be read/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a small RGB JPEG in a Proof', () => {
  it('is passed through byte for byte when it is not above 150 ppi as placed', async () => {
    const jpeg = await sample('jpeg');
    const { images } = await imageObjects(jpeg, 'jpeg', 'proof');
    expect(images[0].dict).toMatch(/\/ColorSpace \/DeviceRGB/);
    expect(Buffer.compare(images[0].stream as Buffer, Buffer.from(jpeg))).toBe(0);
  });
});
