/**
 * Whole-paragraph (Knuth–Plass style) breaking, the composer's default for
 * justified paragraphs whose greedy setting has a loose line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadNodeFonts } from '../../../../main/fonts';
import { createParagraphComposer } from '../../../../shared/layout/text';
import type { ComposedLine } from '../../../../shared/layout/paragraph-types';
import { paragraph, setWidth } from './helpers';

const SAMPLE = new URL('../../../fixtures/import/sample-page.txt', import.meta.url);
const paragraphs = readFileSync(SAMPLE, 'utf8')
  .split(/\n+/)
  .map((p) => p.replace(/^#+\s*/, '').trim())
  .filter((p) => p.length > 40);

const isHan = (ch: string) => /[\u4e00-\u9fff]/.test(ch);

/** Largest space added between two adjacent Han characters on a line, in em (10 pt body). */
function widestHanGap(text: string, line: ComposedLine): number {
  let widest = 0;
  for (const run of line.runs) {
    for (let i = 0; i + 1 < run.clusters.length; i++) {
      const a = text[run.clusters[i]];
      const b = text[run.clusters[i + 1]];
      if (isHan(a) && isHan(b)) widest = Math.max(widest, (run.x[i + 1] - run.x[i] - 10) / 10);
    }
  }
  return widest;
}

describe('optimal line breaking', () => {
  it('evens out loose lines of the sample page without adding a line or breaking a rule', async () => {
    const { fonts, shaper } = await loadNodeFonts();
    const greedy = createParagraphComposer({ fonts, shaper, breaker: 'greedy' });
    const optimal = createParagraphComposer({ fonts, shaper });
    let worstGreedy = 0;
    let worstOptimal = 0;
    let changed = 0;
    for (const width of [100, 130, 160, 190]) {
      for (const text of paragraphs) {
        const input = paragraph(text);
        const a = greedy.compose(input, () => ({ x: 0, width }));
        const b = optimal.compose(input, () => ({ x: 0, width }));
        expect(b.lines.length).toBeLessThanOrEqual(a.lines.length);
        if (a.lines.some((l, i) => l.end !== b.lines[i]?.end)) changed++;
        b.lines.slice(0, -1).forEach((line) => expect(Math.abs(setWidth(line) - width)).toBeLessThan(0.01));
        b.lines
          .slice(1)
          .forEach((line) => expect('、，。：；！？”）》,.;:!?)'.includes(text[line.start])).toBe(false));
        for (const line of a.lines.slice(0, -1))
          worstGreedy = Math.max(worstGreedy, widestHanGap(text, line));
        for (const line of b.lines.slice(0, -1))
          worstOptimal = Math.max(worstOptimal, widestHanGap(text, line));
      }
    }
    expect(changed).toBeGreaterThan(0);
    expect(worstOptimal).toBeLessThan(worstGreedy);
  });

  it('leaves paragraphs whose greedy lines are already even as they are', async () => {
    const { fonts, shaper } = await loadNodeFonts();
    const greedy = createParagraphComposer({ fonts, shaper, breaker: 'greedy' });
    const optimal = createParagraphComposer({ fonts, shaper });
    const input = paragraph('一二三四五六七八九十'.repeat(4));
    const a = greedy.compose(input, () => ({ x: 0, width: 100 }));
    const b = optimal.compose(input, () => ({ x: 0, width: 100 }));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
