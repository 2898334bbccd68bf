/**
 * The fast shaping path (ideographs from cmap/hmtx, other stretches through
 * HarfBuzz and cached) gives exactly what one HarfBuzz call over the whole
 * run gives.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadNodeFonts } from '../../../../main/fonts';
import { shapeRun } from '../../../../shared/layout/text/shape-run';

const SAMPLE = new URL('../../../fixtures/import/sample-page.txt', import.meta.url);
const texts = [
  ...readFileSync(SAMPLE, 'utf8')
    .split(/\n+/)
    .map((p) => p.replace(/^#+\s*/, '').trim())
    .filter(Boolean),
  '今天Folio发布了3.5版——支持“AI”排版、GB/T 15834—2011标准……（约合¥1,440元）。「引号」『书名』',
  '竹字头𥫗与𠮷字',
];

describe('fast shaping path', () => {
  for (const [family, weight] of [
    ['Noto Serif SC', 400],
    ['Noto Sans SC', 700],
  ] as const) {
    it(`equals one HarfBuzz call per run: ${family} ${weight}`, async () => {
      const { fonts, shaper } = await loadNodeFonts();
      const face = fonts.resolve(family, weight, false);
      for (const text of texts) {
        for (const [script, language] of [
          ['Hani', 'zh-Hans'],
          ['Latn', 'zh-Hans'],
          ['Latn', 'en'],
        ]) {
          const whole = shaper.shape(face, text, 0, text.length, script, language);
          const fast = shapeRun(shaper, face, text, 0, text.length, script, language);
          expect([...fast.glyphs]).toEqual([...whole.glyphs]);
          expect([...fast.clusters]).toEqual([...whole.clusters]);
          expect([...fast.advances]).toEqual([...whole.advances]);
          expect([...fast.xOffsets]).toEqual([...whole.xOffsets]);
        }
      }
    });
  }
});
