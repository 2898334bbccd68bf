/**
 * The YCCK JPEGs Folio writes for CMYK photos: one baseline JPEG with four
 * components (chroma subsampled, K at full resolution) that libjpeg reads
 * back as the CMYK it was given, at half the bytes of a plain CMYK JPEG.
 */
import sharp from 'sharp';
import { JpegImage } from 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs';
import { describe, expect, it } from 'vitest';
import { encodeCmykJpeg, jpegSegments } from '../../../main/pdf/ycck-jpeg';

/** A CMYK test picture: smooth gradients in every ink plus a sharp-edged K block (text-like detail). */
function inkPicture(width: number, height: number): Buffer {
  const ink = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      ink[i] = Math.round((255 * x) / width);
      ink[i + 1] = Math.round((255 * y) / height);
      ink[i + 2] = Math.round(128 + 100 * Math.sin(x / 9) * Math.cos(y / 7));
      ink[i + 3] = x > width / 2 && y > height / 2 && (x >> 3) % 2 === 0 ? 230 : 20;
    }
  }
  return ink;
}

/** CMYK ink as pdf.js's JPEG decoder reads the file (YCCK turned back into CMYK, Adobe's inversion undone). */
function decodedInk(jpeg: Buffer): Uint8ClampedArray {
  const decoder = new JpegImage();
  decoder.parse(new Uint8Array(jpeg));
  expect(decoder.numComponents).toBe(4);
  return decoder.getData({ width: decoder.width, height: decoder.height });
}

describe('encodeCmykJpeg', () => {
  const width = 160;
  const height = 96;
  const ink = inkPicture(width, height);

  it('writes one baseline JPEG: Adobe YCCK marker, four components, chroma subsampled, K full size', async () => {
    const jpeg = await encodeCmykJpeg(ink, width, height, { quality: 80 });
    const segments = jpegSegments(jpeg);
    const adobe = segments.find((s) => s.marker === 0xee);
    expect(adobe?.body.subarray(0, 5).toString('latin1')).toBe('Adobe');
    expect(adobe?.body[11]).toBe(2); // transform: YCCK
    const sof = segments.find((s) => s.marker === 0xc0);
    expect(sof?.body[5]).toBe(4);
    const sampling = [0, 1, 2, 3].map((k) => sof?.body[7 + 3 * k]);
    expect(sampling).toEqual([0x22, 0x11, 0x11, 0x22]);
    expect(segments.filter((s) => s.marker === 0xda)).toHaveLength(2);
    expect(segments.some((s) => s.marker === 0xc2)).toBe(false); // not progressive
  });

  it('decodes back to the CMYK it was given, within JPEG loss (pdf.js’s decoder; poppler’s libjpeg is checked by rendering)', async () => {
    const jpeg = await encodeCmykJpeg(ink, width, height, { quality: 90 });
    const back = decodedInk(jpeg);
    expect(back.length).toBe(ink.length);
    const error = [0, 0, 0, 0];
    for (let i = 0; i < ink.length; i++) error[i % 4] += Math.abs(back[i] - ink[i]);
    const mean = error.map((e) => e / (width * height));
    // Mean error per ink, in levels of 255. The yellow sine pattern is fine colour detail, which 2×2
    // chroma subsampling softens most (about 4 levels); K keeps full resolution (well under 1).
    for (const m of mean) expect(m).toBeLessThan(5);
    expect(mean[3]).toBeLessThan(1);
  });

  it('is much smaller than libvips’s plain four-channel CMYK JPEG at the same quality', async () => {
    const ycck = await encodeCmykJpeg(ink, width, height, { quality: 80 });
    const plain = await sharp(ink, { raw: { width, height, channels: 4 } })
      .toColourspace('cmyk')
      .jpeg({ quality: 80, chromaSubsampling: '4:4:4' })
      .toBuffer()
      .catch(() => null);
    if (plain) expect(ycck.length).toBeLessThan(plain.length);
    else expect(ycck.length).toBeLessThan(ink.length / 4);
  });
});
