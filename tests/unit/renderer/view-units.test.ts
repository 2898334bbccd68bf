/** Zoom steps, fit-to-window and the ruler units (mm, pt, 字) as a designer reads them. */
import { describe, expect, it } from 'vitest';
import { formatUnits, fromUnits, rulerStep, toUnits } from '../../../renderer/canvas/units';
import { ACTUAL_SIZE, fitScale, stepZoom, ZOOM_STEPS } from '../../../renderer/state/view';

describe('zoom', () => {
  it('steps through the usual zoom levels from actual size', () => {
    expect(stepZoom(ACTUAL_SIZE, 1) / ACTUAL_SIZE).toBe(1.25);
    expect(stepZoom(ACTUAL_SIZE, -1) / ACTUAL_SIZE).toBe(0.75);
    expect(stepZoom(ACTUAL_SIZE * 8, 1) / ACTUAL_SIZE).toBe(8);
    expect(stepZoom(ACTUAL_SIZE * 0.125, -1) / ACTUAL_SIZE).toBe(0.125);
    expect(ZOOM_STEPS).toContain(4);
  });

  it('fits a broadsheet page in the window with a margin', () => {
    const page = { width: 1105.5, height: 1530.7 };
    const scale = fitScale(page, { width: 900, height: 800 });
    expect(page.height * scale).toBeLessThanOrEqual(800 - 64 + 1e-9);
    expect(page.width * scale).toBeLessThanOrEqual(900 - 64 + 1e-9);
    expect(Math.max(page.height * scale - (800 - 64), page.width * scale - (900 - 64))).toBeCloseTo(0, 6);
  });
});

describe('units', () => {
  it('converts between points, millimetres and 字 (one body character)', () => {
    expect(toUnits(72, 'mm', 10.5)).toBeCloseTo(25.4, 10);
    expect(toUnits(21, 'zi', 10.5)).toBe(2);
    expect(fromUnits(2, 'zi', 10.5)).toBe(21);
    expect(formatUnits(28.3464567, 'mm', 10.5)).toBe('10');
    expect(formatUnits(10.5, 'pt', 10.5)).toBe('10.5');
  });

  it('spaces ruler labels at least 48 px apart', () => {
    for (const units of ['mm', 'pt', 'zi'] as const) {
      for (const scale of [0.3, 1, 1.333, 4, 8]) {
        const step = rulerStep(units, 10.5, scale);
        const pointsPerUnit = units === 'mm' ? 72 / 25.4 : units === 'pt' ? 1 : 10.5;
        expect(step * pointsPerUnit * scale).toBeGreaterThanOrEqual(48);
      }
    }
  });
});
