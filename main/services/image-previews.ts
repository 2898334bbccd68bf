/**
 * Screen previews of a document's photos for the page canvas
 * (shared/services/image-preview.ts says how wide): upright, sRGB, at most
 * the asked width and never wider than the original, JPEG (PNG when the
 * photo has transparency). TIFF and HEIC, which browsers cannot show, come
 * out as JPEG too. Previews are cached per asset bytes (a WeakMap, so they
 * go when the document's bytes do) and per width.
 */
import sharp from 'sharp';
import type { ServedFile } from './resources';

/** Width served when a request names none: enough for a broadsheet-wide photo at 200 %. */
export const DEFAULT_PREVIEW_PX = 2048;

const cache = new WeakMap<Uint8Array, Map<number, Promise<ServedFile>>>();

export function imagePreview(bytes: Uint8Array, widthPx: number): Promise<ServedFile> {
  let byWidth = cache.get(bytes);
  if (!byWidth) cache.set(bytes, (byWidth = new Map()));
  let preview = byWidth.get(widthPx);
  if (!preview) {
    preview = makePreview(bytes, widthPx);
    byWidth.set(widthPx, preview);
    // A photo that cannot be read is not cached: the next request tries again (and fails the same way).
    preview.catch(() => byWidth.delete(widthPx));
  }
  return preview;
}

async function makePreview(bytes: Uint8Array, widthPx: number): Promise<ServedFile> {
  const image = sharp(bytes).rotate();
  const meta = await image.metadata();
  const resized = image.resize({ width: widthPx, withoutEnlargement: true }).toColourspace('srgb');
  if (meta.hasAlpha) {
    return { bytes: await resized.png({ compressionLevel: 6 }).toBuffer(), contentType: 'image/png' };
  }
  return { bytes: await resized.jpeg({ quality: 85 }).toBuffer(), contentType: 'image/jpeg' };
}
