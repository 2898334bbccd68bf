/**
 * The caption under each photo of the sample edition stands off the photo
 * by the caption style's gap (`captionGap`): its first line box starts that
 * far below the photo frame's bottom edge, in the display list (what the
 * screen paints) and in the exported PDF read back by pdf.js.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DisplayList, DisplayTextFrame } from '../../../shared/layout/display-list';
import { EM_BOX_ASCENT } from '../../../shared/layout/flow/grid';
import { frameTopGap } from '../../../shared/model/styles';
import type { Edition, ImageFrame } from '../../../shared/model/types';
import { renderPdf } from '../../../main/pdf/render-pdf';
import { resolveOptions } from '../../../main/pdf/options';
import { composeForExport } from '../../../main/pdf/pipeline';
import { loadSampleEdition } from '../../../main/sample';
import { readBoxes, readGlyphs, type Boxes, type PdfPageGlyphs } from './helpers/read-pdf';

/**
 * The top of a line box: the composer stacks em boxes (字面框), whose top is
 * EM_BOX_ASCENT of the type size above the baseline (the font's own ascent
 * reaches higher, above the ink of Han characters).
 */
const lineBoxTop = (baseline: number, size: number) => baseline - EM_BOX_ASCENT * size;

interface Captioned {
  page: number;
  photo: ImageFrame;
  caption: DisplayTextFrame;
  gap: number;
}

let edition: Edition;
let list: DisplayList;
let boxes: Boxes[];
let glyphs: PdfPageGlyphs[];
const captioned: Captioned[] = [];

beforeAll(async () => {
  const sample = await loadSampleEdition();
  edition = sample.edition;
  list = await composeForExport(edition);
  const bytes = await renderPdf({
    edition,
    displayList: list,
    assets: sample.assets,
    options: resolveOptions({ preset: 'press', exportedAt: new Date('2026-11-27T10:00:00Z') }),
  });
  const path = join(mkdtempSync(join(tmpdir(), 'folio-caption-')), 'sample.pdf');
  writeFileSync(path, bytes);
  boxes = readBoxes(path);
  glyphs = await readGlyphs(bytes);
  edition.pages.forEach((page, p) => {
    for (const frame of page.frames) {
      if (frame.kind !== 'image' || !frame.captionStoryId) continue;
      const story = edition.stories[frame.captionStoryId];
      const caption = list.pages[p].items.find(
        (item): item is DisplayTextFrame => item.kind === 'text' && item.frameId === story.thread[0],
      )!;
      const gap = frameTopGap(edition.styles, story.blocks[0]);
      captioned.push({ page: p, photo: frame, caption, gap });
    }
  });
});

describe('captions under the sample photos', () => {
  it('has photos with captions, their frames flush under the photo, the gap 1 mm', () => {
    expect(captioned.length).toBe(2);
    for (const { photo, caption, gap } of captioned) {
      expect(caption.y).toBeCloseTo(photo.y + photo.height, 6);
      expect(gap).toBeCloseTo(72 / 25.4, 6);
      expect(caption.lines.length).toBeGreaterThan(0);
    }
  });

  it("sets the caption's first line box the style's gap below the photo in the display list", () => {
    for (const { photo, caption, gap } of captioned) {
      const first = caption.lines[0];
      const size = first.runs.find((r) => r.glyphs.length > 0)!.size;
      expect(lineBoxTop(first.y, size) - (photo.y + photo.height)).toBeCloseTo(gap, 3);
    }
  });

  it('prints the first line the same gap below the photo in the PDF (pdf.js read-back)', () => {
    for (const { page, photo, caption, gap } of captioned) {
      const run = caption.lines[0].runs.find((r) => r.glyphs.length > 0)!;
      const [trimLeft, , , trimTop] = boxes[page].TrimBox;
      // The PDF glyph at the run's first pen position: its baseline, turned to page coordinates.
      const glyph = glyphs[page].glyphs.find(
        (g) => Math.abs(g.x - trimLeft - run.x[0]) < 0.01 && Math.abs(trimTop - g.y - run.y) < 1,
      );
      expect(glyph, `caption "${caption.lines[0].text}" in the PDF`).toBeDefined();
      expect(glyph!.unicode).toBe(run.text[0]);
      const baseline = trimTop - glyph!.y;
      expect(lineBoxTop(baseline, glyph!.size) - (photo.y + photo.height)).toBeCloseTo(gap, 2);
    }
  });
});
