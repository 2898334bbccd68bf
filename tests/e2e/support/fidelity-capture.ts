/**
 * Capturing the page canvas at 150 dpi and the exported PDF through poppler at
 * 150 dpi, for the fidelity tests: pixels, line boxes as the browser laid them
 * out, and the PDF's text runs as pdf.js reads them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readGrey, type Grey } from './pixels';

export const DPI = 150;
/** Device pixels per point at 150 dpi. */
export const PX = DPI / 72;

export interface LineBox {
  text: string;
  /** The line's ink box as the browser laid it out (pt). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the browser put the line's first glyph: its pen position and baseline (pt). */
  originX: number;
  baseline: number;
  /**
   * For a line whose first glyph is an opening mark (「“《), how far right of
   * where it is drawn its pen may be (pt): squeezed at a line start it is
   * drawn left of its pen by up to half an em, and the PDF writes such a
   * glyph from its pen (main/pdf/set-boxes.ts). 0 for other lines.
   */
  penSlack: number;
}

export interface PdfRun {
  text: string;
  /** Pen position and baseline in page points (origin top-left of the trimmed page). */
  x: number;
  baseline: number;
}

/** The PDF's text runs with their origins, as pdf.js reads them from the content stream. */
export async function pdfRuns(pdf: string, trim: { left: number; top: number }): Promise<PdfRun[]> {
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
export function trimOffset(pdf: string): { left: number; top: number; width: number; height: number } {
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
export function paperEdge(image: Grey, expectedX: number, expectedY: number) {
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

export interface CanvasCapture {
  canvas: Grey;
  lines: LineBox[];
  /** Where the page starts inside the capture's first pixel (device px, 0 ≤ shift < 1). */
  shift: { x: number; y: number };
}

/**
 * The first page of the canvas at 150 dpi. The page must be at actual size in a
 * context with deviceScaleFactor 150/96, in Preview.
 */
export async function captureCanvas(page: Page): Promise<CanvasCapture> {
  const view = page.getByTestId('page-1');
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
  const shift = edge.fraction;
  const canvas = await readGrey(shot, {
    left: edge.left,
    top: edge.top,
    width: Math.round(rect.width * scale),
    height: Math.round(rect.height * scale),
  });
  const lines: LineBox[] = await view.locator('g.line').evaluateAll((groups) =>
    groups
      .filter((group) => group.querySelector('text'))
      .map((group) => {
        const box = (group as SVGGElement).getBBox();
        const first = group.querySelector('text') as SVGTextElement;
        const origin = first.getStartPositionOfChar(0);
        const opening = /^[\p{Ps}\p{Pi}]/u.test(first.textContent ?? '');
        const size = parseFloat(first.getAttribute('font-size') ?? '0');
        return {
          text: group.textContent ?? '',
          x: box.x,
          y: box.y,
          width: box.width,
          height: box.height,
          originX: origin.x,
          baseline: origin.y,
          penSlack: opening ? size / 2 : 0,
        };
      }),
  );

  return { canvas, lines, shift };
}

export interface PrintCapture {
  printed: Grey;
  runs: PdfRun[];
}

/** Page 1 of a PDF rendered by poppler at 150 dpi, cropped to its TrimBox, and its text runs. */
export async function capturePdf(
  pdf: string,
  folder: string,
  size: { width: number; height: number },
): Promise<PrintCapture> {
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
  const runs = await pdfRuns(pdf, trim);
  const printed = await readGrey(png, {
    left: Math.round(trim.left * PX),
    top: Math.round(trim.top * PX),
    width: Math.min(size.width, Math.round(trim.width * PX)),
    height: Math.min(size.height, Math.round(trim.height * PX)),
  });
  return { printed, runs };
}
