/**
 * The screen = print check shared by the tests: compares the glyphs read
 * back from a PDF (pdf.js, see read-pdf.ts) with the display list it was
 * painted from.
 */
import type { DisplayList } from '../../../../shared/layout/display-list';
import type { Edition } from '../../../../shared/model/types';
import { textFramesInWritingOrder } from '../../../../main/pdf/text-order';
import type { Boxes, PdfPageGlyphs } from './read-pdf';

export const TOLERANCE = 0.01;

interface ExpectedGlyph {
  x: number;
  y: number;
  runIndex: number;
  runText: string;
}

/**
 * Every glyph of a display page in the order the PDF writes it (text frames
 * story by story in reading order, text-order.ts), as the display list places it.
 */
function expectedGlyphs(list: DisplayList, edition: Edition, pageIndex: number): ExpectedGlyph[] {
  const out: ExpectedGlyph[] = [];
  let runIndex = 0;
  for (const item of textFramesInWritingOrder(edition, list.pages[pageIndex])) {
    for (const line of item.lines) {
      for (const run of line.runs) {
        run.glyphs.forEach((_, i) => out.push({ x: run.x[i], y: run.y, runIndex, runText: run.text }));
        runIndex++;
      }
    }
  }
  return out;
}

export interface PositionReport {
  glyphs: number;
  worst: number;
  problems: string[];
}

/**
 * Glyph i of page p in the PDF must sit at glyph i of the display page
 * (within 0.01 pt on both axes, after moving the origin to the TrimBox's
 * top-left), and each run's glyphs must map back to the run's text.
 */
export function comparePositions(
  list: DisplayList,
  edition: Edition,
  boxes: Boxes[],
  pdf: PdfPageGlyphs[],
): PositionReport {
  const report: PositionReport = { glyphs: 0, worst: 0, problems: [] };
  list.pages.forEach((_, p) => {
    const [trimLeft, , , trimTop] = boxes[p].TrimBox;
    const expected = expectedGlyphs(list, edition, p);
    // Marks (the slug line) come after the page's own glyphs.
    const actual = pdf[p].glyphs.slice(0, expected.length);
    if (actual.length !== expected.length) {
      report.problems.push(
        `page ${p + 1}: ${actual.length} glyphs in the PDF, ${expected.length} in the display list`,
      );
      return;
    }
    const texts = new Map<number, string>();
    expected.forEach((want, i) => {
      const got = actual[i];
      const dx = Math.abs(got.x - trimLeft - want.x);
      const dy = Math.abs(trimTop - got.y - want.y);
      report.worst = Math.max(report.worst, dx, dy);
      if (dx > TOLERANCE || dy > TOLERANCE) {
        report.problems.push(
          `page ${p + 1} glyph ${i} '${got.unicode}' off by (${dx.toFixed(4)}, ${dy.toFixed(4)}) pt`,
        );
      }
      texts.set(want.runIndex, (texts.get(want.runIndex) ?? '') + got.unicode);
      report.glyphs++;
    });
    for (const want of expected) {
      const got = texts.get(want.runIndex);
      if (got !== undefined && got !== want.runText) {
        report.problems.push(`page ${p + 1}: run '${want.runText}' reads back as '${got}'`);
        texts.delete(want.runIndex);
      }
    }
  });
  return report;
}

/** The text of a story as the edition holds it (fields left out). */
export function storyText(edition: Edition, storyId: string): string {
  return edition.stories[storyId].blocks
    .map((b) => b.children.map((c) => (c.field ? '' : c.text)).join(''))
    .join('');
}

export interface StoryTextResult {
  storyId: string;
  extracted: string;
  expected: string;
  /** How the two were compared. */
  mode: 'equal' | 'prefix (overset)' | 'skipped (fields)';
}

/**
 * Each story's text as read from the PDF: the characters (ToUnicode, via
 * pdf.js) of its frames' glyphs, frame by frame in thread order. The PDF's
 * glyphs are cut into frames by the display list's glyph counts (frames are
 * written in text-order.ts's order, and comparePositions has checked that
 * glyph i is where the display list's glyph i is). Whitespace is ignored
 * (a line break is a space in Latin text and nothing in Chinese).
 */
export function extractStories(
  list: DisplayList,
  edition: Edition,
  _boxes: Boxes[],
  pdf: PdfPageGlyphs[],
): StoryTextResult[] {
  const byFrame = new Map<string, string>();
  list.pages.forEach((page, p) => {
    let next = 0;
    for (const item of textFramesInWritingOrder(edition, page)) {
      const count = item.lines.reduce(
        (sum, line) => sum + line.runs.reduce((n, run) => n + run.glyphs.length, 0),
        0,
      );
      const text = pdf[p].glyphs
        .slice(next, next + count)
        .map((g) => g.unicode)
        .join('');
      next += count;
      if (!item.fromMaster) byFrame.set(item.frameId, (byFrame.get(item.frameId) ?? '') + text);
    }
  });
  const squash = (text: string) => text.replace(/\s+/g, '');
  return Object.values(edition.stories)
    .filter((story) => story.thread.some((id) => byFrame.has(id)))
    .map((story) => {
      const extracted = squash(story.thread.map((id) => byFrame.get(id) ?? '').join(''));
      const expected = squash(storyText(edition, story.id));
      const hasFields = story.blocks.some((b) => b.children.some((c) => c.field));
      const overset = (list.stories[story.id]?.oversetCharacters ?? 0) > 0;
      return {
        storyId: story.id,
        extracted,
        expected,
        mode: hasFields ? 'skipped (fields)' : overset ? 'prefix (overset)' : 'equal',
      };
    });
}
