/** Greyscale images and the comparisons the fidelity test makes, with sharp for decoding. */
import sharp from 'sharp';

export interface Grey {
  width: number;
  height: number;
  data: Uint8Array;
}

export async function readGrey(
  input: Buffer | string,
  crop?: { left: number; top: number; width: number; height: number },
): Promise<Grey> {
  let image = sharp(input).flatten({ background: '#ffffff' });
  if (crop) image = image.extract(crop);
  const { data, info } = await image.greyscale().raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
  };
}

/**
 * Fraction of pixels that differ by more than `threshold` grey levels from
 * every pixel within `radius` of the same place in the other image (so a
 * glyph edge anti-aliased half a pixel differently does not count).
 */
export function differingFraction(a: Grey, b: Grey, threshold = 64, radius = 1): number {
  const width = Math.min(a.width, b.width);
  const height = Math.min(a.height, b.height);
  const near = (image: Grey, x: number, y: number, value: number) => {
    for (let dy = -radius; dy <= radius; dy++) {
      for (let dx = -radius; dx <= radius; dx++) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
        if (Math.abs(image.data[ny * image.width + nx] - value) <= threshold) return true;
      }
    }
    return false;
  };
  let differing = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const va = a.data[y * a.width + x];
      const vb = b.data[y * b.width + x];
      if (Math.abs(va - vb) <= threshold) continue;
      if (!near(b, x, y, va) || !near(a, x, y, vb)) differing++;
    }
  }
  return differing / (width * height);
}

/** Ink-weighted centre of a box (ink = 255 − grey), or null when the box is blank. */
export function inkCentroid(
  image: Grey,
  box: { x: number; y: number; width: number; height: number },
): { x: number; y: number; ink: number } | null {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(image.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(image.height, Math.ceil(box.y + box.height));
  let ink = 0;
  let sx = 0;
  let sy = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const weight = 255 - image.data[y * image.width + x];
      ink += weight;
      sx += weight * (x + 0.5);
      sy += weight * (y + 0.5);
    }
  }
  return ink > 0 ? { x: sx / ink, y: sy / ink, ink } : null;
}
