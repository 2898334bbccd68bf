/**
 * Two procedural scenes for the sample page's photos, painted to look like
 * newspaper photographs rather than grey boxes: a street where volunteers in
 * red vests hand leaflets to residents (志愿者向居民发放宣传单), and a tower
 * whose glass curtain wall is being hung under a crane
 * (外立面幕墙有序安装). Each paints a background (blurred afterwards, like
 * a shallow depth of field) and a foreground; all randomness is seeded.
 */
import type { Raster } from './raster';
import { mix, type Rgb, seededRandom, valueNoise } from './raster';

export interface Scene {
  /** Painted first and blurred by `backgroundBlur` (sigma in px, scaled to the picture). */
  background(r: Raster): void;
  backgroundBlur: number;
  /** Painted over the blurred background, then the whole picture is softened a little. */
  foreground(r: Raster): void;
  /** Light falloff and colour of the light, applied last. */
  light(u: number, v: number): number;
}

const SKIN: Rgb[] = [
  [224, 186, 150],
  [206, 160, 122],
  [232, 196, 164],
];
const COATS: Rgb[] = [
  [38, 42, 56],
  [72, 64, 60],
  [58, 78, 108],
  [110, 96, 84],
  [30, 30, 34],
  [128, 44, 52],
];
const VEST: Rgb = [214, 40, 34];

/** A standing figure with its feet at (x, baseY), `h` px tall, seen slightly from the front. */
function figure(
  r: Raster,
  x: number,
  baseY: number,
  h: number,
  coat: Rgb,
  skin: Rgb,
  random: () => number,
  vest: boolean,
) {
  const soft = Math.max(1, h * 0.012);
  const shade = (c: Rgb) => (u: number) =>
    mix(c, [c[0] * 0.55, c[1] * 0.55, c[2] * 0.55], Math.max(0, u) * 0.8);
  // Legs.
  const legW = h * 0.07;
  r.rect(x - legW * 1.1, baseY - h * 0.45, legW, h * 0.45, [28, 30, 36], soft);
  r.rect(x + legW * 0.1, baseY - h * 0.45, legW, h * 0.45, [34, 34, 40], soft);
  // Torso (coat), then a vest over it for a volunteer.
  r.ellipse(x, baseY - h * 0.62, h * 0.115, h * 0.24, shade(coat), soft);
  if (vest) r.ellipse(x, baseY - h * 0.64, h * 0.1, h * 0.18, shade(VEST), soft);
  // Arms; a volunteer holds out a leaflet.
  const reach = vest ? h * 0.22 : h * 0.04;
  r.line(x - h * 0.1, baseY - h * 0.76, x - h * 0.13, baseY - h * 0.47, h * 0.05, coat);
  r.line(x + h * 0.1, baseY - h * 0.76, x + h * 0.11 + reach, baseY - h * 0.55, h * 0.05, coat);
  if (vest)
    r.rect(x + h * 0.14 + reach - h * 0.02, baseY - h * 0.62, h * 0.09, h * 0.12, [246, 244, 236], soft);
  // Head and hair; a mask on some faces (the copy is about epidemic prevention).
  const headY = baseY - h * 0.9;
  r.ellipse(x, headY, h * 0.065, h * 0.08, shade(skin), soft);
  r.ellipse(x, headY - h * 0.035, h * 0.068, h * 0.05, [24, 20, 20], soft);
  if (random() < 0.7) r.ellipse(x, headY + h * 0.03, h * 0.05, h * 0.03, [236, 240, 244], soft);
}

export function streetScene(seed: number): Scene {
  return {
    backgroundBlur: 3.2,
    background(r) {
      const noise = valueNoise(seed, 5);
      const random = seededRandom(seed + 1);
      const horizon = 0.62;
      r.fill((u, v) => {
        if (v < 0.16) return mix([206, 220, 232], [226, 230, 232], v / 0.16);
        if (v < horizon) {
          const n = noise(u * 24, v * 24);
          return mix([188, 170, 150], [160, 146, 132], n);
        }
        // Pavement: lighter where the sun falls, tiles in perspective.
        const depth = (v - horizon) / (1 - horizon);
        const tile = Math.abs(Math.sin(((u - 0.5) / (0.2 + depth)) * 18)) < 0.05 ? 0.88 : 1;
        const n = noise(u * 60, v * 60) * 18;
        const base = mix([168, 166, 160], [128, 126, 122], depth);
        return [base[0] * tile + n, base[1] * tile + n, base[2] * tile + n];
      });
      // Windows of the building behind, and the lit shop sign of the community centre.
      const w = r.width;
      const h = r.height;
      for (let row = 0; row < 4; row++) {
        for (let col = 0; col < 14; col++) {
          const glint = random() * 40;
          r.rect(col * w * 0.072 + w * 0.01, h * (0.19 + row * 0.085), w * 0.05, h * 0.055, [
            78 + glint,
            96 + glint,
            118 + glint,
          ]);
        }
      }
      r.rect(w * 0.08, h * 0.5, w * 0.62, h * 0.07, [176, 34, 30]);
      for (let k = 0; k < 9; k++)
        r.rect(w * (0.12 + k * 0.063), h * 0.515, w * 0.04, h * 0.04, [250, 226, 150]);
      // Doorway and a few passers-by far away.
      r.rect(w * 0.74, h * 0.4, w * 0.12, h * 0.22, [52, 50, 54]);
      for (let k = 0; k < 7; k++) {
        figure(
          r,
          w * (0.05 + random() * 0.9),
          h * (0.64 + random() * 0.03),
          h * 0.18,
          COATS[k % COATS.length],
          SKIN[k % 3],
          random,
          false,
        );
      }
    },
    foreground(r) {
      const random = seededRandom(seed + 2);
      const w = r.width;
      const h = r.height;
      // Nearer figures later, so they overlap the farther ones; every third is a volunteer.
      const people = Array.from({ length: 16 }, (_, k) => ({ depth: random(), x: random(), k }));
      people.sort((a, b) => a.depth - b.depth);
      for (const p of people) {
        const baseY = h * (0.7 + p.depth * 0.36);
        const size = h * (0.26 + p.depth * 0.46);
        figure(
          r,
          w * (0.04 + p.x * 0.92),
          baseY,
          size,
          COATS[p.k % COATS.length],
          SKIN[p.k % 3],
          random,
          p.k % 3 === 0,
        );
      }
    },
    // Low winter sun from the upper left, and a lens vignette.
    light(u, v) {
      const sun = 1.1 - 0.25 * Math.hypot(u - 0.15, v - 0.1);
      const vignette = 1 - 0.35 * Math.pow(Math.hypot(u - 0.5, v - 0.5) * 1.25, 2.2);
      return sun * vignette;
    },
  };
}

export function constructionScene(seed: number): Scene {
  const clouds = valueNoise(seed, 6);
  const sky = (u: number, v: number): Rgb => {
    const base = mix([64, 116, 188], [196, 214, 232], Math.min(1, Math.max(0, v) * 1.3));
    const c = Math.max(0, clouds(u * 5, v * 9) - 0.52) * 3.2;
    return mix(base, [246, 246, 248], Math.min(1, c));
  };
  let painted: { data: Float32Array; width: number; height: number } | null = null;
  /** The sky as painted, at (u, v) clamped to the picture. */
  const skyAt = (u: number, v: number): Rgb => {
    if (!painted) return sky(u, v);
    const x = Math.min(painted.width - 1, Math.max(0, Math.floor(u * painted.width)));
    const y = Math.min(painted.height - 1, Math.max(0, Math.floor(v * painted.height)));
    const i = (y * painted.width + x) * 3;
    return [painted.data[i], painted.data[i + 1], painted.data[i + 2]];
  };
  return {
    backgroundBlur: 1.2,
    background(r) {
      r.fill((u, v) => sky(u, v));
      // Kept unblurred for the glass to mirror (recomputing the clouds per pane pixel is slow).
      painted = { data: r.data.slice(), width: r.width, height: r.height };
    },
    foreground(r) {
      const random = seededRandom(seed + 3);
      const noise = valueNoise(seed + 4, 3);
      const w = r.width;
      const h = r.height;
      // The tower seen from below and to the left: its facade recedes to the
      // right (perspective), glass panels mirror the sky, and the top floors
      // at the far end are not hung yet and show the concrete frame.
      const cols = 18;
      const rows = 20;
      const left = 0.06;
      const right = 0.76;
      const topL = -0.05;
      const topR = 0.16;
      const bottomL = 0.98;
      const bottomR = 0.86;
      const depth = 1.8; // how fast the far end shrinks
      const hung = (col: number, row: number) =>
        !(row < 8 && col > 9 + row * 0.6) && !(row === 8 && col > 14);
      const panelShade = Array.from({ length: cols * rows }, () => random());
      r.paint((u, v) => {
        if (u < left || u > right) return null;
        const x = (u - left) / (right - left);
        const top = topL + (topR - topL) * x;
        const bottom = bottomL + (bottomR - bottomL) * x;
        if (v < top || v > bottom) return null;
        // Perspective: equal panels look narrower towards the far end.
        const s = (x * depth) / (1 + x * (depth - 1));
        const t = (v - top) / (bottom - top);
        const col = Math.min(cols - 1, Math.floor(s * cols));
        const row = Math.min(rows - 1, Math.floor(t * rows));
        const fs = s * cols - col;
        const ft = t * rows - row;
        const mullion = fs < 0.07 || ft < 0.06;
        if (mullion) return { color: mix([214, 216, 222], [150, 152, 160], x), alpha: 1 };
        if (!hung(col, row)) {
          const slab = ft > 0.8;
          const c: Rgb = slab ? [92, 90, 88] : mix([132, 128, 122], [104, 102, 98], noise(u * 40, v * 40));
          return { color: c, alpha: 1 };
        }
        // Each panel mirrors the sky at a slightly different angle.
        const tilt = (panelShade[row * cols + col] - 0.5) * 0.12;
        const mirrored = skyAt(1 - u + tilt, 0.9 - t * 0.7 + tilt);
        return { color: mix(mirrored, [40, 70, 110], 0.18 + 0.25 * x), alpha: 1 };
      });
      // A gondola with two fitters by the last panels hung.
      const gx = w * 0.5;
      const gy = h * 0.42;
      r.line(gx + w * 0.005, 0, gx + w * 0.005, gy, 1.4, [40, 40, 40]);
      r.line(gx + w * 0.06, 0, gx + w * 0.06, gy, 1.4, [40, 40, 40]);
      r.rect(gx - w * 0.005, gy, w * 0.075, h * 0.022, [200, 170, 40], 1);
      r.ellipse(gx + w * 0.02, gy - h * 0.018, w * 0.007, h * 0.02, [240, 120, 30]);
      r.ellipse(gx + w * 0.045, gy - h * 0.018, w * 0.007, h * 0.02, [240, 240, 236]);
      // The tower crane on the right, its jib over the roof.
      const mast = w * 0.87;
      for (let k = 0; k < 2; k++)
        r.line(mast + k * w * 0.022, h * 0.06, mast + k * w * 0.022, h, 3, [226, 178, 40]);
      for (let y = h * 0.08; y < h; y += h * 0.045)
        r.line(mast, y, mast + w * 0.022, y + h * 0.045, 1.6, [210, 164, 36]);
      r.line(w * 0.36, h * 0.06, w, h * 0.055, 4, [226, 178, 40]);
      r.line(w * 0.36, h * 0.09, w * 0.96, h * 0.085, 2, [210, 164, 36]);
      for (let x = w * 0.37; x < w * 0.96; x += w * 0.03)
        r.line(x, h * 0.06, x + w * 0.015, h * 0.09, 1.2, [210, 164, 36]);
      r.line(w * 0.6, h * 0.088, w * 0.6, h * 0.3, 1.2, [30, 30, 30]);
      r.rect(w * 0.585, h * 0.3, w * 0.03, h * 0.05, [150, 156, 164]);
      // Site hoarding along the foot of the picture.
      r.rect(0, h * 0.91, w, h * 0.09, (u) => mix([34, 86, 150], [28, 70, 126], u), 1.5);
      for (let k = 0; k < 12; k++) r.rect(w * (k / 12), h * 0.91, 2, h * 0.09, [230, 232, 236]);
    },
    // Afternoon sun from the right, brighter high up.
    light(u, v) {
      const sun = 0.92 + 0.18 * u - 0.08 * v;
      const vignette = 1 - 0.25 * Math.pow(Math.hypot(u - 0.5, v - 0.5) * 1.3, 2.4);
      return sun * vignette;
    },
  };
}
