/**
 * Odd but possible editions compose without throwing, and what is set stays
 * inside its frame: zero-size and narrow frames, empty stories and blocks,
 * threads naming missing or non-text frames, a frame named by two threads,
 * zero leading, wrap covering a whole frame.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeEdition } from '../../../../shared/layout/compose-edition';
import { createBlock } from '../../../../shared/model/factories';
import type { BlockRole } from '../../../../shared/model/types';
import { createFixedComposer } from './fixed-composer';
import { addFrame, addStory, body, boxWrappedImage, columnsFrame, han, testEdition } from './test-edition';

describe('odd editions', () => {
  it('compose without throwing, and set lines stay inside their frames', () => {
    const roles: BlockRole[] = ['headline', 'lead-in', 'body', 'section-head', 'caption', 'byline'];
    const frameArb = fc.record({
      x: fc.integer({ min: 0, max: 300 }),
      y: fc.integer({ min: 0, max: 300 }),
      width: fc.integer({ min: 0, max: 200 }),
      height: fc.integer({ min: 0, max: 200 }),
      columns: fc.integer({ min: 0, max: 4 }),
      gutter: fc.integer({ min: 0, max: 30 }),
      page: fc.nat(1),
      wrap: fc.boolean(),
    });
    const blockArb = fc.record({ role: fc.constantFrom(...roles), length: fc.nat(40) });
    fc.assert(
      fc.property(
        fc.array(frameArb, { minLength: 1, maxLength: 5 }),
        fc.array(
          fc.record({
            blocks: fc.array(blockArb, { maxLength: 5 }),
            thread: fc.array(fc.nat(6), { maxLength: 4 }),
          }),
          {
            maxLength: 3,
          },
        ),
        fc.constantFrom(0, 15),
        (frames, stories, leading) => {
          const edition = testEdition(2);
          edition.styles.paragraph['ps-body'] = { ...edition.styles.paragraph['ps-body'], leading };
          frames.forEach((f, i) => {
            const frame = columnsFrame(`t${i}`, f.x, f.y, 1, {
              width: f.width,
              height: f.height,
              columns: f.columns,
              gutter: f.gutter,
            });
            addFrame(edition, f.page, frame);
            if (f.wrap) {
              addFrame(
                edition,
                f.page,
                boxWrappedImage(`i${i}`, { x: f.x + 10, y: f.y + 10, width: 40, height: 40 }, 2),
              );
            }
          });
          stories.forEach((s, i) => {
            const blocks = s.blocks.map((b, k) => createBlock(b.role, han(b.length, k * 50)));
            addStory(
              edition,
              `s${i}`,
              blocks.length ? blocks : [body('')],
              s.thread.map((n) => (n % 2 ? `t${n}` : `i${n}`)),
            );
          });
          const list = composeEdition(edition, createFixedComposer());
          for (const page of list.pages) {
            for (const item of page.items) {
              if (item.kind !== 'text') continue;
              for (const line of item.lines) {
                expect(line.x).toBeGreaterThanOrEqual(item.x - 1e-6);
                expect(line.x + line.width).toBeLessThanOrEqual(item.x + item.width + 1e-6);
                expect(line.y).toBeGreaterThanOrEqual(item.y - 1e-6);
                expect(line.y).toBeLessThanOrEqual(item.y + item.height + 1e-6);
              }
            }
          }
          for (const report of Object.values(list.stories)) {
            expect(report.charactersSet + report.oversetCharacters).toBe(report.totalCharacters);
          }
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });
});
