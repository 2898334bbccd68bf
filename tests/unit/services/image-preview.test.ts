/** The preview width the canvas asks for: what its zoom shows, rounded up to a power of two, within bounds. */
import { describe, expect, it } from 'vitest';
import {
  MAX_PREVIEW_PX,
  MAX_ZOOM_PX_PER_PT,
  MIN_PREVIEW_PX,
  previewWidthPx,
  servedPreviewWidth,
} from '../../../shared/services/image-preview';

describe('previewWidthPx', () => {
  it('asks for the device pixels the zoom shows, rounded up to a power of two', () => {
    // 360 pt at actual size (96/72 px per pt) is 480 px: 512.
    expect(previewWidthPx(360, 96 / 72)).toBe(512);
    // A step of zoom or a small resize asks for the same preview.
    expect(previewWidthPx(380, 96 / 72)).toBe(512);
    expect(previewWidthPx(360, 2 * (96 / 72))).toBe(1024);
  });

  it('never asks for more than the highest zoom needs, nor less than a small minimum', () => {
    expect(previewWidthPx(360)).toBe(2 ** Math.ceil(Math.log2(360 * MAX_ZOOM_PX_PER_PT)));
    expect(previewWidthPx(5000)).toBe(MAX_PREVIEW_PX);
    expect(previewWidthPx(10, 0.1)).toBe(MIN_PREVIEW_PX);
  });
});

describe('servedPreviewWidth', () => {
  it('accepts whole widths within bounds and refuses nonsense', () => {
    expect(servedPreviewWidth('512')).toBe(512);
    expect(servedPreviewWidth('99999')).toBe(MAX_PREVIEW_PX);
    expect(servedPreviewWidth('1')).toBe(MIN_PREVIEW_PX);
    expect(servedPreviewWidth('full')).toBeNull();
    expect(servedPreviewWidth('-5')).toBeNull();
    expect(servedPreviewWidth(null)).toBeNull();
  });
});
