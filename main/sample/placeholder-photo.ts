/**
 * Placeholder photographs for the sample edition: a procedural scene
 * (scenes.ts) painted at the frame's size and a press resolution, given depth
 * of field and grain, and encoded as a baseline JPEG with its ppi recorded.
 */
import sharp from 'sharp';
import { Raster } from './raster';
import type { Scene } from './scenes';

export interface PhotoSpec {
  scene: Scene;
  /** Size of the frame the photo fills, in pt. */
  widthPt: number;
  heightPt: number;
  /** Resolution at that size (a newspaper asks ≥ 200 ppi). */
  ppi: number;
  seed: number;
}

export interface PlaceholderPhoto {
  bytes: Uint8Array;
  widthPx: number;
  heightPx: number;
}

async function blurred(r: Raster, sigma: number): Promise<void> {
  if (sigma < 0.3) return;
  const raw = await sharp(Buffer.from(r.toBytes()), {
    raw: { width: r.width, height: r.height, channels: 3 },
  })
    .blur(sigma)
    .raw()
    .toBuffer();
  r.setBytes(raw);
}

export async function paintPlaceholderPhoto(spec: PhotoSpec): Promise<PlaceholderPhoto> {
  const widthPx = Math.ceil((spec.widthPt / 72) * spec.ppi);
  const heightPx = Math.ceil((spec.heightPt / 72) * spec.ppi);
  const r = new Raster(widthPx, heightPx);
  // Blur radii are given for a 1000 px picture and scale with the picture.
  const scale = widthPx / 1000;
  spec.scene.background(r);
  await blurred(r, spec.scene.backgroundBlur * scale);
  spec.scene.foreground(r);
  await blurred(r, 0.7 * scale);
  r.light(spec.scene.light);
  r.grain(9, spec.seed);
  const bytes = await sharp(Buffer.from(r.toBytes()), {
    raw: { width: widthPx, height: heightPx, channels: 3 },
  })
    .withMetadata({ density: spec.ppi })
    .jpeg({ quality: 86, chromaSubsampling: '4:2:0' })
    .toBuffer();
  return { bytes: new Uint8Array(bytes), widthPx, heightPx };
}
