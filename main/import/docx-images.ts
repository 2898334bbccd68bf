/**
 * The pictures of a Word document made ready to be assets: JPEG, PNG, TIFF
 * and WebP are kept byte for byte (the package stores originals); GIF and
 * SVG are converted to PNG (SVG at 300 ppi), which Folio's painters read;
 * what sharp cannot read (EMF/WMF drawings, BMP, damaged files) is left out
 * with one note naming the picture.
 */
import sharp from 'sharp';
import type { Asset } from '../../shared/model/types';
import type { DocxImage } from './read-docx';

/** A picture ready to become an asset. */
export interface ImportedImage {
  /** Its index in the document (ImportedCaption.image). */
  index: number;
  /** A file name for the asset, e.g. word-image-1.png. */
  name: string;
  mime: Asset['mime'];
  widthPx: number;
  heightPx: number;
  colorSpace: Asset['colorSpace'];
  bytes: Uint8Array;
}

const KEPT: Record<string, { mime: Asset['mime']; ext: string }> = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  tiff: { mime: 'image/tiff', ext: 'tif' },
  webp: { mime: 'image/webp', ext: 'webp' },
};
const CONVERTED = new Set(['gif', 'svg']);

function colorSpaceOf(space: string | undefined): Asset['colorSpace'] {
  if (space === 'cmyk') return 'cmyk';
  if (space === 'b-w' || space === 'grey16') return 'gray';
  return 'rgb';
}

async function prepare(image: DocxImage): Promise<ImportedImage | string> {
  const label = `picture ${image.index + 1} (${image.contentType})`;
  let format: string | undefined;
  try {
    format = (await sharp(image.bytes).metadata()).format;
  } catch {
    return `Word: ${label} cannot be read as an image and was left out.`;
  }
  const kept = format ? KEPT[format] : undefined;
  let bytes = image.bytes;
  let mime: Asset['mime'];
  let ext: string;
  if (kept) ({ mime, ext } = kept);
  else if (format && CONVERTED.has(format)) {
    const png = await sharp(image.bytes, format === 'svg' ? { density: 300 } : {})
      .png()
      .toBuffer();
    bytes = new Uint8Array(png);
    mime = 'image/png';
    ext = 'png';
  } else {
    return `Word: ${label} is in a format Folio does not place (${format ?? 'unknown'}); it was left out.`;
  }
  const meta = await sharp(bytes).metadata();
  if (!meta.width || !meta.height) return `Word: ${label} has no size and was left out.`;
  return {
    index: image.index,
    name: `word-image-${image.index + 1}.${ext}`,
    mime,
    widthPx: meta.width,
    heightPx: meta.height,
    colorSpace: colorSpaceOf(meta.space),
    bytes,
  };
}

/** The pictures that can be placed, and a note for each that cannot. */
export async function prepareDocxImages(
  images: readonly DocxImage[],
): Promise<{ images: ImportedImage[]; notes: string[] }> {
  const out: ImportedImage[] = [];
  const notes: string[] = [];
  for (const image of images) {
    const prepared = await prepare(image);
    if (typeof prepared === 'string') notes.push(prepared);
    else out.push(prepared);
  }
  return { images: out, notes };
}
