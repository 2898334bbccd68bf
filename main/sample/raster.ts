/**
 * A tiny RGB raster for painting placeholder photographs procedurally:
 * soft-edged shapes, gradients and value noise, deterministic from a seed.
 * Values are 0–255 floats; sharp turns the buffer into a JPEG.
 */

/** mulberry32: a small, fast, seedable PRNG (same seed, same picture). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rgb = readonly [number, number, number];

export const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

const smooth = (t: number) => t * t * (3 - 2 * t);

/** Smooth value noise in [0, 1] with `octaves` layers (fractal), lattice from the seed. */
export function valueNoise(seed: number, octaves = 4): (x: number, y: number) => number {
  const random = seededRandom(seed);
  const lattice = Float32Array.from({ length: 256 * 256 }, () => random());
  // The lattice is 256 × 256, so wrapping is a bit mask (negative indices wrap too).
  const at = (ix: number, iy: number) => lattice[((iy & 255) << 8) | (ix & 255)];
  const single = (x: number, y: number) => {
    const ix = Math.floor(x);
    const iy = Math.floor(y);
    const fx = smooth(x - ix);
    const fy = smooth(y - iy);
    const top = at(ix, iy) + (at(ix + 1, iy) - at(ix, iy)) * fx;
    const bottom = at(ix, iy + 1) + (at(ix + 1, iy + 1) - at(ix, iy + 1)) * fx;
    return top + (bottom - top) * fy;
  };
  return (x, y) => {
    let sum = 0;
    let amplitude = 0.5;
    let frequency = 1;
    let norm = 0;
    for (let o = 0; o < octaves; o++) {
      sum += single(x * frequency + o * 17.3, y * frequency + o * 31.7) * amplitude;
      norm += amplitude;
      amplitude *= 0.5;
      frequency *= 2;
    }
    return sum / norm;
  };
}

export class Raster {
  readonly data: Float32Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Float32Array(width * height * 3);
  }

  /** Paints every pixel from a function of its position (0–1 in both axes). */
  fill(paint: (u: number, v: number, x: number, y: number) => Rgb): void {
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        const c = paint(x / this.width, y / this.height, x, y);
        const i = (y * this.width + x) * 3;
        this.data[i] = c[0];
        this.data[i + 1] = c[1];
        this.data[i + 2] = c[2];
      }
    }
  }

  /**
   * Paints over the pixels for which `paint` returns a colour (null leaves
   * the pixel as it is), with an optional opacity per pixel.
   */
  paint(paint: (u: number, v: number, x: number, y: number) => { color: Rgb; alpha: number } | null): void {
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        const c = paint(x / this.width, y / this.height, x, y);
        if (c) this.blend(x, y, c.color, c.alpha);
      }
    }
  }

  /** Blends `color` over the pixel at (x, y) with opacity `alpha`. */
  blend(x: number, y: number, color: Rgb, alpha: number): void {
    if (alpha <= 0 || x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const a = Math.min(1, alpha);
    const i = (y * this.width + x) * 3;
    this.data[i] += (color[0] - this.data[i]) * a;
    this.data[i + 1] += (color[1] - this.data[i + 1]) * a;
    this.data[i + 2] += (color[2] - this.data[i + 2]) * a;
  }

  /**
   * A soft-edged ellipse (centre, radii in px), its colour optionally varied
   * per pixel (shading); `feather` px of edge fade out like an out-of-focus edge.
   */
  ellipse(
    cx: number,
    cy: number,
    rx: number,
    ry: number,
    color: Rgb | ((u: number, v: number) => Rgb),
    feather = 1.5,
    opacity = 1,
  ): void {
    const x0 = Math.floor(cx - rx - feather);
    const x1 = Math.ceil(cx + rx + feather);
    const y0 = Math.floor(cy - ry - feather);
    const y1 = Math.ceil(cy + ry + feather);
    for (let y = Math.max(0, y0); y <= Math.min(this.height - 1, y1); y++) {
      for (let x = Math.max(0, x0); x <= Math.min(this.width - 1, x1); x++) {
        const dx = (x - cx) / rx;
        const dy = (y - cy) / ry;
        const d = Math.sqrt(dx * dx + dy * dy);
        const edge = (1 - d) * Math.min(rx, ry);
        const alpha = Math.max(0, Math.min(1, edge / feather + 0.5)) * opacity;
        if (alpha <= 0) continue;
        const c = typeof color === 'function' ? color(dx, dy) : color;
        this.blend(x, y, c, alpha);
      }
    }
  }

  /** A soft-edged axis-aligned rectangle; `color` may vary across it (u, v in 0–1). */
  rect(
    x: number,
    y: number,
    w: number,
    h: number,
    color: Rgb | ((u: number, v: number) => Rgb),
    feather = 1,
    opacity = 1,
  ): void {
    for (
      let py = Math.max(0, Math.floor(y - feather));
      py <= Math.min(this.height - 1, Math.ceil(y + h + feather));
      py++
    ) {
      const ay = Math.min(py - y + 0.5, y + h - py + 0.5) / feather;
      for (
        let px = Math.max(0, Math.floor(x - feather));
        px <= Math.min(this.width - 1, Math.ceil(x + w + feather));
        px++
      ) {
        const ax = Math.min(px - x + 0.5, x + w - px + 0.5) / feather;
        const alpha = Math.max(0, Math.min(1, Math.min(ax, ay))) * opacity;
        if (alpha <= 0) continue;
        const c = typeof color === 'function' ? color((px - x) / w, (py - y) / h) : color;
        this.blend(px, py, c, alpha);
      }
    }
  }

  /** A straight line `width` px wide with soft edges. */
  line(x0: number, y0: number, x1: number, y1: number, width: number, color: Rgb, opacity = 1): void {
    const length = Math.hypot(x1 - x0, y1 - y0);
    const steps = Math.max(1, Math.ceil(length));
    const r = width / 2;
    for (let s = 0; s <= steps; s++) {
      const t = s / steps;
      const cx = x0 + (x1 - x0) * t;
      const cy = y0 + (y1 - y0) * t;
      for (let y = Math.floor(cy - r - 1); y <= Math.ceil(cy + r + 1); y++) {
        for (let x = Math.floor(cx - r - 1); x <= Math.ceil(cx + r + 1); x++) {
          const d = Math.hypot(x - cx, y - cy);
          const alpha = Math.max(0, Math.min(1, r + 0.5 - d)) * opacity * 0.35;
          this.blend(x, y, color, alpha);
        }
      }
    }
  }

  /**
   * Multiplies every pixel by a light factor that depends on its position.
   * Light varies slowly, so the factor is sampled every 8 px and
   * interpolated in between.
   */
  light(factor: (u: number, v: number) => number): void {
    const step = 8;
    const gw = Math.ceil(this.width / step) + 1;
    const gh = Math.ceil(this.height / step) + 1;
    const grid = new Float32Array(gw * gh);
    for (let gy = 0; gy < gh; gy++) {
      for (let gx = 0; gx < gw; gx++)
        grid[gy * gw + gx] = factor((gx * step) / this.width, (gy * step) / this.height);
    }
    for (let y = 0; y < this.height; y++) {
      const gy = Math.floor(y / step);
      const fy = y / step - gy;
      for (let x = 0; x < this.width; x++) {
        const gx = Math.floor(x / step);
        const fx = x / step - gx;
        const top = grid[gy * gw + gx] * (1 - fx) + grid[gy * gw + gx + 1] * fx;
        const bottom = grid[(gy + 1) * gw + gx] * (1 - fx) + grid[(gy + 1) * gw + gx + 1] * fx;
        const f = top * (1 - fy) + bottom * fy;
        const i = (y * this.width + x) * 3;
        this.data[i] *= f;
        this.data[i + 1] *= f;
        this.data[i + 2] *= f;
      }
    }
  }

  /** Film grain: the same random offset on all channels of a pixel (luminance noise). */
  grain(amount: number, seed: number): void {
    const random = seededRandom(seed);
    for (let p = 0; p < this.width * this.height; p++) {
      const n = (random() + random() + random() - 1.5) * amount;
      this.data[p * 3] += n;
      this.data[p * 3 + 1] += n;
      this.data[p * 3 + 2] += n;
    }
  }

  /** 8-bit RGB bytes for sharp (a clamped array rounds and clamps natively). */
  toBytes(): Uint8Array {
    const clamped = new Uint8ClampedArray(this.data);
    return new Uint8Array(clamped.buffer, clamped.byteOffset, clamped.byteLength);
  }

  /** Replaces the pixels with 8-bit RGB bytes (e.g. after sharp blurred them). */
  setBytes(bytes: Uint8Array): void {
    for (let i = 0; i < this.data.length; i++) this.data[i] = bytes[i];
  }
}
