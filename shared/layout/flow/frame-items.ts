/**
 * Display items for the frames that are not text: boxes, rules and images.
 */
import type { Asset, BoxFrame, ColorRef, ImageFrame, RuleFrame, Stroke } from '../../model/types';
import type { DisplayBox, DisplayColor, DisplayImage, DisplayRule, DisplayStroke } from '../display-list';

export type ColorOf = (ref: ColorRef) => DisplayColor;

export function displayStroke(stroke: Stroke | null, color: ColorOf): DisplayStroke | null {
  if (!stroke) return null;
  return { color: color(stroke.color), width: stroke.width, style: stroke.style };
}

export function boxItem(frame: BoxFrame, fromMaster: boolean, color: ColorOf): DisplayBox {
  return {
    kind: 'box',
    frameId: frame.id,
    fromMaster,
    x: frame.x,
    y: frame.y,
    width: frame.width,
    height: frame.height,
    fill: frame.fill ? color(frame.fill) : null,
    stroke: displayStroke(frame.stroke, color),
  };
}

export function ruleItem(frame: RuleFrame, fromMaster: boolean, color: ColorOf): DisplayRule {
  return {
    kind: 'rule',
    frameId: frame.id,
    fromMaster,
    x: frame.x,
    y: frame.y,
    width: frame.width,
    height: frame.height,
    stroke: displayStroke(frame.stroke, color)!,
  };
}

/**
 * Where the whole image is drawn. The stored placement (`content`: offset
 * from the frame's corner and points per pixel) is authoritative — the
 * editing helpers update it when a fit is applied or the photo is cropped by
 * dragging — except for the non-proportional fits 'fill' and 'fit', which no
 * single scale expresses: those stretch the image to the frame. Without a
 * known asset the image rectangle is the frame.
 */
export function imagePlacement(
  frame: ImageFrame,
  asset: Asset | undefined,
): { imageX: number; imageY: number; imageWidth: number; imageHeight: number } {
  if (!asset || frame.fit === 'fill' || frame.fit === 'fit' || asset.widthPx <= 0 || asset.heightPx <= 0) {
    return { imageX: frame.x, imageY: frame.y, imageWidth: frame.width, imageHeight: frame.height };
  }
  const { x, y, scale } = frame.content;
  return {
    imageX: frame.x + x,
    imageY: frame.y + y,
    imageWidth: asset.widthPx * scale,
    imageHeight: asset.heightPx * scale,
  };
}

export function imageItem(
  frame: ImageFrame,
  fromMaster: boolean,
  assets: Record<string, Asset>,
  color: ColorOf,
): DisplayImage {
  const asset = frame.assetId ? assets[frame.assetId] : undefined;
  return {
    kind: 'image',
    frameId: frame.id,
    fromMaster,
    x: frame.x,
    y: frame.y,
    width: frame.width,
    height: frame.height,
    assetId: frame.assetId,
    ...imagePlacement(frame, asset),
    stroke: displayStroke(frame.stroke, color),
  };
}
