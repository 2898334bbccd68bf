/**
 * Turns an asset's bytes into what the PDF embeds, per preset:
 * - Press: full resolution, no transparency, CMYK or grey. A CMYK or grey
 *   JPEG is passed through untouched; an RGB JPEG, WebP or HEIC photo is
 *   converted to a CMYK JPEG (quality 95); PNG and TIFF (lossless sources)
 *   become lossless Flate-compressed CMYK or grey samples. Alpha is flattened
 *   on white (PDF/X-1a allows no soft masks).
 * - Proof: RGB JPEG at about 150 ppi at the largest size the image is placed.
 */
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { Asset } from '../../shared/model/types';

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

const PROOF_PPI = 150;
/** RGB photos converted for press. (mozjpeg would save a quarter of the bytes but takes 4× as long.) */
const CONVERTED_JPEG_QUALITY = 90;

/**
 * @param maxPlacedWidthPt the largest width in points the image is drawn at in
 *   this export (Proof downsamples to 150 ppi of it).
 */
export async function prepareImage(
  asset: Asset,
  bytes: Uint8Array | undefined,
  preset: ExportPreset,
  maxPlacedWidthPt: number,
  cmykProfile?: string,
): Promise<PreparedImage> {
  if (!bytes || bytes.length === 0) throw new ImageError(asset, 'is missing from the edition package');
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch (error) {
    throw new ImageError(asset, `cannot be read: ${reason(error)}`);
  }
  if (!meta.width || !meta.height) throw new ImageError(asset, 'has no pixel size');
  const supported = ['jpeg', 'png', 'tiff', 'webp', 'heif'];
  if (!meta.format || !supported.includes(meta.format)) {
    throw new ImageError(
      asset,
      `is in an unsupported format (${meta.format ?? 'unknown'}); use JPEG, PNG, TIFF, WebP or HEIC`,
    );
  }
  try {
    if (preset === 'proof') return await proofImage(bytes, meta, maxPlacedWidthPt);
    return await pressImage(bytes, meta, cmykProfile);
  } catch (error) {
    if (error instanceof ImageError) throw error;
    throw new ImageError(asset, `is damaged: ${reason(error)}`);
  }
}

async function pressImage(
  bytes: Uint8Array,
  meta: Metadata,
  cmykProfile: string | undefined,
): Promise<PreparedImage> {
  const gray = meta.space === 'b-w' || meta.channels === 1 || (meta.channels === 2 && meta.space !== 'cmyk');
  const cmyk = meta.space === 'cmyk';
  if (meta.format === 'jpeg' && (cmyk || (gray && meta.channels === 1))) {
    // Decode once so a truncated or corrupt file is caught here, not by the printer's RIP.
    await sharp(bytes).raw().toBuffer();
    return {
      widthPx: meta.width as number,
      heightPx: meta.height as number,
      colorSpace: cmyk ? 'DeviceCMYK' : 'DeviceGray',
      filter: 'DCTDecode',
      bytes,
      invertedCmyk: cmyk && hasAdobeMarker(bytes),
    };
  }
  const flat = sharp(bytes).rotate().flatten({ background: '#ffffff' });
  if (cmyk) {
    // Already separated (e.g. a CMYK TIFF): keep the designer's numbers.
    const { data, info } = await flat.toColourspace('cmyk').raw().toBuffer({ resolveWithObject: true });
    return {
      widthPx: info.width,
      heightPx: info.height,
      colorSpace: 'DeviceCMYK',
      filter: 'Flate',
      bytes: data,
      invertedCmyk: false,
    };
  }
  if (meta.format === 'png' || meta.format === 'tiff') {
    const { data, info } = await toPressColour(flat, gray, cmykProfile)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const channels = gray ? 1 : 4;
    if (data.length !== info.width * info.height * channels)
      throw new Error(`conversion gave ${data.length} bytes, not ${channels} channels`);
    return {
      widthPx: info.width,
      heightPx: info.height,
      colorSpace: gray ? 'DeviceGray' : 'DeviceCMYK',
      filter: 'Flate',
      bytes: data,
      invertedCmyk: false,
    };
  }
  const jpeg = await toPressColour(flat, gray, cmykProfile)
    .jpeg({ quality: CONVERTED_JPEG_QUALITY, chromaSubsampling: '4:4:4' })
    .toBuffer({ resolveWithObject: true });
  // sharp's info reports 3 channels after an ICC export; the colour space is what we asked for.
  return {
    widthPx: jpeg.info.width,
    heightPx: jpeg.info.height,
    colorSpace: gray ? 'DeviceGray' : 'DeviceCMYK',
    filter: 'DCTDecode',
    bytes: jpeg.data,
    invertedCmyk: !gray && hasAdobeMarker(jpeg.data),
  };
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
  meta: Metadata,
  maxPlacedWidthPt: number,
): Promise<PreparedImage> {
  const wanted = Math.max(1, Math.ceil((maxPlacedWidthPt / 72) * PROOF_PPI));
  const upright = (meta.orientation ?? 1) === 1;
  const plain =
    (meta.space === 'srgb' && meta.channels === 3) || (meta.space === 'b-w' && meta.channels === 1);
  if (meta.format === 'jpeg' && upright && plain && (meta.width as number) <= wanted) {
    // Already small enough and in a screen colour space: pass the JPEG through untouched.
    await sharp(bytes).resize(16).raw().toBuffer();
    return {
      widthPx: meta.width as number,
      heightPx: meta.height as number,
      colorSpace: meta.channels === 1 ? 'DeviceGray' : 'DeviceRGB',
      filter: 'DCTDecode',
      bytes,
      invertedCmyk: false,
    };
  }
  let pipeline = sharp(bytes).rotate().flatten({ background: '#ffffff' });
  const orientedWidth = (meta.orientation ?? 1) >= 5 ? (meta.height as number) : (meta.width as number);
  if (orientedWidth > wanted) pipeline = pipeline.resize({ width: wanted });
  const { data, info } = await pipeline
    .toColourspace('srgb')
    .jpeg({ quality: 80 })
    .toBuffer({ resolveWithObject: true });
  return {
    widthPx: info.width,
    heightPx: info.height,
    colorSpace: 'DeviceRGB',
    filter: 'DCTDecode',
    bytes: data,
    invertedCmyk: false,
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
