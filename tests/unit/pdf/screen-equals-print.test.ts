/**
 * Screen = print: the exported PDF, read back by pdf.js and poppler, puts
 * every glyph where the display list says (within 0.01 pt) and gives back
 * every story's text. Three editions: the built-in sample (composed by the
 * real engine), a two-page synthetic edition (real engine, Chinese + Latin +
 * a photo), and a hand-set three-page fixture with justified runs whose
 * positions differ from the fonts' natural advances.
 *
 * How positions are read: pdf.js parses the file (content streams, each
 * font's W widths, TJ arrays) and gives its operator list; read-pdf.ts
 * replays it with the PDF text-positioning rules to get each glyph's
 * origin. Glyph i of a page is compared with glyph i of the display page.
 * A second reader, poppler's pdftotext -bbox, checks every line's start.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DisplayList } from '../../../shared/layout/display-list';
import type { AssetBytes, Edition } from '../../../shared/model/types';
import { renderPdf } from '../../../main/pdf/render-pdf';
import { resolveOptions } from '../../../main/pdf/options';
import { composeForExport } from '../../../main/pdf/pipeline';
import { loadSampleEdition } from '../../../main/sample';
import { composedFixture } from './fixtures/composed-edition';
import { multiPageFixture } from './fixtures/multi-page';
import { popplerText, readBoxes, readGlyphs, type Boxes, type PdfPageGlyphs } from './helpers/read-pdf';
import { TOLERANCE, comparePositions, extractStories } from './helpers/screen-print-check';

interface Exported {
  list: DisplayList;
  edition: Edition;
  path: string;
  boxes: Boxes[];
  glyphs: PdfPageGlyphs[];
}

async function exportAndRead(edition: Edition, list: DisplayList, assets: AssetBytes): Promise<Exported> {
  const bytes = await renderPdf({
    edition,
    displayList: list,
    assets,
    options: resolveOptions({ preset: 'press', exportedAt: new Date('2026-11-27T10:00:00Z') }),
  });
  const path = join(mkdtempSync(join(tmpdir(), 'folio-pdf-')), 'out.pdf');
  writeFileSync(path, bytes);
  return { list, edition, path, boxes: readBoxes(path), glyphs: await readGlyphs(bytes) };
}

const subjects: [string, () => Promise<Exported>][] = [
  [
    'the sample edition',
    async () => {
      const { edition, assets } = await loadSampleEdition();
      return exportAndRead(edition, await composeForExport(edition), assets);
    },
  ],
  [
    'a two-page synthetic edition',
    async () => {
      const { edition, assets } = await composedFixture(2);
      return exportAndRead(edition, await composeForExport(edition), assets);
    },
  ],
  [
    'a hand-set three-page fixture',
    async () => {
      const { list, edition } = multiPageFixture();
      return exportAndRead(edition, list, new Map());
    },
  ],
];

describe.each(subjects)('screen = print: %s', (_name, make) => {
  let pdf: Exported;
  beforeAll(async () => {
    pdf = await make();
  });

  it('puts every glyph at its display-list position within 0.01 pt, and each run reads back as its text', () => {
    const report = comparePositions(pdf.list, pdf.edition, pdf.boxes, pdf.glyphs);
    expect(report.problems.slice(0, 10)).toEqual([]);
    expect(report.glyphs).toBeGreaterThan(100);
    expect(report.worst).toBeLessThan(TOLERANCE);
  });

  it('starts every line where poppler finds a word too (pdftotext -bbox, a second reader)', () => {
    const html = popplerText(pdf.path, ['-bbox']);
    const starts: number[][] = [];
    for (const match of html.matchAll(/<page |<word xMin="([\d.]+)"/g)) {
      if (match[0] === '<page ') starts.push([]);
      else starts[starts.length - 1].push(Number(match[1]));
    }
    let lines = 0;
    pdf.list.pages.forEach((page, p) => {
      const trimLeft = pdf.boxes[p].TrimBox[0];
      for (const item of page.items) {
        if (item.kind !== 'text') continue;
        for (const line of item.lines) {
          // The second part of a printed line (after a run-in lead-in) continues a word poppler already started.
          if (line.continuesLine) continue;
          const first = line.runs.find((r) => r.glyphs.length > 0);
          if (!first || /^\s/.test(first.text)) continue;
          // Poppler's word starts at the first glyph's pen: where it is drawn, or, for a squeezed
          // opening bracket drawn left of its pen, the pen (its PDF glyph starts there, set-boxes.ts).
          const drawn = first.x[0] + trimLeft;
          const pen = first.glyphs.length > 1 ? first.x[1] - first.advances[0] + trimLeft : drawn;
          const near = (x: number) => Math.min(...starts[p].map((w) => Math.abs(w - x)));
          expect(Math.min(near(drawn), near(pen))).toBeLessThan(TOLERANCE);
          lines++;
        }
      }
    });
    expect(lines).toBeGreaterThan(5);
  });

  it("gives back every story's text from the PDF (ToUnicode), frame by frame in thread order", () => {
    const results = extractStories(pdf.list, pdf.edition, pdf.boxes, pdf.glyphs);
    expect(results.filter((r) => r.mode === 'equal').length).toBeGreaterThan(2);
    for (const result of results) {
      if (result.mode === 'equal') expect(result.extracted, result.storyId).toBe(result.expected);
      if (result.mode === 'prefix (overset)')
        expect(result.expected.startsWith(result.extracted), result.storyId).toBe(true);
    }
  });
});

describe('text order for copy and search', () => {
  it('poppler finds Chinese and Latin phrases in content order (-raw)', async () => {
    const { list, edition } = multiPageFixture();
    const pdf = await exportAndRead(edition, list, new Map());
    const text = popplerText(pdf.path, ['-raw']).replace(/\s+/g, '');
    expect(text).toContain('智慧岛核心区已建成');
    expect(text).toContain('“四上”企业');
    expect(text).toContain('Foliosetseveryglyphitself');
  });
});
