/**
 * What of a photo the PDF needs: the pixels some placement shows (the part
 * inside its frame and inside the page's trim plus bleed; the rest is
 * clipped away and never prints) and how many pixels that part needs at the
 * preset's output resolution. One answer per asset, the union over all its
 * placements in the export, so an image placed twice is still written once.
 */
import type { DisplayImage } from '../../shared/layout/display-list';

export interface PixelRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ImageNeeds {
  /** Pixels of the upright image that some placement shows. */
  crop: PixelRect;
  /** Pixel size to write the crop at; never larger than the crop (no upsampling). */
  outWidth: number;
  outHeight: number;
  /** The highest effective resolution of the original at any placement, in ppi (the lower of its two axes). */
  effectivePpi: number;
}

export interface Placement {
  item: DisplayImage;
  /** What of the page may print, in the page's coordinates (trim, plus bleed when the preset has it). */
  clip: { x: number; y: number; width: number; height: number };
}

/**
 * @param widthPx, heightPx the upright image's pixel size.
 * @param targetPpi the output resolution; null keeps every pixel of the crop.
 * @returns null when no placement shows any of the image.
 */
export function imageNeeds(
  placements: Placement[],
  widthPx: number,
  heightPx: number,
  targetPpi: number | null,
): ImageNeeds | null {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  let scale = 0;
  let effectivePpi = 0;
  for (const { item, clip } of placements) {
    if (item.imageWidth <= 0 || item.imageHeight <= 0) continue;
    const x0 = Math.max(item.x, clip.x, item.imageX);
    const y0 = Math.max(item.y, clip.y, item.imageY);
    const x1 = Math.min(item.x + item.width, clip.x + clip.width, item.imageX + item.imageWidth);
    const y1 = Math.min(item.y + item.height, clip.y + clip.height, item.imageY + item.imageHeight);
    if (x1 <= x0 || y1 <= y0) continue;
    // Pixels per point along each axis; whole pixels, so a sliver at the edge is never lost.
    const sx = widthPx / item.imageWidth;
    const sy = heightPx / item.imageHeight;
    left = Math.min(left, clamp(Math.floor((x0 - item.imageX) * sx), widthPx));
    top = Math.min(top, clamp(Math.floor((y0 - item.imageY) * sy), heightPx));
    right = Math.max(right, clamp(Math.ceil((x1 - item.imageX) * sx), widthPx));
    bottom = Math.max(bottom, clamp(Math.ceil((y1 - item.imageY) * sy), heightPx));
    const ppi = 72 * Math.min(sx, sy);
    effectivePpi = Math.max(effectivePpi, ppi);
    scale = Math.max(scale, targetPpi === null ? 1 : Math.min(1, targetPpi / ppi));
  }
  if (right <= left || bottom <= top) return null;
  const crop = { left, top, width: right - left, height: bottom - top };
  return {
    crop,
    outWidth: Math.max(1, Math.min(crop.width, Math.round(crop.width * scale))),
    outHeight: Math.max(1, Math.min(crop.height, Math.round(crop.height * scale))),
    effectivePpi,
  };
}

function clamp(value: number, max: number): number {
  return Math.min(max, Math.max(0, value));
}
