/**
 * The app's figures, in Debian Chromium against the browser host:
 *  - `npm run web` to the sample page painted (the host builds the renderer,
 *    serves it, the renderer fetches fonts and the shaper, composes, paints),
 *    against Chromium painting the same copy as a plain HTML page;
 *  - the canvas repainted after a zoom change, against a frame with no change;
 *  - renderer memory (JS heap, CDP) with a 24-page edition, against the sample.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BrowserContext, Page } from 'playwright-core';
import { editionBackend } from '../../main/services/edition-backend';
import { MemoryPreferences } from '../../main/services/preferences';
import { startWebHost } from '../../main/web/host';
import { buildRenderer, RENDERER_OUT } from '../../scripts/build';
import { launchBrowser } from '../e2e/support/browser';
import { ROOT } from '../e2e/support/web-host';
import { stats, type Bench, type BenchResult } from './bench';
import { syntheticEdition } from './compose.bench';

async function waitPainted(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.painted !== undefined, null, { timeout: 120_000 });
  if ((await page.evaluate(() => document.body.dataset.painted)) !== 'true')
    throw new Error('the page did not paint');
}

/** Spawns `npm run web` (tsx as npm runs it) and resolves with its first line and the spawn time. */
async function startWeb(): Promise<{ url: string; started: number; stop(): void }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'main', 'web', 'serve.ts'), '--no-open'],
    {
      cwd: ROOT,
      env: { ...process.env, FOLIO_DATA_DIR: mkdtempSync(join(tmpdir(), 'folio-bench-')) },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`npm run web exited with ${code}`)));
  });
  return { url, started, stop: () => child.kill('SIGTERM') };
}

/** The seed page's copy as a plain HTML page (the browser lays it out itself). */
function seedHtml(): string {
  const seedDir = join(ROOT, '..', 'shared', 'seed');
  const text = readFileSync(
    join(
      seedDir,
      readdirSync(seedDir).find((name) => name.endsWith('.txt'))!,
    ),
    'utf8',
  );
  const body = text
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</p>`)
    .join('');
  return `<!doctype html><html lang="zh-Hans"><body style="columns:8;width:1474px">${body}</body></html>`;
}

async function startup(browser: BrowserContext): Promise<BenchResult> {
  const samples: number[] = [];
  const baselines: number[] = [];
  for (let run = 0; run < 3; run++) {
    const page = await browser.newPage();
    const web = await startWeb();
    await page.goto(web.url);
    await waitPainted(page);
    samples.push(performance.now() - web.started);
    web.stop();
    await page.close();

    const plain = await browser.newPage();
    const began = performance.now();
    await plain.setContent(seedHtml());
    await plain.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    baselines.push(performance.now() - began);
    await plain.close();
  }
  return {
    name: 'npm run web → sample page painted (median of 3, renderer build included)',
    value: stats(samples).median,
    unit: 'ms',
    baseline: { name: 'Chromium paints the seed copy as plain HTML', value: stats(baselines).median },
  };
}

/** Milliseconds from a click to the frame after React committed it. */
async function clickToFrame(page: Page, testId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const button = document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
    const began = performance.now();
    button.click();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - began;
  }, testId);
}

async function zoomRepaint(page: Page): Promise<BenchResult> {
  const zoom: number[] = [];
  const idle: number[] = [];
  await page.getByTestId('zoom-actual').click();
  for (let i = 0; i < 12; i++) {
    zoom.push(await clickToFrame(page, i % 2 === 0 ? 'zoom-in' : 'zoom-out'));
    idle.push(await clickToFrame(page, 'zoom-level'));
  }
  return {
    name: 'canvas repaint after a zoom change (sample page, median)',
    value: stats(zoom).median,
    unit: 'ms',
    baseline: { name: 'a frame with no change', value: stats(idle).median },
  };
}

async function heapMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')!.value / 2 ** 20;
}

async function memory(browser: BrowserContext, samplePage: Page): Promise<BenchResult> {
  const sampleHeap = await heapMb(samplePage);
  const host = await startWebHost({
    rendererDir: RENDERER_OUT,
    backend: {
      ...editionBackend,
      fromTemplate: async () => ({ edition: syntheticEdition(24), assets: new Map() }),
    },
    preferences: new MemoryPreferences(),
    editionPath: null,
    journalDir: mkdtempSync(join(tmpdir(), 'folio-bench-journal-')),
  });
  try {
    const page = await browser.newPage();
    await page.goto(host.url);
    await waitPainted(page);
    const pages = await page.locator('svg.page').count();
    if (pages !== 24) throw new Error(`expected 24 pages painted, found ${pages}`);
    const heap = await heapMb(page);
    await page.close();
    return {
      name: 'renderer JS heap, 24-page edition (fonts held once)',
      value: heap,
      unit: 'MB',
      baseline: { name: 'the 1-page sample edition', value: sampleHeap },
    };
  } finally {
    await host.close();
  }
}

export const bench: Bench = {
  title: 'App: browser host, canvas, renderer memory',
  async run() {
    await buildRenderer({ quiet: true });
    const browser = await launchBrowser({ viewport: { width: 1600, height: 1000 } });
    try {
      const results = [await startup(browser)];
      const web = await startWeb();
      try {
        const page = await browser.newPage();
        await page.goto(web.url);
        await waitPainted(page);
        results.push(await zoomRepaint(page));
        results.push(await memory(browser, page));
      } finally {
        web.stop();
      }
      return results;
    } finally {
      await browser.close();
    }
  },
};
