/**
 * Screen = print: the exported PDF, read back by pdf.js and poppler, puts
 * every glyph where the display list says (within 0.01 pt) and gives back
 * every story's text. Until the composer and the sample edition land, the
 * display list is a hand-set three-page fixture with real glyphs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DisplayList, DisplayTextFrame } from '../../../shared/layout/display-list';
import type { Edition } from '../../../shared/model/types';
import { renderPdf } from '../../../main/pdf/render-pdf';
import { resolveOptions } from '../../../main/pdf/options';
import { multiPageFixture } from './fixtures/multi-page';
import { popplerText, readBoxes, readGlyphs, readText, type PdfPageGlyphs } from './helpers/read-pdf';

const TOLERANCE = 0.01;

interface ExpectedGlyph {
  x: number;
  y: number;
  runText: string;
  runIndex: number;
}

/** Every glyph of a display page in paint order, as the display list places it. */
function expectedGlyphs(list: DisplayList, pageIndex: number): ExpectedGlyph[] {
  const out: ExpectedGlyph[] = [];
  let runIndex = 0;
  for (const item of list.pages[pageIndex].items) {
    if (item.kind !== 'text') continue;
    for (const line of item.lines) {
      for (const run of line.runs) {
        run.glyphs.forEach((_, i) => out.push({ x: run.x[i], y: run.y, runText: run.text, runIndex }));
        runIndex++;
      }
    }
  }
  return out;
}

function storyText(edition: Edition, storyId: string): string {
  return edition.stories[storyId].blocks.map((b) => b.children.map((c) => c.text).join('')).join('');
}

export function checkScreenEqualsPrint(
  list: DisplayList,
  edition: Edition,
  pdf: { bytes: Uint8Array; path: string; pages: PdfPageGlyphs[] },
) {
  const boxes = readBoxes(pdf.path);
  let checked = 0;
  let worst = 0;
  list.pages.forEach((_, p) => {
    const [trimLeft, , , trimTop] = boxes[p].TrimBox;
    const expected = expectedGlyphs(list, p);
    // The slug line (after the page's own glyphs) is not part of the display list.
    const actual = pdf.pages[p].glyphs.slice(0, expected.length);
    expect(actual.length).toBe(expected.length);
    const runTexts = new Map<number, string>();
    expected.forEach((want, i) => {
      const got = actual[i];
      const dx = Math.abs(got.x - trimLeft - want.x);
      const dy = Math.abs(trimTop - got.y - want.y);
      worst = Math.max(worst, dx, dy);
      if (dx > TOLERANCE || dy > TOLERANCE) {
        throw new Error(
          `page ${p + 1} glyph ${i} ('${got.unicode}') is off by (${dx.toFixed(4)}, ${dy.toFixed(4)}) pt`,
        );
      }
      runTexts.set(want.runIndex, (runTexts.get(want.runIndex) ?? '') + got.unicode);
      checked++;
    });
    // Each run's glyphs map back (ToUnicode) to exactly the run's characters.
    const wantTexts = new Map(expected.map((g) => [g.runIndex, g.runText]));
    for (const [index, text] of runTexts) expect(text).toBe(wantTexts.get(index));
  });
  return { checked, worst };
}

describe('screen = print on a three-page edition', () => {
  const { list, edition } = multiPageFixture();
  let bytes: Uint8Array;
  let path: string;
  let pages: PdfPageGlyphs[];

  beforeAll(async () => {
    bytes = await renderPdf({
      edition,
      displayList: list,
      assets: new Map(),
      options: resolveOptions({ preset: 'press', exportedAt: new Date('2026-11-27T10:00:00Z') }),
    });
    path = join(mkdtempSync(join(tmpdir(), 'folio-pdf-')), 'fixture.pdf');
    writeFileSync(path, bytes);
    pages = await readGlyphs(bytes);
  });

  it('puts every glyph at its display-list position within 0.01 pt (pdf.js replay of the content streams)', () => {
    const { checked, worst } = checkScreenEqualsPrint(list, edition, { bytes, path, pages });
    expect(checked).toBeGreaterThan(300);
    expect(worst).toBeLessThan(TOLERANCE);
  });

  it('starts every line where poppler finds it too (pdftotext -bbox, a second reader)', () => {
    const html = popplerText(path, ['-bbox']);
    const boxes = readBoxes(path);
    const words = [
      ...html.matchAll(
        /<page width="[\d.]+" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">/g,
      ),
    ];
    // Poppler's coordinates are y-down from the MediaBox's top; word x starts at the pen position.
    let page = -1;
    const xMinsByPage: number[][] = [];
    for (const w of words) {
      if (w[1]) xMinsByPage[++page] = [];
      else xMinsByPage[page].push(Number(w[2]));
    }
    list.pages.forEach((displayPage, p) => {
      const trimLeft = boxes[p].TrimBox[0];
      for (const item of displayPage.items) {
        if (item.kind !== 'text') continue;
        for (const line of item.lines) {
          const x = line.runs[0].x[0] + trimLeft;
          const nearest = Math.min(...xMinsByPage[p].map((w) => Math.abs(w - x)));
          expect(nearest).toBeLessThan(TOLERANCE);
        }
      }
    });
  });

  it("gives back every story's text, in reading order (pdf.js text extraction)", async () => {
    const items = await readText(bytes);
    const boxes = readBoxes(path);
    const byFrame = new Map<string, string>();
    list.pages.forEach((displayPage, p) => {
      const [trimLeft, , , trimTop] = boxes[p].TrimBox;
      const frames = displayPage.items.filter((i): i is DisplayTextFrame => i.kind === 'text');
      for (const item of items[p]) {
        const x = item.x - trimLeft;
        const y = trimTop - item.y;
        const frame = frames.find(
          (f) => x >= f.x - 1 && x <= f.x + f.width + 1 && y >= f.y - 1 && y <= f.y + f.height + 1,
        );
        // A line break in the PDF is a space in the story (Latin) or nothing (Chinese): compare without it.
        if (frame)
          byFrame.set(frame.frameId, (byFrame.get(frame.frameId) ?? '') + item.str + (item.eol ? ' ' : ''));
      }
    });
    for (const story of Object.values(edition.stories)) {
      const extracted = story.thread.map((frameId) => byFrame.get(frameId) ?? '').join('');
      const want = storyText(edition, story.id);
      expect(extracted.replace(/\s+/g, '')).toBe(want.replace(/\s+/g, ''));
      // Latin text also keeps its word spaces (line ends break at spaces).
      if (/[A-Za-z]{3}/.test(want)) expect(extracted.replace(/\s+/g, ' ').trim()).toBe(want);
    }
  });

  it('is searchable by poppler in Chinese and English (content order, -raw)', () => {
    const text = popplerText(path, ['-raw']).replace(/\s+/g, '');
    expect(text).toContain('智慧岛核心区已建成');
    expect(text).toContain('“四上”企业');
    expect(text).toContain('Foliosetseveryglyphitself');
  });
});
