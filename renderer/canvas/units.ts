/** Ruler and field units: mm, pt and 字 (one character of the body size). */
import type { Units } from '../state/view';

export const MM = 72 / 25.4;

/** Points in one unit. `bodySize` is the edition's body text size (one 字). */
export function pointsPerUnit(units: Units, bodySize: number): number {
  return units === 'mm' ? MM : units === 'pt' ? 1 : bodySize;
}

export function toUnits(points: number, units: Units, bodySize: number): number {
  return points / pointsPerUnit(units, bodySize);
}

export function fromUnits(value: number, units: Units, bodySize: number): number {
  return value * pointsPerUnit(units, bodySize);
}

/** Major ruler step (in units) so that labels are at least `minPx` apart at this scale. */
export function rulerStep(units: Units, bodySize: number, scale: number, minPx = 48): number {
  const pxPerUnit = pointsPerUnit(units, bodySize) * scale;
  for (const step of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]) if (step * pxPerUnit >= minPx) return step;
  return 1000;
}

/** Formats a value in units for a field: at most 2 decimals, no trailing zeros. */
export function formatUnits(points: number, units: Units, bodySize: number): string {
  return String(Math.round(toUnits(points, units, bodySize) * 100) / 100);
}
