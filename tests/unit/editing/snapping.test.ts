import { describe, expect, it } from 'vitest';
import {
  clampSize,
  columnEdges,
  MOVE_EDGES,
  snapRect,
  type PageGeometry,
} from '../../../shared/editing/snapping';

// A page 600 × 800 pt, margins 50, 4 columns with 12 pt gutters: measure 500,
// columns (500 - 36) / 4 = 116 wide, so the first column ends at 166.
const page: PageGeometry = {
  size: { width: 600, height: 800 },
  margins: { top: 50, right: 50, bottom: 50, left: 50 },
  columns: 4,
  gutter: 12,
  baselineGrid: { start: 60, increment: 14 },
};

describe('snapping', () => {
  it('finds the column edges of the type area', () => {
    expect(columnEdges(page)).toEqual([166, 178, 294, 306, 422, 434]);
  });

  it('pulls a frame moved near the left margin onto it and shows the guide', () => {
    const result = snapRect({
      rect: { x: 53, y: 200, width: 100, height: 40 },
      edges: MOVE_EDGES,
      page,
      others: [],
      threshold: 4,
    });
    expect(result.rect.x).toBe(50);
    expect(result.rect.width).toBe(100);
    expect(result.guides.some((g) => g.axis === 'x' && g.value === 50 && g.source === 'margin')).toBe(true);
  });

  it('snaps a resized right edge to a column edge without moving the left edge', () => {
    const result = snapRect({
      rect: { x: 50, y: 100, width: 114, height: 40 },
      edges: { left: false, right: true, top: false, bottom: false },
      page,
      others: [],
      threshold: 4,
    });
    expect(result.rect.x).toBe(50);
    expect(result.rect.x + result.rect.width).toBe(166);
  });

  it('snaps a top edge to the baseline grid', () => {
    const result = snapRect({
      rect: { x: 200, y: 102, width: 60, height: 30 },
      edges: { left: false, right: false, top: true, bottom: false },
      page,
      others: [],
      threshold: 3,
    });
    // Grid lines at 60, 74, 88, 102 … : 102 is on the grid already; move to 103 and back.
    expect(result.rect.y).toBe(102);
    const nudged = snapRect({
      ...{ page, others: [], threshold: 3 },
      rect: { x: 200, y: 104, width: 60, height: 30 },
      edges: { left: false, right: false, top: true, bottom: false },
    });
    expect(nudged.rect.y).toBe(102);
    expect(nudged.rect.y + nudged.rect.height).toBe(134);
  });

  it('aligns with another frame (smart guide) and spans both in the guide', () => {
    const other = { x: 320, y: 400, width: 100, height: 80 };
    const result = snapRect({
      rect: { x: 321.5, y: 200, width: 50, height: 50 },
      edges: MOVE_EDGES,
      page,
      others: [other],
      threshold: 2,
    });
    expect(result.rect.x).toBe(320);
    const guide = result.guides.find((g) => g.source === 'frame' && g.axis === 'x');
    expect(guide).toMatchObject({ value: 320, from: 200, to: 480 });
  });

  it('leaves the rectangle alone beyond the threshold or when switched off', () => {
    const rect = { x: 240, y: 240.5, width: 20, height: 20 };
    expect(snapRect({ rect, edges: MOVE_EDGES, page, others: [], threshold: 1 }).rect.x).toBe(240);
    expect(
      snapRect({
        rect: { ...rect, x: 51 },
        edges: MOVE_EDGES,
        page,
        others: [],
        threshold: 4,
        enabled: false,
      }).rect.x,
    ).toBe(51);
  });

  it('never lets a resize make a frame smaller than the minimum', () => {
    const out = clampSize(
      { x: 100, y: 100, width: -20, height: 2 },
      { left: true, right: false, top: true, bottom: false },
    );
    expect(out.width).toBeGreaterThan(0);
    expect(out.height).toBeGreaterThan(0);
    expect(out.x + out.width).toBe(80);
  });
});
