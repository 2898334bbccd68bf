import { describe, expect, it } from 'vitest';
import { PAGE_PRESETS, PAGE_PRESET_IDS, columnWidth } from '../../../shared/model/presets';
import { ptToMm } from '../../../shared/model/units';

const mm = (pt: number) => Math.round(ptToMm(pt) * 100) / 100;

describe('page presets', () => {
  it('have the sizes their sources give', () => {
    const sizes = Object.fromEntries(
      PAGE_PRESET_IDS.map((id) => [id, [mm(PAGE_PRESETS[id].size.width), mm(PAGE_PRESETS[id].size.height)]]),
    );
    expect(sizes).toEqual({
      'cn-broadsheet': [390, 540],
      'cn-tabloid': [270, 390],
      'us-broadsheet': [304.8, 577.85], // 12 × 22.75 in
      'us-tabloid': [279.4, 431.8], // 11 × 17 in
      'iso-a3': [297, 420],
      'iso-a4': [210, 297],
    });
  });

  it('each cite a source and keep a positive type area', () => {
    for (const preset of Object.values(PAGE_PRESETS)) {
      expect(preset.source.length).toBeGreaterThan(10);
      expect(columnWidth(preset)).toBeGreaterThan(0);
      const { top, bottom } = preset.margins;
      expect(preset.size.height - top - bottom).toBeGreaterThan(0);
    }
  });

  it('set Chinese newspaper columns in whole characters of the body size', () => {
    for (const id of ['cn-broadsheet', 'cn-tabloid', 'iso-a3', 'iso-a4'] as const) {
      const preset = PAGE_PRESETS[id];
      const chars = columnWidth(preset) / preset.bodySize;
      expect(Math.abs(chars - Math.round(chars))).toBeLessThan(0.01);
    }
    expect(columnWidth(PAGE_PRESETS['cn-broadsheet']) / 9).toBeCloseTo(13, 2);
    expect(PAGE_PRESETS['cn-broadsheet'].columns).toBe(8);
  });

  it('give the 对开 type area about 350 × 490 mm', () => {
    const p = PAGE_PRESETS['cn-broadsheet'];
    expect(ptToMm(p.size.width - p.margins.left - p.margins.right)).toBeGreaterThan(345);
    expect(ptToMm(p.size.width - p.margins.left - p.margins.right)).toBeLessThan(355);
    expect(ptToMm(p.size.height - p.margins.top - p.margins.bottom)).toBeCloseTo(490, 5);
  });
});
