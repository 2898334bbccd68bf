/**
 * Reads a placed photo (JPEG, PNG, TIFF, WebP, HEIC) with sharp: its pixel
 * size and colour space become the model's Asset; unreadable or unsupported
 * files get one clear error naming the file.
 */
import sharp, { type Metadata } from 'sharp';
import type { Asset } from '../../shared/model/types';

const MIME: Record<string, Asset['mime']> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  webp: 'image/webp',
  heif: 'image/heic',
};

const EXTENSION: Record<Asset['mime'], string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/tiff': 'tif',
  'image/webp': 'webp',
  'image/heic': 'heic',
};

export async function readImageAsset(id: string, name: string, bytes: Uint8Array): Promise<Asset> {
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes).metadata();
  } catch (error) {
    throw new Error(`${name}: not an image Folio can read (${(error as Error).message})`);
  }
  const mime = metadata.format ? MIME[metadata.format] : undefined;
  if (!mime)
    throw new Error(
      `${name}: ${metadata.format ?? 'unknown'} images cannot be placed; use JPEG, PNG, TIFF, WebP or HEIC`,
    );
  if (!metadata.width || !metadata.height) throw new Error(`${name}: the image has no size`);
  // EXIF orientations 5–8 turn the picture on its side: the page shows it upright.
  const sideways = (metadata.orientation ?? 1) >= 5;
  const space = metadata.space ?? 'srgb';
  const colorSpace: Asset['colorSpace'] =
    space === 'cmyk' ? 'cmyk' : space === 'b-w' || space === 'grey16' ? 'gray' : 'rgb';
  return {
    id,
    name,
    path: `assets/${id}.${EXTENSION[mime]}`,
    mime,
    widthPx: sideways ? metadata.height : metadata.width,
    heightPx: sideways ? metadata.width : metadata.height,
    colorSpace,
    byteLength: bytes.byteLength,
  };
}
