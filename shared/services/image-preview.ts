/**
 * Photos reach the page canvas as screen previews, never at full
 * resolution: a newspaper photo straight from a camera (24 MP) decodes to
 * about 100 MB of pixels, far more than the screen shows. The canvas asks
 * for the width its zoom shows the photo at (device pixels), rounded up to
 * a power of two so that zooming a step or resizing a little does not fetch
 * it again; at the highest zoom (800 %) that is what the highest zoom
 * needs. The main process resizes (and caches) it, never beyond the
 * original.
 */

/** Device pixels per point at the canvas's highest zoom (800 % of 96/72, at 1 device pixel per CSS pixel). */
export const MAX_ZOOM_PX_PER_PT = 8 * (96 / 72);
export const MIN_PREVIEW_PX = 64;
export const MAX_PREVIEW_PX = 8192;

/** The preview width (px) to ask for a photo placed `placedWidthPt` wide, shown at `pxPerPt` device pixels per point. */
export function previewWidthPx(placedWidthPt: number, pxPerPt = MAX_ZOOM_PX_PER_PT): number {
  const wanted = Math.max(MIN_PREVIEW_PX, Math.abs(placedWidthPt) * pxPerPt);
  return Math.min(MAX_PREVIEW_PX, 2 ** Math.ceil(Math.log2(wanted)));
}

/** A requested preview width clamped to what the main process serves; null for nonsense. */
export function servedPreviewWidth(requested: string | null): number | null {
  if (requested === null) return null;
  const width = Number(requested);
  if (!Number.isInteger(width) || width <= 0) return null;
  return Math.min(MAX_PREVIEW_PX, Math.max(MIN_PREVIEW_PX, width));
}
