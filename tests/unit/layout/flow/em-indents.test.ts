/**
 * Indents and paragraph spaces in 字/em follow the type size: the default
 * Chinese body's 2字 first-line indent is 18 pt at 小五 (9 pt) and 24 pt at
 * 小四 (12 pt), with the real composer (HarfBuzz, bundled Noto fonts). A
 * value kept in points (every file before schema version 3) stays put.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeComposer } from '../../../../main/fonts';
import { composeEdition } from '../../../../shared/layout/compose-edition';
import type { DisplayLine, DisplayList } from '../../../../shared/layout/display-list';
import type { ParagraphComposer } from '../../../../shared/layout/paragraph-types';
import { createEmptyEdition } from '../../../../shared/model/defaults';
import { createBlock, createStory, createTextFrame } from '../../../../shared/model/factories';
import { sequentialIds } from '../../../../shared/model/ids';
import { applyOperation } from '../../../../shared/model/operations';
import type { Edition, ParagraphStyle } from '../../../../shared/model/types';

const BODY =
  '自三大百日行动开展以来，区经济发展提升百日行动领导小组闻令而动，迅速成立工作专班，细化任务清单。';

/** One body paragraph, then one with space before, in a single wide column. */
function edition(): Edition {
  const e = createEmptyEdition({ ids: sequentialIds() });
  const { margins } = e.pages[0];
  e.pages[0] = {
    ...e.pages[0],
    baselineGrid: null,
    frames: [
      createTextFrame(
        'f',
        { x: margins.left, y: margins.top, width: 300, height: 400 },
        { alignToGrid: false },
      ),
    ],
  };
  e.stories = { s: createStory('s', 'Story', [createBlock('body', BODY), createBlock('body', BODY)], ['f']) };
  return e;
}

/** The edition with the body style changed (one upsert, as the style panel does it). */
function withBody(e: Edition, change: Partial<ParagraphStyle>): Edition {
  const style = { ...e.styles.paragraph['ps-body'], ...change };
  return applyOperation(e, { type: 'upsert_paragraph_style', style }).edition;
}

function linesOf(list: DisplayList): DisplayLine[] {
  return list.pages.flatMap((page) => page.items.flatMap((item) => (item.kind === 'text' ? item.lines : [])));
}

/** How far the first line starts right of the second (the first-line indent as printed). */
function printedIndent(list: DisplayList): number {
  const [first, second] = linesOf(list);
  return first.runs[0].x[0] - second.runs[0].x[0];
}

describe('indents and spaces in 字/em', () => {
  let composer: ParagraphComposer;
  beforeAll(async () => {
    composer = await createNodeComposer();
  });

  it('the default Chinese body indent is 2字: 18 pt at 9 pt, 24 pt at 12 pt (小四)', () => {
    const at9 = edition();
    expect(at9.styles.paragraph['ps-body'].firstLineIndent).toEqual({ value: 2, unit: 'em' });
    expect(printedIndent(composeEdition(at9, composer))).toBeCloseTo(18, 3);
    const at12 = withBody(at9, { fontSize: 12, sizeUnit: 'hao', leading: 18 });
    expect(printedIndent(composeEdition(at12, composer))).toBeCloseTo(24, 3);
  });

  it('left and right indents in em narrow every line by the em of the size', () => {
    const plain = composeEdition(withBody(edition(), { firstLineIndent: 0 }), composer);
    const indented = composeEdition(
      withBody(edition(), {
        firstLineIndent: 0,
        fontSize: 12,
        leading: 18,
        leftIndent: { value: 1, unit: 'em' },
        rightIndent: { value: 1, unit: 'em' },
      }),
      composer,
    );
    const [a] = linesOf(plain);
    const [b] = linesOf(indented);
    expect(b.runs[0].x[0] - a.runs[0].x[0]).toBeCloseTo(12, 3);
    // Justified lines end 1 em (12 pt) inside the frame's right edge.
    const frameRight = a.runs[0].x[0] + 300;
    const rightEdges = linesOf(indented)
      .filter((line) => line.block === 0)
      .slice(0, -1) // the last line of the paragraph is not justified
      .map((line) => {
        const run = line.runs[line.runs.length - 1];
        return run.x[run.x.length - 1] + run.advances[run.advances.length - 1];
      });
    expect(rightEdges.length).toBeGreaterThan(0);
    for (const edge of rightEdges) expect(edge).toBeCloseTo(frameRight - 12, 1);
  });

  it('space before in em follows the size', () => {
    const gapAt = (size: number) => {
      const list = composeEdition(
        withBody(edition(), {
          fontSize: size,
          leading: size * 1.5,
          spaceBefore: { value: 1, unit: 'em' },
        }),
        composer,
      );
      const lines = linesOf(list);
      const secondParagraph = lines.findIndex((l, i) => i > 0 && l.block === 1);
      return lines[secondParagraph].y - lines[secondParagraph - 1].y - size * 1.5;
    };
    expect(gapAt(9)).toBeCloseTo(9, 3);
    expect(gapAt(12)).toBeCloseTo(12, 3);
  });

  it('an indent kept in points (files before version 3) stays 18 pt when the size changes', () => {
    const old = withBody(edition(), { firstLineIndent: 18 });
    const bigger = withBody(old, { fontSize: 12, leading: 18 });
    expect(printedIndent(composeEdition(old, composer))).toBeCloseTo(18, 3);
    expect(printedIndent(composeEdition(bigger, composer))).toBeCloseTo(18, 3);
  });
});
