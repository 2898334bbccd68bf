/**
 * A stand-in paragraph composer for flow tests: every character is exactly
 * one em of its span's size wide and a line breaks after as many characters
 * as fit, so every position the flow produces can be computed by hand.
 * Characters in `missing` are reported as having no glyph.
 */
import type { GlyphRun } from '../../../../shared/layout/display-list';
import type {
  ComposedLine,
  ComposedParagraph,
  LineSlots,
  ParagraphComposer,
  ParagraphInput,
} from '../../../../shared/layout/paragraph-types';

export const MISSING_FOR_TESTS = new Set([0x20bb7]);

export function createFixedComposer(): ParagraphComposer & { calls: number } {
  const composer = {
    calls: 0,
    compose(input: ParagraphInput, slots: LineSlots, from = 0): ComposedParagraph {
      composer.calls++;
      const { text, spans } = input;
      const spanAt = (offset: number) => spans.find((s) => offset >= s.start && offset < s.end) ?? spans[0];
      const lines: ComposedLine[] = [];
      let offset = from;
      while (offset < text.length) {
        const slot = slots(lines.length);
        if (!slot) break;
        const start = offset;
        let x = slot.x;
        const runs: GlyphRun[] = [];
        let maxSize = 0;
        while (offset < text.length) {
          const codePoint = text.codePointAt(offset)!;
          const units = codePoint > 0xffff ? 2 : 1;
          const span = spanAt(offset);
          if (x + span.size > slot.x + slot.width + 1e-9 && offset > start) break;
          if (x + span.size > slot.x + slot.width + 1e-9) break;
          const fontKey = `${span.fontFamily.replace(/\s+/g, '')}-${span.fontWeight}`;
          let run = runs[runs.length - 1];
          if (!run || run.fontKey !== fontKey || run.size !== span.size || run.color !== span.color) {
            run = {
              fontKey,
              size: span.size,
              color: span.color,
              y: -span.baselineShift,
              glyphs: [],
              x: [],
              advances: [],
              clusters: [],
              text: '',
              fauxItalic: false,
              fauxBold: false,
            };
            runs.push(run);
          }
          run.glyphs.push(codePoint);
          run.x.push(x);
          run.advances.push(span.size);
          run.clusters.push(offset);
          run.text += text.slice(offset, offset + units);
          maxSize = Math.max(maxSize, span.size);
          x += span.size;
          offset += units;
        }
        if (offset === start) break; // a slot narrower than one character: give up here
        lines.push({
          start,
          end: offset,
          x: slot.x,
          width: slot.width,
          ascent: 0.88 * maxSize,
          descent: 0.12 * maxSize,
          hyphenated: false,
          runs,
        });
      }
      const missing: { offset: number; codePoint: number }[] = [];
      for (let i = from; i < text.length; i++) {
        const cp = text.codePointAt(i)!;
        if (MISSING_FOR_TESTS.has(cp)) missing.push({ offset: i, codePoint: cp });
        if (cp > 0xffff) i++;
      }
      return { lines, end: offset, missing };
    },
  };
  return composer;
}
