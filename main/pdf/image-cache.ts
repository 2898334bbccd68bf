/**
 * Prepared images kept between exports in one process: converting an RGB
 * photo to CMYK costs far more than painting a page, and designers export
 * the same edition again after every correction. Keyed by the bytes' hash,
 * the preset and the target width, so a changed photo is never reused.
 */
import { createHash } from 'node:crypto';
import type { PreparedImage } from './image-prepare';

const LIMIT_BYTES = 256 * 1024 * 1024;
const cache = new Map<string, PreparedImage>();
let total = 0;

export function imageCacheKey(bytes: Uint8Array, preset: string, targetWidthPx: number): string {
  const hash = createHash('sha1').update(bytes).digest('hex');
  return `${hash}:${preset}:${preset === 'proof' ? targetWidthPx : 0}`;
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
