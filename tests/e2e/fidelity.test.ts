/**
 * What you see is what prints: the sample page on the canvas, captured at
 * 150 dpi, against the exported PDF rendered at 150 dpi by poppler. Under 1 %
 * of pixels may differ (beyond anti-aliasing), and every line of text must
 * sit where the PDF has it, within half a pixel.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebHost } from '../../main/web/host';
import { AppPage } from './support/app-page';
import { launchBrowser } from './support/browser';
import { differingFraction, inkCentroid, readGrey, type Grey } from './support/pixels';
import { startTestHost } from './support/web-host';

const DPI = 150;
/** Device pixels per point at 150 dpi. */
const PX = DPI / 72;

interface LineBox {
  text: string;
  /** The line's ink box as the browser laid it out (pt). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the browser put the line's first glyph: its pen position and baseline (pt). */
  originX: number;
  baseline: number;
}

interface PdfRun {
  text: string;
  /** Pen position and baseline in page points (origin top-left of the trimmed page). */
  x: number;
  baseline: number;
}

/** The PDF's text runs with their origins, as pdf.js reads them from the content stream. */
async function pdfRuns(pdf: string, trim: { left: number; top: number }): Promise<PdfRun[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(readFileSync(pdf)), disableFontFace: true })
    .promise;
  const page = await document.getPage(1);
  const [, , , mediaTop] = page.view;
  const content = await page.getTextContent();
  return content.items
    .filter(
      (item): item is typeof item & { str: string; transform: number[] } =>
        'str' in item && item.str.trim().length > 0,
    )
    .map((item) => ({
      text: item.str.replace(/\s+/g, ''),
      x: item.transform[4] - trim.left,
      baseline: mediaTop - item.transform[5] - trim.top,
    }));
}

/** The PDF's TrimBox relative to its MediaBox, in points (pdfinfo -box). */
function trimOffset(pdf: string): { left: number; top: number; width: number; height: number } {
  const info = execFileSync('pdfinfo', ['-box', '-f', '1', '-l', '1', pdf], { encoding: 'utf8' });
  const box = (name: string) => {
    const match = new RegExp(
      `Page\\s+1\\s+${name}:\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`,
    ).exec(info);
    if (!match) throw new Error(`pdfinfo printed no ${name}`);
    return match.slice(1).map(Number);
  };
  const media = box('MediaBox');
  const trim = box('TrimBox');
  return {
    left: trim[0] - media[0],
    top: media[3] - trim[3],
    width: trim[2] - trim[0],
    height: trim[3] - trim[1],
  };
}

/**
 * The first device pixel of white paper near the expected corner of the page
 * (on the dark canvas background), and how much of the pixel before it the
 * paper already covers (0 ≤ fraction < 1).
 */
function paperEdge(image: Grey, expectedX: number, expectedY: number) {
  const at = (x: number, y: number) => image.data[y * image.width + x];
  const probeX = expectedX + 200;
  const probeY = expectedY + 200;
  let top = expectedY - 4;
  while (at(probeX, top) < 250) top++;
  let left = expectedX - 4;
  while (at(left, probeY) < 250) left++;
  const background = at(probeX, top - 3);
  const covered = (value: number) => Math.max(0, Math.min(0.999, (value - background) / (255 - background)));
  return { left, top, fraction: { x: covered(at(left - 1, probeY)), y: covered(at(probeX, top - 1)) } };
}

describe('the canvas shows the page as it prints', () => {
  let host: WebHost;
  let browser: BrowserContext;
  let canvas: Grey;
  let printed: Grey;
  let runs: PdfRun[];
  let lines: LineBox[];
  /** Where the page starts inside the canvas capture's first pixel (device px, 0 ≤ shift < 1). */
  let shift = { x: 0, y: 0 };

  beforeAll(async () => {
    host = await startTestHost();
    // Actual size (96 CSS px per 72 pt) on a 150/96 device-pixel display = 150 dpi.
    browser = await launchBrowser({ viewport: { width: 2200, height: 2400 }, deviceScaleFactor: DPI / 96 });
    const page = await browser.newPage();
    const app = new AppPage(page);
    await app.open(host.url);
    await app.canvas.actualSize();
    await app.menu.choose('view', 'view.preview');
    await page.evaluate(() => document.fonts.ready);

    const view = app.canvas.pageView(1);
    // Put the page's corner on a whole device pixel, as the PDF raster's corner is: Chromium snaps
    // text baselines to device pixels, so a page starting mid-pixel would shift every line.
    const scale = DPI / 96;
    const corner = () =>
      view.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return { x: box.x, y: box.y, width: box.width, height: box.height };
      });
    for (let attempt = 0; attempt < 3; attempt++) {
      const rect = await corner();
      const nudgeX = (Math.ceil(rect.x * scale - 1e-3) - rect.x * scale) / scale;
      const nudgeY = (Math.ceil(rect.y * scale - 1e-3) - rect.y * scale) / scale;
      if (nudgeX < 1e-3 && nudgeY < 1e-3) break;
      await page.evaluate(
        ({ x, y }) => {
          const stack = document.querySelector<HTMLElement>('.page-stack')!;
          stack.style.marginLeft = `${parseFloat(stack.style.marginLeft || '0') + x}px`;
          stack.style.marginTop = `${parseFloat(stack.style.marginTop || '0') + y}px`;
        },
        { x: nudgeX, y: nudgeY },
      );
    }
    const rect = await corner();
    // Playwright rounds a clip to CSS pixels, so capture the viewport and crop in device pixels.
    const shot = await page.screenshot({ animations: 'disabled' });
    // The compositor may place the page a pixel off its layout rectangle: find the paper's edge itself.
    const whole = await readGrey(shot);
    const edge = paperEdge(whole, Math.round(rect.x * scale), Math.round(rect.y * scale));
    shift = edge.fraction;
    canvas = await readGrey(shot, {
      left: edge.left,
      top: edge.top,
      width: Math.round(rect.width * scale),
      height: Math.round(rect.height * scale),
    });
    lines = await view.locator('g.line').evaluateAll((groups) =>
      groups
        .filter((group) => group.querySelector('text'))
        .map((group) => {
          const box = (group as SVGGElement).getBBox();
          const first = group.querySelector('text') as SVGTextElement;
          const origin = first.getStartPositionOfChar(0);
          return {
            text: group.textContent ?? '',
            x: box.x,
            y: box.y,
            width: box.width,
            height: box.height,
            originX: origin.x,
            baseline: origin.y,
          };
        }),
    );

    const folder = mkdtempSync(join(tmpdir(), 'folio-fidelity-'));
    const pdf = join(folder, 'page.pdf');
    await app.menu.choose('file', 'file.exportPdf');
    await app.answerPathDialog(pdf);
    await page.getByTestId('notice').filter({ hasText: pdf }).waitFor({ timeout: 60_000 });
    execFileSync('pdftoppm', [
      '-r',
      String(DPI),
      '-f',
      '1',
      '-l',
      '1',
      '-png',
      '-aa',
      'yes',
      '-aaVector',
      'yes',
      pdf,
      join(folder, 'print'),
    ]);
    const png = readFileSync(join(folder, 'print-1.png'));

    const trim = trimOffset(pdf);
    runs = await pdfRuns(pdf, trim);
    printed = await readGrey(png, {
      left: Math.round(trim.left * PX),
      top: Math.round(trim.top * PX),
      width: Math.min(canvas.width, Math.round(trim.width * PX)),
      height: Math.min(canvas.height, Math.round(trim.height * PX)),
    });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('has the page at the PDF’s size', () => {
    expect(Math.abs(canvas.width - printed.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(canvas.height - printed.height)).toBeLessThanOrEqual(1);
  });

  it('differs from the printed page in under 1 % of pixels', () => {
    const fraction = differingFraction(canvas, printed);
    console.log(`fidelity: ${(fraction * 100).toFixed(3)} % of pixels differ beyond anti-aliasing`);
    expect(fraction).toBeLessThan(0.01);
  });

  it('puts every line of text within half a pixel of where the PDF has it', () => {
    expect(lines.length).toBeGreaterThan(100);
    let worst = 0;
    let worstLine = '';
    for (const line of lines) {
      const text = line.text.replace(/\s+/g, '');
      // The PDF run that starts this line: same first characters, nearest origin.
      const candidates = runs.filter(
        (run) => run.text.length > 0 && (text.startsWith(run.text) || run.text.startsWith(text)),
      );
      const nearest = candidates.sort(
        (a, b) =>
          Math.hypot(a.x - line.originX, a.baseline - line.baseline) -
          Math.hypot(b.x - line.originX, b.baseline - line.baseline),
      )[0];
      expect(nearest, `line "${line.text}" is in the PDF`).toBeTruthy();
      const offset =
        Math.max(Math.abs(nearest.x - line.originX), Math.abs(nearest.baseline - line.baseline)) * PX;
      if (offset > worst) {
        worst = offset;
        worstLine = line.text;
      }
    }
    console.log(
      `fidelity: ${lines.length} lines, largest offset ${worst.toFixed(3)} px ("${worstLine.slice(0, 20)}")`,
    );
    expect(worst).toBeLessThanOrEqual(0.5);
  });

  it('paints every line’s ink where the PDF’s is, up to the rasterisers’ pixel snapping', () => {
    // Chromium rounds a text baseline to the nearest device pixel, poppler floors it (measured: lines
    // whose baseline falls in the lower half of a pixel sit one pixel lower on screen); that is
    // allowed for. What remains is anti-aliasing and neighbouring ink (column rules) at the box
    // edges; a wrong glyph, face or size moves a line's ink much further.
    let worst = 0;
    let worstLine = '';
    for (const line of lines) {
      const box = {
        x: line.x * PX - 2,
        y: line.y * PX - 2,
        width: line.width * PX + 4,
        height: line.height * PX + 4,
      };
      const onScreen = inkCentroid(canvas, box);
      const onPaper = inkCentroid(printed, box);
      expect(Boolean(onScreen), `line "${line.text}" painted`).toBe(Boolean(onPaper));
      if (!onScreen || !onPaper) continue;
      const snapping = Math.round(line.baseline * PX + shift.y) - Math.floor(line.baseline * PX);
      const offset = Math.max(
        Math.abs(onScreen.x + shift.x - onPaper.x),
        Math.abs(onScreen.y - snapping - onPaper.y),
      );
      if (offset > worst) {
        worst = offset;
        worstLine = line.text;
      }
    }
    if (process.env.FOLIO_FIDELITY_DUMP) {
      writeFileSync(join(process.env.FOLIO_FIDELITY_DUMP, 'lines.json'), JSON.stringify({ lines, shift }));
      writeFileSync(join(process.env.FOLIO_FIDELITY_DUMP, 'canvas.raw'), canvas.data);
      writeFileSync(join(process.env.FOLIO_FIDELITY_DUMP, 'print.raw'), printed.data);
    }
    console.log(`fidelity: ink centroids within ${worst.toFixed(3)} px ("${worstLine.slice(0, 20)}")`);
    expect(worst).toBeLessThan(2.5);
  });
});
