/**
 * Placing a photo in its frame: fill, fit, fit the frame to the photo, crop
 * by moving the content, and the effective resolution the printer cares
 * about. `ImageFrame.content.scale` is points per pixel (1 = 72 ppi).
 */
import type { Pt } from '../model/types';

export interface ContentPlacement {
  x: Pt;
  y: Pt;
  scale: number;
}

export interface PixelSize {
  widthPx: number;
  heightPx: number;
}

export interface FrameBox {
  width: Pt;
  height: Pt;
}

/** Below this effective resolution a photo prints soft; preflight warns too. */
export const MIN_PRINT_PPI = 200;

/** Scales the photo so it covers the whole frame (the overflow is cropped), centred. */
export function fillProportionally(frame: FrameBox, image: PixelSize): ContentPlacement {
  const scale = Math.max(frame.width / image.widthPx, frame.height / image.heightPx);
  return centred(frame, image, scale);
}

/** Scales the photo so all of it shows inside the frame, centred. */
export function fitProportionally(frame: FrameBox, image: PixelSize): ContentPlacement {
  const scale = Math.min(frame.width / image.widthPx, frame.height / image.heightPx);
  return centred(frame, image, scale);
}

/** The frame size that shows the whole photo at its current scale (content moved to the corner). */
export function frameToContent(image: PixelSize, scale: number): FrameBox {
  return { width: image.widthPx * scale, height: image.heightPx * scale };
}

function centred(frame: FrameBox, image: PixelSize, scale: number): ContentPlacement {
  return {
    scale,
    x: (frame.width - image.widthPx * scale) / 2,
    y: (frame.height - image.heightPx * scale) / 2,
  };
}

/**
 * Moves the photo inside its frame by a drag (crop). The photo never slides
 * so far that it leaves a gap on a side it covered before, so a photo that
 * filled its frame still fills it.
 */
export function dragContent(
  frame: FrameBox,
  image: PixelSize,
  content: ContentPlacement,
  dx: Pt,
  dy: Pt,
): ContentPlacement {
  const w = image.widthPx * content.scale;
  const h = image.heightPx * content.scale;
  return {
    scale: content.scale,
    x: clampAxis(content.x, dx, w, frame.width),
    y: clampAxis(content.y, dy, h, frame.height),
  };
}

function clampAxis(at: Pt, delta: Pt, size: Pt, frameSize: Pt): Pt {
  const next = at + delta;
  if (size >= frameSize) {
    // Covering: keep covering.
    return Math.min(0, Math.max(frameSize - size, next));
  }
  // Smaller than the frame: keep it inside.
  return Math.max(0, Math.min(frameSize - size, next));
}

/** Pixels per inch as printed: 72 pt per inch over points per pixel. */
export function effectivePpi(scale: number): number {
  return scale > 0 ? 72 / scale : Infinity;
}

/** A line for the properties panel, e.g. "156 ppi — below 200 ppi, will print soft". */
export function ppiReport(scale: number): { ppi: number; warn: boolean; text: string } {
  const ppi = Math.round(effectivePpi(scale));
  const warn = ppi < MIN_PRINT_PPI;
  return {
    ppi,
    warn,
    text: warn ? `${ppi} ppi — below ${MIN_PRINT_PPI} ppi, will print soft` : `${ppi} ppi`,
  };
}
