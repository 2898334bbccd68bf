/**
 * Which pixels of a photo the PDF keeps, and at what size: what the frames
 * show (inside the page's trim plus bleed), at no more than the output
 * resolution, never upsampled, one answer for all placements of an asset.
 */
import { describe, expect, it } from 'vitest';
import type { DisplayImage } from '../../../shared/layout/display-list';
import { imageNeeds } from '../../../main/pdf/image-needs';

const page = { x: -9, y: -9, width: 500, height: 700 };

function placed(
  frame: { x: number; y: number; width: number; height: number },
  image: { x: number; y: number; width: number; height: number },
): DisplayImage {
  return {
    kind: 'image',
    frameId: 'f',
    fromMaster: false,
    ...frame,
    assetId: 'a',
    imageX: image.x,
    imageY: image.y,
    imageWidth: image.width,
    imageHeight: image.height,
    stroke: null,
  };
}

describe('imageNeeds', () => {
  it('keeps only the part the frame shows', () => {
    // 1000 × 500 px drawn 200 × 100 pt (360 ppi); the frame shows the middle half across.
    const item = placed({ x: 50, y: 0, width: 100, height: 100 }, { x: 0, y: 0, width: 200, height: 100 });
    const needs = imageNeeds([{ item, clip: page }], 1000, 500, null);
    expect(needs?.crop).toEqual({ left: 250, top: 0, width: 500, height: 500 });
    expect(needs?.outWidth).toBe(500);
    expect(needs?.effectivePpi).toBeCloseTo(360);
  });

  it('resamples to the output resolution at the placed size', () => {
    const item = placed({ x: 0, y: 0, width: 200, height: 100 }, { x: 0, y: 0, width: 200, height: 100 });
    const needs = imageNeeds([{ item, clip: page }], 1000, 500, 300);
    // 200 pt at 300 ppi = 833 px.
    expect(needs?.outWidth).toBe(833);
    expect(needs?.outHeight).toBe(417);
  });

  it('never upsamples', () => {
    const item = placed({ x: 0, y: 0, width: 200, height: 100 }, { x: 0, y: 0, width: 200, height: 100 });
    const needs = imageNeeds([{ item, clip: page }], 400, 200, 300);
    expect(needs?.outWidth).toBe(400);
    expect(needs?.outHeight).toBe(200);
  });

  it('keeps what reaches into the bleed and drops what lies beyond it', () => {
    // The frame runs off the left edge of the page; the bleed is 9 pt.
    const item = placed({ x: -50, y: 0, width: 150, height: 100 }, { x: -50, y: 0, width: 150, height: 100 });
    const needs = imageNeeds([{ item, clip: page }], 150, 100, null);
    expect(needs?.crop.left).toBe(41);
    expect(needs?.crop.width).toBe(109);
  });

  it('takes the union of every placement, at the resolution the largest needs', () => {
    const left = placed({ x: 0, y: 0, width: 100, height: 100 }, { x: 0, y: 0, width: 400, height: 100 });
    const right = placed(
      { x: 300, y: 200, width: 100, height: 50 },
      { x: 0, y: 200, width: 400, height: 50 },
    );
    const needs = imageNeeds(
      [
        { item: left, clip: page },
        { item: right, clip: page },
      ],
      4000,
      1000,
      300,
    );
    expect(needs?.crop).toEqual({ left: 0, top: 0, width: 4000, height: 1000 });
    // The first placement draws 10 px/pt (720 ppi) on both axes: 300/720 of the pixels.
    expect(needs?.outWidth).toBe(Math.round(4000 * (300 / 720)));
  });

  it('says so when nothing of the image prints', () => {
    const item = placed({ x: 600, y: 0, width: 100, height: 100 }, { x: 600, y: 0, width: 100, height: 100 });
    expect(imageNeeds([{ item, clip: page }], 100, 100, 300)).toBeNull();
  });
});
