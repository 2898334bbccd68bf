/**
 * Prepared images kept between exports in one process: converting an RGB
 * photo to CMYK costs far more than painting a page, and designers export
 * the same edition again after every correction. Keyed by the bytes' hash
 * and the output settings, so a changed photo or crop is never reused.
 */
import { createHash } from 'node:crypto';
import type { ImageNeeds } from './image-needs';
import type { ImageOutput, PreparedImage } from './image-prepare';

const LIMIT_BYTES = 256 * 1024 * 1024;
const cache = new Map<string, PreparedImage>();
let total = 0;

/** The bytes' hash and everything that decides the output: preset, quality, profile, crop and size. */
export function imageCacheKey(bytes: Uint8Array, output: ImageOutput, needs: ImageNeeds): string {
  const hash = createHash('sha1').update(bytes).digest('hex');
  const { crop } = needs;
  return [
    hash,
    output.preset,
    output.jpegQuality,
    output.cmykProfile ?? '',
    `${crop.left},${crop.top},${crop.width},${crop.height}`,
    `${needs.outWidth}x${needs.outHeight}`,
  ].join(':');
}

export function cachedImage(key: string): PreparedImage | undefined {
  const found = cache.get(key);
  if (found) {
    // Most recently used last, so eviction drops the oldest.
    cache.delete(key);
    cache.set(key, found);
  }
  return found;
}

export function storeImage(key: string, image: PreparedImage): void {
  if (image.bytes.length > LIMIT_BYTES / 4) return;
  cache.set(key, image);
  total += image.bytes.length;
  for (const [oldKey, old] of cache) {
    if (total <= LIMIT_BYTES) break;
    cache.delete(oldKey);
    total -= old.bytes.length;
  }
}

/** Forgets every prepared image (benchmarks measure cold exports this way). */
export function clearImageCache(): void {
  cache.clear();
  total = 0;
}
