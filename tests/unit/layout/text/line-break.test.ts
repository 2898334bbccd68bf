import { describe, expect, it } from 'vitest';
import { fixtures } from './line-break.fixtures';
import { latinFixtures } from './latin-mixed.fixtures';
import { set, setWidth } from './helpers';

describe('golden line breaks (Chinese, English, mixed)', () => {
  for (const fixture of [...fixtures, ...latinFixtures]) {
    it(fixture.rule, async () => {
      const width = fixture.input.width ?? 100;
      const result = await set(fixture.input.text, { width, style: fixture.input.style });
      expect(result.texts).toEqual(fixture.output);
      expect(result.texts).not.toEqual(fixture.without);
      // Nothing lost: the lines cover the text in order.
      expect(result.texts.join('')).toBe(fixture.input.text);
      expect(result.end).toBe(fixture.input.text.length);
      // Every justified line but the last (and lines ended by a forced break) fills the measure.
      result.lines.forEach((line, i) => {
        const last = i === result.lines.length - 1 || '\u2028\n\r'.includes(fixture.input.text[line.end - 1]);
        if (!last) expect(Math.abs(setWidth(line) - width)).toBeLessThan(0.01);
        else expect(setWidth(line)).toBeLessThanOrEqual(width + 0.01);
      });
    });
  }
});
