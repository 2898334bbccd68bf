/**
 * Turns an asset's bytes into what the PDF embeds, per preset. Only the
 * pixels some placement shows are kept (the crop), at no more than the
 * preset's output resolution at the placed size (never upsampled):
 * - Press: no transparency, CMYK or grey. RGB photos (JPEG, WebP, HEIC)
 *   become YCCK JPEGs (ycck-jpeg.ts) at the preset's quality; PNG and TIFF
 *   (lossless sources, often graphics) become lossless Flate CMYK or grey
 *   samples; alpha is flattened on white (PDF/X-1a allows no soft masks).
 * - Proof: RGB JPEG at the preset's (lower) resolution and quality.
 * A JPEG already in the output's colour space is passed through byte for
 * byte unless cropping and resampling would drop more than half its pixels:
 * re-encoding costs a generation of JPEG loss, worth it only for a real saving.
 */
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { Asset } from '../../shared/model/types';
import type { ImageNeeds, PixelRect } from './image-needs';
import { encodeCmykJpeg } from './ycck-jpeg';

export type ExportPreset = 'press' | 'proof';

export interface PreparedImage {
  widthPx: number;
  heightPx: number;
  colorSpace: 'DeviceCMYK' | 'DeviceRGB' | 'DeviceGray';
  /** DCTDecode: JPEG bytes as they are; Flate: raw samples that pdfkit compresses. */
  filter: 'DCTDecode' | 'Flate';
  bytes: Uint8Array;
  /** Adobe CMYK JPEGs store inverted samples. */
  invertedCmyk: boolean;
  /** A YCCK JPEG: the reader converts back to CMYK (DecodeParms ColorTransform 1). */
  colorTransform: boolean;
  /** The part of the upright original these pixels show. */
  crop: PixelRect;
}

/** How the export writes images. */
export interface ImageOutput {
  preset: ExportPreset;
  /** Output resolution at the placed size, in ppi; null keeps every pixel. */
  ppi: number | null;
  /** JPEG quality (1–100) of images Folio encodes. */
  jpegQuality: number;
  /** CMYK ICC profile for separating RGB photos (Press); libvips's generic one when omitted. */
  cmykProfile?: string;
}

/** An image that cannot be read or embedded; names the asset. */
export class ImageError extends Error {
  constructor(
    readonly asset: Asset,
    reason: string,
  ) {
    super(`image '${asset.name}' (${asset.path}) ${reason}`);
    this.name = 'ImageError';
  }
}

export interface ImageFacts {
  meta: Metadata;
  /** Pixel size after EXIF orientation, which is how the page shows it. */
  uprightWidth: number;
  uprightHeight: number;
}

const SUPPORTED = ['jpeg', 'png', 'tiff', 'webp', 'heif'];

/** Reads and checks the image's header; throws ImageError naming the asset. */
export async function readImageFacts(asset: Asset, bytes: Uint8Array | undefined): Promise<ImageFacts> {
  if (!bytes || bytes.length === 0) throw new ImageError(asset, 'is missing from the edition package');
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch (error) {
    throw new ImageError(asset, `cannot be read: ${reason(error)}`);
  }
  if (!meta.width || !meta.height) throw new ImageError(asset, 'has no pixel size');
  if (!meta.format || !SUPPORTED.includes(meta.format)) {
    throw new ImageError(
      asset,
      `is in an unsupported format (${meta.format ?? 'unknown'}); use JPEG, PNG, TIFF, WebP or HEIC`,
    );
  }
  const turned = (meta.orientation ?? 1) >= 5;
  return {
    meta,
    uprightWidth: turned ? meta.height : meta.width,
    uprightHeight: turned ? meta.width : meta.height,
  };
}

export async function prepareImage(
  asset: Asset,
  bytes: Uint8Array,
  facts: ImageFacts,
  needs: ImageNeeds,
  output: ImageOutput,
): Promise<PreparedImage> {
  try {
    if (output.preset === 'proof') return await proofImage(bytes, facts, needs, output);
    return await pressImage(bytes, facts, needs, output);
  } catch (error) {
    if (error instanceof ImageError) throw error;
    throw new ImageError(asset, `is damaged: ${reason(error)}`);
  }
}

/** Whether the bytes can go into the PDF untouched: upright, and cropping and resampling would keep at least half the pixels. */
function worthPassingThrough(facts: ImageFacts, needs: ImageNeeds): boolean {
  const upright = (facts.meta.orientation ?? 1) === 1;
  const kept = needs.outWidth * needs.outHeight;
  return upright && kept * 2 >= facts.uprightWidth * facts.uprightHeight;
}

const WHOLE = (facts: ImageFacts): PixelRect => ({
  left: 0,
  top: 0,
  width: facts.uprightWidth,
  height: facts.uprightHeight,
});

/** The upright, flattened image cut to the crop and resampled to the output size. */
function cropped(bytes: Uint8Array, needs: ImageNeeds, facts: ImageFacts): Sharp {
  let image = sharp(bytes).rotate().flatten({ background: '#ffffff' });
  const { crop } = needs;
  if (crop.width !== facts.uprightWidth || crop.height !== facts.uprightHeight) image = image.extract(crop);
  if (needs.outWidth !== crop.width || needs.outHeight !== crop.height) {
    image = image.resize(needs.outWidth, needs.outHeight, { fit: 'fill' });
  }
  return image;
}

async function pressImage(
  bytes: Uint8Array,
  facts: ImageFacts,
  needs: ImageNeeds,
  output: ImageOutput,
): Promise<PreparedImage> {
  const { meta } = facts;
  const gray = meta.space === 'b-w' || meta.channels === 1 || (meta.channels === 2 && meta.space !== 'cmyk');
  const cmyk = meta.space === 'cmyk';
  if (
    meta.format === 'jpeg' &&
    (cmyk || (gray && meta.channels === 1)) &&
    worthPassingThrough(facts, needs)
  ) {
    // Decode once so a truncated or corrupt file is caught here, not by the printer's RIP.
    await sharp(bytes).raw().toBuffer();
    return {
      widthPx: meta.width as number,
      heightPx: meta.height as number,
      colorSpace: cmyk ? 'DeviceCMYK' : 'DeviceGray',
      filter: 'DCTDecode',
      bytes,
      invertedCmyk: cmyk && hasAdobeMarker(bytes),
      colorTransform: false,
      crop: WHOLE(facts),
    };
  }
  const image = cropped(bytes, needs, facts);
  const lossless = meta.format === 'png' || meta.format === 'tiff';
  let samples: { data: Buffer; width: number; height: number };
  if (cmyk) {
    // Already separated (a CMYK TIFF or JPEG): keep the designer's numbers.
    samples = await rawSamples(image.toColourspace('cmyk'), 4);
  } else {
    samples = await rawSamples(toPressColour(image, gray, output.cmykProfile), gray ? 1 : 4);
  }
  const base = { widthPx: samples.width, heightPx: samples.height, crop: needs.crop };
  if (lossless) {
    return {
      ...base,
      colorSpace: gray ? 'DeviceGray' : 'DeviceCMYK',
      filter: 'Flate',
      bytes: samples.data,
      invertedCmyk: false,
      colorTransform: false,
    };
  }
  if (gray) {
    const jpeg = await sharp(samples.data, {
      raw: { width: samples.width, height: samples.height, channels: 1 },
    })
      .toColourspace('b-w')
      .jpeg({
        quality: output.jpegQuality,
        trellisQuantisation: true,
        optimiseCoding: true,
        quantisationTable: 3,
      })
      .toBuffer();
    return {
      ...base,
      colorSpace: 'DeviceGray',
      filter: 'DCTDecode',
      bytes: jpeg,
      invertedCmyk: false,
      colorTransform: false,
    };
  }
  const jpeg = await encodeCmykJpeg(samples.data, samples.width, samples.height, {
    quality: output.jpegQuality,
  });
  return {
    ...base,
    colorSpace: 'DeviceCMYK',
    filter: 'DCTDecode',
    bytes: jpeg,
    invertedCmyk: true,
    colorTransform: true,
  };
}

async function rawSamples(
  image: Sharp,
  channels: number,
): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  if (data.length !== info.width * info.height * channels)
    throw new Error(`conversion gave ${data.length} bytes, not ${channels} channels`);
  return { data, width: info.width, height: info.height };
}

/**
 * RGB → CMYK with one ICC transform from the image's profile (sRGB when it
 * has none) to the given CMYK profile file, or libvips's built-in generic
 * CMYK profile ("Chemical proof", public domain) when none is given; 2–3×
 * faster than toColourspace's Lab pipeline. The profile is not attached:
 * the PDF's output intent says what the CMYK numbers mean.
 */
function toPressColour(image: Sharp, gray: boolean, cmykProfile: string | undefined): Sharp {
  return gray ? image.toColourspace('b-w') : image.withIccProfile(cmykProfile ?? 'cmyk', { attach: false });
}

async function proofImage(
  bytes: Uint8Array,
  facts: ImageFacts,
  needs: ImageNeeds,
  output: ImageOutput,
): Promise<PreparedImage> {
  const { meta } = facts;
  const plain =
    (meta.space === 'srgb' && meta.channels === 3) || (meta.space === 'b-w' && meta.channels === 1);
  const resampled = needs.outWidth < needs.crop.width || needs.outHeight < needs.crop.height;
  if (meta.format === 'jpeg' && plain && !resampled && worthPassingThrough(facts, needs)) {
    // Small enough and in a screen colour space: pass the JPEG through untouched.
    await sharp(bytes).resize(16).raw().toBuffer();
    return {
      widthPx: meta.width as number,
      heightPx: meta.height as number,
      colorSpace: meta.channels === 1 ? 'DeviceGray' : 'DeviceRGB',
      filter: 'DCTDecode',
      bytes,
      invertedCmyk: false,
      colorTransform: false,
      crop: WHOLE(facts),
    };
  }
  const { data, info } = await cropped(bytes, needs, facts)
    .toColourspace('srgb')
    .jpeg({
      quality: output.jpegQuality,
      trellisQuantisation: true,
      optimiseCoding: true,
      quantisationTable: 3,
    })
    .toBuffer({ resolveWithObject: true });
  return {
    widthPx: info.width,
    heightPx: info.height,
    colorSpace: 'DeviceRGB',
    filter: 'DCTDecode',
    bytes: data,
    invertedCmyk: false,
    colorTransform: false,
    crop: needs.crop,
  };
}

/**
 * Adobe's APP14 marker in the header: Photoshop and libjpeg/libvips write
 * CMYK JPEGs with it and store the samples inverted, which PDF readers undo
 * only when the image says Decode [1 0 1 0 1 0 1 0] (pdfkit does the same).
 */
function hasAdobeMarker(bytes: Uint8Array): boolean {
  let i = 2;
  while (i + 4 < bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1];
    const length = (bytes[i + 2] << 8) | bytes[i + 3];
    if (marker === 0xee && String.fromCharCode(...bytes.subarray(i + 4, i + 9)) === 'Adobe') return true;
    if (marker === 0xda) break; // start of scan: no more header markers
    i += 2 + length;
  }
  return false;
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0];
}
