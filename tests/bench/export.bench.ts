/**
 * PDF export against Chromium's page.pdf() of the same content: the same
 * display list drawn as SVG pages (every glyph at the same position, the
 * same font files through @font-face, the same images), printed by a warm
 * browser. Both sides start from a composed display list; times are medians
 * of warm runs measured in the same process, sizes are the PDFs' bytes.
 * Goals: Folio at least 2× faster (issue 4) and no larger (issue 14: the
 * size ratio Chromium ÷ Folio ≥ 1×), and for Press, photos that differ from
 * a full-resolution, quality-100 export by under 2 levels of 255 at 300 dpi
 * (halftone-cell scale, tests/unit/pdf/helpers/photo-difference.ts); and
 * what the files hold (pdf-output-figures.ts): each photo stored once at no
 * more than the preset's resolution, one font program per face, how
 * pdftotext's default mode reads the stories, the Proof's structure tree,
 * article threads in both presets, PDF/X-1a kept.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { DisplayList } from '../../shared/layout/display-list';
import type { AssetBytes, Edition } from '../../shared/model/types';
import { composeForExport } from '../../main/pdf/pipeline';
import { renderPdf } from '../../main/pdf/render-pdf';
import { resolveOptions, type ExportPreset } from '../../main/pdf/options';
import { resolveFontFile } from '../../main/pdf/font-files';
import { clearImageCache } from '../../main/pdf/image-cache';
import { composedFixture } from '../unit/pdf/fixtures/composed-edition';
import { displayListHtml } from '../unit/pdf/helpers/display-list-html';
import { launchChromium } from '../support/chromium';
import { listenOnLoopback } from '../support/loopback';
import { photoDifferences } from '../unit/pdf/helpers/photo-difference';
import { stats, type Bench, type BenchResult } from './bench';
import { outputFigures } from './pdf-output-figures';

const RUNS = 5;

interface Subject {
  name: string;
  edition: Edition;
  assets: AssetBytes;
  list: DisplayList;
}

async function sampleSubject(): Promise<Subject | null> {
  try {
    const sample = (await import(/* @vite-ignore */ `${'../../main/sample'}/index.ts`)) as {
      loadSampleEdition?: () => Promise<{
        edition: Edition;
        assets: AssetBytes | Record<string, Uint8Array>;
      }>;
    };
    if (!sample.loadSampleEdition) return null;
    const loaded = await sample.loadSampleEdition();
    const assets = loaded.assets instanceof Map ? loaded.assets : new Map(Object.entries(loaded.assets));
    return {
      name: 'sample edition',
      edition: loaded.edition,
      assets,
      list: await composeForExport(loaded.edition),
    };
  } catch {
    return null;
  }
}

/** Serves the page, fonts and images to Chromium on 127.0.0.1. */
function serve(subject: () => Subject, html: () => string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/fonts/')) {
      const path = resolveFontFile(decodeURIComponent(url.pathname.slice(7)));
      if (!path) return void res.writeHead(404).end();
      res
        .writeHead(200, { 'content-type': 'font/ttf', 'cache-control': 'max-age=3600' })
        .end(readFileSync(path));
    } else if (url.pathname.startsWith('/assets/')) {
      const bytes = subject().assets.get(decodeURIComponent(url.pathname.slice(8)));
      if (!bytes) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'image/jpeg', 'cache-control': 'max-age=3600' }).end(bytes);
    } else if (url.pathname === '/doc.html') {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(html());
    } else res.writeHead(404).end();
  });
  return listenOnLoopback(server).then((base) => ({ server, base }));
}

/**
 * One warm-up run (fonts parsed, code loaded, the browser's cache filled), then
 * RUNS timed ones: the median ms and the size of the last output. Folio and
 * Chromium are timed by this same loop.
 */
async function timeOutput(once: () => Promise<{ length: number }>): Promise<{ ms: number; bytes: number }> {
  await once();
  const samples: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    size = (await once()).length;
    samples.push(performance.now() - start);
  }
  return { ms: stats(samples).median, bytes: size };
}

/**
 * Median export time. `cold`: the prepared-image cache is emptied before each
 * run, so every photo is converted again (a first export); otherwise photos
 * prepared by an earlier export of the process are reused (a re-export).
 */
async function timeFolio(
  subject: Subject,
  preset: ExportPreset,
  cold: boolean,
): Promise<{ ms: number; bytes: number }> {
  const options = resolveOptions({ preset, marks: false, exportedAt: new Date('2026-01-01T00:00:00Z') });
  const once = () => {
    if (cold) clearImageCache();
    return renderPdf({
      edition: subject.edition,
      displayList: subject.list,
      assets: subject.assets,
      options,
    });
  };
  return timeOutput(once);
}

function htmlFor(subject: Subject): string {
  return displayListHtml(
    subject.list,
    (file) => `/fonts/${encodeURIComponent(file)}`,
    (assetId) => `/assets/${encodeURIComponent(assetId)}`,
  );
}

/** Load (HTML, fonts, images from the browser's cache after the first run), wait for fonts, print. */
async function timeChromium(browser: Browser, base: string): Promise<{ ms: number; bytes: number }> {
  const page = await browser.newPage();
  const once = async () => {
    await page.goto(`${base}/doc.html`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page.pdf({ preferCSSPageSize: true, printBackground: true });
  };
  const timed = await timeOutput(once);
  await page.close();
  return timed;
}

export const bench: Bench = {
  title: 'PDF export vs Chromium page.pdf() of the same display list',
  async run() {
    const subjects: Subject[] = [];
    const sample = await sampleSubject();
    if (sample) subjects.push(sample);
    else
      console.log(
        '  (sample edition not available in this build: main/sample loadSampleEdition missing; synthetic edition only)',
      );
    const synthetic = await composedFixture(24);
    const syntheticList = await composeForExport(synthetic.edition);
    subjects.push({ name: 'synthetic 24 pages', ...synthetic, list: syntheticList });
    // The same pages without the photo: text, fonts and rules only (subsetting is the cost the issue says to beat).
    subjects.push({
      name: 'synthetic 24 pages, text only',
      ...synthetic,
      list: {
        ...syntheticList,
        pages: syntheticList.pages.map((page) => ({
          ...page,
          items: page.items.filter((i) => i.kind !== 'image'),
        })),
      },
    });

    let current = subjects[0];
    let html = '';
    const { server, base } = await serve(
      () => current,
      () => html,
    );
    const browser = await launchChromium();
    const results: BenchResult[] = [];
    try {
      for (const subject of subjects) {
        current = subject;
        html = htmlFor(subject);
        const chrome = await timeChromium(browser, base);
        const cases = [
          { preset: 'press', cold: true, label: 'press, first export' },
          { preset: 'press', cold: false, label: 'press, re-export' },
          { preset: 'proof', cold: true, label: 'proof' },
        ] as const;
        for (const { preset, cold, label } of cases) {
          const folio = await timeFolio(subject, preset, cold);
          const speed = chrome.ms / folio.ms;
          results.push({
            name: `${subject.name}, ${label}: export time`,
            value: folio.ms,
            unit: 'ms',
            baseline: { name: 'Chromium page.pdf()', value: chrome.ms },
            goal: '≥ 2× faster',
            met: speed >= 2,
          });
          if (!cold && preset === 'press') continue; // same bytes as the first export
          results.push({
            name: `${subject.name}, ${preset}: PDF size (ratio = Chromium ÷ Folio)`,
            value: folio.bytes / 1024,
            unit: 'KB',
            baseline: { name: 'Chromium page.pdf()', value: chrome.bytes / 1024 },
            goal: 'no larger (ratio ≥ 1×)',
            met: folio.bytes <= chrome.bytes,
          });
        }
        if (subject.list.pages[0].items.some((i) => i.kind === 'image' && i.assetId)) {
          const { differences, unfiltered } = await photoDifferences(subject);
          const worst = Math.max(...differences);
          const list = (values: number[]) => values.map((d) => d.toFixed(2)).join(', ');
          results.push({
            name: `${subject.name}, press: photo difference at 300 dpi vs full resolution, quality 100, at halftone-cell scale (worst photo; all: ${list(differences)}; pixel by pixel: ${list(unfiltered)})`,
            value: worst,
            unit: 'levels of 255',
            goal: '< 2',
            met: worst < 2,
          });
        }
        // What is in the file: photos, fonts, reading order, tags, threads, PDF/X (the text-only pages add nothing new).
        if (!subject.name.includes('text only')) results.push(...(await outputFigures(subject)));
      }
    } finally {
      await browser.close();
      server.close();
    }
    return results;
  },
};
