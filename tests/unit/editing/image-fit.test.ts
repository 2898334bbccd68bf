import { describe, expect, it } from 'vitest';
import {
  dragContent,
  effectivePpi,
  fillProportionally,
  fitProportionally,
  ppiReport,
} from '../../../shared/editing/image-fit';

const photo = { widthPx: 3000, heightPx: 2000 }; // 3:2
const frame = { width: 300, height: 300 };

describe('image fitting', () => {
  it('fills a square frame with a landscape photo, cropping the sides evenly', () => {
    const c = fillProportionally(frame, photo);
    expect(photo.heightPx * c.scale).toBeCloseTo(300);
    expect(photo.widthPx * c.scale).toBeCloseTo(450);
    expect(c.x).toBeCloseTo(-75);
    expect(c.y).toBeCloseTo(0);
  });

  it('fits the whole photo inside the frame, centred vertically', () => {
    const c = fitProportionally(frame, photo);
    expect(photo.widthPx * c.scale).toBeCloseTo(300);
    expect(c.y).toBeCloseTo(50);
  });

  it('crops by dragging the content, but never uncovers the frame', () => {
    const filled = fillProportionally(frame, photo);
    const moved = dragContent(frame, photo, filled, 30, 10);
    expect(moved.x).toBeCloseTo(-45);
    expect(moved.y).toBeCloseTo(0);
    const tooFar = dragContent(frame, photo, filled, 500, 0);
    expect(tooFar.x).toBe(0);
  });

  it('reports effective ppi and warns under 200', () => {
    // 3000 px over 450 pt = 6.25 in → 480 ppi.
    expect(effectivePpi(fillProportionally(frame, photo).scale)).toBeCloseTo(480);
    const soft = ppiReport(72 / 150);
    expect(soft).toMatchObject({ ppi: 150, warn: true });
    expect(ppiReport(72 / 300).warn).toBe(false);
  });
});
