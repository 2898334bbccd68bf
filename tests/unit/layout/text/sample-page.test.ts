/**
 * The sample page's stories, set at many measures and every 避头尾 level:
 * the rules of TYPESETTING.md checked line by line, as a proofreader would.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KinsokuLevel } from '../../../../shared/model/types';
import { getComposer, paragraph, setWidth } from './helpers';

const SAMPLE = new URL('../../../fixtures/import/sample-page.txt', import.meta.url);
const paragraphs = readFileSync(SAMPLE, 'utf8')
  .split(/\n+/)
  .map((p) => p.replace(/^#+\s*/, '').trim())
  .filter((p) => p.length > 0);

// Written out from TYPESETTING.md (not taken from the code under test).
const NEVER_AT_START = '、，。．：；！？”’）》〉」』】〕〗〙〛·,.;:!?)%';
const NEVER_AT_END = '“‘（《〈「『【〔〖〘〚(';

describe('the sample page, composed', () => {
  it('has body paragraphs to set', () => {
    expect(paragraphs.length).toBeGreaterThan(10);
  });

  for (const level of ['basic', 'gb', 'strict'] as KinsokuLevel[]) {
    it(`has no 避头尾 violation, split ——/……, or short justified line at level ${level}`, async () => {
      const composer = await getComposer();
      let lineCount = 0;
      for (let width = 95; width <= 215; width += 20) {
        for (const text of paragraphs) {
          const input = paragraph(text, { kinsoku: level, firstLineIndent: 20 });
          const result = composer.compose(input, () => ({ x: 0, width }));
          expect(result.end).toBe(text.length);
          expect(result.lines.map((l) => text.slice(l.start, l.end)).join('')).toBe(text);
          result.lines.forEach((line, i) => {
            lineCount++;
            const shown = text.slice(line.start, line.end);
            const where = `"${shown}" (measure ${width})`;
            if (i > 0) expect(NEVER_AT_START.includes(shown[0]), where).toBe(false);
            if (i < result.lines.length - 1) {
              expect(NEVER_AT_END.includes(shown[shown.length - 1]), where).toBe(false);
              const next = text[line.end];
              const last = shown[shown.length - 1];
              expect((last === '—' && next === '—') || (last === '…' && next === '…'), where).toBe(false);
              if (level === 'strict') expect(next === '—' || next === '…', where).toBe(false);
              const measure = width - (i === 0 ? 20 : 0);
              expect(Math.abs(setWidth(line) - measure), where).toBeLessThan(0.01);
            }
          });
          if (result.lines.length > 1) {
            const last = text.slice(result.lines.at(-1)!.start);
            expect(
              last.replace(/[、，。．：；！？”’）》〉」』】〕〗〙〛,.;:!?)]/g, '').length,
              `孤字 "${last}"`,
            ).toBeGreaterThan(1);
          }
        }
      }
      expect(lineCount).toBeGreaterThan(1000);
    });
  }
});
